// How a query word finds the other forms of it. Words are indexed as written
// (analysis.h); the indexer files each word under its stem in Xapian's synonym table,
// with the key QueryParser gives a word it stems (STEM_SOME): "Zmonitor" -> monitor,
// monitored, monitoring, monitors. With FLAG_AUTO_SYNONYMS the parser then turns
// `monitoring` into a synonym of all four, while a quoted phrase or --exact keeps
// the words as written, and snippets highlight the very words that matched.
#pragma once
#include "analysis.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace privsearch {

struct WordForm {
    std::string key;   // schema::stem_prefix, the field's prefix, the stem
    std::string term;  // the field's prefix, the word
    bool operator==(const WordForm&) const = default;
};

// A free-text term (body, title or author word) with its key; nothing for a filter
// term or a word that begins with a digit (QueryParser does not stem those).
std::optional<WordForm> word_form(const std::string& term, const Xapian::Stem& stem);

// Words worth suggesting in "did you mean": unprefixed, alphabetic, 3+ bytes.
bool spelling_word(std::string_view term);

// What the writers need of a document's words.
struct DocumentWords {
    std::vector<WordForm> new_forms;  // words no earlier document of the run had
    std::vector<std::string> spelling;
};

// Lists documents' words for the writers, on the producer's thread: the writers are
// the bottleneck, and only the producer sees every document, so each word's form is
// handed on once a run however many writers there are.
class WordLister {
public:
    DocumentWords words_of(const Xapian::Document& doc);

private:
    Xapian::Stem stem_ = stemmer();
    std::unordered_set<std::string> listed_;
};

// The word a key's stem spells, when that word is its own stem: "Zblair" -> "blair",
// "ZSblair" -> "Sblair"; nothing for "Zaccident", since "accident" stems to "accid".
std::optional<std::string> own_stem_word(std::string_view key, const Xapian::Stem& stem);

// The synonym table holds no entry for a word that is its own stem and has no other
// form ("blair"), which on BBC is 9,839 of 22,145 stems: the indexer files none, and
// lists the word in its key's entry once another form comes (indexer/word_batch.h).
// The parser's stemmed term for such a word, left without synonyms, is turned back
// into the word here. Phrases and NEAR hold words as written.
Xapian::Query own_stems_as_words(const Xapian::Query& q, const Xapian::Stem& stem);

// In how many articles some form of an unprefixed stem occurs: at least as many as
// hold its most frequent form, the figure given. A stem without an entry has one
// possible form, the word it spells, if that word is its own stem.
Xapian::doccount stem_frequency(const Xapian::Database& db, std::string_view stem, const Xapian::Stem& stemmer);

}  // namespace privsearch
