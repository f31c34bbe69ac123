#include "facet_spy.h"

#include "facet_table.h"

#include <algorithm>
#include <bit>
#include <utility>

namespace privsearch::searcher {

FacetSpy::FacetSpy(std::vector<schema::Facet> wanted, const FacetTable* table) : wanted_(std::move(wanted)) {
    for (auto f : wanted_) want_[static_cast<unsigned char>(schema::facet(f).code)] = true;
    adopt(table);
}

FacetSpy::FacetSpy(std::vector<schema::Facet> wanted, TableSource table_for) : FacetSpy(std::move(wanted)) {
    table_for_ = std::move(table_for);
}

void FacetSpy::adopt(const FacetTable* table) {
    table_ = table;
    if (table) table_counts_.assign(table->entry_count(), 0);
}

void FacetSpy::add_document(Xapian::docid did) {
    for (std::uint32_t id : table_->entries(did))
        if (id < table_counts_.size()) ++table_counts_[id];  // else a damaged saved table's
}

void FacetSpy::add_value(const std::string& facets) {
    constexpr std::size_t kMaxValues = 4096;
    ++values_[facets];
    if (values_.size() > kMaxValues) split_values();
}

void FacetSpy::split_values() {
    for (const auto& [value, n] : values_)
        schema::for_each_facet_entry(value, [&](char code, std::string_view v) {
            if (want_[static_cast<unsigned char>(code)]) entries_[code + std::string(v)] += n;
        });
    values_.clear();
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    if (table_for_ && std::has_single_bit(++seen_)) {
        adopt(table_for_(seen_));
        if (table_) table_for_ = nullptr;
    }
    if (table_) add_document(doc.get_docid());
    else add_value(doc.get_value(schema::slot(schema::Slot::Facets)));
}

FacetCounts FacetSpy::counts() {
    split_values();
    FacetCounts out;
    for (auto f : wanted_) out[f];
    const auto add = [&](std::string_view key, std::size_t n) {
        if (key.empty() || !want_[static_cast<unsigned char>(key[0])]) return;
        if (auto f = schema::facet_with_code(key[0])) out[*f].push_back({std::string(key.substr(1)), n});
    };
    // A count that took up a table part-way holds some values in each.
    for (std::uint32_t id = 0; id < table_counts_.size(); ++id)
        if (table_counts_[id]) entries_[std::string(table_->entry(id))] += std::exchange(table_counts_[id], 0);
    for (const auto& [key, n] : entries_) add(key, n);
    for (auto& [facet, values] : out) {
        bool by_date = facet == schema::Facet::Year || facet == schema::Facet::Month;
        std::sort(values.begin(), values.end(), [by_date](const FacetValue& a, const FacetValue& b) {
            if (by_date) return a.value < b.value;
            return a.count != b.count ? a.count > b.count : a.value < b.value;
        });
    }
    return out;
}

}  // namespace privsearch::searcher
