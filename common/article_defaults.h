#pragma once
#include "article.h"

#include <string_view>

namespace privsearch {

// Fills what a source left out, from the article itself: the id from the file name
// (`fallback_id`), the date from a date line near the top of the body, the title
// from the body's first sentence. Sources that state a field win.
void complete_article(Article& a, std::string_view fallback_id);

// The longest id kept: ids become unique terms, and Xapian caps term length.
inline constexpr std::size_t max_id_bytes = 200;

}  // namespace privsearch
