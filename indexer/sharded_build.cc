#include "sharded_build.h"

#include "errors.h"
#include "pipeline.h"

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <numeric>

namespace privsearch::indexer {
namespace fs = std::filesystem;

namespace {

struct Shard {
    std::string path;
    std::unique_ptr<IndexWriter> writer;
    BoundedQueue<Prepared> queue{queue_capacity};
    RunState state;
    std::exception_ptr failure;
};

// The shards, and their words filed once in an index of their own: compaction lays
// them out as tightly as the rest (filed into the merged index, they took 0.2 MB more).
void merge(const std::vector<std::unique_ptr<Shard>>& shards, WordCollector& words, const fs::path& work,
           const std::string& into) {
    const std::string words_path = (work / "words").string();
    {
        Xapian::WritableDatabase w(words_path, Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_NO_SYNC);
        file_words(w, words.take());
        w.commit();
    }
    Xapian::Database all;
    for (const auto& s : shards) all.add_database(Xapian::Database(s->path));
    all.add_database(Xapian::Database(words_path));
    all.compact(into);
}

// Replaces the index directory with the merged one.
void install(const std::string& merged, const std::string& db_path) {
    fs::remove_all(db_path);
    fs::rename(merged, db_path);
}

}  // namespace

std::vector<std::size_t> shards_for(const Prepared& p, std::size_t shards) {
    if (!p.record_dictionary.empty()) {
        std::vector<std::size_t> all(shards);
        std::iota(all.begin(), all.end(), std::size_t{0});
        return all;
    }
    if (p.problem) return {0};
    return {std::hash<std::string>{}(p.id) % shards};
}

void build_sharded(const ShardedBuild& build, const std::vector<std::string>& files, const EntityMatcher& matcher,
                   Reporter& report, const std::atomic<bool>& stop, const std::function<void()>& release_target) {
    const fs::path work = build.db_path + ".building";
    fs::remove_all(work);  // left by a run that was killed
    fs::create_directories(work);

    WordCollector words;  // filed into the merged index, not into each shard
    std::vector<std::unique_ptr<Shard>> shards;
    for (unsigned i = 0; i < build.shards; ++i) {
        auto s = std::make_unique<Shard>();
        s->path = (work / ("shard" + std::to_string(i))).string();
        // Each shard buffers its share of a batch: memory stays what one writer's would be.
        const std::size_t flush = std::max<std::size_t>(1, build.flush_threshold / build.shards);
        s->writer = std::make_unique<IndexWriter>(s->path, flush, &words, /*scratch=*/true);
        if (build.user_entities) s->writer->store_user_entities(*build.user_entities);
        shards.push_back(std::move(s));
    }

    DocumentSource source(build.db_path, matcher);
    std::exception_ptr producer_failure;
    std::thread producer = start_producer(
        source, files,
        [&](Prepared p) {
            const auto to = shards_for(p, shards.size());
            for (std::size_t i = 0; i + 1 < to.size(); ++i) shards[to[i]]->queue.push(p);
            shards[to.back()]->queue.push(std::move(p));
        },
        [&] {
            for (auto& s : shards) s->queue.close();
        },
        stop, producer_failure);

    std::vector<std::thread> writers;
    for (auto& s : shards)
        writers.emplace_back([&s = *s, &report, &stop] {
            try {
                drain(s.queue, *s.writer, report, s.state, stop);
                s.writer->commit();
            } catch (...) {
                s.failure = std::current_exception();
            }
            s.queue.close();  // a stopped writer must not leave the producer waiting
        });
    for (auto& w : writers) w.join();
    producer.join();
    if (producer_failure) std::rethrow_exception(producer_failure);
    for (auto& s : shards) {
        if (s->failure) std::rethrow_exception(s->failure);
        s->writer.reset();  // closes the shard, so it can be read
    }

    const std::string merged = (work / "merged").string();
    merge(shards, words, work, merged);
    release_target();
    install(merged, build.db_path);
    fs::remove_all(work);
}

}  // namespace privsearch::indexer
