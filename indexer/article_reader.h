#pragma once
#include "article.h"

#include <string>

namespace privsearch::indexer {

// Reads one file into articles: checks it is readable text, converts it to UTF-8,
// then hands it to the parser its extension names.
ParsedFile read_articles(const std::string& path);

}  // namespace privsearch::indexer
