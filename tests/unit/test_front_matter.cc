// parse_text_file (common/front_matter.h): front matter, body, derived fields, problems.
#include "front_matter.h"

#include <catch2/catch.hpp>

#include <string>

using privsearch::ParsedFile;
using privsearch::parse_text_file;

namespace {

bool has_problem_at(const ParsedFile& f, std::size_t line, bool skipped) {
    for (const auto& p : f.problems)
        if (p.line == line && p.skipped == skipped) return true;
    return false;
}

}  // namespace

TEST_CASE("front matter: keys are read into the article", "[parse]") {
    const std::string text =
        "---\n"
        "id: cnn-fbi\n"
        "title: The FBI wants social media data\n"
        "source: CNN\n"
        "date: 2019-08-08\n"
        "url: https://edition.cnn.com/2019/08/08/tech/fbi-social-media\n"
        "author: Jane Reporter\n"
        "---\n"
        "The body.\n";
    auto f = parse_text_file(text, "/corpus/whatever.md");
    REQUIRE(f.problems.empty());
    REQUIRE(f.articles.size() == 1);
    const auto& a = f.articles[0];
    CHECK(a.id == "cnn-fbi");
    CHECK(a.title == "The FBI wants social media data");
    CHECK(a.source == "CNN");
    CHECK(a.date == "2019-08-08");
    CHECK(a.url == "https://edition.cnn.com/2019/08/08/tech/fbi-social-media");
    CHECK(a.author == "Jane Reporter");
    CHECK(a.text == "The body.\n");
    CHECK(a.path == "/corpus/whatever.md");
    CHECK(a.line == 0);
}

TEST_CASE("front matter: quoted values lose their quotes", "[parse]") {
    struct Case {
        const char* line;
        const char* title;
    };
    const Case cases[] = {
        {"title: \"Quoted: with a colon\"", "Quoted: with a colon"},
        {"title: 'Single quoted'", "Single quoted"},
        {"title:    spaced out   ", "spaced out"},
        {"title: \"mismatched'", "\"mismatched'"},
        {"title: it's \"inner\" quotes", "it's \"inner\" quotes"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.line);
        auto f = parse_text_file(std::string("---\n") + c.line + "\n---\nBody text.\n", "a.md");
        REQUIRE(f.articles.size() == 1);
        CHECK(f.articles[0].title == c.title);
        CHECK(f.problems.empty());
    }
}

TEST_CASE("front matter: body is kept byte for byte", "[parse]") {
    const std::string body =
        " date 2019-08-08 \n"
        "\n"
        "\n"
        "(CNN) \xE2\x80\x94 The FBI wants \xE2\x80\x9Creal-time access\xE2\x80\x9D and won\xE2\x80\x99t say why.\r\n"
        "\tIndented line with trailing spaces   \n"
        "\n"
        "Last line without newline";
    auto f = parse_text_file("---\nid: x\ntitle: T\n---\n" + body, "x.md");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].text == body);
    CHECK(f.articles[0].text.size() == body.size());
}

TEST_CASE("front matter: a file without front matter is all body", "[parse]") {
    const std::string text = "Just a body. With two sentences.\n";
    auto f = parse_text_file(text, "dir/plain.txt");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].text == text);
    CHECK(f.articles[0].id == "plain");
    CHECK(f.problems.empty());
}

TEST_CASE("front matter: unknown keys and comments are ignored", "[parse]") {
    auto f = parse_text_file("---\nid: a\ntags: privacy, surveillance\n# a comment\nlayout: post\ntitle: T\n---\nBody.\n",
                             "a.md");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.problems.empty());
    CHECK(f.articles[0].id == "a");
    CHECK(f.articles[0].title == "T");
    CHECK(f.articles[0].text == "Body.\n");
}

TEST_CASE("front matter: a bad line is a warning with its line number, the rest is read", "[parse]") {
    const std::string text =
        "---\n"            // 1
        "id: kept\n"       // 2
        "this is not a key value line\n"  // 3
        ": no key\n"       // 4
        "source: Wired\n"  // 5
        "---\n"
        "Body text here.\n";
    auto f = parse_text_file(text, "bad.md");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].id == "kept");
    CHECK(f.articles[0].source == "Wired");
    CHECK(f.articles[0].text == "Body text here.\n");
    REQUIRE(f.problems.size() == 2);
    CHECK(f.problems[0].line == 3);
    CHECK_FALSE(f.problems[0].skipped);
    CHECK(f.problems[0].path == "bad.md");
    CHECK(f.problems[1].line == 4);
    CHECK_FALSE(f.problems[1].skipped);
    CHECK(f.problems[0].describe().rfind("bad.md:3: ", 0) == 0);
}

TEST_CASE("front matter: an unclosed block makes the whole file the text", "[parse]") {
    const std::string text = "---\nid: never-closed\ntitle: Lost title\nThe body goes on.\n";
    auto f = parse_text_file(text, "/x/unclosed-file.md");
    REQUIRE(f.articles.size() == 1);
    const auto& a = f.articles[0];
    CHECK(a.text == text);
    CHECK(a.id == "unclosed-file");  // the block's id is not used
    REQUIRE_FALSE(f.problems.empty());
    CHECK(has_problem_at(f, 1, false));
    for (const auto& p : f.problems) CHECK_FALSE(p.skipped);
}

TEST_CASE("front matter: no article without text", "[parse]") {
    struct Case {
        const char* name;
        std::string text;
    };
    const Case cases[] = {
        {"only front matter", "---\nid: a\ntitle: T\n---\n"},
        {"front matter and blank lines", "---\nid: a\n---\n\n  \n\t\n"},
        {"empty file", ""},
        {"white space only", " \n\n \t\n"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto f = parse_text_file(c.text, "e.md");
        CHECK(f.articles.empty());
        REQUIRE(f.problems.size() == 1);
        CHECK(f.problems[0].skipped);
        CHECK(f.problems[0].path == "e.md");
    }
}

TEST_CASE("front matter: id derived from the file stem", "[parse]") {
    struct Case {
        const char* path;
        const char* id;
    };
    const Case cases[] = {
        {"My File 1.md", "my-file-1"},
        {"/some/dir/My File 1.md", "my-file-1"},
        {"corpus/CNN_2019--FBI.txt", "cnn-2019-fbi"},
        {"plain.md", "plain"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.path);
        auto f = parse_text_file("Some body text.\n", c.path);
        REQUIRE(f.articles.size() == 1);
        CHECK(f.articles[0].id == c.id);
    }
    // A stated id wins over the file name.
    auto f = parse_text_file("---\nid: stated\n---\nBody.\n", "My File 1.md");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].id == "stated");
}

TEST_CASE("front matter: title derived from the first sentence", "[parse]") {
    struct Case {
        const char* name;
        std::string text;
        const char* title;
    };
    const Case cases[] = {
        {"first sentence", "The FBI wants data. It asked vendors.\n", "The FBI wants data."},
        {"date line skipped", " date 2019-08-08 \n\n\nThe FBI wants data. It asked vendors.\n", "The FBI wants data."},
        {"dated front matter, date line still skipped",
         "---\ndate: 2019-08-08\n---\n 2019-08-08\n\nThe FBI wants data. It asked vendors.\n", "The FBI wants data."},
        {"stated title wins", "---\ntitle: Stated\n---\nThe FBI wants data.\n", "Stated"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto f = parse_text_file(c.text, "t.md");
        REQUIRE(f.articles.size() == 1);
        CHECK(f.articles[0].title == c.title);
    }
}

TEST_CASE("front matter: the date comes from front matter or from a date line", "[parse]") {
    struct Case {
        const char* name;
        std::string text;
        const char* date;
    };
    const Case cases[] = {
        {"iso", "---\ndate: 2019-08-08\n---\nBody.\n", "2019-08-08"},
        {"month", "---\ndate: 2019-08\n---\nBody.\n", "2019-08"},
        {"year", "---\ndate: 2019\n---\nBody.\n", "2019"},
        {"news format", "---\ndate: August 8, 2019\n---\nBody.\n", "2019-08-08"},
        {"quoted", "---\ndate: \"2019-08-08\"\n---\nBody.\n", "2019-08-08"},
        {"date line in the body", " date 2019-08-08 \n\nBody.\n", "2019-08-08"},
        {"front matter wins over the date line", "---\ndate: 2018\n---\n 2019-08-08\n\nBody.\n", "2018"},
        {"none", "Body without a date.\n", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto f = parse_text_file(c.text, "d.md");
        REQUIRE(f.articles.size() == 1);
        CHECK(f.articles[0].date == c.date);
        CHECK(f.problems.empty());
    }
}

TEST_CASE("front matter: an unrecognised date is a warning", "[parse]") {
    auto f = parse_text_file("---\nid: a\ndate: sometime last year\ntitle: T\n---\nBody.\n", "w.md");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].date.empty());
    CHECK(f.articles[0].title == "T");
    REQUIRE(f.problems.size() == 1);
    CHECK(has_problem_at(f, 3, false));
    CHECK_THAT(f.problems[0].message, Catch::Matchers::Contains("sometime last year"));
}
