// Runs requests against the index and returns plain results; never prints.
#pragma once
#include "article_store.h"
#include "gazetteer.h"
#include "query_builder.h"
#include "facet_table.h"
#include "request.h"
#include "result.h"

#include <xapian.h>

#include <future>
#include <optional>
#include <string>
#include <vector>

namespace privsearch::searcher {

class Searcher {
public:
    // `db_path`: where `db` was opened from, for the stored articles' dictionary file.
    Searcher(Xapian::Database& db, const IndexGazetteer& gazetteer, const std::string& db_path);

    SearchResult search(const SearchRequest& r);

    // Many queries will follow (--batch): broad ones may read every document's facets
    // once (FacetTable) rather than each match's again, when the index has no table
    // saved for its revision.
    void expect_many_queries() { many_queries_ = true; }
    // Reads that table now, on another thread with its own handle on the index, while
    // the first queries run: read when the first broad query came, it made that query
    // the slowest of a bbc10 batch (13M instructions, 4 ms). A batch that ends first
    // waits for the read (std::future), as long as it would have taken.
    void prefetch_facet_table();

    // How many articles match; with `by`, how many per value of that facet.
    std::size_t count(const SearchRequest& r);
    std::vector<FacetValue> count_by(const SearchRequest& r, schema::Facet by);
    // Exact counts of the wanted facets over everything the request matches.
    FacetCounts facet_counts(const SearchRequest& r, const std::vector<schema::Facet>& wanted);

    const QueryBuilder& queries() const { return builder_; }
    Xapian::Database& db() { return db_; }
    ArticleStore& articles() { return articles_; }

    // Facets shown with search results.
    static const std::vector<schema::Facet>& result_facets();

private:
    SearchResult run(const SearchRequest& r);
    FacetCounts count_facets(const Xapian::Query& q, const std::vector<schema::Facet>& wanted);
    void add_disjunctive_counts(const SearchRequest& r, FacetCounts& counts);

    // The facet table for a query with about `matches` matches, or none.
    const FacetTable* facet_table(Xapian::doccount matches);
    // The one the indexer saved for the index's state, mapped, for a count of about
    // `matches` (the index's size: a broad count); none without one.
    const FacetTable* saved_facet_table(Xapian::doccount matches);
    // The table if it has been read and is current; never waits.
    const FacetTable* ready_facet_table();

    Xapian::Database& db_;
    std::string db_path_;
    ArticleStore articles_;
    QueryBuilder builder_;
    bool many_queries_ = false;
    std::optional<FacetTable> facet_table_;
    std::future<std::optional<FacetTable>> prefetched_table_;
    std::optional<FacetTable> saved_table_;
    std::string saved_table_tried_;  // the revision and uuid it was last looked for at
};

}  // namespace privsearch::searcher
