// Article -> Xapian document, in two steps that can be tested without a database:
// analyse (normalise, find entities, hash) and build (terms, values, stored record).
#pragma once
#include "article.h"
#include "entity_matcher.h"
#include "stored_article.h"

#include <xapian.h>

#include <string>

namespace privsearch {

struct AnalysedArticle {
    StoredArticle stored;
    std::string title_normalized;
    std::string text_normalized;
    std::string content_hash;  // changes whenever anything stored or indexed would
};

AnalysedArticle analyse(Article article, const EntityMatcher& matcher);

// The term generator must come from make_term_generator(); give it a database
// (set_database) and FLAG_SPELLING to build spelling data as well.
Xapian::Document build_document(const AnalysedArticle& a, Xapian::TermGenerator& tg);

}  // namespace privsearch
