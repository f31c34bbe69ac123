#include "options.h"

#include "errors.h"

#include <boost/program_options.hpp>

#include <iostream>

namespace privsearch::indexer {
namespace po = boost::program_options;

namespace {

constexpr const char* kUsage =
    "Usage: privsearch-index [--db PATH] [options] PATH...\n"
    "\n"
    "Indexes articles from files and directories (recursively) into a Xapian index.\n"
    "Formats: .txt/.md (optional front matter), .jsonl (one article a line), .html/.htm.\n"
    "Re-indexing replaces changed articles and skips unchanged ones.\n"
    "\n"
    "Options";

constexpr const char* kExit =
    "\nExit status: 0 everything indexed; 1 some input was skipped or had problems\n"
    "(each named on stderr); 2 usage error, or the index could not be opened or is locked.\n"
    "Index: --db, else $PRIVSEARCH_DB, else ${XDG_DATA_HOME:-~/.local/share}/privsearch/index.\n";

}  // namespace

std::optional<Options> parse_options(int argc, char** argv) {
    Options o;
    po::options_description desc(kUsage);
    desc.add_options()
        ("db", po::value<std::string>(), "index directory (created if missing)")
        ("entities", po::value<std::string>(), "extra gazetteer TSV (facet, canonical, aliases, weak aliases)")
        ("flush", po::value<std::size_t>(&o.flush_threshold)->default_value(o.flush_threshold),
         "articles per commit")
        ("jobs,j", po::value<unsigned>(&o.jobs)->default_value(0),
         "writers for a new, empty index (shards merged at the end); 0: one per core, 1: one")
        ("prune", po::bool_switch(&o.prune), "remove articles whose files are gone or no longer hold them")
        ("quiet,q", po::bool_switch(&o.quiet), "print only problems")
        ("verbose,v", po::bool_switch(&o.verbose), "name every file and commit")
        ("help,h", "show this help")
        ("version", "show the version");
    po::options_description hidden;
    hidden.add_options()("input", po::value<std::vector<std::string>>(&o.inputs));
    po::options_description all;
    all.add(desc).add(hidden);
    po::positional_options_description pos;
    pos.add("input", -1);

    po::variables_map vm;
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(pos).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw UserError(std::string(e.what()) + " (see --help)");
    }
    if (vm.count("help")) {
        std::cout << desc << kExit;
        return std::nullopt;
    }
    if (vm.count("version")) {
        std::cout << "privsearch-index " << PRIVSEARCH_VERSION << "\n";
        return std::nullopt;
    }
    if (vm.count("db")) o.db = vm["db"].as<std::string>();
    if (vm.count("entities")) o.entities_file = vm["entities"].as<std::string>();
    if (o.inputs.empty()) throw UserError("no input: name files or directories to index (see --help)");
    if (o.flush_threshold == 0) throw UserError("--flush must be at least 1");
    if (o.quiet && o.verbose) throw UserError("--quiet and --verbose contradict each other");
    return o;
}

}  // namespace privsearch::indexer
