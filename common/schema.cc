#include "schema.h"

#include "text_normalize.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

namespace privsearch::schema {
namespace {

constexpr std::array kFields = {
    FieldInfo{Field::Id, "id", "Q", true, "id"},
    FieldInfo{Field::Title, "title", "S", false, "title"},
    FieldInfo{Field::Author, "author", "A", false, "author"},
    FieldInfo{Field::Body, "body", "", false, ""},
    FieldInfo{Field::Source, "source", "XSOURCE", true, "source"},
    FieldInfo{Field::Path, "path", "XPATH", true, ""},
    FieldInfo{Field::Agency, "agency", "XAGENCY", true, "agency"},
    FieldInfo{Field::Platform, "platform", "XPLATFORM", true, "platform"},
    FieldInfo{Field::Organization, "organization", "XORG", true, "org"},
    FieldInfo{Field::Company, "company", "XCOMPANY", true, "company"},
};

constexpr std::array kFacets = {
    FacetInfo{Facet::Agency, "agency", 'a', Field::Agency, "Agencies"},
    FacetInfo{Facet::Platform, "platform", 'p', Field::Platform, "Platforms"},
    FacetInfo{Facet::Organization, "organization", 'o', Field::Organization, "Organizations"},
    FacetInfo{Facet::Company, "company", 'c', Field::Company, "Companies"},
    FacetInfo{Facet::Source, "source", 's', std::nullopt, "Sources"},
    FacetInfo{Facet::Year, "year", 'y', std::nullopt, "Years"},
    FacetInfo{Facet::Month, "month", 'm', std::nullopt, "Months"},
};

// Xapian refuses terms over 245 bytes.
constexpr std::size_t kMaxTermBytes = 240;

// A long value keeps its first bytes and a hash of the whole (64-bit FNV-1a): terms stay
// distinct and readable, and the searcher needs no cryptography library to make them.
std::string shortened_value(std::string_view value, std::size_t room) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : value) h = (h ^ c) * 1099511628211ull;
    char hex[18];
    std::snprintf(hex, sizeof hex, "#%016llx", static_cast<unsigned long long>(h));
    std::size_t keep = room - (sizeof hex - 1);
    while (keep > 0 && (static_cast<unsigned char>(value[keep]) & 0xC0) == 0x80) --keep;  // whole UTF-8
    return std::string(value.substr(0, keep)) + hex;
}

}  // namespace

std::span<const FieldInfo> fields() { return kFields; }

const FieldInfo& field(Field f) {
    auto it = std::find_if(kFields.begin(), kFields.end(), [f](const auto& i) { return i.field == f; });
    if (it == kFields.end()) throw std::logic_error("schema: unknown field");
    return *it;
}

std::string_view prefix(Field f) { return field(f).prefix; }

std::string boolean_term(Field f, std::string_view value) {
    std::string term(prefix(f));
    std::string folded = f == Field::Path || f == Field::Id ? std::string(value) : fold_case(value);
    if (term.size() + folded.size() > kMaxTermBytes) folded = shortened_value(folded, kMaxTermBytes - term.size());
    term += folded;
    return term;
}

std::span<const FacetInfo> facets() { return kFacets; }

const FacetInfo& facet(Facet f) {
    auto it = std::find_if(kFacets.begin(), kFacets.end(), [f](const auto& i) { return i.facet == f; });
    if (it == kFacets.end()) throw std::logic_error("schema: unknown facet");
    return *it;
}

std::optional<Facet> facet_named(std::string_view name) {
    for (const auto& f : kFacets)
        if (f.name == name) return f.facet;
    if (name == "org") return Facet::Organization;
    return std::nullopt;
}

std::optional<Facet> facet_with_code(char code) {
    for (const auto& f : kFacets)
        if (f.code == code) return f.facet;
    return std::nullopt;
}

std::string encode_facet_entry(Facet f, std::string_view value) {
    std::string entry(1, facet(f).code);
    entry += value;
    entry += '\0';
    return entry;
}

}  // namespace privsearch::schema
