// Runs requests against the index and returns plain results; never prints.
#pragma once
#include "gazetteer.h"
#include "query_builder.h"
#include "request.h"
#include "result.h"

#include <xapian.h>

#include <vector>

namespace privsearch::searcher {

class Searcher {
public:
    Searcher(Xapian::Database& db, const Gazetteer& gazetteer);

    SearchResult search(const SearchRequest& r);

    // How many articles match; with `by`, how many per value of that facet.
    std::size_t count(const SearchRequest& r);
    std::vector<FacetValue> count_by(const SearchRequest& r, schema::Facet by);
    // Exact counts of the wanted facets over everything the request matches.
    FacetCounts facet_counts(const SearchRequest& r, const std::vector<schema::Facet>& wanted);

    const QueryBuilder& queries() const { return builder_; }
    Xapian::Database& db() { return db_; }

    // Facets shown with search results.
    static const std::vector<schema::Facet>& result_facets();

private:
    SearchResult run(const SearchRequest& r);
    FacetCounts count_facets(const Xapian::Query& q, const std::vector<schema::Facet>& wanted);
    void add_disjunctive_counts(const SearchRequest& r, FacetCounts& counts);

    Xapian::Database& db_;
    QueryBuilder builder_;
};

}  // namespace privsearch::searcher
