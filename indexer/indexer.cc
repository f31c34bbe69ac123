#include "indexer.h"

#include "db_path.h"
#include "errors.h"
#include "facet_table.h"
#include "file_io.h"
#include "gazetteer.h"
#include "index_writer.h"
#include "input_files.h"
#include "pipeline.h"
#include "record_dictionary_file.h"
#include "report.h"
#include "schema.h"
#include "sharded_build.h"

#include <algorithm>
#include <csignal>
#include <memory>
#include <thread>

namespace privsearch::indexer {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void on_signal(int) { g_stop = true; }

// More writers than cores only compete; past four the merge outweighs the gain.
unsigned writers_for(unsigned asked) {
    if (asked) return asked;
    return std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
}

// One writer, in place: updates, skips unchanged articles, prunes; commits as it goes.
void update_in_place(IndexWriter& writer, DocumentSource& source, const std::vector<std::string>& files,
                     bool prune, Reporter& report) {
    BoundedQueue<Prepared> queue(queue_capacity);
    std::exception_ptr failure;
    std::thread producer = start_producer(
        source, files, [&](Prepared p) { queue.push(std::move(p)); }, [&] { queue.close(); }, g_stop, failure);
    RunState state;
    try {
        drain(queue, writer, report, state, g_stop);
    } catch (...) {
        g_stop = true;
        queue.close();
        producer.join();
        throw;
    }
    queue.close();
    producer.join();
    if (failure) std::rethrow_exception(failure);
    if (!g_stop && prune) report.removed(writer.prune(state.read_paths, state.seen_ids));
    writer.commit();
}

std::optional<std::string> read_user_entities(const Options& options, Gazetteer& gazetteer) {
    if (!options.entities_file) return std::nullopt;
    auto tsv = read_file(*options.entities_file);
    if (!tsv) throw UserError(*options.entities_file + ": cannot read entities file");
    gazetteer.load(*tsv, *options.entities_file);
    return tsv;
}

// The files beside the index's tables that searches map rather than read through the
// B-tree (record_dictionary_file.h, facet_table.h), written for the state the run
// leaves; an index built before there were such files gains them too. One that cannot
// be written is a warning: searches read what it holds from the index instead. An
// interrupted run skips the facet table (a pass over every document's values): its
// searches read the values until the next run.
void keep_side_files(const std::string& db_path, Reporter& report) {
    auto warn = [&](const std::string& what) {
        report.problem({db_path, 0, what + "; searches read it from the index instead", false});
    };
    const auto attempt = [&](const auto& write) {
        try {
            write();
        } catch (const Xapian::Error& e) {
            warn("cannot read the index for the files beside it: " + e.get_msg());
        } catch (const std::exception& e) {
            warn(e.what());
        }
    };
    attempt([&] {
        const Xapian::Database db(db_path);
        attempt([&] { save_record_dictionary_file(db_path, db.get_metadata(schema::metadata::record_dictionary)); });
        if (!g_stop) attempt([&] { FacetTable(db).save(db_path, db); });
    });
}

}  // namespace

int run(const Options& options) {
    Gazetteer gazetteer = Gazetteer::builtin();
    const std::optional<std::string> user_entities = read_user_entities(options, gazetteer);
    const EntityMatcher matcher(gazetteer);
    Reporter report(options.quiet, options.verbose);

    InputFiles inputs = collect_inputs(options.inputs);
    for (const auto& p : inputs.problems) report.problem(p);
    for (const auto& f : inputs.unsupported) report.note(f + ": not an article (a README, or not .txt, .md, .jsonl or .html); ignored");
    if (inputs.files.empty()) throw UserError("nothing to index: no .txt, .md, .jsonl or .html files in the given paths");

    const std::string db_path = resolve_db_path(options.db);
    // Held for the whole run: its lock keeps other indexers out.
    auto writer = std::make_unique<IndexWriter>(db_path, options.flush_threshold);
    if (user_entities) writer->store_user_entities(*user_entities);
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);

    const unsigned writers = writers_for(options.jobs);
    if (writers > 1 && writer->doc_count() == 0) {
        build_sharded({db_path, writers, options.flush_threshold, user_entities}, inputs.files, matcher, report, g_stop,
                      [&] { writer.reset(); });
    } else {
        DocumentSource source(db_path, matcher);
        update_in_place(*writer, source, inputs.files, options.prune, report);
    }
    keep_side_files(db_path, report);
    if (g_stop) report.interrupted();
    report.finish(db_path);

    const Summary s = report.summary();
    if (g_stop) return 128 + SIGINT;
    return s.skipped || s.warnings ? exit_status::partial : exit_status::ok;
}

}  // namespace privsearch::indexer
