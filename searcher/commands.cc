#include "commands.h"

#include "errors.h"

#include <array>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>

// GCC says so with a macro, Clang with a feature test.
#if defined(__SANITIZE_ADDRESS__)
#define PRIVSEARCH_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PRIVSEARCH_ADDRESS_SANITIZER 1
#endif
#endif

namespace privsearch::searcher {
namespace {

constexpr std::array kCommands = {
    Command{"search", "ranked articles with snippets and facet counts (the default)", run_search},
    Command{"show", "one article: metadata, entities and full text", run_show},
    Command{"count", "how many articles match, in all or --by year, month, source or a facet", run_count},
    Command{"facets", "facet values in the index with article counts", run_facets},
    Command{"stats", "articles, date span, sources, index size, last update", run_stats},
    Command{"quote", "find a quotation: exact sentence, speaker, citation; near misses", run_quote},
    Command{"verify", "evidence for a claim: best-matching sentences with citations", run_verify},
};

void help() {
    std::cout << "Usage: privsearch COMMAND [options] [ARGS]\n"
                 "       privsearch QUERY...            (same as: privsearch search QUERY...)\n\n"
                 "Full-text search over news articles on privacy and surveillance.\n\nCommands:\n";
    for (const auto& c : kCommands) std::cout << "  " << c.name << std::string(9 - c.name.size(), ' ') << c.summary << "\n";
    std::cout << "\n'privsearch COMMAND --help' describes a command's options.\n"
                 "Queries: words (all must match), \"phrases\", AND OR NOT ( ), NEAR, word*, and fields\n"
                 "title: author: source: agency: platform: org: company: id: date:2019..2020\n"
                 "Exit status: 0 something matched, 1 nothing matched, 2 error.\n";
}

}  // namespace

std::span<const Command> commands() { return kCommands; }

int found_status(bool found) { return found ? exit_status::ok : exit_status::partial; }

int finish(int status) {
    errno = 0;
    if (!std::cout.flush()) {
        const int why = errno;
        std::cerr << "privsearch: cannot write the output" << (why ? std::string(": ") + std::strerror(why) : "") << "\n";
        status = exit_status::error;
    }
#if PRIVSEARCH_ADDRESS_SANITIZER
    return status;
#else
    std::_Exit(status);
#endif
}

int dispatch(int argc, char** argv) {
    if (argc < 2) {
        help();
        return exit_status::error;
    }
    std::string_view first = argv[1];
    if (first == "--help" || first == "-h" || first == "help") {
        help();
        return exit_status::ok;
    }
    if (first == "--version") {
        std::cout << "privsearch " << PRIVSEARCH_VERSION << "\n";
        return exit_status::ok;
    }
    for (const auto& c : kCommands)
        if (c.name == first) return c.run(argc - 1, argv + 1);
    return run_search(argc, argv);  // argv[0] stands in for the command name
}

}  // namespace privsearch::searcher
