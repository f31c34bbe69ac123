#include "word_batch.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace privsearch::indexer {
namespace {

constexpr Xapian::termcount kMinSpellingCount = 3;

}  // namespace

void WordBatch::note(const DocumentWords& words) {
    for (const auto& w : words.spelling) ++spelling_[w];
    forms_.insert(forms_.end(), words.new_forms.begin(), words.new_forms.end());
}

FiledWords WordBatch::take() {
    FiledWords out;
    for (auto& [word, n] : spelling_)
        if (n >= kMinSpellingCount) out.spelling.emplace_back(word, n);
    spelling_.clear();
    out.forms = std::move(forms_);
    forms_.clear();
    return out;
}

std::vector<WordForm> forms_to_file(std::vector<WordForm> forms, const Xapian::Database& db, const Xapian::Stem& stem) {
    // In key order: Xapian writes a key's synonym entry (zlib-compressed) whenever the
    // next addition is for another key, so each entry is written once, not once per form.
    std::sort(forms.begin(), forms.end(),
              [](const WordForm& a, const WordForm& b) { return std::tie(a.key, a.term) < std::tie(b.key, b.term); });
    std::vector<WordForm> out;
    for (auto first = forms.begin(); first != forms.end();) {
        auto last = std::find_if(first, forms.end(), [&](const WordForm& f) { return f.key != first->key; });
        const auto self = own_stem_word(first->key, stem);
        const bool has_entry = db.synonyms_begin(first->key) != db.synonyms_end(first->key);
        const bool only_self = self && std::next(first) == last && first->term == *self;
        if (!only_self || has_entry) {
            // A new entry lists the word itself, indexed or not: it may have come before
            // without one, or come later in a run that has already listed it.
            const bool self_listed = std::any_of(first, last, [&](const WordForm& f) { return f.term == self; });
            if (self && !has_entry && !self_listed) out.push_back({first->key, *self});
            out.insert(out.end(), std::make_move_iterator(first), std::make_move_iterator(last));
        }
        first = last;
    }
    return out;
}

void file_words(Xapian::WritableDatabase& db, FiledWords words) {
    for (const auto& [word, n] : words.spelling) db.add_spelling(word, n);
    const Xapian::Stem stem = stemmer();
    for (const auto& f : forms_to_file(std::move(words.forms), db, stem)) db.add_synonym(f.key, f.term);
}

void WordCollector::add(FiledWords words) {
    std::lock_guard lock(mutex_);
    for (auto& [word, n] : words.spelling) spelling_[std::move(word)] += n;
    forms_.insert(forms_.end(), std::make_move_iterator(words.forms.begin()), std::make_move_iterator(words.forms.end()));
}

FiledWords WordCollector::take() {
    std::lock_guard lock(mutex_);
    FiledWords out;
    out.spelling.assign(spelling_.begin(), spelling_.end());
    out.forms = std::move(forms_);
    spelling_.clear();
    forms_.clear();
    return out;
}

}  // namespace privsearch::indexer
