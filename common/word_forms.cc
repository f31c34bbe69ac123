#include "word_forms.h"

#include "query_rewrite.h"
#include "schema.h"

#include <algorithm>
#include <optional>
#include <vector>

namespace privsearch {
namespace {

bool upper(char c) { return c >= 'A' && c <= 'Z'; }

// The length of a free-text field's prefix on a term; nothing for a filter term.
std::optional<std::size_t> free_text_prefix(std::string_view term) {
    if (term.empty() || !upper(term[0])) return 0;
    for (const auto& f : schema::fields()) {
        if (f.boolean || f.prefix.empty() || !term.starts_with(f.prefix)) continue;
        // Prefixes are capitals and words are lower case: "Sfoo" is a title word, while
        // "XSOURCEcnn" only starts like one.
        if (term.size() > f.prefix.size() && !upper(term[f.prefix.size()])) return f.prefix.size();
    }
    return std::nullopt;
}

// A stemmed word's replacement, when it is a bare stem.
std::optional<Xapian::Query> bare_stem_as_word(const Xapian::Query& q, const Xapian::Stem& stem) {
    if (q.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;  // synonyms: the stem has an entry
    const std::string term = *q.get_terms_begin();
    if (!term.starts_with(schema::stem_prefix)) return std::nullopt;
    // No word has this stem: the stemmed term matches nothing, as it should.
    auto word = own_stem_word(term, stem);
    if (!word) return std::nullopt;
    return Xapian::Query(*word);
}

}  // namespace

std::optional<WordForm> word_form(const std::string& term, const Xapian::Stem& stem) {
    const auto prefix = free_text_prefix(term);
    if (!prefix || term.size() == *prefix) return std::nullopt;
    const char first = term[*prefix];
    if (first >= '0' && first <= '9') return std::nullopt;
    std::string key(schema::stem_prefix);
    key.append(term, 0, *prefix);
    key += stem(term.substr(*prefix));
    return WordForm{std::move(key), term};
}

bool spelling_word(std::string_view term) {
    if (term.size() < 3) return false;
    for (unsigned char c : term)
        if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c == '_') return false;
    return true;
}

DocumentWords WordLister::words_of(const Xapian::Document& doc) {
    DocumentWords words;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& term = *t;
        if (spelling_word(term)) words.spelling.push_back(term);
        if (listed_.contains(term)) continue;
        if (auto form = word_form(term, stem_)) {
            listed_.insert(term);
            words.new_forms.push_back(std::move(*form));
        }
    }
    return words;
}

std::optional<std::string> own_stem_word(std::string_view key, const Xapian::Stem& stem) {
    if (!key.starts_with(schema::stem_prefix)) return std::nullopt;
    std::string word(key.substr(schema::stem_prefix.size()));
    auto form = word_form(word, stem);
    if (!form || form->key != key) return std::nullopt;
    return word;
}

Xapian::Query own_stems_as_words(const Xapian::Query& q, const Xapian::Stem& stem) {
    auto rewritten = rewrite_query(q, [&](const Xapian::Query& sub) { return bare_stem_as_word(sub, stem); });
    return rewritten ? *rewritten : q;
}

Xapian::doccount stem_frequency(const Xapian::Database& db, std::string_view stem, const Xapian::Stem& stemmer) {
    const std::string key = std::string(schema::stem_prefix) + std::string(stem);
    Xapian::doccount most = 0;
    for (auto s = db.synonyms_begin(key); s != db.synonyms_end(key); ++s) most = std::max(most, db.get_termfreq(*s));
    if (most == 0)
        if (auto word = own_stem_word(key, stemmer)) most = db.get_termfreq(*word);
    return most;
}

}  // namespace privsearch
