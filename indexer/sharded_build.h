// A new index built by several writers at once: Xapian allows one writer per
// database, so each core writes a shard of its own (articles routed by id, so a
// duplicate id meets its twin), and Xapian's compaction merges the shards at the end.
#pragma once
#include "document_source.h"
#include "report.h"

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace privsearch::indexer {

struct ShardedBuild {
    std::string db_path;
    unsigned shards = 2;
    std::size_t flush_threshold = 2000;        // articles per commit, over all shards
    std::optional<std::string> user_entities;  // stored in every shard, so in the merge
};

// Indexes the files into shards under `<db>.building`, then replaces the (empty) index
// at db_path with their merge. `release_target` is called just before that, to give up
// the lock held on the target meanwhile. Stopped early, it merges what was written.
void build_sharded(const ShardedBuild& build, const std::vector<std::string>& files, const EntityMatcher& matcher,
                   Reporter& report, const std::atomic<bool>& stop, const std::function<void()>& release_target);

// The shards an item goes to, of `shards`: an article to the one its id hashes to (so a
// duplicate id meets its twin), a problem to the first, the records' dictionary to every
// one. Items reach a shard in the order they are routed, so the dictionary is ahead of the
// records compressed with it in every shard: a run stopped by Ctrl-C merges what each
// shard wrote, and a shard that wrote such a record has stored the dictionary too.
std::vector<std::size_t> shards_for(const Prepared& p, std::size_t shards);

}  // namespace privsearch::indexer
