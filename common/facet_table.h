// Every document's facet entries as small numbers, read from the facet value stream
// (Slot::Facets). Counting a broad query's facets from it costs a look-up a match
// instead of a value read and parse: reading the values was most of the slowest
// queries ("said" on bbc10), and of a one-shot query on a large index ("chief" on
// bbc10: 3.1M of 9.6M instructions, 43 of 92 block reads).
//
// The indexer saves it in the index directory (schema::files::facet_table) at the end
// of every run, for the state of the index it leaves; a searcher maps that file when
// its checksum holds and it names the state the searcher opened (for a count broad
// enough to repay the checksum: Searcher::saved_facet_table), and otherwise reads the
// value stream (and, for a batch, builds a table of its own).
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
    // Where an index at db_path keeps its saved table.
    static std::string path(const std::string& db_path);
    // The table saved for `db` as it now is, if the file at db_path is whole (its
    // checksum holds) and names that state of the index.
    static std::optional<FacetTable> map(const std::string& db_path, const Xapian::Database& db);
    // Writes the file (replaced whole) for `db`, which the table must have been read
    // from as it now is. Throws std::runtime_error saying what failed.
    void save(const std::string& db_path, const Xapian::Database& db) const;

    FacetTable(FacetTable&&) = default;
    FacetTable& operator=(FacetTable&&) = default;
    FacetTable(const FacetTable&) = delete;  // its views would point into the other
    FacetTable& operator=(const FacetTable&) = delete;

    // Whether it was read from this database as it now is: a reopened database may
    // have other documents, and another index built anew has the same revision.
    bool reads(const Xapian::Database& db) const { return revision_ == db.get_revision() && uuid_ == db.get_uuid(); }
    // The document's entries, as numbers below entry_count() (a crafted file's others
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
