// A calendar date as precise as its source states it, and the ISO 8601 forms a user
// types for one. What articles print ("Thursday 27 July 2017 11:19 BST") is parsed
// with ICU in dates.h; the searcher needs only this file, and not linking ICU's date
// formats spares each of its processes 480 relocations (about 2% of a one-shot query).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace privsearch {

struct ArticleDate {
    int year = 0;
    int month = 0;  // 0: unknown
    int day = 0;    // 0: unknown

    std::string iso() const;       // "2019", "2019-08" or "2019-08-08"
    std::string sortable() const;  // "YYYYMMDD", unknown parts as the first month/day
    bool operator==(const ArticleDate&) const = default;
};

// "YYYY", "YYYY-MM" or "YYYY-MM-DD" naming a real day, the month and day also of one
// digit ("2019-8-8", as ICU's patterns took them); surrounding blanks allowed. Nothing
// for anything else.
std::optional<ArticleDate> parse_iso_date(std::string_view text);

}  // namespace privsearch
