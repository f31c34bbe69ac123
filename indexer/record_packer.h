#pragma once
#include "prepared.h"
#include "record_compression.h"

#include <functional>
#include <string>
#include <vector>

namespace privsearch::indexer {

// Compresses each document's stored record (record_compression.h) on the producer's
// thread. An index without a dictionary gets one trained from the first records of a
// run: those are compressed on their own meanwhile (holding them back kept the writers
// waiting), and the dictionary goes to the writer ahead of the first record that needs it.
class RecordPacker {
public:
    // `dictionary`: the index's, empty when it has none yet.
    explicit RecordPacker(const std::string& dictionary);

    void pack(Prepared p, const std::function<void(Prepared)>& emit);
    // The run has read everything: trains the dictionary from what it saw, if it has
    // none yet and saw enough, for the next run.
    void finish(const std::function<void(Prepared)>& emit);

private:
    RecordCompressor compressor_;
    bool training_;
    std::vector<std::string> samples_;
    std::size_t sample_bytes_ = 0;
};

}  // namespace privsearch::indexer
