#pragma once
#include "article_date.h"

#include <optional>
#include <string>
#include <string_view>

namespace privsearch {

// Parses ISO 8601 (2019, 2019-08, 2019-08-08, 2017-07-27T11:19:00+01:00) and common
// news formats ("Thursday 27 July 2017 11:19 BST", "August 8, 2019", "8 Aug 2019")
// with ICU. The whole string (trimmed) must be a date.
std::optional<ArticleDate> parse_date(std::string_view text);

// A line near the top of an article body that is only a date (optionally after a
// label such as "date", "Published:"), as news pages put under the headline.
struct DateLine {
    ArticleDate date;
    std::size_t begin = 0;  // byte range of the line in the body
    std::size_t end = 0;
};
std::optional<DateLine> find_date_line(std::string_view body);

}  // namespace privsearch
