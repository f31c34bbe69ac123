// The articles an index stores (stored_article.h), read back: each document's record
// (schema::Slot::Record) is compressed with the index's dictionary
// (record_compression.h), which is read from the index the first time an article is,
// so commands that show no article never load it.
#pragma once
#include "record_compression.h"
#include "stored_article.h"

#include <xapian.h>

#include <optional>

namespace privsearch {

class ArticleStore {
public:
    // `db` must outlive the store; it may be reopened meanwhile.
    explicit ArticleStore(const Xapian::Database& db) : db_(db) {}

    // Throws std::runtime_error on data that is not a stored article.
    StoredArticle read(const Xapian::Document& doc);

private:
    const Xapian::Database& db_;
    std::optional<RecordDecompressor> decompressor_;
};

}  // namespace privsearch
