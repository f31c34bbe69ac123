// Finds gazetteer entities in text: longest alias first, acronyms only in capitals,
// ambiguous (weak) aliases only in context.
#pragma once
#include "gazetteer.h"
#include "schema.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace privsearch {

struct Mention {
    std::size_t entity = 0;  // index into Gazetteer::entities()
    std::size_t begin = 0;   // byte range in the text
    std::size_t end = 0;
};

class EntityMatcher {
public:
    // An alias as the matcher reads it.
    struct Entry {
        std::string_view first;   // its first token folded: what it is found by
        std::string_view tokens;  // its tokens (as written for an acronym), joined by token_separator
        std::uint32_t entity;
        std::uint32_t token_count;
        bool case_sensitive;
        bool weak;
    };
    struct EntityName {
        schema::Facet facet;
        std::string_view canonical;
    };

    // Over a gazetteer's aliases; the gazetteer must outlive the matcher.
    explicit EntityMatcher(const Gazetteer& gazetteer);
    // Over the built-in gazetteer's, compiled in by gazetteer_compile: building a
    // matcher, and restoring the gazetteer it needs, was 1.2M instructions, a quarter to a
    // third of a one-shot query.
    static const EntityMatcher& builtin();

    // Its table views its own strings: a copy or a moved-from matcher would view freed ones.
    EntityMatcher(const EntityMatcher&) = delete;
    EntityMatcher& operator=(const EntityMatcher&) = delete;

    // Mentions in text order. The text should be normalised (normalize_text).
    std::vector<Mention> find(std::string_view text) const;
    // A mention's entity; its index is the gazetteer's.
    EntityName entity(std::size_t index) const { return entities_[index]; }
    std::size_t entity_count() const { return entities_.size(); }
    // Sorted by first token, then most tokens first, then the gazetteer's order.
    std::span<const Entry> entries() const { return entries_; }

private:
    EntityMatcher(std::span<const Entry> entries, std::span<const EntityName> entities)
        : entries_(entries), entities_(entities) {}

    struct Candidate {
        const Entry* alias;
        std::size_t first;  // token range
        std::size_t last;
    };
    std::vector<Candidate> candidates(const std::vector<Token>& tokens, const std::vector<std::string>& folded) const;
    bool weak_in_context(const Candidate& c, const std::vector<Token>& tokens,
                         const std::vector<bool>& has_strong) const;

    // For a gazetteer's matcher: what the views below point into.
    std::vector<std::string> strings_;
    std::vector<Entry> own_entries_;
    std::vector<EntityName> own_entities_;

    std::span<const Entry> entries_;
    std::span<const EntityName> entities_;
};

// Mention counts per entity, as stored with each article.
struct EntityCount {
    std::size_t entity = 0;
    unsigned mentions = 0;
};
std::vector<EntityCount> count_mentions(const std::vector<Mention>& mentions);

}  // namespace privsearch
