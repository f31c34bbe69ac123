#include "article_date.h"

#include "string_util.h"

#include <cstdio>

namespace privsearch {
namespace {

// The number `digits` long at the start of `text`, or -1.
int number(std::string_view text, std::size_t digits) {
    if (text.size() < digits) return -1;
    int n = 0;
    for (std::size_t i = 0; i < digits; ++i) {
        if (text[i] < '0' || text[i] > '9') return -1;
        n = n * 10 + (text[i] - '0');
    }
    return n;
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
    d.year = number(text, 4);
    if (d.year < 1) return std::nullopt;
    if (text.size() == 4) return d;
    if (text.size() < 7 || text[4] != '-') return std::nullopt;
    d.month = number(text.substr(5), 2);
    if (d.month < 1 || d.month > 12) return std::nullopt;
    if (text.size() == 7) return d;
    if (text.size() != 10 || text[7] != '-') return std::nullopt;
    d.day = number(text.substr(8), 2);
    if (d.day < 1 || d.day > days_in(d.year, d.month)) return std::nullopt;
    return d;
}

}  // namespace privsearch
