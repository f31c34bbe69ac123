// How text becomes terms: the one place the language and stemming are chosen, used by
// the indexer's TermGenerator and the searcher's QueryParser alike.
//
// Words are indexed as written, with positions, and not stemmed. The stems live in
// Xapian's synonym table instead (word_forms.h), where the query parser finds every
// form of a word it stems. Xapian's usual layout, STEM_SOME, indexes a stemmed term
// beside each word: that doubled the term and posting lists, the writers' work and
// the index (1.9 times FTS5's size, stems as separate terms; now 1.7).
#pragma once
#include <xapian.h>

namespace privsearch {

// English stemming, with a cache of its own: give each thread (and each long-lived
// user) its own, as Xapian objects are not thread-safe.
Xapian::Stem stemmer();
Xapian::TermGenerator make_term_generator();
// A parser that stems lower-case words outside phrases (STEM_SOME) ...
Xapian::QueryParser make_query_parser();
// ... and these flags in every parse_query, for the stems to find the words.
inline constexpr unsigned query_parser_flags = Xapian::QueryParser::FLAG_AUTO_SYNONYMS;

}  // namespace privsearch
