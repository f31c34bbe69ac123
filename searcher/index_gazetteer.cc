#include "index_gazetteer.h"

#include "schema.h"

namespace privsearch::searcher {

const Gazetteer& IndexGazetteer::get() const {
    if (loaded_) return *loaded_;
    if (!own_) {
        Gazetteer g = Gazetteer::builtin();
        const std::string extra = db_->get_metadata(schema::metadata::user_entities);
        if (!extra.empty()) g.load(extra, "entities stored in the index");
        own_.emplace(std::move(g));
    }
    return *own_;
}

const EntityMatcher& IndexGazetteer::matcher() const {
    if (!matcher_) matcher_.emplace(get());
    return *matcher_;
}

bool IndexGazetteer::may_mention(std::string_view text) const {
    // Entities beyond the built-in ones have first tokens of their own.
    if (loaded_ || own_) return true;
    if (!user_entities_) user_entities_ = !db_->get_metadata(schema::metadata::user_entities).empty();
    return *user_entities_ || Gazetteer::builtin_may_mention(text);
}

}  // namespace privsearch::searcher
