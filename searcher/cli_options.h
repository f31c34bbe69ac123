// Command-line options shared by the subcommands, parsed in two layers (ripgrep's
// habit): raw flags into strings, then checked settings (Format, Filters...).
#pragma once
#include "citation.h"
#include "index_gazetteer.h"
#include "printer.h"
#include "request.h"

#include <boost/program_options.hpp>
#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace privsearch::searcher {

class CommandLine {
public:
    // `usage`: "privsearch search [options] [QUERY...]" and a line on what it does.
    CommandLine(std::string usage, std::string positional_name);

    CommandLine& with_output(bool csv, bool cite);
    CommandLine& with_filters();
    CommandLine& with_query_options();  // --any, --exact
    boost::program_options::options_description_easy_init add();

    // False when --help was answered. Throws UserError on a usage error.
    bool parse(int argc, char** argv);

    std::string db_path() const;
    Format format() const;
    bool color() const;
    std::optional<CiteStyle> cite() const;
    Filters filters(const IndexGazetteer& g) const;
    std::string words() const;  // the positional arguments, joined by spaces
    // The positional text of quote/verify, trimmed: empty or over `max_bytes` is a
    // UserError naming `what` and showing `example`.
    std::string text_argument(const std::string& what, std::size_t max_bytes, const std::string& example) const;
    bool has(const char* name) const { return vm_.count(name) > 0; }
    template <typename T>
    T get(const char* name) const { return vm_[name].as<T>(); }

    // The common part of a request: words, filters, --any, --exact.
    SearchRequest request(const IndexGazetteer& g) const;

private:
    std::string usage_, positional_;
    boost::program_options::options_description desc_;
    boost::program_options::variables_map vm_;
    bool csv_ = false, filters_ = false, query_options_ = false;
};

// Filter values as a user gives them (names, aliases, dates), checked and resolved.
struct RawFilters {
    std::vector<std::string> agency, platform, org, company, source;
    std::optional<std::string> since, until;
};
Filters resolve_filters(const RawFilters& raw, const IndexGazetteer& g);

}  // namespace privsearch::searcher

namespace privsearch::searcher {
// "relevance", "newest", "oldest"; anything else is a UserError.
Sort sort_named(std::string_view name);

}  // namespace privsearch::searcher
