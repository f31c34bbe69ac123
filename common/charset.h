#pragma once
#include <string>
#include <string_view>

namespace privsearch {

bool is_valid_utf8(std::string_view bytes);

// Heuristic from the bytes: NUL bytes mean a binary file, not text in some charset.
bool looks_binary(std::string_view bytes);

struct DecodedText {
    std::string utf8;
    std::string charset;  // what the input was, e.g. "UTF-8", "ISO-8859-1"
    bool converted = false;
};

// UTF-8 input (a BOM is dropped) is returned as is; anything else is detected and
// converted with ICU. Throws std::runtime_error when no charset fits.
DecodedText decode_to_utf8(std::string_view bytes);

}  // namespace privsearch
