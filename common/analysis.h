// How text becomes terms: the one place the language and stemming are chosen, used by
// the indexer's TermGenerator and the searcher's QueryParser alike.
#pragma once
#include <xapian.h>

namespace privsearch {

// English stemming, with a cache of its own: give each thread (and each long-lived
// user) its own, as Xapian objects are not thread-safe.
Xapian::Stem stemmer();
Xapian::TermGenerator make_term_generator();

}  // namespace privsearch
