#include "searcher.h"

#include "common_words.h"
#include "facet_spy.h"
#include "match_count.h"
#include "index.h"
#include "query_rewrite.h"
#include "snippet.h"

#include <chrono>

namespace privsearch::searcher {
namespace {

std::vector<std::string> query_terms(const Xapian::Query& q) {
    return {q.get_unique_terms_begin(), q.get_unique_terms_end()};
}

bool has_words(const SearchRequest& r) { return r.query.find_first_not_of(" \t") != std::string::npos; }

// Whether the page of hits is every match there is.
bool holds_every_match(const Xapian::MSet& mset, const SearchRequest& r) {
    return r.offset == 0 && mset.get_matches_lower_bound() == mset.get_matches_upper_bound() &&
           mset.get_matches_upper_bound() == mset.size();
}

// Facet counts over the hits themselves.
Counted count_hits(const Xapian::MSet& mset, const std::vector<schema::Facet>& wanted) {
    FacetSpy spy(wanted);
    for (auto it = mset.begin(); it != mset.end(); ++it) spy(it.get_document(), it.get_weight());
    return {spy.counts(), mset.size()};
}

// Waits for a count handed to the worker when run() leaves without it (what it threw):
// a retry reopens the index handle and may change the tables the count reads.
struct WaitOnLeaving {
    std::future<Counted>& count;
    ~WaitOnLeaving() {
        if (count.valid()) count.wait();
    }
};

// An MSet that carries `q`, for MSet::snippet to look for its words and phrases in
// text: the index's query has a pooled common word (common_words.h) in a phrase, which
// no text holds (for_highlighting). It need match nothing for that.
Xapian::MSet carrying(const Xapian::Database& db, const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    return enquire.get_mset(0, 0);
}

void apply_sort(Xapian::Enquire& enquire, const SearchRequest& r) {
    const unsigned slot = schema::slot(schema::Slot::Date);
    Sort sort = r.sort;
    // Without words there is no relevance to rank by: newest first.
    if (sort == Sort::Relevance && !has_words(r)) sort = Sort::Newest;
    if (sort == Sort::Newest) enquire.set_sort_by_value_then_relevance(slot, true);
    else if (sort == Sort::Oldest) enquire.set_sort_by_value_then_relevance(slot, false);
}

// Only the filters a facet's own values can be chosen from are left out of its counts.
std::optional<schema::Facet> filtered_facet(const Filters& f, schema::Facet facet) {
    if (schema::is_entity_facet(facet)) {
        auto it = f.entities.find(facet);
        if (it != f.entities.end() && !it->second.empty()) return facet;
    }
    if (facet == schema::Facet::Source && !f.sources.empty()) return facet;
    return std::nullopt;
}

// Revision and uuid: an index built anew at the path can reach the same revision.
bool same_state(const Xapian::Database& a, const Xapian::Database& b) {
    return a.get_revision() == b.get_revision() && a.get_uuid() == b.get_uuid();
}

}  // namespace

Searcher::Searcher(Xapian::Database& db, const IndexGazetteer& gazetteer, const std::string& db_path)
    : db_(db), db_path_(db_path), articles_(db, db_path), builder_(db, gazetteer) {}

const std::vector<schema::Facet>& Searcher::result_facets() {
    using schema::Facet;
    static const std::vector<Facet> facets = {Facet::Agency, Facet::Platform, Facet::Organization,
                                              Facet::Company, Facet::Source, Facet::Year};
    return facets;
}

SearchResult Searcher::search(const SearchRequest& r) {
    const auto start = std::chrono::steady_clock::now();
    SearchResult result = with_retry(db_, [&](Xapian::Database&) { return run(r); });
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

SearchResult Searcher::run(const SearchRequest& r) {
    const Xapian::Query written = builder_.written(r);
    const auto pooled = with_common_words_pooled(written);
    Xapian::Enquire enquire(db_);
    enquire.set_query(pooled.value_or(written));
    apply_sort(enquire, r);
    // The query's terms, not each hit's matching terms: those cost a term list read a hit.
    const std::vector<std::string> terms = query_terms(written);
    const bool wildcards =
        any_part(written, [](const Xapian::Query& q) { return q.get_type() == Xapian::Query::OP_WILDCARD; });
    // Checking one match past the page costs next to nothing and tells a query with no
    // more matches than the page that it has them all: its facets are counted from the
    // hits (a phrase's bounds were otherwise left inexact, and a second pass matched it
    // again).
    const auto first = static_cast<Xapian::doccount>(r.offset), page = static_cast<Xapian::doccount>(r.limit);
    // A query that checks positions is counted in its ranking pass, made to see every
    // match: a counting pass of its own read the positions again, the dearest part of
    // either ("for id cards" on bbc10, 90 matches: 1.51 -> 1.13 ms). Other queries
    // are not: seeing every match costs Xapian's ranking pass more than a count
    // ("year": 7.6M + 2.8M instructions -> 31M).
    std::optional<FacetSpy> spy;
    if (r.facets && any_part(written, positional)) {
        spy.emplace(result_facets(), [this](Xapian::doccount seen) { return facet_table(seen); });
        enquire.add_matchspy(&*spy);
    }
    const bool count_while_ranking = spy.has_value();
    std::future<Counted> counted_beside =
        r.facets && !count_while_ranking ? count_beside(enquire.get_query()) : std::future<Counted>();
    const WaitOnLeaving wait_for_count(counted_beside);
    Xapian::MSet mset =
        enquire.get_mset(first, page, count_while_ranking ? db_.get_doccount() : first + page + 1);
    // Snippets highlight the query as written: a phrase's common words pooled match no text.
    const bool snippets = r.snippets && has_words(r) && !mset.empty();
    const Xapian::Query highlighted = snippets && pooled ? for_highlighting(written).value_or(written) : written;
    // Xapian's snippets, for the words of wildcards: from an MSet carrying that query.
    const bool xapian_highlights = snippets && wildcards;
    const Xapian::MSet shown = xapian_highlights && pooled ? carrying(db_, highlighted) : mset;
    std::optional<Highlights> highlights;
    if (snippets && !xapian_highlights) highlights.emplace(highlighted);
    SearchResult result;
    result.total = mset.get_matches_estimated();
    result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Hit hit;
        hit.rank = r.offset + it.get_rank() - mset.get_firstitem() + 1;
        hit.score = it.get_weight();
        hit.article = articles_.read(it.get_document());
        if (r.snippets)
            hit.snippet = !has_words(r)       ? lead_snippet(hit.article.article.text, r.snippet_length)
                          : xapian_highlights ? xapian_snippet(shown, hit.article.article.text, terms, r.snippet_length)
                                              : make_snippet(hit.article.article.text, terms, *highlights, r.snippet_length);
        result.hits.push_back(std::move(hit));
    }
    if (r.facets) {
        // Exact facet counts (and so an exact total) see every match: a pass of their
        // own (match_count.h) beside the ranking pass, which may stop early, unless the
        // hits are all the matches. Matching again was the dearest part of the slowest
        // batch queries on bbc10: phrases of common words with ten matches
        // ("blair up for", 5.4 ms), whose positions each pass reads.
        Counted all = count_while_ranking          ? Counted{spy->counts(), mset.get_matches_estimated()}
                      : counted_beside.valid()     ? counted_beside.get()
                      : holds_every_match(mset, r) ? count_hits(mset, result_facets())
                                                   : count_matches(db_, enquire.get_query(), result_facets(),
                                                                   facet_table(mset.get_matches_estimated()),
                                                                   mset.get_matches_estimated());
        result.total = all.matches;
        result.total_exact = true;
        result.facets = std::move(all.facets);
        add_disjunctive_counts(r, result.facets);
    }
    if (result.total == 0) result.did_you_mean = builder_.spelling_suggestion(r);
    return result;
}

void Searcher::prefetch_facet_table() {
    if (saved_facet_table(db_.get_doccount())) return;
    prefetched_table_ = std::async(std::launch::async, [db_path = db_path_]() -> std::optional<FacetTable> {
        try {
            return FacetTable(Xapian::Database(db_path));
        } catch (const Xapian::Error&) {
            return std::nullopt;  // the first broad query reads it, and reports what is wrong
        }
    });
}

const FacetTable* Searcher::ready_facet_table() {
    if (!many_queries_) return nullptr;
    if (prefetched_table_.valid() && prefetched_table_.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        facet_table_ = prefetched_table_.get();
    if (facet_table_ && facet_table_->reads(db_)) return &*facet_table_;
    return nullptr;
}

const FacetTable* Searcher::saved_facet_table(Xapian::doccount matches) {
    if (saved_table_ && saved_table_->reads(db_)) return &*saved_table_;
    // Mapping checks the whole file's checksum, some 6.5 instructions a document, and
    // opens, maps and faults in the file; reading a match's value costs 400 instructions
    // where matches are dense and 3,000 where they are sparse, as narrow queries' are (a
    // seek in the value stream each). Callgrind on bbc10's narrow words put the break-even
    // at about 20 matches of 22,250 ("rebuts"); at 1/64 of the index, as before, "pioneers"
    // (260 matches) read values for 0.78M instructions where the table cost 0.15M.
    constexpr Xapian::doccount kWorthMapping = 1024;
    if (matches < db_.get_doccount() / kWorthMapping) return nullptr;
    // Looked for once a revision: a batch's index may be updated, or built anew, under it.
    std::string state = std::to_string(db_.get_revision()) + ' ' + db_.get_uuid();
    if (saved_table_tried_ == state) return nullptr;
    saved_table_tried_ = std::move(state);
    saved_table_ = FacetTable::map(db_path_, db_);
    return saved_table_ ? &*saved_table_ : nullptr;
}

const FacetTable* Searcher::facet_table(Xapian::doccount matches) {
    if (const FacetTable* saved = saved_facet_table(matches)) return saved;
    // Once read (on the other core, from the batch's start), the table serves every
    // count: each match's value read and parsed had been most of a counting pass ("great
    // year" on bbc10). Reading it costs about what reading the values of an eighth of
    // the index does: only a query that would read more waits for it or reads it anew.
    if (const FacetTable* ready = ready_facet_table()) return ready;
    if (!many_queries_ || matches < db_.get_doccount() / 8) return nullptr;
    if (prefetched_table_.valid()) facet_table_ = prefetched_table_.get();
    if (!facet_table_ || !facet_table_->reads(db_)) facet_table_.emplace(db_);
    return &*facet_table_;
}

void Searcher::expect_many_queries() {
    many_queries_ = true;
    // The first query with hits loaded the records' dictionary and set up zstd (35 us of
    // CPUID on this guest): 0.4 ms for the second line of an agnews batch, its p99.
    articles_.prepare();
    // An index this large has counts worth handing over: the handle is opened and the
    // thread started now, not in the first such query's time (0.3 ms more, enough to
    // make it a bbc10 batch's slowest). A smaller one starts the thread only if a query
    // hands a count over: once a process has a second thread, glibc's malloc takes a
    // lock at every call (bbc10 median +2-4%).
    if (db_.get_doccount() < kPostingsApart) return;
    counting_db();
    worker_.run([] {});
}

Xapian::Database& Searcher::counting_db() {
    if (!counting_db_) counting_db_.emplace(db_path_);
    if (!same_state(*counting_db_, db_)) counting_db_->reopen();
    return *counting_db_;
}

std::future<Counted> Searcher::count_beside(const Xapian::Query& q) {
    const std::uint64_t apart = many_queries_ ? kPostingsApart : kPostingsApartAlone;
    // No term has more postings than the index has documents: most searches are known
    // to stay put without looking any term up.
    const auto terms = static_cast<std::uint64_t>(std::distance(q.get_unique_terms_begin(), q.get_unique_terms_end()));
    if (std::uint64_t{db_.get_doccount()} * terms < apart || postings_of(db_, q, apart) < apart) return {};
    Xapian::Enquire estimate(db_);  // from the terms' statistics, without matching
    estimate.set_query(q);
    const Xapian::doccount expected = estimate.get_mset(0, 0).get_matches_estimated();
    if (!counts_from_postings(db_, q, expected)) return {};
    Xapian::Database& db = counting_db();
    if (!same_state(db, db_)) return {};  // updated or rebuilt since: count here
    // Chosen here: the searcher's tables are not for two threads to choose.
    const FacetTable* table = facet_table(expected);
    // The query crosses serialised: Query handles share reference counts that are
    // not atomic.
    return worker_.run([&db, serialised = q.serialise(), table, expected] {
        return count_matches(db, Xapian::Query::unserialise(serialised), result_facets(), table, expected);
    });
}

FacetCounts Searcher::count_facets(const Xapian::Query& q, const std::vector<schema::Facet>& wanted) {
    return with_retry(db_, [&](Xapian::Database&) {
        return count_matches(db_, q, wanted, saved_facet_table(db_.get_doccount())).facets;
    });
}

void Searcher::add_disjunctive_counts(const SearchRequest& r, FacetCounts& counts) {
    for (auto facet : result_facets()) {
        auto own = filtered_facet(r.filters, facet);
        if (!own) continue;
        Xapian::Query q(Xapian::Query::OP_FILTER, builder_.text(r), builder_.filters(r.filters, own));
        counts[facet] = count_facets(q, {facet})[facet];
    }
}

std::size_t Searcher::count(const SearchRequest& r) {
    return with_retry(db_, [&](Xapian::Database&) {
        return static_cast<std::size_t>(count_matches(db_, builder_.build(r), {}).matches);
    });
}

std::vector<FacetValue> Searcher::count_by(const SearchRequest& r, schema::Facet by) {
    return facet_counts(r, {by})[by];
}

FacetCounts Searcher::facet_counts(const SearchRequest& r, const std::vector<schema::Facet>& wanted) {
    return count_facets(builder_.build(r), wanted);
}

}  // namespace privsearch::searcher
