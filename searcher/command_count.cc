#include "cli_options.h"
#include "commands.h"
#include "errors.h"
#include "session.h"
#include "searcher.h"

#include <iostream>

namespace privsearch::searcher {
namespace po = boost::program_options;

int run_count(int argc, char** argv) {
    CommandLine cl("privsearch count [options] [QUERY...]\n"
                   "How many articles match; with --by, how many per year, month, source or facet value.",
                   "query");
    cl.with_output(true, false).with_filters().with_query_options();
    cl.add()("by", po::value<std::string>(), "year, month, source, agency, platform, organization or company");
    if (!cl.parse(argc, argv)) return exit_status::ok;

    Session session(cl.db_path());
    auto& [db, g, searcher] = session;
    SearchRequest r = cl.request(g);
    CountResult c{r.query, searcher.count(r), std::nullopt, {}};
    if (cl.has("by")) {
        auto by = schema::facet_named(cl.get<std::string>("by"));
        if (!by) throw UserError("unknown --by '" + cl.get<std::string>("by") +
                                 "': use year, month, source, agency, platform, organization or company");
        c.by = by;
        c.values = searcher.count_by(r, *by);
    }
    make_printer(cl.format(), std::cout, cl.color())->count(c);
    return finish(found_status(c.total > 0));
}

}  // namespace privsearch::searcher
