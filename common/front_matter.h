#pragma once
#include "article.h"

#include <string>
#include <string_view>

namespace privsearch {

// A .txt or .md article: an optional front-matter block of `key: value` lines
// between `---` lines, then the body. The text must already be UTF-8.
ParsedFile parse_text_file(std::string_view text, const std::string& path);

}  // namespace privsearch
