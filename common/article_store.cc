#include "article_store.h"

#include "schema.h"

namespace privsearch {

StoredArticle ArticleStore::read(const Xapian::Document& doc) {
    const std::string data = doc.get_value(schema::slot(schema::Slot::Record));
    // An index trains its dictionary once; a reader opened before that reads the
    // index's metadata again when a record first needs it.
    const unsigned needs = RecordDecompressor::dictionary_of(data);
    if (!decompressor_ || (needs != 0 && needs != decompressor_->dictionary_id()))
        decompressor_.emplace(db_.get_metadata(schema::metadata::record_dictionary));
    return decode_stored(decompressor_->decompress(data));
}

}  // namespace privsearch
