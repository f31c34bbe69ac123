#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace privsearch {

struct Span {
    std::size_t begin = 0;  // byte offsets into the text
    std::size_t end = 0;
    bool operator==(const Span&) const = default;
};

// Sentences by ICU's boundary rules (with English abbreviation suppression, so
// "Mr. Smith" and "U.S. Secret Service" stay whole), trimmed of white space;
// empty ones are dropped. Line breaks end a sentence, as they end a paragraph.
std::vector<Span> split_sentences(std::string_view utf8);

}  // namespace privsearch

namespace privsearch {
inline std::string_view span_text(std::string_view text, Span s) { return text.substr(s.begin, s.end - s.begin); }
}  // namespace privsearch
