// --batch: many queries, one index opening. Each input line is a query (plain text
// or a JSON object with the query and filters); each output line one JSON object.
#pragma once
#include "gazetteer.h"
#include "request.h"
#include "searcher.h"

#include <iosfwd>
#include <string>
#include <string_view>

namespace privsearch::searcher {

// The request a batch line asks for, on top of the command line's defaults.
// Throws UserError on a bad line.
SearchRequest request_from_line(std::string_view line, const SearchRequest& defaults, const IndexGazetteer& g);

// Returns the exit status: 2 if any line failed, else 0 if any matched, else 1.
int run_batch(Searcher& searcher, const IndexGazetteer& g, const SearchRequest& defaults, std::istream& in,
              std::ostream& out);

}  // namespace privsearch::searcher
