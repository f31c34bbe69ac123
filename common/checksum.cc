#include "checksum.h"

// Header-only: no library for every query process to load.
#define XXH_INLINE_ALL
#include <xxhash.h>

// XXH3's output is stable from 0.8.0 on: files written by one build read in another.
static_assert(XXH_VERSION_NUMBER >= 800, "xxHash 0.8.0 or later is needed");

namespace privsearch {

std::uint64_t checksum(std::string_view bytes) { return XXH3_64bits(bytes.data(), bytes.size()); }

}  // namespace privsearch
