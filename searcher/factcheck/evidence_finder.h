#pragma once
#include "factcheck_result.h"
#include "request.h"
#include "searcher.h"

#include <string_view>

namespace privsearch::searcher {

// The sentences across the archive that best support or bear on a claim: ranked by
// how much of the claim's content (words, stems, entities by any alias, numbers)
// they cover, each with the claim terms matched and missing.
VerifyResult find_evidence(Searcher& searcher, std::string_view claim, const Filters& filters, std::size_t limit);

}  // namespace privsearch::searcher
