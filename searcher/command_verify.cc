#include "cli_options.h"
#include "commands.h"
#include "errors.h"
#include "evidence_finder.h"
#include "session.h"

#include <iostream>

namespace privsearch::searcher {
namespace po = boost::program_options;

namespace {
constexpr std::size_t kMaxClaimBytes = 2000;
}

int run_verify(int argc, char** argv) {
    CommandLine cl("privsearch verify [options] \"CLAIM\"\n"
                   "Evidence, not a verdict: the sentences across the archive that best match the claim's\n"
                   "words, phrases, entities (any alias) and numbers, each with what it covers and misses.",
                   "claim");
    cl.with_output(true, true).with_filters();
    cl.add()("limit,n", po::value<std::size_t>()->default_value(5), "evidence sentences to show");
    if (!cl.parse(argc, argv)) return exit_status::ok;
    const std::string claim = cl.text_argument("claim", kMaxClaimBytes, "privsearch verify \"the FBI hired Dataminr in 2016\"");

    Session session(cl.db_path());
    auto& [db, g, searcher] = session;
    VerifyResult result = find_evidence(searcher, claim, cl.filters(g), cl.get<std::size_t>("limit"));
    if (auto cite = cl.cite()) print_citations(std::cout, citations_of(result), *cite);
    else make_printer(cl.format(), std::cout, cl.color())->verify(result);
    return finish(found_status(!result.evidence.empty()));
}

}  // namespace privsearch::searcher
