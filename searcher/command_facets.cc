#include "cli_options.h"
#include "commands.h"
#include "errors.h"
#include "session.h"
#include "searcher.h"

#include <iostream>

namespace privsearch::searcher {
namespace po = boost::program_options;

int run_facets(int argc, char** argv) {
    CommandLine cl("privsearch facets [options]\nFacet values in the index, with how many articles carry each.", "");
    cl.with_output(true, false);
    cl.add()("facet", po::value<std::string>(), "only this facet: agency, platform, organization, company, source, year or month");
    if (!cl.parse(argc, argv)) return exit_status::ok;

    std::vector<schema::Facet> wanted = Searcher::result_facets();
    if (cl.has("facet")) {
        auto f = schema::facet_named(cl.get<std::string>("facet"));
        if (!f) throw UserError("unknown facet '" + cl.get<std::string>("facet") +
                                "': use agency, platform, organization, company, source, year or month");
        wanted = {*f};
    }
    Session session(cl.db_path());
    auto& [db, g, searcher] = session;
    FacetCounts counts = searcher.facet_counts(SearchRequest{}, wanted);
    make_printer(cl.format(), std::cout, cl.color())->facets(counts);
    bool any = false;
    for (const auto& [facet, values] : counts) any = any || !values.empty();
    return finish(found_status(any));
}

}  // namespace privsearch::searcher
