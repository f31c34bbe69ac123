#pragma once
#include "article.h"

#include <string>
#include <string_view>

namespace privsearch {

// JSON Lines: one article object a line (id, title, source, date, url, author, text).
// A bad line is reported by number and skipped; the rest of the file is still read.
ParsedFile parse_jsonl_file(std::string_view text, const std::string& path);

}  // namespace privsearch
