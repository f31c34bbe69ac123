#pragma once
#include "result.h"
#include "schema.h"

#include <xapian.h>

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace privsearch {
class FacetTable;
}  // namespace privsearch

namespace privsearch::searcher {

// Counts facet values over a whole match set from the one facet value slot
// (Slot::Facets): a multi-valued facet is counted exactly, one pass, one value read
// per matching document (none with a FacetTable), and no term lists touched.
class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(std::vector<schema::Facet> wanted, const FacetTable* table = nullptr);
    // A table found once the matches seen make it worth having: `table_for(n)` is
    // asked as n, the matches seen so far, reaches each power of two, until it gives one.
    // For a count whose size is unknown when it starts (one inside a ranking pass).
    using TableSource = std::function<const FacetTable*(Xapian::doccount)>;
    FacetSpy(std::vector<schema::Facet> wanted, TableSource table_for);

    void operator()(const Xapian::Document& doc, double weight) override;
    // What operator() does, for a caller that has the document's id, or its
    // Slot::Facets value, without a Document.
    void add_document(Xapian::docid did);  // with a table
    void add_value(const std::string& facets);
    Xapian::MatchSpy* clone() const override { return new FacetSpy(wanted_, table_); }
    std::string name() const override { return "privsearch::FacetSpy"; }

    // Counts per facet: most frequent first, years and months in date order.
    FacetCounts counts();

private:
    std::vector<schema::Facet> wanted_;
    bool want_[256] = {};
    // Whole Slot::Facets values: articles share them (same source and year, few
    // entities), so a match costs one look-up, and each distinct value is split once.
    // Past a few thousand distinct ones they are split into entries_, which keeps the
    // memory to the facet values an index has, whatever the matches.
    std::unordered_map<std::string, std::size_t> values_;
    std::unordered_map<std::string, std::size_t> entries_;  // facet code + value
    void split_values();
    void adopt(const FacetTable* table);
    const FacetTable* table_ = nullptr;
    std::vector<std::size_t> table_counts_;  // by the table's entry numbers
    TableSource table_for_;
    Xapian::doccount seen_ = 0;
};

}  // namespace privsearch::searcher
