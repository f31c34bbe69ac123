#include "entity_matcher.h"

#include "text_normalize.h"

#include <algorithm>
#include <array>
#include <map>

namespace privsearch {
namespace {

bool capitalised_word(const Token& t) { return !t.text.empty() && t.text[0] >= 'A' && t.text[0] <= 'Z'; }

// Words before an ambiguous platform name that make it the platform: "posted on X".
constexpr std::array<std::string_view, 6> kPlatformCues = {"on", "platform", "app", "via", "site", "network"};

bool alias_matches(const Alias& a, std::size_t at, const std::vector<Token>& tokens,
                   const std::vector<std::string>& folded) {
    if (at + a.tokens.size() > tokens.size()) return false;
    for (std::size_t k = 0; k < a.tokens.size(); ++k) {
        const std::string_view have = a.case_sensitive ? tokens[at + k].text : std::string_view(folded[at + k]);
        if (have != a.tokens[k]) return false;
    }
    return true;
}

}  // namespace

EntityMatcher::EntityMatcher(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {
    for (const auto& a : gazetteer.aliases()) by_first_[first_token_key(a)].push_back(&a);
    for (auto& [first, list] : by_first_)
        std::stable_sort(list.begin(), list.end(),
                         [](const Alias* x, const Alias* y) { return x->tokens.size() > y->tokens.size(); });
}

std::vector<EntityMatcher::Candidate> EntityMatcher::candidates(const std::vector<Token>& tokens,
                                                                const std::vector<std::string>& folded) const {
    std::vector<Candidate> found;
    for (std::size_t i = 0; i < tokens.size();) {
        const Alias* hit = nullptr;
        if (auto it = by_first_.find(folded[i]); it != by_first_.end())
            for (const Alias* a : it->second)
                if (alias_matches(*a, i, tokens, folded)) {
                    hit = a;
                    break;
                }
        if (!hit) {
            ++i;
            continue;
        }
        found.push_back({hit, i, i + hit->tokens.size() - 1});
        i += hit->tokens.size();
    }
    return found;
}

bool EntityMatcher::weak_in_context(const Candidate& c, const std::vector<Token>& tokens,
                                    const std::vector<bool>& has_strong) const {
    const Token* prev = c.first > 0 ? &tokens[c.first - 1] : nullptr;
    const Token* next = c.last + 1 < tokens.size() ? &tokens[c.last + 1] : nullptr;
    // Part of a hyphenated word (X-ray, Gen-X) or of a name (Malcolm X, X Factor).
    if (prev && prev->end == tokens[c.first].begin && prev->text == "-") return false;
    if (next && next->begin == tokens[c.last].end && next->text == "-") return false;
    if (prev && capitalised_word(*prev)) return false;
    if (next && capitalised_word(*next)) return false;
    if (has_strong[c.alias->entity]) return true;
    return prev && std::find(kPlatformCues.begin(), kPlatformCues.end(), fold_token(prev->text)) != kPlatformCues.end();
}

std::vector<Mention> EntityMatcher::find(std::string_view text) const {
    auto tokens = tokenize_for_entities(text);
    std::vector<std::string> folded;
    folded.reserve(tokens.size());
    for (const auto& t : tokens) folded.push_back(fold_token(t.text));

    auto found = candidates(tokens, folded);
    std::vector<bool> has_strong(gazetteer_.entities().size(), false);
    for (const auto& c : found)
        if (!c.alias->weak) has_strong[c.alias->entity] = true;

    std::vector<Mention> mentions;
    for (const auto& c : found)
        if (!c.alias->weak || weak_in_context(c, tokens, has_strong))
            mentions.push_back({c.alias->entity, tokens[c.first].begin, tokens[c.last].end});
    return mentions;
}

std::vector<EntityCount> count_mentions(const std::vector<Mention>& mentions) {
    std::map<std::size_t, unsigned> counts;
    for (const auto& m : mentions) ++counts[m.entity];
    std::vector<EntityCount> out;
    for (const auto& [e, n] : counts) out.push_back({e, n});
    return out;
}

}  // namespace privsearch
