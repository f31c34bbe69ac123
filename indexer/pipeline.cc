#include "pipeline.h"

namespace privsearch::indexer {
namespace {

void write_one(Prepared& p, IndexWriter& writer, Reporter& report, RunState& state) {
    if (p.problem) {
        report.problem(*p.problem);
        return;
    }
    if (!p.record_dictionary.empty()) {
        writer.store_record_dictionary(p.record_dictionary);
        return;
    }
    state.read_paths.insert(p.path_term);
    state.seen_ids.insert(p.id);
    auto [it, fresh] = state.first_seen.emplace(p.id, p.location);
    if (!fresh)
        report.problem({p.location, 0, "duplicate id '" + p.id + "' (also at " + it->second + "); this one replaces it",
                        false});
    report.outcome(p.doc ? writer.write(id_term(p.id), *p.doc, p.words, fresh && !p.indexed_before) : Outcome::Unchanged);
    if (writer.maybe_commit()) report.note("committed " + std::to_string(report.summary().articles()) + " articles");
}

}  // namespace

std::thread start_producer(DocumentSource& source, const std::vector<std::string>& files,
                           std::function<void(Prepared)> emit, std::function<void()> done,
                           const std::atomic<bool>& stop, std::exception_ptr& failure) {
    return std::thread([&source, &files, emit = std::move(emit), done = std::move(done), &stop, &failure] {
        try {
            source.run(files, emit, stop);
        } catch (...) {
            failure = std::current_exception();
        }
        done();
    });
}

void drain(BoundedQueue<Prepared>& queue, IndexWriter& writer, Reporter& report, RunState& state,
           const std::atomic<bool>& stop) {
    while (auto item = queue.pop()) {
        if (stop) return;
        write_one(*item, writer, report, state);
    }
}

}  // namespace privsearch::indexer
