#pragma once
#include "result.h"

#include <xapian.h>

#include <string>

namespace privsearch::searcher {

// The passage of `text` that best matches the MSet's query, about `length` bytes,
// with every matched word (stemmed forms and whole phrases included) as a
// highlight span. Xapian chooses the passage and the words.
Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, std::size_t length);

// The opening of the text, for results that match no words (filters only).
Snippet lead_snippet(const std::string& text, std::size_t length);

// Splits text marked up with the highlight markers into plain text and spans.
Snippet parse_marked(const std::string& marked);

}  // namespace privsearch::searcher
