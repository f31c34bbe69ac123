#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace privsearch::indexer {

struct Options {
    std::optional<std::string> db;
    std::vector<std::string> inputs;
    std::optional<std::string> entities_file;
    std::size_t flush_threshold = 2000;  // articles per commit
    unsigned jobs = 0;                   // writers for a new index; 0: one per core
    bool prune = false;
    bool quiet = false;
    bool verbose = false;
};

// Parses the command line. Returns nullopt when --help or --version was answered;
// throws UserError on a usage error.
std::optional<Options> parse_options(int argc, char** argv);

}  // namespace privsearch::indexer
