#include "article_date.h"

#include "string_util.h"

#include <cstdio>

namespace privsearch {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// The number of 1 to `most` digits at the start of `text` (consumed), or -1.
int number(std::string_view& text, std::size_t least, std::size_t most) {
    std::size_t n = 0;
    int value = 0;
    while (n < text.size() && n < most && digit(text[n])) value = value * 10 + (text[n++] - '0');
    if (n < least || (n < text.size() && digit(text[n]))) return -1;
    text.remove_prefix(n);
    return value;
}

// Consumes a '-' and the number after it.
int part(std::string_view& text) {
    if (text.empty() || text[0] != '-') return -1;
    text.remove_prefix(1);
    return number(text, 1, 2);
}

int days_in(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::string ArticleDate::iso() const {
    char buf[16];
    if (day) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    else if (month) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
    else std::snprintf(buf, sizeof buf, "%04d", year);
    return buf;
}

std::string ArticleDate::sortable() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month ? month : 1, day ? day : 1);
    return buf;
}

std::optional<ArticleDate> parse_iso_date(std::string_view text) {
    text = trim(text);
    ArticleDate d;
    d.year = number(text, 4, 4);
    if (d.year < 1) return std::nullopt;
    if (text.empty()) return d;
    d.month = part(text);
    if (d.month < 1 || d.month > 12) return std::nullopt;
    if (text.empty()) return d;
    d.day = part(text);
    if (d.day < 1 || d.day > days_in(d.year, d.month) || !text.empty()) return std::nullopt;
    return d;
}

}  // namespace privsearch
