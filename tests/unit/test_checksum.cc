// common/checksum.h: XXH3 of the files beside an index's tables, by the SSE2 loop or the
// AVX2 one, whichever the CPU runs faster; files written on one machine are read on another.
#include "checksum.h"

#include <catch2/catch.hpp>

#include <string>

using namespace privsearch;

namespace {

// Bytes that differ at every offset, so that a loop mixing up its lanes shows.
std::string bytes(std::size_t n) {
    std::string s(n, '\0');
    for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + i / 7) & 0xFF);
    return s;
}

}  // namespace

TEST_CASE("checksum is XXH3-64, whatever loop computes it", "[checksum]") {
    // XXH3_64bits of no bytes (xxHash's own test vector): a file's checksum must not
    // change with the build that wrote it.
    CHECK(checksum("") == 0x2D06800538D394C2ULL);
    CHECK(detail::checksum_sse2("", 0) == 0x2D06800538D394C2ULL);
}

TEST_CASE("the AVX2 loop gives what the SSE2 loop gives", "[checksum]") {
    // Sizes on each side of XXH3's short-input paths (16, 128, 240 bytes) and of its
    // stripes and blocks (64 bytes, 1 KB), and a dictionary's and a facet table's sizes.
    for (std::size_t n : {0, 1, 3, 4, 8, 9, 16, 17, 128, 129, 240, 241, 255, 1023, 1024, 1025, 65536 + 8, 194749}) {
        const std::string b = bytes(n);
        INFO("size " << n);
        const std::uint64_t sse2 = detail::checksum_sse2(b.data(), b.size());
        CHECK(checksum(b) == sse2);
        if (detail::has_avx2()) CHECK(detail::checksum_avx2(b.data(), b.size()) == sse2);
    }
}

TEST_CASE("a changed byte changes the checksum", "[checksum]") {
    std::string b = bytes(65536);
    const std::uint64_t before = checksum(b);
    b[40000] = static_cast<char>(b[40000] ^ 1);
    CHECK(checksum(b) != before);
}
