#pragma once
#include "result.h"
#include "sentences.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privsearch::searcher {

// The passage of `text` that best matches the MSet's query, about `length` bytes,
// with every matched word (stemmed forms and whole phrases included) as a
// highlight span. passage_window chooses the passage, where `matched_terms` (the
// query's terms) cluster; Xapian highlights its words: MSet::snippet's cost grows
// with the text it is given. A text holding none of the terms gives its opening,
// unless the query has `wildcards`, whose words only Xapian knows: it then reads the
// whole text.
Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, const std::vector<std::string>& matched_terms,
                     std::size_t length, bool wildcards);

// The byte range of about `width` bytes of text where the query's words (its
// unprefixed terms) occur most, starting on a sentence where that keeps them all;
// all of a text no longer than `width`; nothing when none of the words occurs in a
// longer text (an article matched by its title alone).
std::optional<Span> passage_window(std::string_view text, const std::vector<std::string>& matched_terms,
                                   std::size_t width);

// The opening of the text, for results that match no words (filters only) or none
// in the text.
Snippet lead_snippet(const std::string& text, std::size_t length);

// Splits text marked up with the highlight markers into plain text and spans.
Snippet parse_marked(const std::string& marked);

}  // namespace privsearch::searcher
