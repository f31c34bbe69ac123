// A fast 64-bit checksum (XXH3) of bytes, for the files privsearch keeps beside an
// index's tables: a file cut short or overwritten must not be read as whole. Apart
// from hash.h, whose SHA-256 would bring libcrypto into the searcher.
#pragma once
#include <cstdint>
#include <string_view>

namespace privsearch {

std::uint64_t checksum(std::string_view bytes);

}  // namespace privsearch
