// Common words: the articles, prepositions, conjunctions and forms of "be", "have" and
// "do" that make up about a third of English text (the list is in common_words.cc).
// Each is still indexed as a term, so it can be searched for; but its positions are
// pooled under one term, schema::common_words_term, instead of an entry of its own in
// Xapian's position table for each article: that table keeps one B-tree entry for each
// word of each article, and these words were a tenth of the entries and most of their
// bytes (BBC: the position table 7.7 -> 6.9 MB).
//
// Their counts (wdf) go to the pooled term too, which keeps each article's length and
// puts the pooled term last when Xapian orders a phrase's words by wdf to read the
// fewest positions (it read the pooled positions first at wdf 0: "blair up for" on
// bbc10, 1.0 -> 3.7 ms). A common word therefore weighs nothing in ranking; these
// function words, in most articles, weighed next to nothing already.
//
// A phrase matches the pooled positions where it has a common word: "house of commons"
// finds "house of commons", and also "house in commons" in an article that has "of"
// elsewhere, since any common word fills the place of another. A phrase of common words
// alone ("as it was") matches any run of that many common words in an article holding
// them all.
#pragma once
#include <xapian.h>

#include <optional>
#include <string_view>

namespace privsearch {

// Whether an unprefixed term (a body or title word as indexed) is a common word.
bool is_common_word(std::string_view term);

// Moves the positions and counts of a built document's common words to
// schema::common_words_term, leaving each word as a term with no count. (A common word
// with a count but no positions, which TermGenerator never makes, is left as it is.)
void pool_common_word_positions(Xapian::Document& doc);

// The query with the common words inside its phrases and NEAR groups replaced by
// schema::common_words_term, which is how the index holds their positions, each such
// phrase filtered by the words themselves; nothing when it has none. Snippets highlight
// with for_highlighting instead (MSet::snippet looks for phrases in the text).
std::optional<Xapian::Query> with_common_words_pooled(const Xapian::Query& q);

// The query as written, for MSet::snippet, with each phrase that has common words ORed
// with its other words: the snippet highlights a phrase only where it is written
// out, and the pooled phrase also matched other common words ("of social media" for
// "on social media"). Nothing when no phrase has common words.
std::optional<Xapian::Query> for_highlighting(const Xapian::Query& written);

}  // namespace privsearch
