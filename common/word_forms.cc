#include "word_forms.h"

#include "schema.h"

#include <algorithm>
#include <optional>

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

}  // namespace

std::vector<WordForm> word_forms(const Xapian::Document& doc, Xapian::Stem& stem) {
    std::vector<WordForm> forms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        const std::string& term = *t;
        const auto prefix = free_text_prefix(term);
        if (!prefix || term.size() == *prefix) continue;
        const char first = term[*prefix];
        if (first >= '0' && first <= '9') continue;
        std::string key(schema::stem_prefix);
        key.append(term, 0, *prefix);
        key += stem(term.substr(*prefix));
        forms.push_back({std::move(key), term});
    }
    return forms;
}

Xapian::doccount stem_frequency(const Xapian::Database& db, std::string_view stem) {
    const std::string key = std::string(schema::stem_prefix) + std::string(stem);
    Xapian::doccount most = 0;
    for (auto s = db.synonyms_begin(key); s != db.synonyms_end(key); ++s) most = std::max(most, db.get_termfreq(*s));
    return most;
}

}  // namespace privsearch
