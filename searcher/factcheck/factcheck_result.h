// Plain results of the fact-checking commands (quote, verify).
#pragma once
#include "sentences.h"
#include "stored_article.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace privsearch::searcher {

struct Speaker {
    std::string name;  // as written: "Matt Cagle", "the FBI"
    std::string role;  // as written, or empty: "an attorney for the American Civil Liberties Union"
    bool operator==(const Speaker&) const = default;
};

// One word that differs between a quotation and the archived text.
struct WordDiff {
    enum class Kind { Changed, Added, Dropped };  // Added: in the quote, not the text; Dropped: the reverse
    Kind kind = Kind::Changed;
    std::string quoted;    // the quotation's word(s), empty for Dropped
    std::string archived;  // the text's word(s), empty for Added
    bool operator==(const WordDiff&) const = default;
};

struct QuoteMatch {
    std::shared_ptr<const StoredArticle> article;
    Span sentence;  // byte range in article->article.text
    Span match;     // byte range of the quoted words themselves
    bool exact = true;
    double similarity = 1.0;
    std::vector<WordDiff> differences;
    std::optional<Speaker> speaker;
};

struct QuoteResult {
    std::string quote;
    std::vector<QuoteMatch> matches;  // oldest first
};

struct Evidence {
    std::size_t rank = 0;
    std::shared_ptr<const StoredArticle> article;
    Span sentence;  // byte range in article->article.text
    double score = 0;
    std::vector<std::string> matched;  // claim terms the sentence covers
    std::vector<std::string> missing;  // claim terms it does not
};

struct VerifyResult {
    std::string claim;
    std::vector<Evidence> evidence;  // best first
};

}  // namespace privsearch::searcher
