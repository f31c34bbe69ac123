#include "cli_options.h"
#include "commands.h"
#include "errors.h"
#include "session.h"
#include "searcher.h"

#include <filesystem>
#include <iostream>

namespace privsearch::searcher {
namespace {

std::uintmax_t directory_size(const std::string& path) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& e : std::filesystem::recursive_directory_iterator(path, ec))
        if (e.is_regular_file(ec)) total += e.file_size(ec);
    return total;
}

}  // namespace

int run_stats(int argc, char** argv) {
    CommandLine cl("privsearch stats [options]\nArticles, date span, sources, index size and last update.", "");
    cl.with_output(true, false);
    if (!cl.parse(argc, argv)) return exit_status::ok;

    const std::string path = cl.db_path();
    Session session(path);
    auto& [db, g, searcher] = session;
    IndexStats s;
    s.path = path;
    s.articles = db.get_doccount();
    const unsigned slot = schema::slot(schema::Slot::Date);
    s.first_date = display_date(db.get_value_lower_bound(slot));
    s.last_date = display_date(db.get_value_upper_bound(slot));
    s.sources = searcher.facet_counts(SearchRequest{}, {schema::Facet::Source})[schema::Facet::Source];
    s.size_bytes = directory_size(path);
    s.last_update = db.get_metadata(schema::metadata::last_update);
    make_printer(cl.format(), std::cout, cl.color())->stats(s);
    return finish(found_status(s.articles > 0));
}

}  // namespace privsearch::searcher
