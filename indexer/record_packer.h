#pragma once
#include "prepared.h"
#include "record_compression.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace privsearch::indexer {

// Compresses each document's stored record (record_compression.h) on the producer's
// thread. An index without a dictionary gets one trained from the first records of a
// run: they are held back until there is enough text, and the dictionary goes to the
// writer ahead of them, so that no commit holds a record it cannot read.
class RecordPacker {
public:
    // `dictionary`: the index's, empty when it has none yet.
    explicit RecordPacker(const std::string& dictionary);

    void pack(Prepared p, const std::function<void(Prepared)>& emit);
    // The run has read everything: hands on what is held back.
    void finish(const std::function<void(Prepared)>& emit);

private:
    void start(const std::string& dictionary, const std::function<void(Prepared)>& emit);
    void compress(Prepared& p);

    std::optional<RecordCompressor> compressor_;
    std::vector<Prepared> held_;
    std::size_t held_bytes_ = 0;
};

}  // namespace privsearch::indexer
