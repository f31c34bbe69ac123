// The gazetteer an index is searched with: the built-in one plus the entities the index
// was built with (--entities), loaded the first time a command needs it. Restoring it
// and building its matcher was a quarter to a third of a one-shot query's instructions;
// for an index with only the built-in entities, searching never loads it: canonical()
// resolves a filter's name from the compiled-in names, and matcher() is the compiled-in
// EntityMatcher::builtin().
#pragma once
#include "entity_matcher.h"
#include "gazetteer.h"

#include <xapian.h>

#include <optional>
#include <string>
#include <string_view>

namespace privsearch::searcher {

class IndexGazetteer {
public:
    // `db` must outlive this.
    explicit IndexGazetteer(const Xapian::Database& db) : db_(&db) {}
    // One already loaded, which must outlive this.
    explicit IndexGazetteer(const Gazetteer& loaded) : loaded_(&loaded) {}
    IndexGazetteer(const IndexGazetteer&) = delete;
    IndexGazetteer& operator=(const IndexGazetteer&) = delete;

    const Gazetteer& get() const;
    const EntityMatcher& matcher() const;
    // The canonical name of the facet's entity a name or alias (any case) stands for,
    // found without loading the gazetteer when the index has only the built-in entities.
    std::optional<std::string> canonical(schema::Facet facet, std::string_view name) const;
    // Whether the gazetteer is in memory (given, or loaded by get()).
    bool loaded() const { return loaded_ || own_; }

private:
    // The index has entities of its own (--entities), which only the loaded gazetteer knows.
    bool beyond_builtin() const;

    const Xapian::Database* db_ = nullptr;
    const Gazetteer* loaded_ = nullptr;
    mutable std::optional<Gazetteer> own_;
    mutable std::optional<EntityMatcher> matcher_;
    mutable std::optional<bool> user_entities_;  // the index has --entities (read once, like the gazetteer)
};

}  // namespace privsearch::searcher
