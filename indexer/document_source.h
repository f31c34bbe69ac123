#pragma once
#include "entity_matcher.h"
#include "prepared.h"
#include "record_packer.h"
#include "word_forms.h"

#include <xapian.h>

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace privsearch::indexer {

// Reads the files, analyses each article and builds its document, skipping those
// whose content hash matches what the index (as last committed) already holds.
// Runs on its own thread: everything it touches is its own.
class DocumentSource {
public:
    DocumentSource(const std::string& db_path, const EntityMatcher& matcher);

    void run(const std::vector<std::string>& files, const std::function<void(Prepared)>& emit,
             const std::atomic<bool>& stop);

private:
    void prepare(Article article, const std::function<void(Prepared)>& emit);
    // The content hash the index holds for an id, if it holds the id.
    std::optional<std::string> indexed_hash(const std::string& id_term);

    std::optional<Xapian::Database> existing_;
    const EntityMatcher& matcher_;
    Xapian::TermGenerator tg_;
    WordLister words_;
    RecordPacker packer_;
};

}  // namespace privsearch::indexer
