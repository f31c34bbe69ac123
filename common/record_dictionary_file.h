// The stored records' dictionary (record_compression.h) as a file in the index
// directory (schema::files::record_dictionary), which readers map rather than read the
// metadata entry through the B-tree. The entry stays the truth: a file that is
// missing, stale or damaged only sends a reader back to it (ArticleStore).
//
// The file is the dictionary followed by its XXH3-64 (8 bytes, little-endian): a
// dictionary cut short or overwritten still decodes, into the wrong text.
#pragma once
#include "mapped_file.h"

#include <optional>
#include <string>
#include <string_view>

namespace privsearch {

std::string record_dictionary_path(const std::string& db_path);

// Makes the file hold `dictionary` (replaced whole, never seen half-written); with no
// dictionary, removes it. Throws std::runtime_error saying what failed.
void save_record_dictionary_file(const std::string& db_path, std::string_view dictionary);

struct MappedDictionary {
    MappedFile file;
    std::string_view dictionary;  // in `file`
};

// The file's dictionary when the file is there, declares dictionary `id`
// (RecordDecompressor::id_of_dictionary) and is whole.
std::optional<MappedDictionary> map_record_dictionary_file(const std::string& db_path, unsigned id);

}  // namespace privsearch
