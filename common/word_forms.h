// How a query word finds the other forms of it. Words are indexed as written
// (analysis.h); the indexer files each word under its stem in Xapian's synonym table,
// with the key QueryParser gives a word it stems (STEM_SOME): "Zmonitor" -> monitor,
// monitored, monitoring, monitors. With FLAG_AUTO_SYNONYMS the parser then turns
// `monitoring` into a synonym of all four, while a quoted phrase or --exact keeps
// the words as written, and snippets highlight the very words that matched.
#pragma once
#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

namespace privsearch {

struct WordForm {
    std::string key;   // schema::stem_prefix, the field's prefix, the stem
    std::string term;  // the field's prefix, the word
    bool operator==(const WordForm&) const = default;
};

// The document's free-text terms (body, title, author words) with their keys. Words
// that begin with a digit are left out: QueryParser does not stem them.
std::vector<WordForm> word_forms(const Xapian::Document& doc, Xapian::Stem& stem);

// In how many articles some form of an unprefixed stem occurs: at least as many as
// hold its most frequent form, the figure given.
Xapian::doccount stem_frequency(const Xapian::Database& db, std::string_view stem);

}  // namespace privsearch
