#include "dates.h"

#include "string_util.h"

#include <unicode/calendar.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>
#include <vector>

namespace privsearch {
namespace {

enum class Precision { Year, Month, Day };

struct Pattern {
    const char* icu;
    Precision precision;
};

// Most specific first: a pattern must consume the whole input to count.
constexpr std::array kPatterns = {
    Pattern{"yyyy-MM-dd'T'HH:mm:ssXXX", Precision::Day},
    Pattern{"yyyy-MM-dd'T'HH:mm:ss.SSSXXX", Precision::Day},
    Pattern{"yyyy-MM-dd'T'HH:mm:ss", Precision::Day},
    Pattern{"yyyy-MM-dd'T'HH:mmXXX", Precision::Day},
    Pattern{"yyyy-MM-dd HH:mm:ss", Precision::Day},
    Pattern{"yyyy-MM-dd", Precision::Day},
    Pattern{"yyyy-MM", Precision::Month},
    Pattern{"yyyy", Precision::Year},
    Pattern{"EEEE d MMMM yyyy HH:mm zzz", Precision::Day},
    Pattern{"EEEE d MMMM yyyy HH:mm", Precision::Day},
    Pattern{"EEEE d MMMM yyyy", Precision::Day},
    Pattern{"EEEE, d MMMM yyyy", Precision::Day},
    Pattern{"EEEE, MMMM d, yyyy", Precision::Day},
    Pattern{"EEE, d MMM yyyy HH:mm:ss zzz", Precision::Day},
    Pattern{"d MMMM yyyy HH:mm zzz", Precision::Day},
    Pattern{"d MMMM yyyy", Precision::Day},
    Pattern{"d MMM yyyy", Precision::Day},
    Pattern{"MMMM d, yyyy h:mm a zzz", Precision::Day},
    Pattern{"MMMM d, yyyy h:mm a", Precision::Day},
    Pattern{"MMMM d, yyyy", Precision::Day},
    Pattern{"MMM d, yyyy", Precision::Day},
    Pattern{"MMMM yyyy", Precision::Month},
};

struct Parser {
    std::unique_ptr<icu::SimpleDateFormat> format;
    Precision precision;
};

// SimpleDateFormat is costly to build and not thread-safe: one set per thread.
std::vector<Parser>& parsers() {
    thread_local std::vector<Parser> list = [] {
        std::vector<Parser> v;
        for (const auto& p : kPatterns) {
            UErrorCode status = U_ZERO_ERROR;
            auto f = std::make_unique<icu::SimpleDateFormat>(icu::UnicodeString::fromUTF8(p.icu),
                                                             icu::Locale::getUS(), status);
            if (U_FAILURE(status)) continue;
            f->setLenient(false);
            // Calendar dates on a calendar without daylight saving: in the machine's own
            // zone a date whose midnight a clock change skips ("2018-11-04" in São Paulo)
            // failed to parse, and its article lost its date slot.
            f->setTimeZone(*icu::TimeZone::getGMT());
            v.push_back({std::move(f), p.precision});
        }
        return v;
    }();
    return list;
}

std::optional<ArticleDate> parse_with(Parser& p, const icu::UnicodeString& text) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> cal(p.format->getCalendar()->clone());
    cal->clear();
    icu::ParsePosition pos(0);
    p.format->parse(text, *cal, pos);
    if (pos.getErrorIndex() >= 0 || pos.getIndex() != text.length()) return std::nullopt;
    ArticleDate d;
    d.year = cal->get(UCAL_YEAR, status);
    if (p.precision != Precision::Year) d.month = cal->get(UCAL_MONTH, status) + 1;
    if (p.precision == Precision::Day) d.day = cal->get(UCAL_DATE, status);
    if (U_FAILURE(status) || d.year < 1000 || d.year > 2999) return std::nullopt;
    return d;
}

constexpr std::array<std::string_view, 8> kDateLabels = {"date:", "date", "published:", "published",
                                                         "updated:", "updated", "posted:", "posted"};

// The length of a trailing time zone abbreviation (" BST", " EDT"), or 0.
std::size_t trailing_zone(std::string_view text) {
    auto space = text.rfind(' ');
    if (space == std::string_view::npos) return 0;
    std::string_view zone = text.substr(space + 1);
    if (zone.size() < 2 || zone.size() > 5) return 0;
    for (char c : zone)
        if (c < 'A' || c > 'Z') return 0;
    return text.size() - space;
}

}  // namespace

std::optional<ArticleDate> parse_date(std::string_view text) {
    text = trim(text);
    if (text.empty() || text.size() > 64) return std::nullopt;
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
    for (auto& p : parsers())
        if (auto d = parse_with(p, u)) return d;
    // ICU knows few zone abbreviations (not BST); the date stands without the zone.
    if (auto zone = trailing_zone(text)) return parse_date(text.substr(0, text.size() - zone));
    return std::nullopt;
}

std::optional<DateLine> find_date_line(std::string_view body) {
    constexpr int kLinesToLook = 12;
    int seen = 0;
    std::size_t pos = 0;
    while (pos < body.size() && seen < kLinesToLook) {
        std::size_t end = body.find('\n', pos);
        if (end == std::string_view::npos) end = body.size();
        std::string_view line = trim(body.substr(pos, end - pos));
        if (!line.empty()) {
            ++seen;
            for (auto label : kDateLabels) {
                if (line.size() > label.size() && ascii_lower(line.substr(0, label.size())) == label) {
                    line = trim(line.substr(label.size()));
                    break;
                }
            }
            if (auto d = parse_date(line)) return DateLine{*d, pos, end};
        }
        pos = end + 1;
    }
    return std::nullopt;
}

}  // namespace privsearch
