#include "document_source.h"

#include "analysis.h"
#include "article_reader.h"
#include "db_retry.h"
#include "document_builder.h"
#include "schema.h"

namespace privsearch::indexer {
namespace {

std::string location_of(const Article& a) {
    return a.line ? a.path + ":" + std::to_string(a.line) : a.path;
}

// The index as last committed; none when it is new or empty (everything is added).
std::optional<Xapian::Database> open_existing(const std::string& db_path) {
    try {
        Xapian::Database db(db_path);
        if (db.get_doccount() > 0) return db;
    } catch (const Xapian::Error&) {
    }
    return std::nullopt;
}

}  // namespace

DocumentSource::DocumentSource(const std::string& db_path, const EntityMatcher& matcher)
    : existing_(open_existing(db_path)),
      matcher_(matcher),
      tg_(make_term_generator()),
      packer_(existing_ ? existing_->get_metadata(schema::metadata::record_dictionary) : std::string()) {}

std::optional<std::string> DocumentSource::indexed_hash(const std::string& id_term) {
    if (!existing_) return std::nullopt;
    // The writer's commits retire the revision this reader started on: reopen and retry.
    return with_retry(*existing_, [&](Xapian::Database& db) -> std::optional<std::string> {
        auto p = db.postlist_begin(id_term);
        if (p == db.postlist_end(id_term)) return std::nullopt;
        return db.get_document(*p).get_value(schema::slot(schema::Slot::ContentHash));
    });
}

void DocumentSource::prepare(Article article, const std::function<void(Prepared)>& emit) {
    Prepared p;
    p.id = article.id;
    p.location = location_of(article);
    p.path_term = schema::boolean_term(schema::Field::Path, article.path);
    AnalysedArticle a = analyse(std::move(article), matcher_);
    auto hash = indexed_hash(id_term(p.id));
    p.indexed_before = hash.has_value();
    if (hash != a.content_hash) {
        p.doc = build_document(a, tg_);
        p.words = words_.words_of(*p.doc);
    }
    packer_.pack(std::move(p), emit);
}

void DocumentSource::run(const std::vector<std::string>& files, const std::function<void(Prepared)>& emit,
                         const std::atomic<bool>& stop) {
    for (const auto& file : files) {
        if (stop) return;
        ParsedFile parsed = read_articles(file);
        for (auto& problem : parsed.problems) {
            Prepared p;
            p.problem = std::move(problem);
            emit(std::move(p));
        }
        for (auto& article : parsed.articles) {
            if (stop) return;
            prepare(std::move(article), emit);
        }
    }
    packer_.finish(emit);
}

}  // namespace privsearch::indexer
