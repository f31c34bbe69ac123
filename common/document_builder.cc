#include "document_builder.h"

#include "common_words.h"
#include "dates.h"
#include "hash.h"
#include "schema.h"
#include "text_normalize.h"

namespace privsearch {
namespace {

std::vector<StoredEntity> entities_in(const AnalysedArticle& a, const EntityMatcher& matcher) {
    auto mentions = matcher.find(a.title_normalized);
    auto body = matcher.find(a.text_normalized);
    mentions.insert(mentions.end(), body.begin(), body.end());
    std::vector<StoredEntity> out;
    for (const auto& c : count_mentions(mentions)) {
        const auto e = matcher.entity(c.entity);
        out.push_back({e.facet, std::string(e.canonical), c.mentions});
    }
    return out;
}

std::string facet_values(const StoredArticle& s) {
    using schema::Facet;
    std::string v;
    for (const auto& e : s.entities) v += schema::encode_facet_entry(e.facet, e.name);
    const Article& a = s.article;
    if (!a.source.empty()) v += schema::encode_facet_entry(Facet::Source, a.source);
    if (a.date.size() >= 4) v += schema::encode_facet_entry(Facet::Year, a.date.substr(0, 4));
    if (a.date.size() >= 7) v += schema::encode_facet_entry(Facet::Month, a.date.substr(0, 7));
    return v;
}

}  // namespace

AnalysedArticle analyse(Article article, const EntityMatcher& matcher) {
    AnalysedArticle a;
    a.title_normalized = normalize_text(article.title);
    a.text_normalized = normalize_text(article.text);
    a.stored.article = std::move(article);
    a.stored.text_sha256 = sha256_hex(a.stored.article.text);
    a.stored.entities = entities_in(a, matcher);
    // The stored record holds every field and the entities: its hash changes when they do.
    a.content_hash = content_digest(encode_stored(a.stored));
    return a;
}

Xapian::Document build_document(const AnalysedArticle& a, Xapian::TermGenerator& tg) {
    using schema::Field;
    const Article& art = a.stored.article;
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(a.title_normalized, 1, std::string(schema::prefix(Field::Title)));
    tg.index_text(a.title_normalized, schema::title_weight);
    tg.increase_termpos();  // no phrase spans the title and the body
    tg.index_text(a.text_normalized);
    pool_common_word_positions(doc);
    if (!art.author.empty()) tg.index_text_without_positions(normalize_text(art.author), 1, std::string(schema::prefix(Field::Author)));

    doc.add_boolean_term(id_term(art.id));
    if (!art.source.empty()) doc.add_boolean_term(schema::boolean_term(Field::Source, art.source));
    if (!art.path.empty()) doc.add_boolean_term(schema::boolean_term(Field::Path, art.path));
    for (const auto& e : a.stored.entities)
        doc.add_boolean_term(schema::boolean_term(*schema::facet(e.facet).field, e.name));

    if (auto d = parse_date(art.date)) doc.add_value(schema::slot(schema::Slot::Date), d->sortable());
    doc.add_value(schema::slot(schema::Slot::Facets), facet_values(a.stored));
    doc.add_value(schema::slot(schema::Slot::ContentHash), a.content_hash);
    doc.add_value(schema::slot(schema::Slot::Record), encode_stored(a.stored));
    // The generator keeps a handle on the document; drop it, so the document can go to
    // another thread (Xapian's reference counts are not atomic).
    tg.set_document(Xapian::Document());
    return doc;
}

}  // namespace privsearch
