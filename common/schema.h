// The index schema: every term prefix, value slot and metadata key, named once.
//
// Documents are articles. Each carries:
//   terms    Q<id> (unique id), S<title words>, A<author words>, unprefixed body
//            and title words, all as written (with positions, not stemmed; a
//            common word's positions are pooled under Y, common_words.h),
//            XSOURCE<source, lowercased>, XPATH<file key>, and one boolean term per
//            entity facet value (XAGENCY<canonical, lowercased>, ...).
//   values   see Slot below, the stored article among them.
// The synonym table files each word under its English stem, "Z" + field prefix +
// stem (word_forms.h), which is how QueryParser spells a stemmed word.
// No other file spells a prefix or slot number.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace privsearch::schema {

enum class Field { Id, Title, Author, Body, Source, Path, Agency, Platform, Organization, Company };

struct FieldInfo {
    Field field;
    std::string_view name;        // used in code and messages
    std::string_view prefix;      // Xapian term prefix ("" for the body)
    bool boolean;                 // filter term rather than free text
    std::string_view query_name;  // QueryParser field name, "" when not queryable
};

std::span<const FieldInfo> fields();

// Xapian's mark of a stemmed term, before the field prefix: "Zmonitor", "ZSmonitor".
inline constexpr std::string_view stem_prefix = "Z";
// The term holding the positions of every common word in an article (common_words.h).
inline constexpr std::string_view common_words_term = "Y";
const FieldInfo& field(Field f);
std::string_view prefix(Field f);

// A filter term for a boolean field: the prefix and the value, case-folded (but for
// ids and paths, which are exact) so that users may type any case. A value past
// Xapian's term limit keeps its first bytes and a hash of the whole.
std::string boolean_term(Field f, std::string_view value);

// Facets the searcher counts. Entity facets have a boolean field; the others
// (source, year, month) are counted from the same facet value slot.
enum class Facet { Agency, Platform, Organization, Company, Source, Year, Month };

struct FacetInfo {
    Facet facet;
    std::string_view name;    // "agency": JSON key, --by value, gazetteer facet column
    char code;                // tag of this facet's entries in Slot::Facets
    std::optional<Field> field;  // filter field of an entity facet
    std::string_view label;   // heading in text output
};

std::span<const FacetInfo> facets();
const FacetInfo& facet(Facet f);
std::optional<Facet> facet_named(std::string_view name);
std::optional<Facet> facet_with_code(char code);
inline bool is_entity_facet(Facet f) { return facet(f).field.has_value(); }

enum class Slot : unsigned {
    Date = 0,         // "YYYYMMDD", first day of what the article's date names; "" when unknown
    Facets = 1,       // facet entries: <code><value>\0 ... (see encode_facet_entry)
    ContentHash = 2,  // content_digest (hash.h) of every stored field: unchanged articles are skipped
    // The stored article (stored_article.h), so the searcher can show and quote it
    // without its file; compressed (record_compression.h) before it is written. A value
    // rather than the document data, which Xapian would try to compress again with
    // zlib, in vain, on every write and again when shards are merged.
    Record = 3,
};
inline unsigned slot(Slot s) { return static_cast<unsigned>(s); }

std::string encode_facet_entry(Facet f, std::string_view value);
// Calls fn(facet code, value) for each entry of a Slot::Facets value.
template <typename Fn>
void for_each_facet_entry(std::string_view encoded, Fn fn) {
    while (!encoded.empty()) {
        auto end = encoded.find('\0');
        if (end == std::string_view::npos) end = encoded.size();
        if (end > 0) fn(encoded[0], encoded.substr(1, end - 1));
        encoded.remove_prefix(end < encoded.size() ? end + 1 : end);
    }
}

// Metadata keys in the database itself.
namespace metadata {
inline constexpr const char* last_update = "privsearch:last_update";
inline constexpr const char* schema_version = "privsearch:schema";
// 3: words indexed as written with their stems in the synonym table (word_forms.h),
// articles stored as zstd-compressed records (stored_article.h, record_compression.h).
// 4: the article in a value slot (Slot::Record), and no synonym entry for a word that
// is its own stem and has no other form.
// 5: the positions of common words pooled under one term (common_words.h).
// Bump on any change that leaves older indexes unreadable.
inline constexpr const char* schema_version_value = "5";
// The zstd dictionary of the stored records; absent until a run brings enough text.
inline constexpr const char* record_dictionary = "privsearch:record_dictionary";
inline constexpr const char* user_entities = "privsearch:entities";  // the --entities TSV, for the searcher
}  // namespace metadata

// Files of our own in the index directory, beside Xapian's tables.
namespace files {
// A copy of metadata::record_dictionary (record_dictionary_file.h); the metadata stays
// the truth, which compaction and copies of the tables carry.
inline constexpr const char* record_dictionary = "record-dictionary.zstd";
// Every document's facet entries as numbers (facet_table.h), for the state of the index
// it names; Slot::Facets stays the truth.
inline constexpr const char* facet_table = "facet-table";
}  // namespace files

// Weight of title words relative to body words.
inline constexpr unsigned title_weight = 5;

}  // namespace privsearch::schema

namespace privsearch {
// The unique id term of an article.
inline std::string id_term(std::string_view id) { return schema::boolean_term(schema::Field::Id, id); }
}  // namespace privsearch
