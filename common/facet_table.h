// Every document's facet entries as small numbers, read from the facet value stream
// (Slot::Facets). Counting a broad query's facets from it costs a look-up a match
// instead of a value read and parse: reading the values was most of the slowest
// queries ("said" on bbc10), and of a one-shot query on a large index ("chief" on
// bbc10: 3.1M of 9.6M instructions, 43 of 92 block reads).
//
// The indexer saves it in the index directory (schema::files::facet_table) at the end
// of every run, for the revision it leaves; a searcher maps that file when it names
// the revision the searcher opened, and otherwise reads the value stream (and, for a
// batch, builds a table of its own).
#pragma once
#include "mapped_file.h"

#include <xapian.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace privsearch {

class FacetTable {
public:
    explicit FacetTable(const Xapian::Database& db);
    // The table saved for `db` as it now is, if the file at db_path is whole and names it.
    static std::optional<FacetTable> map(const std::string& db_path, const Xapian::Database& db);
    // Writes the file (replaced whole). Throws std::runtime_error saying what failed.
    void save(const std::string& db_path) const;

    FacetTable(FacetTable&&) = default;
    FacetTable& operator=(FacetTable&&) = default;
    FacetTable(const FacetTable&) = delete;  // its views would point into the other
    FacetTable& operator=(const FacetTable&) = delete;

    // Whether it was read from this database as it now is: a reopened database may
    // have other documents, and another index built anew has the same revision.
    bool reads(const Xapian::Database& db) const { return revision_ == db.get_revision() && uuid_ == db.get_uuid(); }
    // The document's entries, as numbers below entry_count() (a damaged file's others
    // are the caller's to skip).
    std::span<const std::uint32_t> entries(Xapian::docid did) const;
    // An entry: facet code, then value (as in Slot::Facets).
    std::string_view entry(std::uint32_t id) const { return names_[id]; }
    std::size_t entry_count() const { return names_.size(); }

private:
    FacetTable() = default;

    Xapian::rev revision_ = 0;
    std::string uuid_;
    // Read from the value stream, or mapped from the file: the views below are into one.
    std::vector<std::uint32_t> own_first_, own_all_;
    std::vector<std::string> own_names_;
    std::optional<MappedFile> file_;

    std::span<const std::uint32_t> first_;  // first_[did]: where did's entries start in all_
    std::span<const std::uint32_t> all_;
    std::vector<std::string_view> names_;
};

}  // namespace privsearch
