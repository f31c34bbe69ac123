#include "cli_options.h"
#include "commands.h"
#include "article_store.h"
#include "errors.h"
#include "index.h"

#include <iostream>
#include <memory>

namespace privsearch::searcher {

int run_show(int argc, char** argv) {
    CommandLine cl("privsearch show [options] ID\nOne article: metadata, entities and the full stored text.", "id");
    cl.with_output(true, true);
    if (!cl.parse(argc, argv)) return exit_status::ok;
    const std::string id = cl.words();
    if (id.empty()) throw UserError("show needs an article id (ids are in search results)");

    const std::string db_path = cl.db_path();
    auto db = open_index(db_path);
    ArticleStore articles(db, db_path);
    auto article = with_retry(db, [&](Xapian::Database& d) -> std::shared_ptr<const StoredArticle> {
        auto p = d.postlist_begin(id_term(id));
        if (p == d.postlist_end(id_term(id))) return nullptr;
        return std::make_shared<const StoredArticle>(articles.read(d.get_document(*p)));
    });
    if (!article) {
        std::cerr << "privsearch: no article with id '" << id << "'\n";
        return found_status(false);
    }
    if (auto cite = cl.cite()) print_citations(std::cout, {{article, std::nullopt}}, *cite);
    else make_printer(cl.format(), std::cout, cl.color())->show(*article);
    return finish(found_status(true));
}

}  // namespace privsearch::searcher
