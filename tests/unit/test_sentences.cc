#include "sentences.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using privsearch::Span;
using privsearch::split_sentences;

namespace {

std::vector<std::string> sentence_texts(std::string_view text) {
    std::vector<std::string> out;
    for (const Span& s : split_sentences(text)) out.emplace_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

}  // namespace

TEST_CASE("split_sentences keeps abbreviations inside a sentence", "[factcheck]") {
    CHECK(sentence_texts("The U.S. Secret Service bought the data. Mr. Smith objected.") ==
          std::vector<std::string>{"The U.S. Secret Service bought the data.", "Mr. Smith objected."});
}

TEST_CASE("split_sentences ends a sentence at a line break", "[factcheck]") {
    CHECK(sentence_texts("A heading without a stop\nThe body starts here. It goes on.\n\nNext paragraph") ==
          std::vector<std::string>{"A heading without a stop", "The body starts here.", "It goes on.",
                                   "Next paragraph"});
}

TEST_CASE("split_sentences trims white space and drops empty sentences", "[factcheck]") {
    CHECK(sentence_texts("  One.   Two!  \n\n  ") == std::vector<std::string>{"One.", "Two!"});
    CHECK(split_sentences("").empty());
    CHECK(split_sentences(" \n ").empty());
}

TEST_CASE("split_sentences gives byte offsets in UTF-8 text", "[factcheck]") {
    const std::string text = "“Café data,” she said. Ünïcode here.";
    auto spans = split_sentences(text);
    REQUIRE(spans.size() == 2);
    CHECK(spans[0] == Span{0, text.find(" Ünïcode")});
    CHECK(spans[1].begin == text.find("Ünïcode"));
    CHECK(spans[1].end == text.size());
}

TEST_CASE("split_sentences keeps a quotation's attribution with it", "[factcheck]") {
    CHECK(sentence_texts("“We will appeal,” said Sarah Lee. “It is wrong.” She left.") ==
          std::vector<std::string>{"“We will appeal,” said Sarah Lee.", "“It is wrong.”", "She left."});
}
