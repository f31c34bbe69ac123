#include "batch.h"

#include "cli_options.h"
#include "db_retry.h"
#include "errors.h"
#include "index.h"
#include "json_format.h"
#include "string_util.h"

#include <istream>
#include <ostream>

namespace privsearch::searcher {
namespace {

using json = nlohmann::ordered_json;

// A filter value may be a string or a list of strings.
std::vector<std::string> string_list(const json& v, const std::string& key) {
    if (v.is_string()) return {v.get<std::string>()};
    if (!v.is_array()) throw UserError("\"" + key + "\" must be a string or a list of strings");
    std::vector<std::string> out;
    for (const auto& item : v) {
        if (!item.is_string()) throw UserError("\"" + key + "\" must be a string or a list of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

std::string string_value(const json& v, const std::string& key) {
    if (!v.is_string()) throw UserError("\"" + key + "\" must be a string");
    return v.get<std::string>();
}

std::size_t count_value(const json& v, const std::string& key) {
    if (!v.is_number_unsigned()) throw UserError("\"" + key + "\" must be a whole number");
    return v.get<std::size_t>();
}

bool flag_value(const json& v, const std::string& key) {
    if (!v.is_boolean()) throw UserError("\"" + key + "\" must be true or false");
    return v.get<bool>();
}

SearchRequest from_object(const json& j, SearchRequest r, const IndexGazetteer& g) {
    RawFilters raw;
    bool has_filters = false;
    for (const auto& [key, v] : j.items()) {
        if (key == "query") r.query = string_value(v, key);
        else if (key == "any") r.any = flag_value(v, key);
        else if (key == "exact") r.exact = flag_value(v, key);
        else if (key == "sort") r.sort = sort_named(string_value(v, key));
        else if (key == "limit") r.limit = count_value(v, key);
        else if (key == "offset") r.offset = count_value(v, key);
        else {
            has_filters = true;
            if (key == "agency") raw.agency = string_list(v, key);
            else if (key == "platform") raw.platform = string_list(v, key);
            else if (key == "org" || key == "organization") raw.org = string_list(v, key);
            else if (key == "company") raw.company = string_list(v, key);
            else if (key == "source") raw.source = string_list(v, key);
            else if (key == "since") raw.since = string_value(v, key);
            else if (key == "until") raw.until = string_value(v, key);
            else throw UserError("unknown key \"" + key + "\"");
        }
    }
    if (has_filters) r.filters = resolve_filters(raw, g);
    return r;
}

}  // namespace

SearchRequest request_from_line(std::string_view line, const SearchRequest& defaults, const IndexGazetteer& g) {
    line = trim(line);
    if (!line.starts_with('{')) {
        SearchRequest r = defaults;
        r.query = std::string(line);
        return r;
    }
    json j = json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw UserError("not a valid JSON object");
    return from_object(j, defaults, g);
}

int run_batch(Searcher& searcher, const IndexGazetteer& g, const SearchRequest& defaults, std::istream& in,
              std::ostream& out) {
    searcher.expect_many_queries();
    bool any_error = false, any_match = false;
    std::string line;
    for (std::size_t lineno = 1; std::getline(in, line); ++lineno) {
        if (trim(line).empty()) continue;
        json j;
        try {
            SearchRequest r = request_from_line(line, defaults, g);
            // Retried here, not by main: the lines before are already printed.
            SearchResult result = retry_across_commits([&] { return searcher.search(r); },
                                                       [&] { searcher.db().reopen(); });
            any_match = any_match || result.total > 0;
            j = to_json(r, result);
        } catch (const UserError& e) {
            any_error = true;
            j = {{"schema_version", json_schema_version}, {"error", e.what()}};
        } catch (const Xapian::Error& e) {
            any_error = true;
            j = {{"schema_version", json_schema_version}, {"error", index_error_message(e)}};
        }
        j["line"] = lineno;
        // Output that failed (a full disk) fails the rest too: finish() reports it.
        if (!(out << j.dump() << "\n")) break;
    }
    if (any_error) return exit_status::error;
    return any_match ? exit_status::ok : exit_status::partial;
}

}  // namespace privsearch::searcher
