#include "facet_table.h"

#include "file_io.h"
#include "schema.h"

#include <cstring>
#include <stdexcept>
#include <unordered_map>

namespace privsearch {
namespace {

// The file: this header, then first_, all_, the names' end offsets and the names' bytes.
// Numbers in the machine's byte order: a file from another kind of machine fails the
// magic, and the value stream serves.
struct Header {
    char magic[8];
    std::uint64_t revision;
    char uuid[40];  // NUL-padded
    std::uint32_t firsts, entries, names, name_bytes;
};
static_assert(sizeof(Header) % alignof(std::uint32_t) == 0);
constexpr char kMagic[8] = {'P', 'S', 'F', 'A', 'C', 'E', 'T', '1'};

std::string table_path(const std::string& db_path) { return db_path + '/' + schema::files::facet_table; }

template <typename T>
void put(std::string& out, std::span<const T> items) {
    out.append(reinterpret_cast<const char*>(items.data()), items.size_bytes());
}

// The file's layout checked against its size, or nothing.
std::optional<Header> header_of(std::string_view bytes) {
    Header h;
    if (bytes.size() < sizeof h) return std::nullopt;
    std::memcpy(&h, bytes.data(), sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.uuid[sizeof h.uuid - 1] != '\0') return std::nullopt;
    const std::uint64_t numbers = std::uint64_t{h.firsts} + h.entries + h.names;
    if (bytes.size() != sizeof h + numbers * sizeof(std::uint32_t) + h.name_bytes) return std::nullopt;
    return h;
}

}  // namespace

FacetTable::FacetTable(const Xapian::Database& db) : revision_(db.get_revision()), uuid_(db.get_uuid()) {
    const unsigned slot = schema::slot(schema::Slot::Facets);
    std::unordered_map<std::string, std::uint32_t> ids;
    auto id_of = [&](std::string_view entry) {
        auto [it, added] = ids.try_emplace(std::string(entry), static_cast<std::uint32_t>(own_names_.size()));
        if (added) own_names_.push_back(it->first);
        return it->second;
    };
    own_first_.assign(static_cast<std::size_t>(db.get_lastdocid()) + 2, 0);
    Xapian::docid filled = 0;  // own_first_ is set up to here
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
        const Xapian::docid did = v.get_docid();
        while (filled < did) own_first_[++filled] = static_cast<std::uint32_t>(own_all_.size());
        schema::for_each_facet_entry(*v, [&](char, std::string_view value) {
            own_all_.push_back(id_of(std::string_view(value.data() - 1, value.size() + 1)));
        });
    }
    while (filled + 1 < own_first_.size()) own_first_[++filled] = static_cast<std::uint32_t>(own_all_.size());
    first_ = own_first_;
    all_ = own_all_;
    names_.assign(own_names_.begin(), own_names_.end());
}

std::optional<FacetTable> FacetTable::map(const std::string& db_path, const Xapian::Database& db) {
    auto file = MappedFile::open(table_path(db_path));
    if (!file) return std::nullopt;
    const std::string_view bytes = file->bytes();
    const auto h = header_of(bytes);
    if (!h || h->revision != db.get_revision() || h->uuid != db.get_uuid()) return std::nullopt;
    FacetTable t;
    t.revision_ = h->revision;
    t.uuid_ = h->uuid;
    // The mapping is page-aligned and the header a whole number of words.
    const auto* numbers = reinterpret_cast<const std::uint32_t*>(bytes.data() + sizeof(Header));
    t.first_ = {numbers, h->firsts};
    t.all_ = {numbers + h->firsts, h->entries};
    const std::span<const std::uint32_t> ends(numbers + h->firsts + h->entries, h->names);
    const char* name_bytes = reinterpret_cast<const char*>(ends.data() + ends.size());
    std::uint32_t begin = 0;
    for (std::uint32_t end : ends) {
        if (end < begin || end > h->name_bytes) return std::nullopt;
        t.names_.emplace_back(name_bytes + begin, end - begin);
        begin = end;
    }
    t.file_ = std::move(file);
    return t;
}

void FacetTable::save(const std::string& db_path) const {
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    h.revision = revision_;
    if (uuid_.size() >= sizeof h.uuid) throw std::runtime_error("unexpected index uuid '" + uuid_ + "'");
    std::memcpy(h.uuid, uuid_.data(), uuid_.size());
    h.firsts = static_cast<std::uint32_t>(first_.size());
    h.entries = static_cast<std::uint32_t>(all_.size());
    h.names = static_cast<std::uint32_t>(names_.size());
    std::vector<std::uint32_t> ends;
    std::string name_bytes;
    for (auto name : names_) {
        name_bytes += name;
        ends.push_back(static_cast<std::uint32_t>(name_bytes.size()));
    }
    h.name_bytes = static_cast<std::uint32_t>(name_bytes.size());
    std::string out(reinterpret_cast<const char*>(&h), sizeof h);
    put(out, first_);
    put(out, all_);
    put(out, std::span<const std::uint32_t>(ends));
    out += name_bytes;

    replace_file(table_path(db_path), out);
}

std::span<const std::uint32_t> FacetTable::entries(Xapian::docid did) const {
    if (did + std::size_t{1} >= first_.size()) return {};
    const std::uint32_t begin = first_[did], end = first_[did + 1];
    if (begin > end || end > all_.size()) return {};  // a damaged file
    return all_.subspan(begin, end - begin);
}

}  // namespace privsearch
