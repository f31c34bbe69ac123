#include "indexer.h"

#include "db_path.h"
#include "bounded_queue.h"
#include "document_builder.h"
#include "document_source.h"
#include "errors.h"
#include "file_io.h"
#include "gazetteer.h"
#include "index_writer.h"
#include "input_files.h"
#include "report.h"

#include <csignal>
#include <exception>
#include <map>
#include <set>
#include <thread>

namespace privsearch::indexer {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int) { g_stop = true; }

// Documents waiting for the writer; enough to keep it busy, few enough to bound memory.
constexpr std::size_t kQueueCapacity = 256;

struct RunState {
    std::set<std::string> read_paths;            // path terms of files that produced articles
    std::set<std::string> seen_ids;
    std::map<std::string, std::string> first_seen;  // id -> where
};

void write_one(Prepared& p, IndexWriter& writer, Reporter& report, RunState& state) {
    if (p.problem) {
        report.problem(*p.problem);
        return;
    }
    state.read_paths.insert(p.path_term);
    state.seen_ids.insert(p.id);
    auto [it, fresh] = state.first_seen.emplace(p.id, p.location);
    if (!fresh)
        report.problem({p.location, 0, "duplicate id '" + p.id + "' (also at " + it->second + "); this one replaces it",
                        false});
    report.outcome(p.doc ? writer.write(id_term(p.id), *p.doc, fresh && !p.indexed_before) : Outcome::Unchanged);
    if (writer.maybe_commit()) report.note("committed " + std::to_string(report.summary().articles()) + " articles");
}

}  // namespace

int run(const Options& options) {
    Gazetteer gazetteer = Gazetteer::builtin();
    std::optional<std::string> user_entities;
    if (options.entities_file) {
        user_entities = read_file(*options.entities_file);
        if (!user_entities) throw UserError(*options.entities_file + ": cannot read entities file");
        gazetteer.load(*user_entities, *options.entities_file);
    }
    const EntityMatcher matcher(gazetteer);
    Reporter report(options.quiet, options.verbose);

    InputFiles inputs = collect_inputs(options.inputs);
    for (const auto& p : inputs.problems) report.problem(p);
    for (const auto& f : inputs.unsupported) report.note(f + ": not an article (a README, or not .txt, .md, .jsonl or .html); ignored");
    if (inputs.files.empty()) throw UserError("nothing to index: no .txt, .md, .jsonl or .html files in the given paths");

    const std::string db_path = resolve_db_path(options.db);
    IndexWriter writer(db_path, options.flush_threshold);
    if (user_entities) writer.store_user_entities(*user_entities);
    DocumentSource source(db_path, matcher);

    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    BoundedQueue<Prepared> queue(kQueueCapacity);
    std::exception_ptr failure;
    std::thread producer([&] {
        try {
            source.run(inputs.files, [&](Prepared p) { queue.push(std::move(p)); }, g_stop);
        } catch (...) {
            failure = std::current_exception();
        }
        queue.close();
    });

    RunState state;
    try {
        while (auto item = queue.pop()) {
            if (g_stop) break;
            write_one(*item, writer, report, state);
        }
    } catch (...) {
        g_stop = true;
        queue.close();
        producer.join();
        throw;
    }
    queue.close();
    producer.join();
    if (failure) std::rethrow_exception(failure);

    if (g_stop) report.interrupted();
    else if (options.prune) report.removed(writer.prune(state.read_paths, state.seen_ids));
    writer.commit();
    report.finish(db_path);

    const Summary& s = report.summary();
    if (g_stop) return 128 + SIGINT;
    return s.skipped || s.warnings ? exit_status::partial : exit_status::ok;
}

}  // namespace privsearch::indexer
