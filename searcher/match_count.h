// Exact totals and facet counts over every match of a query, in a pass of their own
// beside the ranking pass (which may stop early). No weights are computed
// (BoolWeight): ranking every match by BM25 only to count it cost a third more.
#pragma once
#include "result.h"
#include "schema.h"

#include <xapian.h>

#include <vector>

namespace privsearch::searcher {

struct Counted {
    FacetCounts facets;
    Xapian::doccount matches = 0;
};

class FacetTable;

// With a table (read at db's revision), facets are counted from it.
Counted count_matches(Xapian::Database& db, const Xapian::Query& q, const std::vector<schema::Facet>& wanted,
                      const FacetTable* table = nullptr);

}  // namespace privsearch::searcher
