#include "match_count.h"

#include "facet_spy.h"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>

namespace privsearch::searcher {
namespace {

// A set of document ids, a bit each.
using DocBits = std::vector<std::uint64_t>;

// No weights, as BoolWeight gives, but asking for each posting's wdf: given BoolWeight,
// Xapian 1.4 reads a term that every document holds from its list of all documents,
// which fails ("Unexpected end of posting list") once documents have been deleted.
class CountingWeight : public Xapian::Weight {
public:
    CountingWeight() { need_stat(WDF); }
    std::string name() const override { return "privsearch::CountingWeight"; }
    Xapian::Weight* clone() const override { return new CountingWeight; }
    void init(double) override {}
    double get_sumpart(Xapian::termcount, Xapian::termcount, Xapian::termcount) const override { return 0; }
    double get_maxpart() const override { return 0; }
    double get_sumextra(Xapian::termcount, Xapian::termcount) const override { return 0; }
    double get_maxextra() const override { return 0; }
};

bool collect_terms(const Xapian::Query& q, std::vector<std::string>& terms) {
    switch (q.get_type()) {
        case Xapian::Query::LEAF_TERM:
            terms.push_back(*q.get_terms_begin());
            return true;
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM:
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
                if (!collect_terms(q.get_subquery(i), terms)) return false;
            return true;
        default:
            return false;
    }
}

void mark(const Xapian::Database& db, const std::string& term, DocBits& bits) {
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p) bits[*p / 64] |= std::uint64_t{1} << (*p % 64);
}

// The documents a query of terms joined by Xapian's boolean operators matches, read
// from whole posting lists; nothing for a query with other parts (phrases, NEAR, value
// ranges, wildcards), which Xapian's matcher counts.
std::optional<DocBits> match_bits(const Xapian::Database& db, const Xapian::Query& q, std::size_t words) {
    using Q = Xapian::Query;
    const auto sub = [&](std::size_t i) { return match_bits(db, q.get_subquery(i), words); };
    const auto combine = [&](auto op) -> std::optional<DocBits> {
        auto out = sub(0);
        for (std::size_t i = 1; out && i < q.get_num_subqueries(); ++i) {
            auto next = sub(i);
            if (!next) return std::nullopt;
            for (std::size_t w = 0; w < words; ++w) (*out)[w] = op((*out)[w], (*next)[w]);
        }
        return out;
    };
    switch (q.get_type()) {
        case Q::LEAF_TERM: {
            DocBits bits(words);
            mark(db, *q.get_terms_begin(), bits);
            return bits;
        }
        case Q::LEAF_MATCH_ALL: {
            DocBits bits(words);
            mark(db, "", bits);  // the empty term's postings are every document
            return bits;
        }
        case Q::LEAF_MATCH_NOTHING:
            return DocBits(words);
        case Q::OP_SCALE_WEIGHT:  // weights only: the match set is its subquery's
        case Q::OP_AND_MAYBE:     // the rest only adds weight
            return sub(0);
        case Q::OP_OR:
        case Q::OP_SYNONYM: {  // a word's forms are marked in one set, not a set each
            DocBits out(words);
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
                const Q s = q.get_subquery(i);
                if (s.get_type() == Q::LEAF_TERM) {
                    mark(db, *s.get_terms_begin(), out);
                    continue;
                }
                auto next = match_bits(db, s, words);
                if (!next) return std::nullopt;
                for (std::size_t w = 0; w < words; ++w) out[w] |= (*next)[w];
            }
            return out;
        }
        case Q::OP_AND:
        case Q::OP_FILTER:
            return combine([](std::uint64_t a, std::uint64_t b) { return a & b; });
        case Q::OP_XOR:  // in an odd number of the subqueries
            return combine([](std::uint64_t a, std::uint64_t b) { return a ^ b; });
        case Q::OP_AND_NOT:  // in the first and none of the others
            return combine([](std::uint64_t a, std::uint64_t b) { return a & ~b; });
        default:
            return std::nullopt;
    }
}

// Whether reading the query's whole posting lists costs less than Xapian's matcher,
// which spends a few thousand instructions a match but skips through long lists: a
// posting read costs ~15.
bool postings_worth_reading(const Xapian::Database& db, const Xapian::Query& q, Xapian::doccount expected) {
    constexpr Xapian::doccount kPostingsPerMatch = 64;
    const std::uint64_t most = std::uint64_t{kPostingsPerMatch} * expected;
    return postings_of(db, q, most + 1) <= most;
}

// Calls fn(docid) for every document in the set, in docid order.
template <typename Fn>
Xapian::doccount for_each_doc(const DocBits& bits, Fn fn) {
    Xapian::doccount n = 0;
    for (std::size_t w = 0; w < bits.size(); ++w)
        for (std::uint64_t word = bits[w]; word != 0; word &= word - 1, ++n)
            fn(static_cast<Xapian::docid>(w * 64 + static_cast<std::size_t>(std::countr_zero(word))));
    return n;
}

// Calls fn(docid) for every document holding the term, in docid order.
template <typename Fn>
Xapian::doccount for_each_doc(const Xapian::Database& db, const std::string& term, Fn fn) {
    Xapian::doccount n = 0;
    for (auto p = db.postlist_begin(term); p != db.postlist_end(term); ++p, ++n) fn(*p);
    return n;
}

// Counts the matches `docs` (a set, or one term's postings: a rare term need not
// cost a set the size of the index) and their facets.
template <typename Docs>
Counted count_docs(const Xapian::Database& db, const Docs& docs, const std::vector<schema::Facet>& wanted,
                   const FacetTable* table) {
    const auto for_each = [&](auto fn) {
        if constexpr (std::is_same_v<Docs, DocBits>) return for_each_doc(docs, fn);
        else return for_each_doc(db, docs, fn);
    };
    if (wanted.empty()) return {{}, for_each([](Xapian::docid) {})};
    FacetSpy spy(wanted, table);
    Xapian::doccount n = 0;
    if (table) {
        n = for_each([&](Xapian::docid did) { spy.add_document(did); });
    } else {
        // One pass along the value stream, in docid order like the matches.
        const unsigned slot = schema::slot(schema::Slot::Facets);
        auto v = db.valuestream_begin(slot);
        const auto end = db.valuestream_end(slot);
        n = for_each([&](Xapian::docid did) {
            if (v != end) v.skip_to(did);
            spy.add_value(v != end && v.get_docid() == did ? *v : std::string());
        });
    }
    return {spy.counts(), n};
}

}  // namespace

std::uint64_t postings_of(const Xapian::Database& db, const Xapian::Query& q, std::uint64_t enough) {
    std::uint64_t postings = 0;
    for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end() && postings < enough; ++t)
        postings += db.get_termfreq(*t);
    return std::min(postings, enough);
}

bool counts_from_postings(const Xapian::Database& db, const Xapian::Query& q, Xapian::doccount expected) {
    return disjunction_terms(q) || postings_worth_reading(db, q, expected);
}

std::optional<std::vector<std::string>> disjunction_terms(const Xapian::Query& q) {
    std::vector<std::string> terms;
    if (!collect_terms(q, terms)) return std::nullopt;
    return terms;
}

Counted count_matches(Xapian::Database& db, const Xapian::Query& q, const std::vector<schema::Facet>& wanted,
                      const FacetTable* table, Xapian::doccount expected) {
    const auto terms = disjunction_terms(q);
    if (terms && terms->size() == 1) {
        // The term's frequency is exact: a deleted document leaves its posting lists.
        if (wanted.empty()) return {{}, db.get_termfreq(terms->front())};
        return count_docs(db, terms->front(), wanted, table);
    }
    // A word (its forms a synonym) or words ORed, or, when there are enough matches to
    // be worth it, words joined by AND, NOT and the rest: their posting lists, read
    // directly into a set of ids, give the match set. Xapian's matcher spent ~600
    // instructions a match on a word ("year" on bbc10, 14,550 matches: 8.4M for its
    // counting pass) and more on words ANDed ("great year", 2,140 matches: 3.5M).
    if (counts_from_postings(db, q, expected)) {
        if (auto docs = match_bits(db, q, db.get_lastdocid() / 64 + 1)) return count_docs(db, *docs, wanted, table);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(CountingWeight());
    FacetSpy spy(wanted, table);
    if (!wanted.empty()) enquire.add_matchspy(&spy);
    const Xapian::doccount matches = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    return {spy.counts(), matches};
}

}  // namespace privsearch::searcher
