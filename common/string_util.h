// Small string helpers that the standard library lacks.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace privsearch {

std::string_view trim(std::string_view s);
// An ASCII letter or digit, without the C locale: for loops over whole articles.
constexpr bool ascii_alnum(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
// Branch-free, so that the compiler vectorises it: snippets lower-case whole articles.
std::string ascii_lower(std::string_view s);
bool is_ascii(std::string_view s);
std::vector<std::string_view> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);

// A file name stem turned into an id: lower case, runs of other characters as '-'.
std::string slugify(std::string_view s);

// Cuts UTF-8 text to at most max_bytes at a word boundary, adding "…" when cut.
std::string shorten(std::string_view s, std::size_t max_bytes);

}  // namespace privsearch

namespace privsearch {
// The number of code points before a byte offset: JSON offsets count characters,
// as Python and most JSON consumers index strings.
std::size_t char_offset(std::string_view utf8, std::size_t byte_offset);
}  // namespace privsearch
