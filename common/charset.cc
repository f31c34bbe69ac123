#include "charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace privsearch {
namespace {

struct DetectorCloser {
    void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};
struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

std::string detect_charset(std::string_view bytes) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&status));
    ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
    if (U_FAILURE(status) || !match) return "windows-1252";
    const char* name = ucsdet_getName(match, &status);
    if (U_FAILURE(status) || !name || std::string_view(name) == "UTF-8") return "windows-1252";
    return name;
}

std::string convert(std::string_view bytes, const std::string& charset) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> from(ucnv_open(charset.c_str(), &status));
    if (U_FAILURE(status)) throw std::runtime_error("cannot convert from " + charset);
    std::unique_ptr<UConverter, ConverterCloser> to(ucnv_open("UTF-8", &status));
    std::string out(bytes.size() * 3 + 4, '\0');
    int32_t len = ucnv_convert("UTF-8", charset.c_str(), out.data(), static_cast<int32_t>(out.size()),
                               bytes.data(), static_cast<int32_t>(bytes.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error("cannot convert from " + charset);
    out.resize(static_cast<std::size_t>(len));
    return out;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const uint8_t*>(bytes.data());
    int32_t i = 0;
    const auto n = static_cast<int32_t>(bytes.size());
    while (i < n) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
    }
    return true;
}

bool looks_binary(std::string_view bytes) {
    return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

DecodedText decode_to_utf8(std::string_view bytes) {
    constexpr std::string_view kBom = "\xEF\xBB\xBF";
    if (bytes.starts_with(kBom)) bytes.remove_prefix(kBom.size());
    if (is_valid_utf8(bytes)) return {std::string(bytes), "UTF-8", false};
    std::string charset = detect_charset(bytes);
    return {convert(bytes, charset), charset, true};
}

}  // namespace privsearch
