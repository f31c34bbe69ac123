#include "facet_table.h"

#include "facet_spy.h"
#include "schema.h"

namespace privsearch::searcher {

FacetTable::FacetTable(const Xapian::Database& db) : revision_(db.get_revision()), uuid_(db.get_uuid()) {
    const unsigned slot = schema::slot(schema::Slot::Facets);
    first_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
    Xapian::docid filled = 0;  // first_ is set up to here
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
        const Xapian::docid did = v.get_docid();
        while (filled < did) first_[++filled] = static_cast<std::uint32_t>(all_.size());
        for_each_facet_entry(*v, [&](char, std::string_view value) {
            all_.push_back(id_of(std::string_view(value.data() - 1, value.size() + 1)));
        });
    }
    while (filled + 1 < first_.size()) first_[++filled] = static_cast<std::uint32_t>(all_.size());
}

std::span<const std::uint32_t> FacetTable::entries(Xapian::docid did) const {
    if (did + 1 >= first_.size()) return {};
    return std::span(all_).subspan(first_[did], first_[did + 1] - first_[did]);
}

std::uint32_t FacetTable::id_of(std::string_view entry) {
    auto [it, added] = ids_.try_emplace(std::string(entry), static_cast<std::uint32_t>(names_.size()));
    if (added) names_.push_back(it->first);
    return it->second;
}

}  // namespace privsearch::searcher
