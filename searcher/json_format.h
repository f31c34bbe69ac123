// Results as JSON values: shared by the JSON printer, batch mode and JSON citations.
#pragma once
#include "printer.h"

#include <nlohmann/json.hpp>

namespace privsearch::searcher {

nlohmann::ordered_json to_json(const SearchRequest& request, const SearchResult& result);
nlohmann::ordered_json to_json(const StoredArticle& article);
nlohmann::ordered_json to_json(const CountResult& result);
nlohmann::ordered_json to_json(const FacetCounts& counts);
nlohmann::ordered_json to_json(const IndexStats& stats);
nlohmann::ordered_json to_json(const QuoteResult& result);
nlohmann::ordered_json to_json(const VerifyResult& result);

// id, title, source, author, date, url: how every JSON object names an article.
nlohmann::ordered_json article_fields(const Article& a);
// Entities per facet: {"agency": ["FBI", ...], ...}
nlohmann::ordered_json entity_names(const StoredArticle& a);

}  // namespace privsearch::searcher
