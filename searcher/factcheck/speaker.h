// Who a quotation is attributed to, from the prose around it.
#pragma once
#include "factcheck_result.h"
#include "sentences.h"

#include <optional>
#include <string_view>
#include <vector>

namespace privsearch::searcher {

// `text`: the article; `sentences`: split_sentences(text); `quote`: byte range of
// the quoted words in text. Looks at the sentence holding the quote and its
// neighbours for attribution patterns ("..., said NAME, ROLE", "NAME told ...",
// "according to NAME", "ROLE NAME said", a speaker named in the next sentence).
// Returns nothing when the text states no speaker.
std::optional<Speaker> find_speaker(std::string_view text, const std::vector<Span>& sentences, Span quote);

}  // namespace privsearch::searcher
