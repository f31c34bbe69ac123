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

}  // namespace

DocumentSource::DocumentSource(const std::string& db_path, const EntityMatcher& matcher)
    : matcher_(matcher), tg_(make_term_generator()) {
    try {
        existing_.emplace(db_path);
        if (existing_->get_doccount() == 0) existing_.reset();
    } catch (const Xapian::Error&) {
        existing_.reset();  // a new index: everything is added
    }
}

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
    emit(std::move(p));
}

void DocumentSource::run(const std::vector<std::string>& files, const std::function<void(Prepared)>& emit,
                         const std::atomic<bool>& stop) {
    for (const auto& file : files) {
        if (stop) return;
        ParsedFile parsed = read_articles(file);
        for (auto& problem : parsed.problems) emit(Prepared{std::move(problem), {}, {}, {}, {}, {}, false});
        for (auto& article : parsed.articles) {
            if (stop) return;
            prepare(std::move(article), emit);
        }
    }
}

}  // namespace privsearch::indexer
