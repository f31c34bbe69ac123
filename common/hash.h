#pragma once
#include <string>
#include <string_view>

namespace privsearch {
// Lower-case hex SHA-256 of the bytes: citations carry it so a quote can be
// checked against the archive later, and the indexer uses it to skip unchanged articles.
std::string sha256_hex(std::string_view bytes);
}  // namespace privsearch
