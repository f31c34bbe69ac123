// Approximate matching of a quotation against a text, word by word.
#pragma once
#include "factcheck_result.h"
#include "sentences.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privsearch::searcher {

// A word of a text for quote matching: case, quote marks, apostrophes and dashes
// folded, punctuation dropped; span is its byte range in the original text.
struct MatchWord {
    std::string folded;
    Span span;
};
std::vector<MatchWord> match_words(std::string_view text);

// Byte ranges in `text` where the quotation's words occur in order, exactly
// (ignoring case, typography, punctuation and white space).
std::vector<Span> find_exact(std::string_view quote, std::string_view text);

struct NearMatch {
    Span match;         // byte range in the text
    double similarity;  // 0..1, 1 = same words
    std::vector<WordDiff> differences;
};

// The passage of `text` closest to the quotation (a word changed, added or
// dropped), if its similarity reaches min_similarity.
std::optional<NearMatch> best_near_match(std::string_view quote, std::string_view text, double min_similarity);

}  // namespace privsearch::searcher
