// Output: one interface, a text, a JSON and a CSV implementation. Commands hand
// plain results to a printer chosen once from --format; searching never prints.
#pragma once
#include "factcheck_result.h"
#include "request.h"
#include "result.h"

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace privsearch::searcher {

enum class Format { Text, Json, Csv };

struct CountResult {
    std::string query;
    std::size_t total = 0;
    std::optional<schema::Facet> by;
    std::vector<FacetValue> values;
};

struct IndexStats {
    std::string path;
    std::size_t articles = 0;
    std::string first_date, last_date;  // ISO dates, empty when no article is dated
    std::vector<FacetValue> sources;
    std::uintmax_t size_bytes = 0;
    std::string last_update;
};

class Printer {
public:
    virtual ~Printer() = default;
    virtual void search(const SearchRequest& request, const SearchResult& result) = 0;
    virtual void show(const StoredArticle& article) = 0;
    virtual void count(const CountResult& result) = 0;
    virtual void facets(const FacetCounts& counts) = 0;
    virtual void stats(const IndexStats& stats) = 0;
    virtual void quote(const QuoteResult& result) = 0;
    virtual void verify(const VerifyResult& result) = 0;
};

std::unique_ptr<Printer> make_text_printer(std::ostream& out, bool color);
std::unique_ptr<Printer> make_json_printer(std::ostream& out);
std::unique_ptr<Printer> make_csv_printer(std::ostream& out);
std::unique_ptr<Printer> make_printer(Format format, std::ostream& out, bool color);

// The version of every JSON object privsearch prints; bumped on incompatible change.
inline constexpr int json_schema_version = 1;

// "YYYYMMDD" -> "YYYY-MM-DD", for filters shown back to the user.
std::string display_date(const std::string& sortable);

}  // namespace privsearch::searcher
