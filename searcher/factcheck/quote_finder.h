#pragma once
#include "factcheck_result.h"
#include "request.h"
#include "searcher.h"

#include <string_view>

namespace privsearch::searcher {

// Every place the quotation occurs in the archive (filters apply), oldest first,
// each with its sentence and speaker; when it occurs nowhere exactly, the closest
// passages, marked inexact with the words that differ.
QuoteResult find_quote(Searcher& searcher, std::string_view quote, const Filters& filters, std::size_t limit);

}  // namespace privsearch::searcher
