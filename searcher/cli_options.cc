#include "cli_options.h"

#include "db_path.h"
#include "errors.h"
#include "query_builder.h"
#include "string_util.h"
#include "style.h"

#include <unistd.h>

#include <iostream>

namespace privsearch::searcher {
namespace po = boost::program_options;

namespace {

constexpr const char* kExit = "\nExit status: 0 something matched, 1 nothing matched, 2 error.\n";

std::vector<std::string> strings_of(const po::variables_map& vm, const char* name) {
    return vm.count(name) ? vm[name].as<std::vector<std::string>>() : std::vector<std::string>{};
}

std::optional<std::string> string_of(const po::variables_map& vm, const char* name) {
    if (!vm.count(name)) return std::nullopt;
    return vm[name].as<std::string>();
}

void resolve_into(Filters& f, schema::Facet facet, const std::vector<std::string>& values, const IndexGazetteer& g) {
    for (const auto& v : values) {
        std::string name = resolve_entity(g, facet, v);
        auto& list = f.entities[facet];
        if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
    }
}

}  // namespace

Filters resolve_filters(const RawFilters& raw, const IndexGazetteer& g) {
    using schema::Facet;
    Filters f;
    resolve_into(f, Facet::Agency, raw.agency, g);
    resolve_into(f, Facet::Platform, raw.platform, g);
    resolve_into(f, Facet::Organization, raw.org, g);
    resolve_into(f, Facet::Company, raw.company, g);
    f.sources = raw.source;
    if (raw.since) f.since = date_bound(*raw.since, false);
    if (raw.until) f.until = date_bound(*raw.until, true);
    if (f.since && f.until && *f.since > *f.until)
        throw UserError("--since " + *raw.since + " is after --until " + *raw.until);
    return f;
}

CommandLine::CommandLine(std::string usage, std::string positional_name)
    : usage_(std::move(usage)), positional_(std::move(positional_name)), desc_("Options") {
    desc_.add_options()
        ("db", po::value<std::string>(), "index directory (default: $PRIVSEARCH_DB, else ~/.local/share/privsearch/index)")
        ("help,h", "show this help");
}

CommandLine& CommandLine::with_output(bool csv, bool cite) {
    csv_ = csv;
    desc_.add_options()
        ("format", po::value<std::string>()->default_value("text"), csv ? "output: text, json or csv" : "output: text or json")
        ("json", "same as --format json")
        ("color", po::value<std::string>()->default_value("auto"), "colour: auto, always or never (NO_COLOR is respected)");
    if (cite) desc_.add_options()("cite", po::value<std::string>(), "print citations instead: plain, markdown or json");
    return *this;
}

CommandLine& CommandLine::with_filters() {
    filters_ = true;
    desc_.add_options()
        ("agency", po::value<std::vector<std::string>>()->composing(), "only articles involving this agency (repeatable; any alias)")
        ("platform", po::value<std::vector<std::string>>()->composing(), "only articles involving this platform (repeatable)")
        ("org", po::value<std::vector<std::string>>()->composing(), "only articles involving this organization (repeatable)")
        ("company", po::value<std::vector<std::string>>()->composing(), "only articles involving this company (repeatable)")
        ("source", po::value<std::vector<std::string>>()->composing(), "only articles from this publisher (repeatable)")
        ("since", po::value<std::string>(), "only articles dated on or after: YYYY, YYYY-MM or YYYY-MM-DD")
        ("until", po::value<std::string>(), "only articles dated on or before");
    return *this;
}

CommandLine& CommandLine::with_query_options() {
    query_options_ = true;
    desc_.add_options()
        ("any", "match any of the words (OR) instead of all of them")
        ("exact", "match words exactly, without stemming");
    return *this;
}

po::options_description_easy_init CommandLine::add() { return desc_.add_options(); }

bool CommandLine::parse(int argc, char** argv) {
    po::options_description all;
    all.add(desc_);
    if (!positional_.empty()) all.add_options()("words", po::value<std::vector<std::string>>());
    po::positional_options_description pos;
    if (!positional_.empty()) pos.add("words", -1);
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm_);
        po::notify(vm_);
    } catch (const po::error& e) {
        throw UserError(std::string(e.what()) + " (see --help)");
    }
    if (vm_.count("help")) {
        std::cout << "Usage: " << usage_ << "\n\n" << desc_ << kExit;
        return false;
    }
    return true;
}

std::string CommandLine::db_path() const { return resolve_db_path(string_of(vm_, "db")); }

Format CommandLine::format() const {
    if (vm_.count("json")) return Format::Json;
    std::string f = vm_.count("format") ? vm_["format"].as<std::string>() : "text";
    if (f == "text") return Format::Text;
    if (f == "json") return Format::Json;
    if (f == "csv" && csv_) return Format::Csv;
    throw UserError("unknown --format '" + f + "': use " + (csv_ ? "text, json or csv" : "text or json"));
}

bool CommandLine::color() const {
    std::string c = vm_.count("color") ? vm_["color"].as<std::string>() : "never";
    if (c != "auto" && c != "always" && c != "never")
        throw UserError("unknown --color '" + c + "': use auto, always or never");
    return use_color(c, isatty(STDOUT_FILENO) != 0);
}

std::optional<CiteStyle> CommandLine::cite() const {
    auto c = string_of(vm_, "cite");
    if (!c) return std::nullopt;
    if (*c == "plain") return CiteStyle::Plain;
    if (*c == "markdown") return CiteStyle::Markdown;
    if (*c == "json") return CiteStyle::Json;
    throw UserError("unknown --cite '" + *c + "': use plain, markdown or json");
}

Filters CommandLine::filters(const IndexGazetteer& g) const {
    if (!filters_) return {};
    return resolve_filters({strings_of(vm_, "agency"), strings_of(vm_, "platform"), strings_of(vm_, "org"),
                            strings_of(vm_, "company"), strings_of(vm_, "source"), string_of(vm_, "since"),
                            string_of(vm_, "until")},
                           g);
}

std::string CommandLine::words() const {
    std::vector<std::string> w = strings_of(vm_, "words");
    return join(w, " ");
}

std::string CommandLine::text_argument(const std::string& what, std::size_t max_bytes, const std::string& example) const {
    std::string text(trim(words()));
    if (text.empty()) throw UserError("give the " + what + " to look for, e.g. " + example);
    if (text.size() > max_bytes)
        throw UserError(what + " too long (" + std::to_string(text.size()) + " bytes; at most " +
                        std::to_string(max_bytes) + ")");
    return text;
}

SearchRequest CommandLine::request(const IndexGazetteer& g) const {
    SearchRequest r;
    r.query = words();
    r.filters = filters(g);
    r.any = query_options_ && vm_.count("any");
    r.exact = query_options_ && vm_.count("exact");
    return r;
}

}  // namespace privsearch::searcher

namespace privsearch::searcher {

Sort sort_named(std::string_view name) {
    if (name == "relevance") return Sort::Relevance;
    if (name == "newest") return Sort::Newest;
    if (name == "oldest") return Sort::Oldest;
    throw UserError("unknown sort '" + std::string(name) + "': use relevance, newest or oldest");
}

}  // namespace privsearch::searcher
