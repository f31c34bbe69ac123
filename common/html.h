#pragma once
#include "article.h"

#include <string>
#include <string_view>

namespace privsearch {

// An HTML page, read with libxml2's forgiving HTML parser: title, date, author,
// source and URL from the usual meta tags, the text from <article>, else <main>,
// else <body>, leaving out scripts, navigation, headers, footers and asides.
ParsedFile parse_html_file(std::string_view text, const std::string& path);

}  // namespace privsearch
