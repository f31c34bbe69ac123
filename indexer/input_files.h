#pragma once
#include "article.h"

#include <string>
#include <vector>

namespace privsearch::indexer {

struct InputFiles {
    std::vector<std::string> files;          // absolute, in a stable order
    std::vector<InputProblem> problems;      // paths that do not exist or cannot be listed
    std::vector<std::string> unsupported;    // files of other kinds, named in verbose mode
};

// Expands files and directories (recursively, sorted) into the files to read.
InputFiles collect_inputs(const std::vector<std::string>& paths);

bool is_supported(const std::string& path);

}  // namespace privsearch::indexer
