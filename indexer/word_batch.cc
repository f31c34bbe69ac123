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

void file_words(Xapian::WritableDatabase& db, FiledWords words) {
    for (const auto& [word, n] : words.spelling) db.add_spelling(word, n);
    // Xapian writes a key's synonym entry (zlib-compressed) whenever the next addition
    // is for another key: in key order, each entry is written once, not once per form.
    std::sort(words.forms.begin(), words.forms.end(),
              [](const WordForm& a, const WordForm& b) { return std::tie(a.key, a.term) < std::tie(b.key, b.term); });
    for (const auto& f : words.forms) db.add_synonym(f.key, f.term);
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
