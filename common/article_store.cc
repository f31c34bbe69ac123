#include "article_store.h"

#include "record_dictionary_file.h"
#include "schema.h"

namespace privsearch {

StoredArticle ArticleStore::read(const Xapian::Document& doc) {
    const std::string data = doc.get_value(schema::slot(schema::Slot::Record));
    // An index trains its dictionary once; a reader opened before that loads it when
    // a record first needs it.
    const unsigned needs = RecordDecompressor::dictionary_of(data);
    if (!decompressor_ || (needs != 0 && needs != decompressor_->dictionary_id())) load_dictionary(needs);
    try {
        return decode_stored(decompressor_->decompress(data));
    } catch (const std::runtime_error&) {
        if (!mapped_) throw;
        // A file that passes its checks yet fails (zstd's 31-bit ids can collide): the
        // index's own copy decides.
        read_dictionary_from_index();
        return decode_stored(decompressor_->decompress(data));
    }
}

void ArticleStore::prepare() {
    try {
        // The newest article, or, with it deleted, the newest of the last ids' (the ids
        // of deleted articles are not given again).
        constexpr Xapian::docid kLookBack = 1024;
        const Xapian::docid last = db_.get_lastdocid();
        auto p = db_.postlist_begin("");  // every document
        p.skip_to(last > kLookBack ? last - kLookBack : 1);
        Xapian::docid newest = 0;
        for (; p != db_.postlist_end(""); ++p) newest = *p;
        if (newest) read(db_.get_document(newest));
    } catch (const Xapian::Error&) {
    } catch (const std::runtime_error&) {
    }
}

void ArticleStore::load_dictionary(unsigned needs) {
    mapped_ = false;
    // One zstd context for every dictionary: the first records an index holds were
    // compressed before it had one.
    if (!decompressor_) decompressor_.emplace();
    if (needs == 0) return;
    if (!db_path_.empty()) {
        if (auto mapped = map_record_dictionary_file(db_path_, needs)) {
            try {
                decompressor_->use(std::move(mapped->file), mapped->dictionary);
                mapped_ = true;
                return;
            } catch (const std::runtime_error&) {
                // not a dictionary past its header: read the index's
            }
        }
    }
    read_dictionary_from_index();
}

void ArticleStore::read_dictionary_from_index() {
    decompressor_->use(db_.get_metadata(schema::metadata::record_dictionary));
    mapped_ = false;
}

}  // namespace privsearch
