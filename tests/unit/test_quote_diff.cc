#include "quote_diff.h"

#include <catch2/catch.hpp>

#include <string>

using privsearch::Span;
using privsearch::searcher::best_near_match;
using privsearch::searcher::find_exact;
using privsearch::searcher::match_words;
using privsearch::searcher::WordDiff;

namespace {

std::string at(std::string_view text, Span s) { return std::string(text.substr(s.begin, s.end - s.begin)); }

}  // namespace

TEST_CASE("match_words folds case and typography, keeping original spans", "[factcheck]") {
    const std::string text = "“We won’t STOP,” she said — 1,000 times.";
    auto words = match_words(text);
    std::vector<std::string> folded;
    for (const auto& w : words) folded.push_back(w.folded);
    CHECK(folded == std::vector<std::string>{"we", "won't", "stop", "she", "said", "1,000", "times"});
    CHECK(at(text, words[1].span) == "won’t");
    CHECK(at(text, words[5].span) == "1,000");
}

TEST_CASE("match_words drops apostrophes used as single quotes", "[factcheck]") {
    const std::string text = "‘data brokers’ and the users' rights";
    auto words = match_words(text);
    REQUIRE(words.size() == 6);
    CHECK(words[0].folded == "data");
    CHECK(at(text, words[1].span) == "brokers");
    CHECK(words[4].folded == "users");
}

TEST_CASE("match_words reads ASCII and other letters alike", "[factcheck]") {
    // ASCII is read without ICU; a backtick is an apostrophe; accents, marks and
    // letters past ASCII fold their case.
    const std::string text = "`Tis CAFÉ Ångström's naïve 3.5 x`y Straße 'n'";
    std::vector<std::string> folded;
    for (const auto& w : match_words(text)) folded.push_back(w.folded);
    CHECK(folded == std::vector<std::string>{"tis", "café", "ångström's", "naïve", "3.5", "x'y", "straße", "n"});
}

TEST_CASE("find_exact ignores quote marks, case and line breaks", "[factcheck]") {
    const std::string text = "The agency said: “We Do Not\nretain location data,” in a letter. "
                             "Later: \"we do not retain location data.\"";
    auto spans = find_exact("\"We do not retain location data\"", text);
    REQUIRE(spans.size() == 2);
    CHECK(at(text, spans[0]) == "We Do Not\nretain location data");
    CHECK(at(text, spans[1]) == "we do not retain location data");
    CHECK(find_exact("we do not keep location data", text).empty());
}

TEST_CASE("find_exact matches curly apostrophes against straight ones", "[factcheck]") {
    const std::string text = "He said it wasn’t a “dragnet” program.";
    auto spans = find_exact("it wasn't a \"dragnet\" program", text);
    REQUIRE(spans.size() == 1);
    CHECK(at(text, spans[0]) == "it wasn’t a “dragnet” program");
}

TEST_CASE("best_near_match reports a changed word", "[factcheck]") {
    const std::string text = "Officials said the program collects bulk records on millions of Americans every day.";
    auto m = best_near_match("the program collects phone records on millions of Americans", text, 0.6);
    REQUIRE(m);
    CHECK(at(text, m->match) == "the program collects bulk records on millions of Americans");
    CHECK(m->similarity == Approx(1.0 - 1.0 / 9.0));
    REQUIRE(m->differences.size() == 1);
    CHECK(m->differences[0] == WordDiff{WordDiff::Kind::Changed, "phone", "bulk"});
}

TEST_CASE("best_near_match reports an added word", "[factcheck]") {
    const std::string text = "“Nobody should be tracked without a warrant,” she said.";
    auto m = best_near_match("Nobody should ever be tracked without a warrant", text, 0.6);
    REQUIRE(m);
    CHECK(at(text, m->match) == "Nobody should be tracked without a warrant");
    REQUIRE(m->differences.size() == 1);
    CHECK(m->differences[0] == WordDiff{WordDiff::Kind::Added, "ever", ""});
}

TEST_CASE("best_near_match reports a dropped word", "[factcheck]") {
    const std::string text = "“This is a dangerous and unprecedented expansion of surveillance,” he said.";
    auto m = best_near_match("This is a dangerous expansion of surveillance", text, 0.6);
    REQUIRE(m);
    CHECK(at(text, m->match) == "This is a dangerous and unprecedented expansion of surveillance");
    REQUIRE(m->differences.size() == 1);
    CHECK(m->differences[0] == WordDiff{WordDiff::Kind::Dropped, "", "and unprecedented"});
    CHECK(m->similarity == Approx(1.0 - 2.0 / 9.0));
}

TEST_CASE("best_near_match finds nothing below the threshold", "[factcheck]") {
    const std::string text = "The city council voted to ban facial recognition by police on Tuesday.";
    CHECK_FALSE(best_near_match("we will never sell your personal data to anyone", text, 0.6));
    CHECK_FALSE(best_near_match("anything", "", 0.6));
}
