// Every document's facet entries as small numbers, read once from the facet value
// stream (Slot::Facets). A searcher that answers many queries (--batch) counts a broad
// query's facets from it instead of reading each match's value again: that read was
// most of the cost of the slowest queries (a third of "said" on bbc10).
#pragma once
#include <xapian.h>

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace privsearch::searcher {

class FacetTable {
public:
    explicit FacetTable(const Xapian::Database& db);

    // Whether it was read from this database as it now is: a reopened database may
    // have other documents, and another index built anew has the same revision.
    bool reads(const Xapian::Database& db) const { return revision_ == db.get_revision() && uuid_ == db.get_uuid(); }
    // The document's entries, as numbers for entry().
    std::span<const std::uint32_t> entries(Xapian::docid did) const;
    // An entry: facet code, then value (as in Slot::Facets).
    const std::string& entry(std::uint32_t id) const { return names_[id]; }
    std::size_t entry_count() const { return names_.size(); }

private:
    std::uint32_t id_of(std::string_view entry);

    Xapian::rev revision_;
    std::string uuid_;
    std::vector<std::string> names_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    std::vector<std::uint32_t> first_;    // first_[did]: where did's entries start in all_
    std::vector<std::uint32_t> all_;
};

}  // namespace privsearch::searcher
