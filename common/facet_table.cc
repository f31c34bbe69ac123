#include "facet_table.h"

#include "checksum.h"
#include "file_io.h"
#include "schema.h"

#include <cstring>
#include <limits>
#include <stdexcept>
#include <unordered_map>

namespace privsearch {
namespace {

// What names the index state a table was read from. The revision and uuid alone do
// not: tables restored from a backup and committed once are again at the revision a
// later table was saved for. Each privsearch commit also stamps the time.
struct Identity {
    std::uint64_t revision;
    std::uint32_t documents, last_docid;
    char uuid[40];         // NUL-padded
    char last_update[24];  // schema::metadata::last_update, NUL-padded
};

// The file: this header, then first_, all_, the names' end offsets and the names' bytes,
// in the machine's byte order (a file moved to a machine of the other order fails its
// identity), the checksum over all that follows the header.
struct Header {
    char magic[8];
    Identity identity;
    std::uint64_t checksum;
    std::uint32_t firsts, entries, names, name_bytes;
};
static_assert(sizeof(Header) % alignof(std::uint32_t) == 0);
constexpr char kMagic[8] = {'P', 'S', 'F', 'A', 'C', 'E', 'T', '2'};

template <std::size_t N>
bool copy_padded(char (&to)[N], const std::string& from) {
    if (from.size() >= N) return false;
    std::memcpy(to, from.data(), from.size());
    return true;
}

// The database's identity; nothing if its uuid or stamp would not fit.
std::optional<Identity> identity_of(const Xapian::Database& db) {
    Identity id{};
    id.revision = db.get_revision();
    id.documents = db.get_doccount();
    id.last_docid = db.get_lastdocid();
    if (!copy_padded(id.uuid, db.get_uuid()) ||
        !copy_padded(id.last_update, db.get_metadata(schema::metadata::last_update)))
        return std::nullopt;
    return id;
}

template <typename T>
void put(std::string& out, std::span<const T> items) {
    out.append(reinterpret_cast<const char*>(items.data()), items.size_bytes());
}

std::uint32_t count32(std::size_t n) {
    if (n > std::numeric_limits<std::uint32_t>::max()) throw std::runtime_error("facet table too large to save");
    return static_cast<std::uint32_t>(n);
}

// The file's header when its layout matches its size and its checksum holds.
std::optional<Header> header_of(std::string_view bytes) {
    Header h;
    if (bytes.size() < sizeof h) return std::nullopt;
    std::memcpy(&h, bytes.data(), sizeof h);
    if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0) return std::nullopt;
    const std::uint64_t numbers = std::uint64_t{h.firsts} + h.entries + h.names;
    if (bytes.size() != sizeof h + numbers * sizeof(std::uint32_t) + h.name_bytes) return std::nullopt;
    if (checksum(bytes.substr(sizeof h)) != h.checksum) return std::nullopt;
    return h;
}

}  // namespace

std::string FacetTable::path(const std::string& db_path) { return db_path + '/' + schema::files::facet_table; }

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
    auto file = MappedFile::open(path(db_path));
    if (!file) return std::nullopt;
    const std::string_view bytes = file->bytes();
    const auto h = header_of(bytes);
    const auto id = identity_of(db);
    if (!h || !id || std::memcmp(&h->identity, &*id, sizeof *id) != 0) return std::nullopt;
    if (h->firsts != std::uint64_t{id->last_docid} + 2) return std::nullopt;
    FacetTable t;
    t.revision_ = id->revision;
    t.uuid_ = db.get_uuid();
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

void FacetTable::save(const std::string& db_path, const Xapian::Database& db) const {
    if (!reads(db)) throw std::logic_error("FacetTable::save: the table was read from another state of the index");
    Header h{};
    std::memcpy(h.magic, kMagic, sizeof kMagic);
    const auto id = identity_of(db);
    if (!id) throw std::runtime_error("unexpected uuid or update stamp in the index at " + db_path);
    h.identity = *id;
    h.firsts = count32(first_.size());
    h.entries = count32(all_.size());
    h.names = count32(names_.size());
    std::vector<std::uint32_t> ends;
    std::string name_bytes;
    for (auto name : names_) {
        name_bytes += name;
        ends.push_back(count32(name_bytes.size()));
    }
    h.name_bytes = count32(name_bytes.size());
    std::string payload;
    put(payload, first_);
    put(payload, all_);
    put(payload, std::span<const std::uint32_t>(ends));
    payload += name_bytes;
    h.checksum = checksum(payload);
    replace_file(path(db_path), std::string(reinterpret_cast<const char*>(&h), sizeof h) + payload);
}

std::span<const std::uint32_t> FacetTable::entries(Xapian::docid did) const {
    if (did + std::size_t{1} >= first_.size()) return {};
    const std::uint32_t begin = first_[did], end = first_[did + 1];
    if (begin > end || end > all_.size()) return {};  // a damaged file
    return all_.subspan(begin, end - begin);
}

}  // namespace privsearch
