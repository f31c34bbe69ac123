#include "text_normalize.h"

#include "string_util.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucasemap.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>

namespace privsearch {
namespace {

const icu::Normalizer2& nfkc() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC normaliser unavailable");
    return *n;
}

void append_utf8(std::string& out, char32_t c) {
    char buf[U8_MAX_LENGTH];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, U8_MAX_LENGTH, static_cast<UChar32>(c), error);
    if (!error) out.append(buf, static_cast<std::size_t>(len));
}

// Calls fn(code_point, begin, end) for each code point; invalid bytes come as U+FFFD.
template <typename Fn>
void for_each_code_point(std::string_view s, Fn fn) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0;
    const auto n = static_cast<int32_t>(s.size());
    while (i < n) {
        int32_t begin = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        fn(c < 0 ? char32_t{0xFFFD} : static_cast<char32_t>(c), static_cast<std::size_t>(begin),
           static_cast<std::size_t>(i));
    }
}

// All the code points folded (typography, and case beyond A-Z) are outside ASCII.
bool needs_typography_fold(std::string_view s) { return !is_ascii(s); }

}  // namespace

char32_t fold_typography(char32_t c) {
    switch (c) {
        case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x02BC: case 0x0060:
            return U'\'';
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
            return U'"';
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
            return U'-';
        default:
            return 0;
    }
}

std::string normalize_text(std::string_view utf8) {
    if (!needs_typography_fold(utf8)) return std::string(utf8);
    std::string normalized;
    UErrorCode status = U_ZERO_ERROR;
    const auto& n = nfkc();
    icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
    if (n.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) {
        normalized.assign(utf8);
    } else {
        status = U_ZERO_ERROR;
        icu::StringByteSink<std::string> sink(&normalized, static_cast<int32_t>(utf8.size()));
        n.normalizeUTF8(0, piece, sink, nullptr, status);
        if (U_FAILURE(status)) normalized.assign(utf8);
    }
    std::string out;
    out.reserve(normalized.size());
    for_each_code_point(normalized, [&](char32_t c, std::size_t b, std::size_t e) {
        if (char32_t f = fold_typography(c))
            out += static_cast<char>(f);
        else
            out.append(normalized, b, e - b);
    });
    return out;
}

std::string fold_case(std::string_view utf8) {
    if (!needs_typography_fold(utf8)) return ascii_lower(utf8);  // the common case, without ICU
    std::string out;
    out.reserve(utf8.size());
    for_each_code_point(utf8, [&](char32_t c, std::size_t, std::size_t) {
        append_utf8(out, static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT)));
    });
    return out;
}

FoldedText fold_for_matching(std::string_view utf8) {
    FoldedText f;
    f.text.reserve(utf8.size());
    f.origin.reserve(utf8.size() + 1);
    constexpr std::size_t kNone = std::string_view::npos;
    std::size_t space_begin = kNone;  // where a run of white space started
    for_each_code_point(utf8, [&](char32_t c, std::size_t b, std::size_t) {
        if (u_isUWhiteSpace(static_cast<UChar32>(c))) {
            if (space_begin == kNone && !f.text.empty()) space_begin = b;
            return;
        }
        if (space_begin != kNone) {
            f.text += ' ';
            f.origin.push_back(static_cast<std::uint32_t>(space_begin));
            space_begin = kNone;
        }
        char32_t folded = fold_typography(c);
        if (!folded) folded = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
        std::size_t before = f.text.size();
        append_utf8(f.text, folded);
        f.origin.insert(f.origin.end(), f.text.size() - before, static_cast<std::uint32_t>(b));
    });
    f.origin.push_back(static_cast<std::uint32_t>(utf8.size()));
    return f;
}

}  // namespace privsearch
