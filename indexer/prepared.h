#pragma once
#include "article.h"
#include "word_forms.h"

#include <xapian.h>

#include <optional>
#include <string>

namespace privsearch::indexer {

// One unit of work for the writer: a document to write, an article that has
// not changed since the last run, a problem to report, or the dictionary of the
// stored records (record_packer.h).
struct Prepared {
    std::optional<InputProblem> problem;
    std::string id;
    std::string location;   // path[:line], for messages
    std::string path_term;
    std::optional<Xapian::Document> doc;  // none: unchanged
    DocumentWords words;
    bool indexed_before = false;          // the index (as last committed) has this id
    std::string record_dictionary;        // not empty: store it in the index
};

}  // namespace privsearch::indexer
