// Runs requests against the index and returns plain results; never prints.
#pragma once
#include "article_store.h"
#include "gazetteer.h"
#include "query_builder.h"
#include "facet_table.h"
#include "match_count.h"
#include "request.h"
#include "result.h"
#include "worker.h"

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
    // It also readies, on a large index, what count_beside counts with: a handle on
    // the index and a thread.
    void expect_many_queries();
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

    // A count of the query's matches and facets started on the other core, with a
    // handle of its own on the index, when it will read many postings; else none
    // (not valid): the ranking pass and the snippets run meanwhile.
    std::future<Counted> count_beside(const Xapian::Query& q);
    // Handing a count over costs ~60 µs, mostly waking the other core of a virtual
    // machine: a count of fewer postings than this, or one Xapian's matcher makes of
    // few matches (a broad word under a filter), costs less where it is. A search
    // alone in its process also opens the handle and starts the thread, ~0.3 ms more:
    // on bbc10 "year", "said" and "time" took 3.86 -> 4.06 ms handed over.
    static constexpr std::uint64_t kPostingsApart = 8192;
    static constexpr std::uint64_t kPostingsApartAlone = 65536;
    // count_beside's handle on the index, at db_'s revision if it can be.
    Xapian::Database& counting_db();

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
    std::optional<Xapian::Database> counting_db_;  // count_beside's
    Worker worker_;  // last: its thread ends before what its tasks use goes
};

}  // namespace privsearch::searcher
