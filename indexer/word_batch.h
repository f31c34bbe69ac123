// Words for the spelling and synonym tables (word_forms.h), gathered between commits.
#pragma once
#include "word_forms.h"

#include <xapian.h>

#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace privsearch::indexer {

// What a batch adds to the two tables.
struct FiledWords {
    std::vector<std::pair<std::string, Xapian::termcount>> spelling;  // word, articles
    std::vector<WordForm> forms;
};

class WordBatch {
public:
    void note(const DocumentWords& words);
    // The batch's spelling words and new forms; the batch starts again. A word in only
    // one or two articles of a whole batch is mostly a name or a typo: a poor
    // suggestion, and writing the spelling table is a fifth of the indexing cost.
    FiledWords take();

private:
    // Summed per word: one add_spelling per word, not per word per article, which made
    // it a third of the indexing time.
    std::unordered_map<std::string, Xapian::termcount> spelling_;
    std::vector<WordForm> forms_;
};

// The forms a batch files in the synonym table, in key order. A word that is its own
// stem and has no other form gets no entry (the searcher reads such a stem as the word,
// word_forms.h); an entry, once made, always lists the word its stem spells, if that
// word is its own stem.
std::vector<WordForm> forms_to_file(std::vector<WordForm> forms, const Xapian::Database& db, const Xapian::Stem& stem);

// Writes them; the caller commits.
void file_words(Xapian::WritableDatabase& db, FiledWords words);

// The sharded build's batches, from every writer thread, for the merged index: merging
// the shards' spelling and synonym tables cost as much again as writing them. Spelling
// counts are summed per word, so memory grows with the vocabulary, not the batches.
class WordCollector {
public:
    void add(FiledWords words);
    FiledWords take();

private:
    std::mutex mutex_;
    std::unordered_map<std::string, Xapian::termcount> spelling_;
    std::vector<WordForm> forms_;  // each new word once a run (WordLister)
};

}  // namespace privsearch::indexer
