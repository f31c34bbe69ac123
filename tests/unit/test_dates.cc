// common/dates.h: parse_date, find_date_line; common/article_date.h: ArticleDate::iso/sortable,
// parse_iso_date.
#include "dates.h"

#include <catch2/catch.hpp>
#include <unicode/timezone.h>

#include <memory>
#include <optional>
#include <thread>

#include <string>

using privsearch::ArticleDate;
using privsearch::parse_iso_date;
using privsearch::find_date_line;
using privsearch::parse_date;

TEST_CASE("parse_date: accepted formats", "[dates]") {
    struct Case {
        const char* text;
        int year, month, day;
    };
    const Case cases[] = {
        {"2019-08-08", 2019, 8, 8},
        {"2019-08", 2019, 8, 0},
        {"2019", 2019, 0, 0},
        {"2017-07-27T11:19:00+01:00", 2017, 7, 27},
        {"2017-07-27T11:19:00Z", 2017, 7, 27},
        {"2017-07-27T11:19:00", 2017, 7, 27},
        {"Thursday 27 July 2017 11:19 BST", 2017, 7, 27},
        {"Thursday 27 July 2017", 2017, 7, 27},
        {"August 8, 2019", 2019, 8, 8},
        {"Aug 8, 2019", 2019, 8, 8},
        {"8 August 2019", 2019, 8, 8},
        {"8 Aug 2019", 2019, 8, 8},
        {"August 2019", 2019, 8, 0},
        {"  2019-08-08  ", 2019, 8, 8},
        {"2020-02-29", 2020, 2, 29},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto d = parse_date(c.text);
        REQUIRE(d.has_value());
        CHECK(d->year == c.year);
        CHECK(d->month == c.month);
        CHECK(d->day == c.day);
    }
}

// The date is the one the source states, whatever the offset and the machine's time zone.
TEST_CASE("parse_date: the stated day is kept with any UTC offset", "[dates]") {
    struct Case {
        const char* text;
        int day;
    };
    const Case cases[] = {
        {"2017-07-27T00:30:00+05:00", 27},
        {"2017-07-27T23:30:00-05:00", 27},
        {"2017-07-27T23:59:59-11:00", 27},
        {"2017-07-27T00:00:00+14:00", 27},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        auto d = parse_date(c.text);
        REQUIRE(d.has_value());
        CHECK(d->year == 2017);
        CHECK(d->month == 7);
        CHECK(d->day == c.day);
    }
}

TEST_CASE("parse_date: a day whose midnight a clock change skips, in any zone", "[dates]") {
    // São Paulo's clocks went from 00:00 to 01:00 on 2018-11-04. Parsers are per thread
    // and built on first use: a new thread builds them under the zone set here.
    std::unique_ptr<icu::TimeZone> before(icu::TimeZone::createDefault());
    icu::TimeZone::adoptDefault(icu::TimeZone::createTimeZone("America/Sao_Paulo"));
    std::optional<ArticleDate> d;
    std::thread([&] { d = parse_date("2018-11-04"); }).join();
    icu::TimeZone::adoptDefault(before.release());
    REQUIRE(d.has_value());
    CHECK(d->iso() == "2018-11-04");
}

TEST_CASE("parse_date: rejected texts", "[dates]") {
    const char* cases[] = {
        "not a date",
        "",
        "   ",
        "2019-13-01",
        "2019-00-10",
        "2019-08-32",
        "31 February 2019",
        "2019-02-29",
        "Smarch 3, 2019",
        "2019-08-08 and then some",
        "On August 8, 2019",
        "12",
    };
    for (const char* text : cases) {
        CAPTURE(text);
        CHECK_FALSE(parse_date(text).has_value());
    }
}

TEST_CASE("parse_iso_date: the forms a user types, naming a real day", "[dates]") {
    const std::pair<const char*, ArticleDate> accepted[] = {
        {"2019", {2019, 0, 0}},       {"2019-08", {2019, 8, 0}},    {"2019-08-08", {2019, 8, 8}},
        {" 2019-08-08 ", {2019, 8, 8}}, {"2020-02-29", {2020, 2, 29}}, {"2000-02-29", {2000, 2, 29}},
        {"1999-12-31", {1999, 12, 31}}, {"2019-8", {2019, 8, 0}},     {"2019-8-08", {2019, 8, 8}},
    };
    for (const auto& [text, date] : accepted) {
        CAPTURE(text);
        auto d = parse_iso_date(text);
        REQUIRE(d.has_value());
        CHECK(*d == date);
        CHECK(parse_date(text) == d);  // as the indexer reads it
    }
    CHECK(parse_iso_date("0001") == ArticleDate{1, 0, 0});  // a bound before everything
    CHECK(parse_iso_date("2019-8-8") == ArticleDate{2019, 8, 8});  // ICU's "dd" wanted two digits
    for (const char* text : {"", "19", "0000", "20190", "2019-013", "2019-8-", "2019--8", "2019-13", "2019-00", "2019-08-32", "2019-02-29",
                             "1900-02-29", "2019-04-31", "2019-08-", "2019-08-08T10:00", "2019/08/08",
                             "20190808", "August 2019", "2019-08-08x", "２０１９"}) {
        CAPTURE(text);
        CHECK_FALSE(parse_iso_date(text).has_value());
    }
}

TEST_CASE("ArticleDate: iso and sortable", "[dates]") {
    struct Case {
        ArticleDate date;
        const char* iso;
        const char* sortable;
    };
    const Case cases[] = {
        {{2019, 8, 8}, "2019-08-08", "20190808"},
        {{2019, 8, 0}, "2019-08", "20190801"},
        {{2019, 0, 0}, "2019", "20190101"},
        {{2017, 12, 31}, "2017-12-31", "20171231"},
        {{1999, 1, 2}, "1999-01-02", "19990102"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.iso);
        CHECK(c.date.iso() == c.iso);
        CHECK(c.date.sortable() == c.sortable);
    }
    // iso() round-trips through parse_date.
    for (const auto& c : cases) {
        CAPTURE(c.iso);
        auto d = parse_date(c.iso);
        REQUIRE(d.has_value());
        CHECK(*d == c.date);
    }
}

TEST_CASE("find_date_line: a date line near the top", "[dates]") {
    struct Case {
        const char* name;
        std::string body;
        std::string line;  // the line's text, as found in the body
        ArticleDate date;
    };
    const Case cases[] = {
        {"labelled, first line", " date 2019-08-08 \n\n\n(CNN) The FBI has been searching.\n", " date 2019-08-08 ",
         {2019, 8, 8}},
        {"after a few lines",
         "Facebook is sharing users' data\n\nThe company described the tactic as 'indispensable'\n\nAatif Sulleyman\n\n"
         "Thursday 27 July 2017 11:19 BST\n\nFacebook has revealed it shares data.\n",
         "Thursday 27 July 2017 11:19 BST", {2017, 7, 27}},
        {"Published: label", "Headline\nPublished: August 8, 2019\nBody text.\n", "Published: August 8, 2019",
         {2019, 8, 8}},
        {"bare year-month", "Headline\n2019-08\nBody.\n", "2019-08", {2019, 8, 0}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto l = find_date_line(c.body);
        REQUIRE(l.has_value());
        CHECK(l->date == c.date);
        REQUIRE(l->begin <= l->end);
        REQUIRE(l->end <= c.body.size());
        CHECK(c.body.substr(l->begin, l->end - l->begin) == c.line);
    }
}

TEST_CASE("find_date_line: none in prose or far down", "[dates]") {
    std::string far_down;
    for (int i = 0; i < 40; ++i) far_down += "A line of prose number " + std::to_string(i) + ".\n";
    far_down += "2019-08-08\n";
    const std::string cases[] = {
        "The FBI said on August 8, 2019 that it wanted data.\nMore prose follows here.\n",
        "In 2019 the agency asked for bids.\n",
        "Date of the meeting was not given.\n",
        "",
        far_down,
    };
    for (const auto& body : cases) {
        CAPTURE(body.substr(0, 60));
        CHECK_FALSE(find_date_line(body).has_value());
    }
}
