#pragma once
#include <string>
#include <string_view>

namespace privsearch {
// Lower-case hex SHA-256 of the bytes: citations carry it so a quote can be
// checked against the archive later.
std::string sha256_hex(std::string_view bytes);

// The first 16 bytes of the SHA-256 of the bytes, raw: the indexer keeps one per
// article to skip unchanged ones. A quarter of the hex digest's 64 bytes, in a value
// Xapian stores uncompressed, and still no collision in 2^64 changes.
std::string content_digest(std::string_view bytes);
}  // namespace privsearch
