// parse_jsonl_file (common/jsonl.h): one article a line; bad lines reported and skipped.
#include "jsonl.h"

#include <catch2/catch.hpp>

#include <string>

using privsearch::parse_jsonl_file;

TEST_CASE("jsonl: good lines become articles", "[parse]") {
    const std::string text =
        R"({"id":"a1","title":"First","source":"CNN","date":"2019-08-08","url":"https://x/1","author":"Ann","text":"Body one."})"
        "\n"
        R"({"id":"a2","title":"Second","source":"Wired","date":"August 8, 2019","text":"Body \u201ctwo\u201d.\n\nMore."})"
        "\n";
    auto f = parse_jsonl_file(text, "/data/feed.jsonl");
    CHECK(f.problems.empty());
    REQUIRE(f.articles.size() == 2);
    const auto& a = f.articles[0];
    CHECK(a.id == "a1");
    CHECK(a.title == "First");
    CHECK(a.source == "CNN");
    CHECK(a.date == "2019-08-08");
    CHECK(a.url == "https://x/1");
    CHECK(a.author == "Ann");
    CHECK(a.text == "Body one.");
    CHECK(a.path == "/data/feed.jsonl");
    CHECK(a.line == 1);
    const auto& b = f.articles[1];
    CHECK(b.id == "a2");
    CHECK(b.date == "2019-08-08");
    CHECK(b.text == "Body \xE2\x80\x9Ctwo\xE2\x80\x9D.\n\nMore.");
    CHECK(b.line == 2);
}

TEST_CASE("jsonl: the text is kept as given", "[parse]") {
    auto f = parse_jsonl_file(R"({"id":"x","title":"T","text":"  padded text.  "})", "f.jsonl");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].text == "  padded text.  ");
}

TEST_CASE("jsonl: a malformed line in the middle is reported and skipped", "[parse]") {
    const std::string text =
        R"({"id":"one","text":"First body."})" "\n"
        R"({"id":"two","text":"unterminated)" "\n"
        R"({"id":"three","text":"Third body."})" "\n";
    auto f = parse_jsonl_file(text, "m.jsonl");
    REQUIRE(f.articles.size() == 2);
    CHECK(f.articles[0].id == "one");
    CHECK(f.articles[1].id == "three");
    CHECK(f.articles[1].line == 3);
    REQUIRE(f.problems.size() == 1);
    CHECK(f.problems[0].line == 2);
    CHECK(f.problems[0].skipped);
    CHECK(f.problems[0].path == "m.jsonl");
    CHECK(f.problems[0].describe().rfind("m.jsonl:2: ", 0) == 0);
}

TEST_CASE("jsonl: lines that are skipped", "[parse]") {
    struct Case {
        const char* name;
        const char* line;
    };
    const Case cases[] = {
        {"not JSON", "this is not json"},
        {"array, not object", R"(["text", "body"])"},
        {"string, not object", R"("just a string")"},
        {"number, not object", "42"},
        {"non-string title", R"({"title":5,"text":"Body."})"},
        {"non-string text", R"({"text":["a","b"]})"},
        {"non-string date", R"({"date":2019,"text":"Body."})"},
        {"non-string id", R"({"id":{"x":1},"text":"Body."})"},
        {"missing text", R"({"id":"a","title":"No body"})"},
        {"empty text", R"({"id":"a","text":"   "})"},
        {"null text", R"({"id":"a","text":null})"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const std::string text = std::string(R"({"id":"ok","text":"Fine."})") + "\n" + c.line + "\n";
        auto f = parse_jsonl_file(text, "s.jsonl");
        REQUIRE(f.articles.size() == 1);
        CHECK(f.articles[0].id == "ok");
        REQUIRE(f.problems.size() == 1);
        CHECK(f.problems[0].line == 2);
        CHECK(f.problems[0].skipped);
    }
}

TEST_CASE("jsonl: null and unknown fields are ignored", "[parse]") {
    auto f = parse_jsonl_file(R"({"id":"a","title":null,"tags":["x"],"score":3,"text":"Body here."})", "n.jsonl");
    CHECK(f.problems.empty());
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].id == "a");
    CHECK(f.articles[0].title == "Body here.");  // derived, as if absent
}

TEST_CASE("jsonl: blank lines are ignored but counted", "[parse]") {
    const std::string text = "\n" R"({"text":"First."})" "\n\n   \n" R"({"text":"Second."})" "\n\n";
    auto f = parse_jsonl_file(text, "b.jsonl");
    CHECK(f.problems.empty());
    REQUIRE(f.articles.size() == 2);
    CHECK(f.articles[0].line == 2);
    CHECK(f.articles[1].line == 5);
}

TEST_CASE("jsonl: derived ids are <stem>-<line>", "[parse]") {
    const std::string text = R"({"text":"First."})" "\n" R"({"id":"given","text":"Second."})" "\n\n" R"({"text":"Fourth."})";
    auto f = parse_jsonl_file(text, "/in/news-feed.jsonl");
    REQUIRE(f.articles.size() == 3);
    CHECK(f.articles[0].id == "news-feed-1");
    CHECK(f.articles[1].id == "given");
    CHECK(f.articles[2].id == "news-feed-4");
}

TEST_CASE("jsonl: an unrecognised date is a warning, the line is kept", "[parse]") {
    auto f = parse_jsonl_file("\n" R"({"id":"a","date":"the other day","text":"Body."})", "d.jsonl");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].date.empty());
    REQUIRE(f.problems.size() == 1);
    CHECK_FALSE(f.problems[0].skipped);
    CHECK(f.problems[0].line == 2);
}

TEST_CASE("jsonl: an empty file is a problem", "[parse]") {
    for (const char* text : {"", "\n\n", "  \n"}) {
        CAPTURE(text);
        auto f = parse_jsonl_file(text, "e.jsonl");
        CHECK(f.articles.empty());
        REQUIRE(f.problems.size() == 1);
        CHECK(f.problems[0].skipped);
    }
}
