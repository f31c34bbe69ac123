#include "cli_options.h"
#include "commands.h"
#include "errors.h"
#include "session.h"
#include "quote_finder.h"

#include <iostream>

namespace privsearch::searcher {
namespace po = boost::program_options;

namespace {
constexpr std::size_t kMaxQuoteBytes = 2000;
}

int run_quote(int argc, char** argv) {
    CommandLine cl("privsearch quote [options] \"TEXT\"\n"
                   "Where a quotation occurs: the sentence, its speaker and a citation, oldest first;\n"
                   "when it occurs nowhere exactly, the closest passages and the words that differ.\n"
                   "Exit status 0 only when the quotation was found exactly.",
                   "text");
    cl.with_output(true, true).with_filters();
    cl.add()("limit,n", po::value<std::size_t>()->default_value(20), "matches to show (at least 1): the oldest occurrences");
    if (!cl.parse(argc, argv)) return exit_status::ok;
    const std::string quote = cl.text_argument("quotation", kMaxQuoteBytes, "privsearch quote \"won't make us more safe\"");

    Session session(cl.db_path());
    auto& [db, g, searcher] = session;
    const auto limit = cl.get<std::size_t>("limit");
    if (limit == 0) throw UserError("--limit must be at least 1");
    QuoteResult result = find_quote(searcher, quote, cl.filters(g), limit);
    if (auto cite = cl.cite()) print_citations(std::cout, citations_of(result), *cite);
    else make_printer(cl.format(), std::cout, cl.color())->quote(result);
    return finish(found_status(!result.matches.empty() && result.matches.front().exact));
}

}  // namespace privsearch::searcher
