// Text normalisation shared by the indexer and the searcher, so that a query term is
// normalised exactly as the indexed term was (Recoll's rule).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace privsearch {

// NFKC, then typographic folding: curly quotes and apostrophes become ASCII ones,
// dash variants become '-', so `won’t` and `won't` index alike.
std::string normalize_text(std::string_view utf8);

// Unicode case folding (for filter terms and case-insensitive comparisons).
std::string fold_case(std::string_view utf8);

// A folded copy of a text for matching quotations, with the offset in the original of
// every byte, so a match found in the copy can be reported in the original.
struct FoldedText {
    std::string text;                  // lower case, typography folded, whitespace runs -> ' '
    std::vector<std::uint32_t> origin;  // origin[i]: original offset of text[i]; one extra entry for the end
};
FoldedText fold_for_matching(std::string_view utf8);

// The replacement for a typographic code point, or 0 when it has none.
char32_t fold_typography(char32_t c);

}  // namespace privsearch
