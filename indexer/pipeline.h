// The pieces both ways of indexing share: a producer thread that turns files into
// documents, and the loop that writes them into one IndexWriter.
#pragma once
#include "bounded_queue.h"
#include "document_source.h"
#include "index_writer.h"
#include "report.h"

#include <atomic>
#include <exception>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace privsearch::indexer {

// Documents waiting for a writer; enough to keep it busy, few enough to bound memory.
inline constexpr std::size_t queue_capacity = 256;

// What one writer has seen in this run.
struct RunState {
    std::set<std::string> read_paths;               // path terms of files that produced articles
    std::set<std::string> seen_ids;
    std::map<std::string, std::string> first_seen;  // id -> where
};

// Runs the source over the files on a new thread, handing each item to `emit`;
// `done` runs on that thread at the end, and a failure is kept in `failure`.
std::thread start_producer(DocumentSource& source, const std::vector<std::string>& files,
                           std::function<void(Prepared)> emit, std::function<void()> done,
                           const std::atomic<bool>& stop, std::exception_ptr& failure);

// Writes what the queue delivers until it is closed and drained, or `stop`.
void drain(BoundedQueue<Prepared>& queue, IndexWriter& writer, Reporter& report, RunState& state,
           const std::atomic<bool>& stop);

}  // namespace privsearch::indexer
