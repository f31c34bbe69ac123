// End-to-end tests of privsearch quote, verify and --cite on an index of corpus/.
#include "harness.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace e2e;
using nlohmann::json;

namespace {

const std::string kPrivsec = "privsec-2019-fbi-social-media-monitoring";
const std::string kCnn = "cnn-2019-08-08-fbi-social-media-contractors";


json run_json(const std::vector<std::string>& args, int expected_status) {
    RunResult r = search_cmd(corpus_db(), args);
    INFO("stderr: " << r.err);
    REQUIRE(r.status == expected_status);
    return parse_json(r.out);
}

// The article text as stored, to check offsets against.
std::string stored_text(const std::string& id) {
    return run_json({"show", id, "--json"}, 0)["text"].get<std::string>();
}

// `privsearch quote --json ARGS` on an index of the JSON Lines `articles`, which must
// hold the quotation exactly: the output parsed.
json quote_in(const std::string& articles, const std::vector<std::string>& args) {
    TempDir tmp;
    const std::string db = tmp / "db", file = tmp / "articles.jsonl";
    write_file(file, articles);
    REQUIRE(index(db, {file}).status == 0);
    std::vector<std::string> a = {"quote", "--json"};
    a.insert(a.end(), args.begin(), args.end());
    RunResult r = search_cmd(db, a);
    INFO(r.err);
    REQUIRE(r.status == 0);
    return parse_json(r.out);
}

// The ids of its matches, each exact.
std::vector<std::string> quoted_ids(const std::string& articles, const std::vector<std::string>& args) {
    const json j = quote_in(articles, args);
    std::vector<std::string> ids;
    for (const auto& m : j["matches"]) {
        CHECK(m["exact"] == true);
        ids.push_back(m["id"]);
    }
    return ids;
}

std::string article_line(const std::string& id, const std::string& date, const std::string& text) {
    return R"({"id": ")" + id + R"(", "title": "T", "date": ")" + date + R"(", "text": ")" + text + R"("})" "\n";
}

}  // namespace

TEST_CASE("quote: straight quotes find the curly-quoted text, with sentence, offsets and speaker", "[factcheck][quote]") {
    // The article has "won’t" (curly); the query has a straight apostrophe.
    json j = run_json({"quote", "--json", "Treating social media users like suspects won't make us more safe"}, 0);
    CHECK(j["schema_version"] == 1);
    REQUIRE(j["matches"].size() == 1);
    const json& m = j["matches"][0];
    CHECK(m["id"] == kPrivsec);
    CHECK(m["exact"] == true);
    CHECK(m["source"] == "PrivSec Report");
    std::string sentence = m["sentence"];
    CHECK(sentence.find("won’t make us more safe") != std::string::npos);
    CHECK(utf8_substr(stored_text(kPrivsec), m["start"], m["end"]) == sentence);
    REQUIRE(m["speaker"].is_object());
    CHECK(m["speaker"]["name"] == "Matt Cagle");
    CHECK(std::string(m["speaker"]["role"]).find("American Civil Liberties Union") != std::string::npos);
}

TEST_CASE("quote: case, dashes and line breaks do not matter", "[factcheck][quote]") {
    json j = run_json({"quote", "--json", "HISTORY DEMONSTRATES that the\nsurveillance of electronic communications"}, 0);
    REQUIRE(j["matches"].size() == 1);
    CHECK(j["matches"][0]["id"] == "x-dataminr-real-time-data-police");
    CHECK(j["matches"][0]["speaker"]["name"] == "X’s lawyers");
}

TEST_CASE("quote: a misquotation is a near miss naming the changed words", "[factcheck][quote]") {
    json j = run_json({"quote", "--json", "Treating social media users like suspects won't make us any safer"}, 1);
    REQUIRE(!j["matches"].empty());
    const json& m = j["matches"][0];
    CHECK(m["id"] == kPrivsec);
    CHECK(m["exact"] == false);
    CHECK(m["similarity"].get<double>() < 1.0);
    bool named = std::any_of(m["differences"].begin(), m["differences"].end(), [](const json& d) {
        return d["kind"] == "changed" && std::string(d["quoted"]).find("safer") != std::string::npos &&
               std::string(d["archived"]).find("safe") != std::string::npos;
    });
    CHECK(named);
}

TEST_CASE("quote: matches come oldest first", "[factcheck][quote]") {
    json j = run_json({"quote", "--json", "Facebook"}, 0);
    REQUIRE(j["matches"].size() > 1);
    std::vector<std::string> dates;
    for (const auto& m : j["matches"]) dates.push_back(m["date"]);
    CHECK(std::is_sorted(dates.begin(), dates.end()));
}

TEST_CASE("quote: nothing like it anywhere exits 1 with no matches", "[factcheck][quote]") {
    json j = run_json({"quote", "--json", "zebras juggle quantum marmalade"}, 1);
    CHECK(j["matches"].empty());
}

TEST_CASE("quote: a quotation of common words alone is found past hundreds of loose matches", "[factcheck][quote]") {
    // Every decoy holds "as", "it" and "was" and runs of common words, which is all a
    // phrase of common words asks of the index (common_words.h), and is made of common
    // words only: the article quoted, added last, ranks after them.
    std::string lines;
    for (int i = 0; i < 250; ++i) lines += article_line("decoy-" + std::to_string(i), "", "It was as is. It was as is.");
    lines += article_line("quoted", "", "Nothing is quite as it was before.");
    CHECK(quoted_ids(lines, {"as it was"}) == std::vector<std::string>{"quoted"});
}

TEST_CASE("quote: a quotation of common words gives its oldest occurrences and undated ones last", "[factcheck][quote]") {
    std::string lines;
    for (const auto& [id, date] : std::vector<std::pair<std::string, std::string>>{
             {"d2021", "2021-05-01"}, {"undated", ""}, {"d2019", "2019-03-01"}, {"d2020", "2020-01-01"}, {"d2018", "2018-07-01"}})
        lines += article_line(id, date, "Nothing is quite as it was before.");
    CHECK(quoted_ids(lines, {"-n", "2", "as it was"}) == std::vector<std::string>{"d2018", "d2019"});
    CHECK(quoted_ids(lines, {"-n", "5", "as it was"}) == std::vector<std::string>{"d2018", "d2019", "d2020", "d2021", "undated"});
}

TEST_CASE("quote: articles of one date come in id order, however they were added", "[factcheck][quote]") {
    std::string lines;
    for (const char* id : {"c", "a", "b"}) lines += article_line(id, "2020-02-02", "Nothing is quite as it was before.");
    lines += article_line("later", "2021-01-01", "Nothing is quite as it was before.");
    CHECK(quoted_ids(lines, {"-n", "1", "as it was"}) == std::vector<std::string>{"a"});
    CHECK(quoted_ids(lines, {"-n", "2", "as it was"}) == std::vector<std::string>{"a", "b"});
}

TEST_CASE("quote: the oldest of many undated occurrences are the first ids", "[factcheck][quote]") {
    // Ids u100 to u199 in a scrambled order: the oldest two are read 50th and 23rd, before
    // the matches are first cut down to the oldest.
    std::string lines;
    for (int i = 0; i < 100; ++i)
        lines += article_line("u" + std::to_string((i * 37 + 50) % 100 + 100), "", "Nothing is quite as it was before.");
    CHECK(quoted_ids(lines, {"-n", "2", "as it was"}) == std::vector<std::string>{"u100", "u101"});
}

TEST_CASE("quote: each match has its own article's sentence, and filters apply", "[factcheck][quote]") {
    const std::string lines = article_line("old", "2018-01-01", "First line. Nothing is quite as it was before.") +
                              article_line("new", "2019-01-01", "Another one. It is as it was, she said.");
    const json j = quote_in(lines, {"as it was"});
    REQUIRE(j["matches"].size() == 2);
    CHECK(j["matches"][0]["sentence"] == "Nothing is quite as it was before.");
    CHECK(j["matches"][1]["sentence"] == "It is as it was, she said.");
    CHECK(quoted_ids(lines, {"--since", "2019", "as it was"}) == std::vector<std::string>{"new"});
    // A limit past any count is no limit.
    CHECK(quoted_ids(lines, {"-n", "18446744073709551615", "as it was"}) == std::vector<std::string>{"old", "new"});
}

TEST_CASE("quote: a limit of 0 is a usage error", "[factcheck][errors]") {
    RunResult r = search_cmd(corpus_db(), {"quote", "-n", "0", "Facebook"});
    CHECK(r.status == 2);
    REQUIRE(r.err_lines().size() == 1);
    CHECK(r.err_lines()[0].find("--limit") != std::string::npos);
}

TEST_CASE("quote: an exact match the word query finds leaves out near misses", "[factcheck][quote]") {
    // "U.S." defeats the phrase query; the word query's articles hold the quotation
    // exactly in one and nearly in the other, which is then not shown.
    const std::string lines = article_line("exact", "2020-01-01", "Officials said the U.S. government needs more data on travellers.") +
                              article_line("near", "2019-01-01", "Officials said the U.S. government wants more data on travellers.");
    CHECK(quoted_ids(lines, {"the U.S. government needs more data"}) == std::vector<std::string>{"exact"});
}

TEST_CASE("quote and verify: empty or over-long text is a usage error", "[factcheck][errors]") {
    for (const std::string cmd : {"quote", "verify"}) {
        RunResult empty = search_cmd(corpus_db(), {cmd, "  "});
        CHECK(empty.status == 2);
        CHECK(empty.err_lines().size() == 1);
        RunResult huge = search_cmd(corpus_db(), {cmd, std::string(3000, 'a')});
        CHECK(huge.status == 2);
        REQUIRE(huge.err_lines().size() == 1);
        CHECK(huge.err_lines()[0].find("too long") != std::string::npos);
    }
}

TEST_CASE("verify: the best evidence is in the right article and names missing terms", "[factcheck][verify]") {
    json j = run_json({"verify", "--json", "the FBI hired Dataminr to search Twitter in 2016"}, 0);
    CHECK(j["claim"] == "the FBI hired Dataminr to search Twitter in 2016");
    REQUIRE(!j["evidence"].empty());
    const json& best = j["evidence"][0];
    CHECK(best["rank"] == 1);
    CHECK(best["id"] == kCnn);
    CHECK(std::string(best["sentence"]).find("Dataminr") != std::string::npos);
    auto has = [](const json& list, const std::string& word) {
        return std::find(list.begin(), list.end(), word) != list.end();
    };
    CHECK(has(best["matched"], "2016"));
    CHECK(has(best["matched"], "Dataminr"));
    CHECK(!best["missing"].empty());
    CHECK(utf8_substr(stored_text(kCnn), best["start"], best["end"]) == best["sentence"].get<std::string>());
}

TEST_CASE("verify: entities match by any alias and filters apply", "[factcheck][verify]") {
    json j = run_json({"verify", "--json", "Immigration and Customs Enforcement used Facebook data"}, 0);
    REQUIRE(!j["evidence"].empty());
    CHECK(j["evidence"][0]["id"] == "ice-facebook-data-immigrants");
    json filtered = run_json({"verify", "--json", "--agency", "FBI", "Facebook data"}, 0);
    for (const auto& e : filtered["evidence"]) CHECK(e["id"] != "ice-facebook-data-immigrants");
}

TEST_CASE("cite: plain, markdown and json carry the citation fields", "[factcheck][cite]") {
    const std::vector<std::string> quote = {"quote", "dragnet surveillance", "--cite"};
    auto with = [&](const std::string& style) {
        auto args = quote;
        args.push_back(style);
        RunResult r = search_cmd(corpus_db(), args);
        INFO(r.err);
        REQUIRE(r.status == 0);
        return r.out;
    };
    const std::string hash = run_json({"show", kPrivsec, "--json"}, 0)["sha256"];
    REQUIRE(hash.size() == 64);
    for (const std::string style : {"plain", "markdown"}) {
        std::string out = with(style);
        INFO(style << ": " << out);
        CHECK(out.find("dragnet surveillance") != std::string::npos);
        CHECK(out.find("PrivSec Report") != std::string::npos);
        CHECK(out.find("2019-08") != std::string::npos);
        CHECK(out.find(kPrivsec) != std::string::npos);
        CHECK(out.find(hash) != std::string::npos);
        CHECK(out.find("characters ") != std::string::npos);
    }
    json j = parse_json(with("json"));
    REQUIRE(j["citations"].size() == 1);
    const json& c = j["citations"][0];
    CHECK(c["id"] == kPrivsec);
    CHECK(c["sha256"] == hash);
    CHECK(utf8_substr(stored_text(kPrivsec), c["start"], c["end"]) == c["sentence"].get<std::string>());

    RunResult show = search_cmd(corpus_db(), {"show", "independent-2017-07-27-facebook-whatsapp-instagram-data", "--cite", "plain"});
    REQUIRE(show.status == 0);
    CHECK(show.out.find("Aatif Sulleyman") != std::string::npos);
    CHECK(show.out.find("The Independent") != std::string::npos);
    RunResult search = search_cmd(corpus_db(), {"search", "dataminr", "--cite", "markdown"});
    REQUIRE(search.status == 0);
    CHECK(search.out.find("`x-dataminr-real-time-data-police`") != std::string::npos);
    RunResult bad = search_cmd(corpus_db(), {"quote", "dragnet", "--cite", "apa"});
    CHECK(bad.status == 2);
}
