// Plain results the searcher hands to a printer; nothing here knows about output.
#pragma once
#include "schema.h"
#include "stored_article.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace privsearch::searcher {

struct Highlight {
    std::size_t begin = 0;  // byte offsets into the snippet text
    std::size_t end = 0;
    bool operator==(const Highlight&) const = default;
};

struct Snippet {
    std::string text;
    std::vector<Highlight> highlights;
};

struct Hit {
    std::size_t rank = 0;  // 1-based, counting from the first result, not the page
    double score = 0;
    StoredArticle article;
    Snippet snippet;
};

struct FacetValue {
    std::string value;
    std::size_t count = 0;
    bool operator==(const FacetValue&) const = default;
};
using FacetCounts = std::map<schema::Facet, std::vector<FacetValue>>;

struct SearchResult {
    std::size_t total = 0;
    bool total_exact = true;
    std::vector<Hit> hits;
    FacetCounts facets;
    std::optional<std::string> did_you_mean;
    double took_ms = 0;  // time to answer, for scripts that measure (JSON "took_ms")
};

}  // namespace privsearch::searcher
