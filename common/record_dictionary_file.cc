#include "record_dictionary_file.h"

#include "checksum.h"
#include "file_io.h"
#include "record_compression.h"
#include "schema.h"

#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace privsearch {
namespace fs = std::filesystem;
namespace {

constexpr std::size_t kChecksumBytes = 8;

std::string checksum_of(std::string_view bytes) {
    std::uint64_t h = checksum(bytes);
    std::string out(kChecksumBytes, '\0');
    for (std::size_t i = 0; i < kChecksumBytes; ++i, h >>= 8) out[i] = static_cast<char>(h & 0xFF);
    return out;
}

void remove_file(const std::string& path) {
    std::error_code ec;
    fs::remove(path, ec);
    if (ec) throw std::runtime_error("cannot remove " + path + ": " + ec.message());
}

}  // namespace

std::string record_dictionary_path(const std::string& db_path) {
    // Not std::filesystem::path's operator/: its parsing was a sixth of the file's
    // mapping (11k instructions).
    return db_path + '/' + schema::files::record_dictionary;
}

void save_record_dictionary_file(const std::string& db_path, std::string_view dictionary) {
    const std::string path = record_dictionary_path(db_path);
    if (dictionary.empty()) return remove_file(path);
    const std::string contents = std::string(dictionary) + checksum_of(dictionary);
    if (read_file(path) != contents) replace_file(path, contents);
}

std::optional<MappedDictionary> map_record_dictionary_file(const std::string& db_path, unsigned id) {
    if (id == 0) return std::nullopt;  // what a frame without a dictionary names
    auto file = MappedFile::open(record_dictionary_path(db_path));
    if (!file || file->bytes().size() <= kChecksumBytes) return std::nullopt;
    const std::string_view bytes = file->bytes();
    const std::string_view dictionary = bytes.substr(0, bytes.size() - kChecksumBytes);
    // The id first: a stale file is not worth checking.
    if (RecordDecompressor::id_of_dictionary(dictionary) != id) return std::nullopt;
    if (bytes.substr(dictionary.size()) != checksum_of(dictionary)) return std::nullopt;
    return MappedDictionary{std::move(*file), dictionary};
}

}  // namespace privsearch
