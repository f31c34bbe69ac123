// The article as stored in the index (schema::Slot::Record), so the searcher can show
// and quote it without its file.
//
// The data is a record: a format byte, then the fields in a fixed order, strings as a
// varint byte length and the bytes, numbers as varints, the entities as a count and
// (facet code, mentions, name) triples. It replaced CBOR through nlohmann::json, which
// reads strings a byte at a time: decoding ten hits' data was a tenth of a query.
#pragma once
#include "article.h"
#include "schema.h"

#include <string>
#include <string_view>
#include <vector>

namespace privsearch {

struct StoredEntity {
    schema::Facet facet;
    std::string name;  // canonical
    unsigned mentions = 0;
    bool operator==(const StoredEntity&) const = default;
};

struct StoredArticle {
    Article article;
    std::string text_sha256;  // of article.text, for citations
    std::vector<StoredEntity> entities;
};

std::string encode_stored(const StoredArticle& a);
// Throws std::runtime_error on data not written by encode_stored.
StoredArticle decode_stored(std::string_view data);

}  // namespace privsearch
