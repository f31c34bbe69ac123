// Reading who speaks from the words of an attribution clause, the prose just before or
// after a quotation: "said NAME, ROLE", "ROLE NAME told", "According to NAME".
#pragma once
#include "factcheck_result.h"
#include "sentences.h"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace privsearch::searcher::attribution {

// A word (letters, digits, inner apostrophes, hyphens and abbreviation periods) or a
// punctuation mark; span is its byte range in the text.
struct Token {
    std::string_view text;
    Span span;
    bool word = true;
};
std::vector<Token> tokenize(std::string_view text, Span range);

// The clause after a quotation's closing mark: `, said NAME, ROLE`, `NAME said`,
// `— NAME`. With `leading`, the verb must come within the first few words, as it
// does when the clause is a sentence of its own.
std::optional<Speaker> after_quote(std::string_view text, std::span<const Token> tokens, bool leading);

// The clause before a quotation's opening mark: `NAME, ROLE, said:`,
// `According to NAME, ROLE,`, `In a statement, NAME said`.
std::optional<Speaker> before_quote(std::string_view text, std::span<const Token> tokens);

// The named subject opening a sentence, for a pronoun in the next one to refer to:
// "Amira Haddad, a computer scientist, has studied...".
std::optional<Speaker> sentence_subject(std::string_view text, std::span<const Token> tokens);

// "he", "she", "they": a speaker to look up earlier in the text.
bool is_pronoun(std::string_view name);

}  // namespace privsearch::searcher::attribution
