#include "entity_matcher.h"

#include "string_util.h"
#include "text_normalize.h"

#include <algorithm>
#include <array>
#include <map>

namespace privsearch {
namespace {

bool capitalised_word(const Token& t) { return !t.text.empty() && t.text[0] >= 'A' && t.text[0] <= 'Z'; }

// Words before an ambiguous platform name that make it the platform: "posted on X".
constexpr std::array<std::string_view, 6> kPlatformCues = {"on", "platform", "app", "via", "site", "network"};

bool alias_matches(const EntityMatcher::Entry& a, std::size_t at, const std::vector<Token>& tokens,
                   const std::vector<std::string>& folded) {
    if (at + a.token_count > tokens.size()) return false;
    std::string_view rest = a.tokens;
    for (std::size_t k = 0; k < a.token_count; ++k) {
        const std::size_t end = std::min(rest.find(token_separator[0]), rest.size());
        const std::string_view have = a.case_sensitive ? tokens[at + k].text : std::string_view(folded[at + k]);
        if (have != rest.substr(0, end)) return false;
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    return true;
}

bool by_first(const EntityMatcher::Entry& a, const EntityMatcher::Entry& b) { return a.first < b.first; }

}  // namespace

EntityMatcher::EntityMatcher(const Gazetteer& gazetteer) {
    const auto& aliases = gazetteer.aliases();
    strings_.reserve(2 * aliases.size());  // never moved: the entries view them
    for (std::size_t i = 0; i < aliases.size(); ++i) {
        const Alias& a = aliases[i];
        const std::string_view first = strings_.emplace_back(first_token_key(a));
        const std::string_view joined = strings_.emplace_back(join(a.tokens, token_separator));
        own_entries_.push_back({first, joined, static_cast<std::uint32_t>(a.entity),
                                static_cast<std::uint32_t>(a.tokens.size()), a.case_sensitive, a.weak});
    }
    std::stable_sort(own_entries_.begin(), own_entries_.end(), [](const Entry& x, const Entry& y) {
        return x.first != y.first ? x.first < y.first : x.token_count > y.token_count;
    });
    for (const Entity& e : gazetteer.entities()) own_entities_.push_back({e.facet, e.canonical});
    entries_ = own_entries_;
    entities_ = own_entities_;
}

std::vector<EntityMatcher::Candidate> EntityMatcher::candidates(const std::vector<Token>& tokens,
                                                                const std::vector<std::string>& folded) const {
    std::vector<Candidate> found;
    for (std::size_t i = 0; i < tokens.size();) {
        const Entry* hit = nullptr;
        const Entry key{folded[i], {}, 0, 0, false, false};
        const auto [from, to] = std::equal_range(entries_.begin(), entries_.end(), key, by_first);
        for (auto a = from; a != to; ++a)
            if (alias_matches(*a, i, tokens, folded)) {
                hit = &*a;
                break;
            }
        if (!hit) {
            ++i;
            continue;
        }
        found.push_back({hit, i, i + hit->token_count - 1});
        i += hit->token_count;
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
    std::vector<bool> has_strong(entities_.size(), false);
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
