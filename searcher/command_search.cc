#include "batch.h"
#include "cli_options.h"
#include "commands.h"
#include "errors.h"
#include "session.h"
#include "searcher.h"

#include <fstream>
#include <iostream>

namespace privsearch::searcher {
namespace po = boost::program_options;

namespace {

int batch(Searcher& s, const IndexGazetteer& g, const SearchRequest& defaults, const std::string& source) {
    std::ifstream file;
    if (source != "-") {
        file.open(source);
        if (!file) throw UserError(source + ": cannot read batch file");
    }
    if (defaults.facets) s.prefetch_facet_table();
    return run_batch(s, g, defaults, source == "-" ? std::cin : file, std::cout);
}

}  // namespace

int run_search(int argc, char** argv) {
    CommandLine cl("privsearch search [options] [QUERY...]\n"
                   "Ranked articles with snippets and facet counts. With filters and no query:\n"
                   "every matching article, newest first.",
                   "query");
    cl.with_output(true, true).with_filters().with_query_options();
    cl.add()
        ("sort", po::value<std::string>()->default_value("relevance"), "relevance, newest or oldest")
        ("limit,n", po::value<std::size_t>()->default_value(10), "results to show")
        ("offset", po::value<std::size_t>()->default_value(0), "results to skip (paging)")
        ("snippet-length", po::value<std::size_t>()->default_value(240), "snippet size in bytes; 0 for none")
        ("no-facets", "leave out facet counts (faster on large indexes)")
        ("batch", po::value<std::string>(), "FILE or -: one query a line (text, or a JSON object with\n"
                                            "\"query\" and filters); one JSON object a line out");
    if (!cl.parse(argc, argv)) return exit_status::ok;

    Session session(cl.db_path());
    auto& [db, g, searcher] = session;
    SearchRequest r = cl.request(g);
    r.sort = sort_named(cl.get<std::string>("sort"));
    r.limit = cl.get<std::size_t>("limit");
    r.offset = cl.get<std::size_t>("offset");
    r.snippet_length = cl.get<std::size_t>("snippet-length");
    r.snippets = r.snippet_length > 0;
    r.facets = !cl.has("no-facets");
    if (cl.has("batch")) return finish(batch(searcher, g, r, cl.get<std::string>("batch")));
    if (r.query.empty() && r.filters.empty()) throw UserError("give a query or a filter (see 'privsearch search --help')");

    SearchResult result = searcher.search(r);
    if (auto cite = cl.cite()) print_citations(std::cout, citations_of(result), *cite);
    else make_printer(cl.format(), std::cout, cl.color())->search(r, result);
    return finish(found_status(result.total > 0));
}

}  // namespace privsearch::searcher
