#include "speaker.h"

#include "quote_diff.h"
#include "string_util.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

using privsearch::split_sentences;
using privsearch::searcher::find_exact;
using privsearch::searcher::find_speaker;
using privsearch::searcher::Speaker;

namespace {

// The speaker find_speaker gives for the first place `quote` occurs in `passage`.
std::optional<Speaker> speaker_of(const std::string& passage, const std::string& quote) {
    auto spans = find_exact(quote, passage);
    REQUIRE_FALSE(spans.empty());
    return find_speaker(passage, split_sentences(passage), spans.front());
}

std::string describe(const std::optional<Speaker>& s) {
    return s ? "'" + s->name + "' / '" + s->role + "'" : "(none)";
}

struct Row {
    std::string passage, quote, name, role;
};

std::vector<Row> fixture_rows() {
    std::ifstream in(PRIVSEARCH_FIXTURES "/speakers.tsv");
    std::vector<Row> rows;
    std::string line;
    bool header = true;
    while (std::getline(in, line)) {
        if (header) {
            header = false;
            continue;
        }
        if (line.empty()) continue;
        auto cols = privsearch::split(line, '\t');
        cols.resize(4);
        rows.push_back({std::string(cols[0]), std::string(cols[1]), std::string(cols[2]), std::string(cols[3])});
    }
    return rows;
}

}  // namespace

TEST_CASE("find_speaker reads attribution after the quotation", "[factcheck]") {
    CHECK(speaker_of("“We will not comply,” said Matt Cagle, an attorney for the American Civil Liberties Union.",
                     "We will not comply") == Speaker{"Matt Cagle", "an attorney for the American Civil Liberties Union"});
    CHECK(speaker_of("\"It is a dragnet,\" Jane Doe said.", "It is a dragnet") == Speaker{"Jane Doe", ""});
    CHECK(speaker_of("“This is unprecedented,” Adam Smith told The Independent.", "This is unprecedented") ==
          Speaker{"Adam Smith", ""});
    CHECK(speaker_of("“We take privacy seriously,” said Electronic Frontier Foundation privacy litigation director "
                     "Adam Schwartz.",
                     "We take privacy seriously") ==
          Speaker{"Adam Schwartz", "Electronic Frontier Foundation privacy litigation director"});
    CHECK(speaker_of("“Users may not scrape data,” the Facebook policy reads.", "Users may not scrape data") ==
          Speaker{"the Facebook policy", ""});
    CHECK(speaker_of("“Nobody asked us,” — Jane Roe", "Nobody asked us") == Speaker{"Jane Roe", ""});
}

TEST_CASE("find_speaker reads attribution before the quotation", "[factcheck]") {
    CHECK(speaker_of("Jane Roe, a senior counsel at EPIC, said \"the rule is too weak.\"", "the rule is too weak") ==
          Speaker{"Jane Roe", "a senior counsel at EPIC"});
    CHECK(speaker_of("According to Ron Wyden, the senator from Oregon, “this is a loophole.”", "this is a loophole") ==
          Speaker{"Ron Wyden", "the senator from Oregon"});
    CHECK(speaker_of("In a statement, Meta said: “We comply with the law.”", "We comply with the law") ==
          Speaker{"Meta", ""});
    CHECK(speaker_of("Last year the FBI said in its request that the tool was “essential to investigations.”",
                     "essential to investigations") == Speaker{"the FBI", ""});
}

TEST_CASE("find_speaker follows a quotation across sentences", "[factcheck]") {
    const std::string text = "“The law is clear,” wrote Jane Roe, a privacy scholar, and John Doe. “Given the "
                             "stakes, courts must act.”";
    CHECK(speaker_of(text, "Given the stakes, courts must act") == Speaker{"Jane Roe", "a privacy scholar"});
    CHECK(speaker_of("“We will appeal.” Sarah Lee said in a statement.", "We will appeal") == Speaker{"Sarah Lee", ""});
    CHECK(speaker_of("“We will appeal,” said Sarah Lee. “It is wrong,” she added.", "It is wrong") ==
          Speaker{"Sarah Lee", ""});
}

TEST_CASE("find_speaker finds no speaker for scare quotes", "[factcheck]") {
    CHECK_FALSE(speaker_of("The bill protects the so-called \"covered information\" of users.", "covered information"));
    CHECK_FALSE(speaker_of("Critics call it “a dragnet.” The program ended in 2015.", "a dragnet"));
}

TEST_CASE("find_speaker passes the attribution fixture", "[factcheck]") {
    const auto rows = fixture_rows();
    if (rows.empty()) {
        WARN("no rows in " PRIVSEARCH_FIXTURES "/speakers.tsv");
        return;
    }
    std::size_t passed = 0;
    for (const auto& row : rows) {
        auto spans = find_exact(row.quote, row.passage);
        std::optional<Speaker> expected;
        if (!row.name.empty() || !row.role.empty()) expected = Speaker{row.name, row.role};
        auto got = spans.empty() ? std::nullopt : find_speaker(row.passage, split_sentences(row.passage), spans.front());
        if (!spans.empty() && got == expected) {
            ++passed;
            continue;
        }
        WARN("passage: " << row.passage << "\nquote: " << row.quote << "\nexpected " << describe(expected)
                         << ", got " << (spans.empty() ? std::string("quote not found") : describe(got)));
    }
    INFO(passed << " of " << rows.size() << " rows pass");
    CHECK(passed * 10 >= rows.size() * 9);
}
