// parse_html_file (common/html.h): metadata from meta tags, text from the main content.
#include "html.h"

#include <catch2/catch.hpp>

#include <string>

using privsearch::parse_html_file;
using Catch::Matchers::Contains;

namespace {

std::string page(const std::string& head, const std::string& body) {
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head + "</head><body>" + body + "</body></html>";
}

}  // namespace

TEST_CASE("html: title from og:title, else <title>, else <h1>", "[parse]") {
    struct Case {
        const char* name;
        std::string head;
        std::string body;
        const char* title;
    };
    const Case cases[] = {
        {"og:title wins", R"(<meta property="og:title" content="OG Title"><title>Tag Title</title>)",
         "<h1>H1 Title</h1><p>Body text.</p>", "OG Title"},
        {"<title> next", "<title>Tag Title</title>", "<h1>H1 Title</h1><p>Body text.</p>", "Tag Title"},
        {"<h1> last", "", "<h1>H1 Title</h1><p>Body text.</p>", "H1 Title"},
        {"empty og:title ignored", R"(<meta property="og:title" content="  "><title>Tag Title</title>)",
         "<p>Body text.</p>", "Tag Title"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto f = parse_html_file(page(c.head, c.body), "p.html");
        REQUIRE(f.articles.size() == 1);
        CHECK(f.articles[0].title == c.title);
    }
}

TEST_CASE("html: source, author, url and date from meta tags", "[parse]") {
    const std::string head =
        R"(<meta property="og:site_name" content="The Independent">)"
        R"(<meta name="author" content="Aatif Sulleyman">)"
        R"(<meta property="article:published_time" content="2017-07-27T11:19:00+01:00">)"
        R"(<link rel="canonical" href="https://www.independent.co.uk/life-style/gadgets/facebook-whatsapp.html">)"
        R"(<meta property="og:url" content="https://example.com/og-url">)";
    auto f = parse_html_file(page(head, "<article><p>Facebook is sharing data.</p></article>"), "/in/ind.html");
    CHECK(f.problems.empty());
    REQUIRE(f.articles.size() == 1);
    const auto& a = f.articles[0];
    CHECK(a.source == "The Independent");
    CHECK(a.author == "Aatif Sulleyman");
    CHECK(a.date == "2017-07-27");
    CHECK(a.url == "https://www.independent.co.uk/life-style/gadgets/facebook-whatsapp.html");
    CHECK(a.id == "ind");
    CHECK(a.path == "/in/ind.html");
}

TEST_CASE("html: og:url when there is no canonical link", "[parse]") {
    auto f = parse_html_file(page(R"(<meta property="og:url" content="https://example.com/og-url">)", "<p>Text.</p>"),
                             "u.html");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].url == "https://example.com/og-url");
}

TEST_CASE("html: date from <time datetime> when no meta tag", "[parse]") {
    struct Case {
        const char* name;
        std::string head;
        std::string body;
        const char* date;
    };
    const Case cases[] = {
        {"time element", "", R"(<article><time datetime="2019-08-08">Aug 8</time><p>Text.</p></article>)", "2019-08-08"},
        {"meta wins over time", R"(<meta property="article:published_time" content="2018-01-02">)",
         R"(<article><time datetime="2019-08-08">Aug 8</time><p>Text.</p></article>)", "2018-01-02"},
        {"no date", "", "<article><p>Text.</p></article>", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto f = parse_html_file(page(c.head, c.body), "d.html");
        REQUIRE(f.articles.size() == 1);
        CHECK(f.articles[0].date == c.date);
    }
}

TEST_CASE("html: an unrecognised date is a warning", "[parse]") {
    auto f = parse_html_file(page(R"(<meta property="article:published_time" content="yesterday-ish">)", "<p>Text.</p>"),
                             "w.html");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].date.empty());
    REQUIRE(f.problems.size() == 1);
    CHECK_FALSE(f.problems[0].skipped);
}

TEST_CASE("html: text from <article>, else <main>, else <body>", "[parse]") {
    struct Case {
        const char* name;
        std::string body;
        const char* wanted;
        const char* unwanted;
    };
    const Case cases[] = {
        {"article", "<div>Outside words.</div><main><article><p>Inside article.</p></article><p>Main only.</p></main>",
         "Inside article.", "Main only."},
        {"main", "<div>Outside words.</div><main><p>Inside main.</p></main>", "Inside main.", "Outside words."},
        {"body", "<div>Body words.</div><p>More body.</p>", "Body words.", "<div>"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto f = parse_html_file(page("<title>T</title>", c.body), "t.html");
        REQUIRE(f.articles.size() == 1);
        CHECK_THAT(f.articles[0].text, Contains(c.wanted));
        CHECK_THAT(f.articles[0].text, !Contains(c.unwanted));
    }
}

TEST_CASE("html: scripts, styles, navigation, headers, footers and asides are left out", "[parse]") {
    const std::string body =
        "<header>Site header</header><nav>Home | News</nav>"
        "<article><h1>Headline</h1>"
        "<script>var tracking = 1;</script><style>p { color: red }</style>"
        "<p>The real text.</p><aside>Related stories</aside>"
        "<footer>Copyright</footer></article>";
    auto f = parse_html_file(page("", body), "s.html");
    REQUIRE(f.articles.size() == 1);
    const auto& text = f.articles[0].text;
    CHECK_THAT(text, Contains("The real text."));
    CHECK_THAT(text, Contains("Headline"));
    for (const char* gone : {"Site header", "Home", "tracking", "color", "Related stories", "Copyright"}) {
        CAPTURE(gone);
        CHECK_THAT(text, !Contains(gone));
    }
}

TEST_CASE("html: paragraphs are separated by blank lines", "[parse]") {
    auto f = parse_html_file(page("", "<article><p>First   paragraph\n here.</p><p>Second <b>bold</b> one.</p>"
                                      "<ul><li>Item</li></ul></article>"),
                             "p.html");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].text == "First paragraph here.\n\nSecond bold one.\n\nItem");
}

TEST_CASE("html: entities and UTF-8 are decoded", "[parse]") {
    auto f = parse_html_file(page("", "<p>AT&amp;T won&#8217;t say \xE2\x80\x9Cwhy\xE2\x80\x9D.</p>"), "e.html");
    REQUIRE(f.articles.size() == 1);
    CHECK(f.articles[0].text == "AT&T won\xE2\x80\x99t say \xE2\x80\x9Cwhy\xE2\x80\x9D.");
}

TEST_CASE("html: a page without text is a problem", "[parse]") {
    struct Case {
        const char* name;
        std::string html;
    };
    const Case cases[] = {
        {"empty body", page("<title>Only a title</title>", "")},
        {"only scripts and navigation", page("<title>T</title>", "<nav>Menu</nav><script>x()</script>")},
        {"empty article", page("<title>T</title>", "<article>  </article><div>outside</div>")},
        {"empty input", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto f = parse_html_file(c.html, "n.html");
        CHECK(f.articles.empty());
        REQUIRE(f.problems.size() == 1);
        CHECK(f.problems[0].skipped);
        CHECK(f.problems[0].path == "n.html");
    }
}
