#pragma once
#include <xapian.h>

#include "db_retry.h"

#include <string>

namespace privsearch::searcher {

// Opens the index read-only; a missing or unreadable index is a UserError that says
// how to build one.
Xapian::Database open_index(const std::string& path);

// What a Xapian error means to the user, in a line: a damaged index says how to
// rebuild it.
std::string index_error_message(const Xapian::Error& e);

}  // namespace privsearch::searcher
