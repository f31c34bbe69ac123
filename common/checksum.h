// A fast 64-bit checksum (XXH3) of bytes, for the files privsearch keeps beside an
// index's tables: a file cut short or overwritten must not be read as whole. Apart
// from hash.h, whose SHA-256 would bring libcrypto into the searcher.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace privsearch {

// XXH3 by the fastest loop the CPU runs.
std::uint64_t checksum(std::string_view bytes);

namespace detail {
// The same XXH3 by the loop every x86-64 CPU runs (SSE2), and by the AVX2 one, which
// only a CPU with AVX2 may call (checksum_avx2.cc, the one file built for it; it takes
// no C++ type whose inline code a -mavx2 build could lend other files).
std::uint64_t checksum_sse2(const char* data, std::size_t size);
std::uint64_t checksum_avx2(const char* data, std::size_t size);
bool has_avx2();
}  // namespace detail

}  // namespace privsearch
