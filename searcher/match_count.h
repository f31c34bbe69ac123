// Exact totals and facet counts over every match of a query, in a pass of their own
// beside the ranking pass (which may stop early). No weights are computed
// (a zero weight): ranking every match by BM25 only to count it cost a third more. A
// word or words ORed, and words joined by the other boolean operators when many matches
// are expected, are counted from their posting lists directly.
#pragma once
#include "result.h"
#include "schema.h"

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace privsearch {
class FacetTable;
}  // namespace privsearch

namespace privsearch::searcher {

struct Counted {
    FacetCounts facets;
    Xapian::doccount matches = 0;
};

// The postings a count of the query may read, its terms' frequencies summed, or
// `enough` if they reach it (the sum stops there).
std::uint64_t postings_of(const Xapian::Database& db, const Xapian::Query& q, std::uint64_t enough);

// Whether count_matches reads the query's posting lists (rather than running
// Xapian's matcher), given `expected` matches.
bool counts_from_postings(const Xapian::Database& db, const Xapian::Query& q, Xapian::doccount expected);

// The terms of a query that is one term or terms ORed (or synonyms), else nothing.
std::optional<std::vector<std::string>> disjunction_terms(const Xapian::Query& q);

// With a table (read at db's revision), facets are counted from it. `expected`, the
// ranking pass's estimate of the matches, says whether reading the posting lists of
// words joined by AND or NOT beats Xapian's matcher (0: words ORed only).
Counted count_matches(Xapian::Database& db, const Xapian::Query& q, const std::vector<schema::Facet>& wanted,
                      const FacetTable* table = nullptr, Xapian::doccount expected = 0);

}  // namespace privsearch::searcher
