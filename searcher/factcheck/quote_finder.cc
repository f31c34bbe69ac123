#include "quote_finder.h"

namespace privsearch::searcher {
QuoteResult find_quote(Searcher&, std::string_view quote, const Filters&, std::size_t) { return {std::string(quote), {}}; }
}  // namespace privsearch::searcher
