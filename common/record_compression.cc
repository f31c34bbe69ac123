#include "record_compression.h"

// Both libraries are linked statically: their static APIs are safe to use.
#define ZDICT_STATIC_LINKING_ONLY  // the fastCover trainer with fixed parameters
#define ZSTD_STATIC_LINKING_ONLY   // a dictionary used in place, not copied
#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <utility>

namespace privsearch {
namespace {

// Level 6 made the BBC corpus's records 6% smaller than level 3, at three times the
// cost: on the producer's thread, which the writers wait for.
constexpr int kLevel = 3;
constexpr std::size_t kDictionaryBytes = 64 * 1024;
// From less, a dictionary learns the samples rather than the language.
constexpr std::size_t kMinSampleBytes = 4 * kDictionaryBytes;
// How much of the size a frame claims is believed up front: a corrupt header must not
// allocate more than the frame really decodes to. Past it, the output grows as it comes.
constexpr unsigned long long kBelievedBytes = 1 << 20;

[[noreturn]] void not_a_record() { throw std::runtime_error("stored record is not a compressed privsearch article"); }

}  // namespace

void ZstdFree::operator()(ZSTD_CCtx_s* p) const { ZSTD_freeCCtx(p); }
void ZstdFree::operator()(ZSTD_CDict_s* p) const { ZSTD_freeCDict(p); }
void ZstdFree::operator()(ZSTD_DCtx_s* p) const { ZSTD_freeDCtx(p); }
void ZstdFree::operator()(ZSTD_DDict_s* p) const { ZSTD_freeDDict(p); }

std::string train_record_dictionary(const std::vector<std::string>& samples) {
    const std::size_t total = std::accumulate(samples.begin(), samples.end(), std::size_t{0},
                                              [](std::size_t n, const std::string& s) { return n + s.size(); });
    if (total < kMinSampleBytes) return {};
    std::string joined;
    joined.reserve(total);
    std::vector<std::size_t> sizes;
    for (const auto& s : samples) {
        joined += s;
        sizes.push_back(s.size());
    }
    // Fixed parameters: the optimising trainer tries dozens of them, ten times the cost
    // for a dictionary 1% better on news text.
    ZDICT_fastCover_params_t params{};
    params.k = 50;
    params.d = 8;
    params.f = 20;
    params.accel = 1;
    params.zParams.compressionLevel = kLevel;
    std::string dict(kDictionaryBytes, '\0');
    const std::size_t n = ZDICT_trainFromBuffer_fastCover(dict.data(), dict.size(), joined.data(), sizes.data(),
                                                          static_cast<unsigned>(sizes.size()), params);
    if (ZDICT_isError(n)) return {};
    dict.resize(n);
    return dict;
}

RecordCompressor::RecordCompressor(std::string_view dictionary) : ctx_(ZSTD_createCCtx()) {
    if (!dictionary.empty()) dict_.reset(ZSTD_createCDict(dictionary.data(), dictionary.size(), kLevel));
    if (!ctx_ || (!dictionary.empty() && !dict_)) throw std::runtime_error("cannot set up zstd compression");
}

std::string RecordCompressor::compress(std::string_view record) {
    std::string out(ZSTD_compressBound(record.size()), '\0');
    const std::size_t n =
        dict_ ? ZSTD_compress_usingCDict(ctx_.get(), out.data(), out.size(), record.data(), record.size(), dict_.get())
              : ZSTD_compressCCtx(ctx_.get(), out.data(), out.size(), record.data(), record.size(), kLevel);
    if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

RecordDecompressor::RecordDecompressor() : ctx_(ZSTD_createDCtx()) {
    if (!ctx_) throw std::runtime_error("cannot set up zstd decompression");
}

RecordDecompressor::RecordDecompressor(std::string dictionary) : RecordDecompressor() { use(std::move(dictionary)); }

void RecordDecompressor::use(std::string dictionary) {
    refer_to({});  // the DDict refers to what is replaced next
    dictionary_ = std::move(dictionary);
    refer_to(std::get<std::string>(dictionary_));
}

void RecordDecompressor::use(MappedFile file, std::string_view dictionary) {
    refer_to({});
    dictionary_ = std::move(file);
    refer_to(dictionary);
}

void RecordDecompressor::refer_to(std::string_view dictionary) {
    dict_.reset();
    dict_id_ = 0;
    if (dictionary.empty()) return;
    dict_.reset(ZSTD_createDDict_byReference(dictionary.data(), dictionary.size()));
    if (!dict_) throw std::runtime_error("cannot set up zstd decompression");
    dict_id_ = ZSTD_getDictID_fromDDict(dict_.get());
}

unsigned RecordDecompressor::id_of_dictionary(std::string_view dictionary) {
    return ZSTD_getDictID_fromDict(dictionary.data(), dictionary.size());
}

unsigned RecordDecompressor::dictionary_of(std::string_view frame) {
    return ZSTD_getDictID_fromFrame(frame.data(), frame.size());
}

std::string RecordDecompressor::decompress(std::string_view frame) {
    const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) not_a_record();
    const unsigned needs = dictionary_of(frame);
    if (needs != 0 && needs != dict_id_) not_a_record();
    ZSTD_DCtx_reset(ctx_.get(), ZSTD_reset_session_only);
    ZSTD_DCtx_refDDict(ctx_.get(), needs ? dict_.get() : nullptr);
    std::string out(std::min(size, kBelievedBytes), '\0');
    ZSTD_inBuffer in{frame.data(), frame.size(), 0};
    std::size_t written = 0;
    for (;;) {
        ZSTD_outBuffer o{out.data() + written, out.size() - written, 0};
        const std::size_t left = ZSTD_decompressStream(ctx_.get(), &o, &in);
        if (ZSTD_isError(left)) not_a_record();
        written += o.pos;
        if (left == 0) break;                                      // the frame is whole
        if (in.pos == in.size && o.pos < o.size) not_a_record();  // and it never will be
        if (written == out.size()) out.resize(std::min<unsigned long long>(out.size() * 2, size));
        if (written == out.size()) not_a_record();                  // more than it claimed
    }
    if (in.pos != in.size || written != size) not_a_record();
    out.resize(written);
    return out;
}

}  // namespace privsearch
