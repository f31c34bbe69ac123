#pragma once
#include "result.h"
#include "sentences.h"

#include <xapian.h>

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace privsearch::searcher {

// What snippets highlight, read from a query as Xapian's MSet::snippet reads one: each
// of its words, and each phrase of words where they occur in its order, whole. Unlike
// Xapian, words under NOT or in a filter are left out (no text the query matches holds
// one). Wildcards are not read: their words only Xapian knows (xapian_snippet).
class Highlights {
public:
    explicit Highlights(const Xapian::Query& q);
    // The byte ranges of `text` to highlight, in order, not overlapping.
    std::vector<Span> in(std::string_view text) const;

private:
    void gather(const Xapian::Query& q);
    // Where the phrase `term` ends starts, when `recent` (the words before it: term,
    // start) ends with the rest of one.
    std::optional<std::size_t> phrase_ending_with(const std::string& term,
                                                  const std::vector<std::pair<std::string, std::size_t>>& recent) const;
    // Whether a word starting with `c` may be one highlighted.
    bool may_start(char c) const;
    std::unordered_set<std::string> words_;
    std::vector<std::vector<std::string>> phrases_;
    std::size_t longest_phrase_ = 0;
    std::bitset<128> first_letters_;  // of the words and phrases' words, where ASCII
    bool any_first_letter_ = false;   // one of them starts past ASCII
};

// The passage of `text` that best matches the query, about `length` bytes, with its
// highlights as spans. passage_window chooses the passage, where `matched_terms`
// (the query's terms) cluster. A text holding none of the terms gives its opening.
Snippet make_snippet(const std::string& text, const std::vector<std::string>& matched_terms,
                     const Highlights& highlights, std::size_t length);

// The same from Xapian's MSet::snippet, for a query with wildcards, whose words only
// Xapian knows: it reads the whole text when none of `matched_terms` is in it.
Snippet xapian_snippet(const Xapian::MSet& mset, const std::string& text, const std::vector<std::string>& matched_terms,
                       std::size_t length);

// The byte range of about `width` bytes of text where the query's words (its
// unprefixed terms) occur most, starting on a sentence where that keeps them all;
// all of a text no longer than `width`; nothing when none of the words occurs in a
// longer text (an article matched by its title alone).
std::optional<Span> passage_window(std::string_view text, const std::vector<std::string>& matched_terms,
                                   std::size_t width);

// The opening of the text, for results that match no words (filters only) or none
// in the text.
Snippet lead_snippet(const std::string& text, std::size_t length);

// A snippet of `text` between `before` and `after` (the marks of text left out, copied
// as they are), white space in `text` collapsed (each run one space, none leading),
// with `spans` of `text` (in order, not overlapping) as its highlights; highlights with
// only spaces between are one.
Snippet collapsed(std::string_view before, std::string_view text, const std::vector<Span>& spans, std::string_view after);

// Splits text marked up with the highlight markers into plain text and spans, as collapsed().
Snippet parse_marked(const std::string& marked);

}  // namespace privsearch::searcher
