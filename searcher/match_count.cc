#include "match_count.h"

#include "facet_spy.h"

namespace privsearch::searcher {

Counted count_matches(Xapian::Database& db, const Xapian::Query& q, const std::vector<schema::Facet>& wanted,
                      const FacetTable* table) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    FacetSpy spy(wanted, table);
    if (!wanted.empty()) enquire.add_matchspy(&spy);
    const Xapian::doccount matches = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    return {spy.counts(), matches};
}

}  // namespace privsearch::searcher
