#pragma once
#include "options.h"

namespace privsearch::indexer {

// Indexes the options' inputs; returns the exit status (see --help).
int run(const Options& options);

}  // namespace privsearch::indexer
