// Request -> Xapian::Query, in one place. Pure given the database (which supplies
// wildcard expansion and spelling data), so tests can check get_description().
#pragma once
#include "analysis.h"
#include "index_gazetteer.h"
#include "request.h"

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace privsearch::searcher {

class QueryBuilder {
public:
    QueryBuilder(const Xapian::Database& db, const IndexGazetteer& gazetteer);

    // The text query AND the filters, as the index is searched; everything when both
    // are empty.
    Xapian::Query build(const SearchRequest& r) const;
    // The same as the user wrote it, before the common words in its phrases are
    // pooled (common_words.h): what snippets highlight (through for_highlighting).
    Xapian::Query written(const SearchRequest& r) const;
    // The text query alone, as the index is searched: words, phrases, operators and
    // field prefixes.
    Xapian::Query text(const SearchRequest& r) const;
    // The filters, leaving out one entity facet's own (for disjunctive facet counts).
    Xapian::Query filters(const Filters& f, std::optional<schema::Facet> except = std::nullopt) const;

    // "Did you mean": the query with misspelt words corrected from the index's
    // spelling data, or nothing when no word needs it.
    std::optional<std::string> spelling_suggestion(const SearchRequest& r) const;

    // The query text with each entity named in it also standing for the articles
    // tagged with that entity: `Immigration and Customs Enforcement` becomes
    // `("Immigration and Customs Enforcement" OR agency:"ICE")`.
    std::string expand_entities(std::string_view normalized_query) const;

    const EntityMatcher& matcher() const { return gazetteer_.matcher(); }

private:
    using ErrorSink = std::shared_ptr<std::optional<std::string>>;
    Xapian::QueryParser parser(const SearchRequest& r, const ErrorSink& errors) const;
    Xapian::Query parse(const SearchRequest& r, unsigned extra_flags) const;
    Xapian::Query text_as_written(const SearchRequest& r) const;

    const Xapian::Database& db_;
    const IndexGazetteer& gazetteer_;
    const Xapian::Stem stem_ = stemmer();  // to tell a stem that is a word (word_forms.h)
};

// Resolves a user's facet value (any case, any alias) to the canonical name;
// an unknown value is a UserError listing the closest known ones.
std::string resolve_entity(const IndexGazetteer& g, schema::Facet facet, std::string_view value);

// A date bound from a user ("2019", "2019-08", "2019-08-08", "August 8, 2019") as a
// sortable "YYYYMMDD": the first day it names, or with `upper` the last.
std::string date_bound(std::string_view text, bool upper);

}  // namespace privsearch::searcher
