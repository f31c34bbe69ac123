#include "record_packer.h"

namespace privsearch::indexer {
namespace {

// About 200 BBC articles. The writers wait while these are held back: a dictionary
// trained on twice as many compressed the BBC corpus 0.6% better, and delayed them
// by a tenth of its indexing time.
constexpr std::size_t kTrainingBytes = 512 * 1024;

}  // namespace

RecordPacker::RecordPacker(const std::string& dictionary) {
    if (!dictionary.empty()) compressor_.emplace(dictionary);
}

void RecordPacker::pack(Prepared p, const std::function<void(Prepared)>& emit) {
    if (compressor_) {
        compress(p);
        emit(std::move(p));
        return;
    }
    if (p.doc) held_bytes_ += p.doc->get_data().size();
    held_.push_back(std::move(p));
    if (held_bytes_ >= kTrainingBytes) finish(emit);
}

void RecordPacker::finish(const std::function<void(Prepared)>& emit) {
    if (compressor_) return;
    std::vector<std::string> samples;
    for (const auto& p : held_)
        if (p.doc) samples.push_back(p.doc->get_data());
    start(train_record_dictionary(samples), emit);
}

void RecordPacker::start(const std::string& dictionary, const std::function<void(Prepared)>& emit) {
    compressor_.emplace(dictionary);
    if (!dictionary.empty()) {
        Prepared d;
        d.record_dictionary = dictionary;
        emit(std::move(d));
    }
    for (auto& p : held_) {
        compress(p);
        emit(std::move(p));
    }
    held_.clear();
    held_bytes_ = 0;
}

void RecordPacker::compress(Prepared& p) {
    if (p.doc) p.doc->set_data(compressor_->compress(p.doc->get_data()));
}

}  // namespace privsearch::indexer
