// Which index layout this privsearch reads and writes (schema.h's schema_version),
// so an index from an older release gets one clear message instead of empty results.
#pragma once
#include <xapian.h>

#include <string>

namespace privsearch {

// Throws UserError, naming the path and what to do, unless `db` is empty or holds
// this release's format.
void check_index_format(const Xapian::Database& db, const std::string& path);

}  // namespace privsearch
