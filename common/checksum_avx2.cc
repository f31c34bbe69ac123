// checksum.h's AVX2 loop: the one file built with -mavx2 (common/CMakeLists.txt), so that
// no code an older CPU runs is compiled for AVX2. It includes no C++ header: an inline
// function built here for AVX2 could be the copy the linker keeps for every file.
#include <cstddef>
#include <cstdint>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace privsearch::detail {

std::uint64_t checksum_avx2(const char* data, std::size_t size) { return XXH3_64bits(data, size); }

}  // namespace privsearch::detail
