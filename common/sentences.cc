#include "sentences.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <stdexcept>

namespace privsearch {
namespace {

std::unique_ptr<icu::BreakIterator> make_iterator() {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> it(
        icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU sentence iterator unavailable");
    return it;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// "U.S.", "U.K.": ICU ends a sentence after an initialism followed by a capitalised word
// ("U.S. Secret Service"); news prose almost never does.
bool ends_with_initialism(std::string_view s) {
    int letters = 0;
    while (s.size() >= 2 && s.back() == '.' && s[s.size() - 2] >= 'A' && s[s.size() - 2] <= 'Z') {
        ++letters;
        s.remove_suffix(2);
    }
    return letters >= 2 && (s.empty() || is_space(s.back()) || s.back() == '(');
}

}  // namespace

std::vector<Span> split_sentences(std::string_view utf8) {
    thread_local std::unique_ptr<icu::BreakIterator> it = make_iterator();
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU cannot read text");
    it->setText(ut, status);
    std::vector<Span> spans;
    int32_t start = it->first();
    for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
        auto b = static_cast<std::size_t>(start);
        auto e = static_cast<std::size_t>(end);
        while (b < e && is_space(utf8[b])) ++b;
        while (e > b && is_space(utf8[e - 1])) --e;
        if (b >= e) continue;
        if (!spans.empty() && ends_with_initialism(utf8.substr(spans.back().begin, spans.back().end - spans.back().begin)) &&
            utf8.substr(spans.back().end, b - spans.back().end).find('\n') == std::string_view::npos)
            spans.back().end = e;
        else
            spans.push_back({b, e});
    }
    utext_close(ut);
    return spans;
}

}  // namespace privsearch
