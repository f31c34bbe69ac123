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
    if (!beyond_builtin()) return EntityMatcher::builtin();
    if (!matcher_) matcher_.emplace(get());
    return *matcher_;
}

bool IndexGazetteer::beyond_builtin() const {
    if (loaded_) return true;  // whatever it holds
    if (!user_entities_) user_entities_ = !db_->get_metadata(schema::metadata::user_entities).empty();
    return *user_entities_;
}

std::optional<std::string> IndexGazetteer::canonical(schema::Facet facet, std::string_view name) const {
    if (!beyond_builtin()) {
        const auto c = Gazetteer::builtin_canonical(facet, name);
        return c ? std::optional<std::string>(*c) : std::nullopt;
    }
    const auto e = get().find(facet, name);
    return e ? std::optional<std::string>(get().entities()[*e].canonical) : std::nullopt;
}

}  // namespace privsearch::searcher
