// Stored articles are compressed with zstd and a dictionary trained on the index's
// own first articles. An article is a few KB: too little for a compressor to learn a
// language from, so without a dictionary each record starts from nothing. On the BBC
// corpus, records took 2.79 MB as Xapian stores them (zlib, per record) and 2.22 MB
// with a 64 KB dictionary; reading one costs what inflating it did.
#pragma once
#include "mapped_file.h"

#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

struct ZSTD_CCtx_s;
struct ZSTD_CDict_s;
struct ZSTD_DCtx_s;
struct ZSTD_DDict_s;

namespace privsearch {

struct ZstdFree {
    void operator()(ZSTD_CCtx_s* p) const;
    void operator()(ZSTD_CDict_s* p) const;
    void operator()(ZSTD_DCtx_s* p) const;
    void operator()(ZSTD_DDict_s* p) const;
};

// A dictionary trained from sample records; empty when the samples are too few or too
// small to train one worth having.
std::string train_record_dictionary(const std::vector<std::string>& samples);

class RecordCompressor {
public:
    // `dictionary` empty: records are compressed on their own.
    explicit RecordCompressor(std::string_view dictionary);
    std::string compress(std::string_view record);

private:
    std::unique_ptr<ZSTD_CCtx_s, ZstdFree> ctx_;
    std::unique_ptr<ZSTD_CDict_s, ZstdFree> dict_;
};

class RecordDecompressor {
public:
    // Without a dictionary: records compressed on their own only.
    RecordDecompressor();
    // Keeps the dictionary: the decompressor refers to it rather than copying it.
    explicit RecordDecompressor(std::string dictionary);
    RecordDecompressor(const RecordDecompressor&) = delete;
    RecordDecompressor& operator=(const RecordDecompressor&) = delete;
    // Another dictionary in place of this one's, in the same zstd context: setting one
    // up costs 96 KB and, in a virtual machine, two trapped CPUID instructions
    // (~9 us each), more than decoding a record.
    void use(std::string dictionary);
    // `dictionary` lies in `file`, which the decompressor keeps.
    void use(MappedFile file, std::string_view dictionary);
    // Throws std::runtime_error on data that is not a record compressed with this
    // dictionary or none.
    std::string decompress(std::string_view frame);
    // The dictionary a compressed record needs: 0 for none.
    static unsigned dictionary_of(std::string_view frame);
    // The id a dictionary declares: what dictionary_of gives for the records it made.
    static unsigned id_of_dictionary(std::string_view dictionary);
    unsigned dictionary_id() const { return dict_id_; }

private:
    void refer_to(std::string_view dictionary);

    std::unique_ptr<ZSTD_DCtx_s, ZstdFree> ctx_;
    // What holds the dictionary, referenced by dict_ rather than copied: a one-shot
    // query reads ten records.
    std::variant<std::string, MappedFile> dictionary_;
    std::unique_ptr<ZSTD_DDict_s, ZstdFree> dict_;
    unsigned dict_id_ = 0;
};

}  // namespace privsearch
