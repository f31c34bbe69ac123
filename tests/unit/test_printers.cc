// searcher/printer.h, json_format.h, citation.h, snippet.h (parse_marked), batch.h
// (request_from_line) and schema.h (for_each_facet_entry).
#include "builtin_entities.h"
#include "batch.h"
#include "citation.h"
#include "errors.h"
#include "facet_spy.h"
#include "json_format.h"
#include "printer.h"
#include "snippet.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace privsearch;
using privsearch::test::builtin;
using privsearch::test::matcher;
using namespace privsearch::searcher;
using schema::Facet;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// Number of UTF-8 code points in s.
std::size_t chars(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

StoredArticle stored_article() {
    StoredArticle s;
    Article& a = s.article;
    a.id = "cafe-fbi";
    a.title = "Caf\xC3\xA9 owners, \"worried\"";
    a.source = "Le Monde";
    a.author = "Am\xC3\xA9lie Dupont";
    a.date = "2019-08-08";
    a.url = "https://example.com/cafe";
    a.text = "\xE2\x80\x9CQuoted\xE2\x80\x9D intro. The FBI wants r\xC3\xA9" "al-time data.\nSecond line.";
    a.path = "/corpus/cafe.md";
    s.text_sha256 = std::string(64, 'a');
    s.entities = {{Facet::Agency, "FBI", 2}, {Facet::Platform, "Facebook", 1}};
    return s;
}

SearchResult sample_result() {
    SearchResult r;
    r.total = 1;
    Hit h;
    h.rank = 1;
    h.score = 12.5;
    h.article = stored_article();
    // "Café au lait with the FBI" with "FBI" highlighted (bytes 23..26, characters 22..25).
    h.snippet.text = "Caf\xC3\xA9 au lait with the FBI";
    h.snippet.highlights = {{23, 26}};
    r.hits.push_back(h);
    r.facets[Facet::Agency] = {{"FBI", 1}};
    r.facets[Facet::Year] = {{"2019", 1}};
    r.did_you_mean = "caf\xC3\xA9 fbi";
    return r;
}

}  // namespace

TEST_CASE("printers: JSON search output", "[printers]") {
    SearchRequest req;
    req.query = "caf\xC3\xA9 fbi";
    req.filters.entities[Facet::Agency] = {"FBI"};
    req.filters.since = "20190101";
    req.limit = 5;
    std::ostringstream out;
    make_json_printer(out)->search(req, sample_result());
    auto j = nlohmann::json::parse(out.str());

    CHECK(j["schema_version"] == json_schema_version);
    CHECK(j["schema_version"] == 1);
    for (const char* key : {"query", "filters", "total", "total_exact", "offset", "limit", "hits", "facets", "did_you_mean"}) {
        CAPTURE(key);
        CHECK(j.contains(key));
    }
    CHECK(j["query"] == req.query);
    CHECK(j["total"] == 1);
    CHECK(j["limit"] == 5);
    CHECK(j["filters"]["agency"] == nlohmann::json::array({"FBI"}));
    CHECK(j["filters"]["since"] == "2019-01-01");
    CHECK(j["did_you_mean"] == "caf\xC3\xA9 fbi");
    REQUIRE(j["hits"].size() == 1);
    const auto& h = j["hits"][0];
    for (const char* key : {"rank", "id", "title", "source", "author", "date", "url", "score", "snippet", "highlights", "entities"}) {
        CAPTURE(key);
        CHECK(h.contains(key));
    }
    CHECK(h["id"] == "cafe-fbi");
    CHECK(h["title"] == "Caf\xC3\xA9 owners, \"worried\"");
    CHECK(h["rank"] == 1);
    CHECK(h["score"] == 12.5);
    CHECK(h["entities"]["agency"] == nlohmann::json::array({"FBI"}));
    CHECK(h["entities"]["company"] == nlohmann::json::array());
    REQUIRE(h["highlights"].size() == 1);
    // Highlight offsets count characters, not bytes.
    const std::size_t start = h["highlights"][0]["start"], end = h["highlights"][0]["end"];
    CHECK(start == 22);
    CHECK(end == 25);
    const std::string snippet = h["snippet"];
    CHECK(chars(snippet.substr(0, 23)) == start);
    CHECK(j["facets"]["agency"][0]["value"] == "FBI");
    CHECK(j["facets"]["agency"][0]["count"] == 1);
    CHECK(j["facets"]["year"][0]["value"] == "2019");
}

TEST_CASE("printers: JSON without a suggestion has a null did_you_mean", "[printers]") {
    SearchResult r;
    auto j = to_json(SearchRequest{}, r);
    CHECK(j["did_you_mean"].is_null());
    CHECK(j["hits"].is_array());
    CHECK(j["hits"].empty());
    CHECK(j["schema_version"] == 1);
}

TEST_CASE("printers: JSON for show, count, facets, stats are versioned", "[printers]") {
    auto show = to_json(stored_article());
    CHECK(show["schema_version"] == 1);
    CHECK(show["id"] == "cafe-fbi");
    CHECK(show["sha256"] == std::string(64, 'a'));
    CHECK(show["text"] == stored_article().article.text);
    CHECK(show["entities"]["agency"][0]["name"] == "FBI");
    CHECK(show["entities"]["agency"][0]["mentions"] == 2);

    CountResult c;
    c.query = "fbi";
    c.total = 3;
    CHECK(to_json(c)["schema_version"] == 1);
    CHECK(to_json(c)["total"] == 3);
    CHECK_FALSE(to_json(c).contains("by"));
    c.by = Facet::Platform;
    c.values = {{"X", 2}};
    CHECK(to_json(c)["by"] == "platform");
    CHECK(to_json(c)["counts"][0]["value"] == "X");

    IndexStats s;
    s.articles = 5;
    CHECK(to_json(s)["schema_version"] == 1);
    CHECK(to_json(s)["articles"] == 5);
    CHECK(to_json(FacetCounts{})["schema_version"] == 1);
    CHECK(display_date("20190808") == "2019-08-08");
}

TEST_CASE("printers: CSV quoting", "[printers]") {
    SearchResult r = sample_result();
    r.hits[0].article.article.title = "Hello, world";
    r.hits[0].article.article.source = "He said \"hi\"";
    r.hits[0].snippet.text = "line one\nline two";
    r.hits[0].article.article.url = "https://plain.example/x";
    std::ostringstream out;
    make_csv_printer(out)->search(SearchRequest{}, r);
    const std::string csv = out.str();
    CAPTURE(csv);
    CHECK_THAT(csv, StartsWith("rank,id,title,source,date,url,score,snippet\r\n"));
    CHECK_THAT(csv, Contains(",\"Hello, world\","));
    CHECK_THAT(csv, Contains(",\"He said \"\"hi\"\"\","));
    CHECK_THAT(csv, Contains(",\"line one\nline two\"\r\n"));
    CHECK_THAT(csv, Contains(",https://plain.example/x,"));
    CHECK_THAT(csv, Contains("1,cafe-fbi,"));
}

TEST_CASE("printers: text output with and without colour", "[printers]") {
    SearchRequest req;
    req.query = "fbi";
    SECTION("no colour, no escape sequences") {
        std::ostringstream out;
        make_text_printer(out, false)->search(req, sample_result());
        const std::string s = out.str();
        CHECK(s.find('\033') == std::string::npos);
        CHECK_THAT(s, Contains("Caf\xC3\xA9 owners"));
        CHECK_THAT(s, Contains("cafe-fbi"));
        CHECK_THAT(s, Contains("Caf\xC3\xA9 au lait with the FBI"));
        CHECK_THAT(s, Contains("caf\xC3\xA9 fbi"));  // did you mean
    }
    SECTION("colour paints the matches") {
        std::ostringstream out;
        make_text_printer(out, true)->search(req, sample_result());
        const std::string s = out.str();
        CHECK(s.find('\033') != std::string::npos);
        CHECK_THAT(s, Contains("\033[1;31mFBI\033[0m"));
    }
    SECTION("make_printer chooses by format") {
        std::ostringstream json, csv, text;
        make_printer(Format::Json, json, false)->search(req, sample_result());
        make_printer(Format::Csv, csv, false)->search(req, sample_result());
        make_printer(Format::Text, text, true)->search(req, sample_result());
        CHECK(nlohmann::json::parse(json.str())["schema_version"] == 1);
        CHECK_THAT(csv.str(), StartsWith("rank,"));
        CHECK(text.str().find('\033') != std::string::npos);
    }
}

TEST_CASE("citations: plain, markdown and JSON", "[printers]") {
    auto article = std::make_shared<const StoredArticle>(stored_article());
    const std::string& text = article->article.text;
    const std::string sentence = "The FBI wants r\xC3\xA9" "al-time data.";
    const auto begin = text.find(sentence);
    REQUIRE(begin != std::string::npos);
    Citation c{article, Span{begin, begin + sentence.size()}};
    const std::size_t start = chars(text.substr(0, begin));
    const std::size_t end = start + chars(sentence);
    REQUIRE(start != begin);  // the offsets differ in bytes and characters
    const std::string char_range = std::to_string(start) + "\xE2\x80\x93" + std::to_string(end);

    for (CiteStyle style : {CiteStyle::Plain, CiteStyle::Markdown}) {
        const std::string s = format_citation(c, style);
        CAPTURE(s);
        for (const std::string& part : {article->article.title, article->article.source, article->article.date,
                                        article->article.url, article->article.id, article->text_sha256, sentence,
                                        article->article.author, char_range})
            CHECK_THAT(s, Contains(part));
    }

    auto j = nlohmann::json::parse(format_citation(c, CiteStyle::Json));
    CHECK(j["id"] == "cafe-fbi");
    CHECK(j["title"] == article->article.title);
    CHECK(j["source"] == "Le Monde");
    CHECK(j["date"] == "2019-08-08");
    CHECK(j["url"] == "https://example.com/cafe");
    CHECK(j["sha256"] == article->text_sha256);
    CHECK(j["sentence"] == sentence);
    CHECK(j["start"] == start);
    CHECK(j["end"] == end);

    SECTION("without a sentence") {
        Citation whole{article, std::nullopt};
        const std::string s = format_citation(whole, CiteStyle::Plain);
        CHECK_THAT(s, Contains(article->text_sha256));
        CHECK_THAT(s, !Contains("characters"));
        auto jw = nlohmann::json::parse(format_citation(whole, CiteStyle::Json));
        CHECK_FALSE(jw.contains("sentence"));
        CHECK_FALSE(jw.contains("start"));
    }
    SECTION("print_citations as JSON is one versioned object") {
        std::ostringstream out;
        print_citations(out, {c, c}, CiteStyle::Json);
        auto all = nlohmann::json::parse(out.str());
        CHECK(all["schema_version"] == 1);
        CHECK(all["citations"].size() == 2);
    }
    SECTION("citations of a search result") {
        auto cs = citations_of(sample_result());
        REQUIRE(cs.size() == 1);
        CHECK(cs[0].article->article.id == "cafe-fbi");
        CHECK_FALSE(cs[0].sentence.has_value());
    }
}

TEST_CASE("snippet: parse_marked", "[printers]") {
    struct Case {
        const char* name;
        std::string marked;
        std::string text;
        std::vector<Highlight> highlights;
    };
    const Case cases[] = {
        {"no markers", "plain text", "plain text", {}},
        {"one word", "the \xFE" "FBI\xFF said", "the FBI said", {{4, 7}}},
        {"two words", "\xFE" "a\xFF and \xFE" "b\xFF", "a and b", {{0, 1}, {6, 7}}},
        {"phrase joined", "real \xFEsocial\xFF \xFEmedia\xFF data", "real social media data", {{5, 17}}},
        {"white space runs", "a\n\n\tb  c", "a b c", {}},
        {"utf-8 offsets in bytes", "caf\xC3\xA9 \xFE" "FBI\xFF", "caf\xC3\xA9 FBI", {{6, 9}}},
        {"empty", "", "", {}},
        {"white space first and last", "\n a \xFE" "b\xFF ", "a b ", {{2, 3}}},
        {"markers only", "\xFE\xFF", "", {{0, 0}}},
        {"control characters are text", "a\x01 \xFE" "b\xFF\x02", "a\x01 b\x02", {{3, 4}}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto s = parse_marked(c.marked);
        CHECK(s.text == c.text);
        CHECK(s.highlights == c.highlights);
    }
}

TEST_CASE("snippet: collapsed", "[printers]") {
    using privsearch::Span;
    const std::string_view omit = "\u2026";
    auto s = collapsed(omit, "the  FBI\nsaid", {{5, 8}}, omit);
    CHECK(s.text == "\u2026the FBI said\u2026");
    CHECK(s.highlights == std::vector<Highlight>{{7, 10}});
    s = collapsed({}, "real social  media data", {{5, 11}, {13, 18}}, {});  // a phrase's words: one highlight
    CHECK(s.text == "real social media data");
    CHECK(s.highlights == std::vector<Highlight>{{5, 17}});
    s = collapsed({}, "a b\tc", {{0, 1}, {4, 5}}, omit);  // not adjacent: two
    CHECK(s.text == "a b c\u2026");
    CHECK(s.highlights == std::vector<Highlight>{{0, 1}, {4, 5}});
    s = collapsed({}, " x", {{1, 2}}, {});  // leading white space dropped, the highlight moved
    CHECK(s.text == "x");
    CHECK(s.highlights == std::vector<Highlight>{{0, 1}});
    s = collapsed(omit, "", {}, {});
    CHECK(s.text == omit);
    CHECK(s.highlights.empty());
}

TEST_CASE("batch: request_from_line", "[printers]") {
    SearchRequest defaults;
    defaults.limit = 7;
    defaults.any = true;

    SECTION("a plain line is the query") {
        auto r = request_from_line("  fbi surveillance  ", defaults, test::index_gazetteer());
        CHECK(r.query == "fbi surveillance");
        CHECK(r.limit == 7);
        CHECK(r.any);
        CHECK(r.filters.empty());
    }
    SECTION("a JSON object with filters, limit and sort") {
        auto r = request_from_line(
            R"({"query":"data","agency":["fbi","Immigration and Customs Enforcement"],"platform":"twitter",)"
            R"("source":"CNN","since":"2019","until":"2019-08","limit":3,"offset":2,"sort":"newest","exact":true})",
            defaults, test::index_gazetteer());
        CHECK(r.query == "data");
        CHECK(r.filters.entities[Facet::Agency] == std::vector<std::string>{"FBI", "ICE"});
        CHECK(r.filters.entities[Facet::Platform] == std::vector<std::string>{"X"});
        CHECK(r.filters.sources == std::vector<std::string>{"CNN"});
        CHECK(r.filters.since == std::optional<std::string>("20190101"));
        CHECK(r.filters.until == std::optional<std::string>("20190831"));
        CHECK(r.limit == 3);
        CHECK(r.offset == 2);
        CHECK(r.sort == Sort::Newest);
        CHECK(r.exact);
        CHECK(r.any);  // from the defaults
    }
    SECTION("bad lines") {
        const char* cases[] = {
            "{not json",
            "{\"query\": \"x\", \"colour\": \"red\"}",
            "{\"query\": 5}",
            "{\"query\": \"x\", \"limit\": -1}",
            "{\"query\": \"x\", \"limit\": \"5\"}",
            "{\"query\": \"x\", \"sort\": \"sideways\"}",
            "{\"query\": \"x\", \"agency\": \"nosuchagency\"}",
            "{\"query\": \"x\", \"agency\": [1]}",
            "{\"query\": \"x\", \"since\": \"someday\"}",
            "{\"query\": \"x\", \"since\": \"2020\", \"until\": \"2019\"}",
            "{\"query\": \"x\", \"any\": \"yes\"}",
        };
        for (const char* line : cases) {
            CAPTURE(line);
            CHECK_THROWS_AS(request_from_line(line, defaults, test::index_gazetteer()), UserError);
        }
    }
}

TEST_CASE("schema: for_each_facet_entry decodes entries", "[printers]") {
    using Entries = std::vector<std::pair<char, std::string>>;
    struct Case {
        const char* name;
        std::string encoded;
        Entries entries;
    };
    const Case cases[] = {
        {"several",
         schema::encode_facet_entry(Facet::Agency, "FBI") + schema::encode_facet_entry(Facet::Platform, "X") +
             schema::encode_facet_entry(Facet::Source, "The Independent") +
             schema::encode_facet_entry(Facet::Year, "2019"),
         {{'a', "FBI"}, {'p', "X"}, {'s', "The Independent"}, {'y', "2019"}}},
        {"empty", "", {}},
        {"no final NUL", std::string("aFBI\0cPalantir", 14), {{'a', "FBI"}, {'c', "Palantir"}}},
        {"empty entries skipped", std::string("\0\0aICE\0", 7), {{'a', "ICE"}}},
        {"code only", std::string("m\0", 2), {{'m', ""}}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        Entries got;
        schema::for_each_facet_entry(c.encoded, [&](char code, std::string_view value) { got.emplace_back(code, std::string(value)); });
        CHECK(got == c.entries);
    }
}
