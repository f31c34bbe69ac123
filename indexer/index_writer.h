#pragma once
#include "article_store.h"
#include "word_batch.h"

#include <xapian.h>

#include <cstddef>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace privsearch::indexer {

enum class Outcome { Added, Updated, Unchanged };

// The one writer of an index: replaces articles by their id term, commits in
// batches, prunes what is gone. Opening throws UserError when another process
// holds the index.
class IndexWriter {
public:
    // `words`: where each batch's spelling data and word forms go; none: this index.
    // `scratch`: an index merged into another at the end (a shard), whose commits need
    // not wait for the disk.
    IndexWriter(const std::string& path, std::size_t flush_threshold, WordCollector* words = nullptr,
                bool scratch = false);
    // Xapian commits what is pending when the database closes, also when a run fails:
    // its words must go with it, or a word first seen there stays unfindable by its stem.
    ~IndexWriter();
    IndexWriter(const IndexWriter&) = delete;
    IndexWriter& operator=(const IndexWriter&) = delete;

    // `is_new`: the id is in neither the index nor this run, so nothing is replaced.
    // `words`: for the spelling data and the synonym table.
    Outcome write(const std::string& id_term, const Xapian::Document& doc, const DocumentWords& words, bool is_new);
    // True when it committed (the batch was full).
    bool maybe_commit();
    void commit();

    // Removes articles of files that are gone, and articles no longer in a file
    // that was read in this run (`read_paths`: their path terms; `seen_ids`: ids).
    std::size_t prune(const std::set<std::string>& read_paths, const std::set<std::string>& seen_ids);

    // Keeps the user's gazetteer with the index, so the searcher knows its entities.
    void store_user_entities(const std::string& tsv);
    // The dictionary of the stored records (record_compression.h).
    void store_record_dictionary(const std::string& dictionary);

    const std::string& path() const { return path_; }
    Xapian::doccount doc_count() const { return db_.get_doccount(); }

private:
    void flush_words();

    std::string path_;
    Xapian::WritableDatabase db_;
    ArticleStore articles_{db_};
    std::size_t flush_threshold_;
    std::size_t pending_ = 0;
    WordBatch words_;
    WordCollector* collector_;
};

}  // namespace privsearch::indexer
