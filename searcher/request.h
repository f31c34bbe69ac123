// What a user asks of the searcher, after options are parsed and checked.
#pragma once
#include "schema.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace privsearch::searcher {

struct Filters {
    // Canonical names per entity facet; values within a facet are ORed, facets ANDed.
    std::map<schema::Facet, std::vector<std::string>> entities;
    std::vector<std::string> sources;
    std::optional<std::string> since;  // "YYYYMMDD", inclusive
    std::optional<std::string> until;  // "YYYYMMDD", inclusive

    bool empty() const { return entities.empty() && sources.empty() && !since && !until; }
};

enum class Sort { Relevance, Newest, Oldest };

struct SearchRequest {
    std::string query;
    Filters filters;
    bool any = false;    // OR the words instead of ANDing them
    bool exact = false;  // no stemming
    Sort sort = Sort::Relevance;
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::size_t snippet_length = 240;  // bytes of body text per snippet
    bool snippets = true;
    bool facets = true;
};

}  // namespace privsearch::searcher
