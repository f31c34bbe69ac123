// The articles an index stores (stored_article.h), read back: each document's record
// (schema::Slot::Record) is compressed with the index's dictionary
// (record_compression.h), which is loaded the first time a record needs it, so
// commands that show no article never load it.
#pragma once
#include "record_compression.h"
#include "stored_article.h"

#include <xapian.h>

#include <optional>
#include <string>

namespace privsearch {

class ArticleStore {
public:
    // `db` must outlive the store; it may be reopened meanwhile. With `db_path`, the
    // dictionary is mapped from its file there (record_dictionary_file.h) when that
    // file holds the one a record needs; otherwise it is read from the index.
    explicit ArticleStore(const Xapian::Database& db, std::string db_path = {})
        : db_(db), db_path_(std::move(db_path)) {}

    // Throws std::runtime_error on data that is not a stored article.
    StoredArticle read(const Xapian::Document& doc);
    // Loads now what reading the newest article needs (its dictionary, the
    // decompressor), so that the first read costs no more than the others. A record
    // that cannot be read is left for the read that meets it to report.
    void prepare();

private:
    void load_dictionary(unsigned needs);
    void read_dictionary_from_index();  // into the decompressor load_dictionary made

    const Xapian::Database& db_;
    std::string db_path_;
    std::optional<RecordDecompressor> decompressor_;
    bool mapped_ = false;  // its dictionary is the file's
};

}  // namespace privsearch
