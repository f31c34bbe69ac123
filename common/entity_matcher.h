// Finds gazetteer entities in text: longest alias first, acronyms only in capitals,
// ambiguous (weak) aliases only in context.
#pragma once
#include "gazetteer.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace privsearch {

struct Mention {
    std::size_t entity = 0;  // index into Gazetteer::entities()
    std::size_t begin = 0;   // byte range in the text
    std::size_t end = 0;
};

class EntityMatcher {
public:
    explicit EntityMatcher(const Gazetteer& gazetteer);

    // Mentions in text order. The text should be normalised (normalize_text).
    std::vector<Mention> find(std::string_view text) const;

    const Gazetteer& gazetteer() const { return gazetteer_; }

private:
    struct Candidate {
        const Alias* alias;
        std::size_t first;  // token range
        std::size_t last;
    };
    std::vector<Candidate> candidates(const std::vector<Token>& tokens, const std::vector<std::string>& folded) const;
    bool weak_in_context(const Candidate& c, const std::vector<Token>& tokens,
                         const std::vector<bool>& has_strong) const;

    const Gazetteer& gazetteer_;
    // folded first token -> aliases starting with it, most tokens first
    std::unordered_map<std::string, std::vector<const Alias*>> by_first_;
};

// Mention counts per entity, as stored with each article.
struct EntityCount {
    std::size_t entity = 0;
    unsigned mentions = 0;
};
std::vector<EntityCount> count_mentions(const std::vector<Mention>& mentions);

}  // namespace privsearch
