#include "gazetteer.h"

#include "errors.h"
#include "string_util.h"
#include "text_normalize.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <stdexcept>

namespace privsearch {

namespace {

bool is_acronym(std::string_view alias) {
    bool letter = false;
    for (unsigned char c : alias) {
        if (c >= 'a' && c <= 'z') return false;
        if (c >= 'A' && c <= 'Z') letter = true;
    }
    return letter;
}

// The text before the first `sep` (or all of it), which is taken off `rest` with the sep.
std::string_view next_field(std::string_view& rest, char sep) {
    const std::size_t at = std::min(rest.find(sep), rest.size());
    const std::string_view field = rest.substr(0, at);
    rest.remove_prefix(std::min(at + 1, rest.size()));
    return field;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

}  // namespace

std::vector<Token> tokenize_for_entities(std::string_view text) {
    std::vector<Token> tokens;
    tokens.reserve(text.size() / 5);
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    int32_t i = 0;
    std::size_t word_begin = std::string_view::npos;
    auto close_word = [&](std::size_t at) {
        if (word_begin == std::string_view::npos) return;
        tokens.push_back({text.substr(word_begin, at - word_begin), word_begin, at});
        word_begin = std::string_view::npos;
    };
    while (i < n) {
        auto begin = static_cast<std::size_t>(i);
        UChar32 c;
        U8_NEXT(p, i, n, c);
        auto end = static_cast<std::size_t>(i);
        // ASCII without a call into ICU or the C locale: this runs over every article's whole text.
        const bool alnum = c < 0x80 ? ascii_alnum(static_cast<unsigned char>(c)) : c > 0 && u_isalnum(c);
        if (alnum) {
            if (word_begin == std::string_view::npos) word_begin = begin;
            continue;
        }
        close_word(begin);
        const bool space = c < 0x80 ? (c == ' ' || (c >= '\t' && c <= '\r')) : c < 0 || u_isUWhiteSpace(c);
        if (!space) tokens.push_back({text.substr(begin, end - begin), begin, end});
    }
    close_word(text.size());
    return tokens;
}

std::string fold_token(std::string_view t) { return fold_case(t); }

std::string name_key(schema::Facet facet, std::string_view name) {
    return schema::facet(facet).code + fold_case(trim(name));
}

std::string first_token_key(const Alias& a) {
    return a.case_sensitive ? fold_token(a.tokens.front()) : a.tokens.front();
}

std::vector<std::pair<std::string, std::string>> Gazetteer::names() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [key, e] : by_name_) out.emplace_back(key, entities_[e].canonical);
    std::sort(out.begin(), out.end());
    return out;
}

void Gazetteer::load(std::string_view tsv, const std::string& origin) {
    std::size_t lineno = 0;
    for (std::string_view line : split(tsv, '\n')) {
        ++lineno;
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (trim(line).empty() || trim(line).starts_with('#')) continue;
        auto cols = split(line, '\t');
        auto where = origin + ":" + std::to_string(lineno) + ": ";
        if (cols.size() < 2 || cols.size() > 4)
            throw UserError(where + "expected facet<TAB>canonical<TAB>aliases<TAB>weak aliases");
        auto facet = schema::facet_named(trim(cols[0]));
        if (!facet || !schema::is_entity_facet(*facet))
            throw UserError(where + "unknown facet '" + std::string(cols[0]) +
                            "' (expected agency, platform, organization or company)");
        std::string canonical(trim(cols[1]));
        if (canonical.empty()) throw UserError(where + "empty canonical name");
        std::size_t e = entity_for(*facet, canonical);
        // A canonical name listed as weak ("Threads") is only as strong as that.
        auto weak = cols.size() > 3 ? split(cols[3], '|') : std::vector<std::string_view>{};
        bool canonical_is_weak = std::any_of(weak.begin(), weak.end(), [&](auto w) { return trim(w) == canonical; });
        if (!canonical_is_weak) add_alias(e, canonical, false);
        if (cols.size() > 2)
            for (auto alias : split(cols[2], '|'))
                if (!trim(alias).empty()) add_alias(e, trim(alias), false);
        for (auto alias : weak)
            if (!trim(alias).empty()) add_alias(e, trim(alias), true);
    }
}

std::size_t Gazetteer::entity_for(schema::Facet facet, const std::string& canonical) {
    auto [it, added] = by_canonical_.try_emplace(schema::facet(facet).code + canonical, entities_.size());
    if (added) entities_.push_back({facet, canonical});
    return it->second;
}

void Gazetteer::add_alias(std::size_t entity, std::string_view text, bool weak) {
    Alias a;
    a.entity = entity;
    a.weak = weak;
    a.case_sensitive = is_acronym(text);
    // Folded once, as a whole: the key and, unless case matters, the tokens.
    std::string k = name_key(entities_[entity].facet, text);
    const std::string_view folded = std::string_view(k).substr(1);
    for (const auto& t : tokenize_for_entities(a.case_sensitive ? text : folded)) a.tokens.emplace_back(t.text);
    if (a.tokens.empty()) return;
    remember(std::move(k), std::move(a));
}

void Gazetteer::remember(std::string key, Alias a) {
    by_name_.emplace(key, a.entity);
    alias_keys_.push_back(std::move(key));
    aliases_.push_back(std::move(a));
}

// One line an entity, "E <code> <canonical>", then one an alias,
// "A <entity> <flags> <key> <tokens>", tab-separated, tokens joined by \x1f.
std::string Gazetteer::dump() const {
    std::string out;
    for (const auto& e : entities_) out += std::string("E\t") + schema::facet(e.facet).code + "\t" + e.canonical + "\n";
    for (std::size_t i = 0; i < aliases_.size(); ++i) {
        const Alias& a = aliases_[i];
        out += "A\t" + std::to_string(a.entity) + "\t" + (a.case_sensitive ? "c" : "") + (a.weak ? "w" : "") + "\t" +
               alias_keys_[i] + "\t" + join(a.tokens, token_separator) + "\n";
    }
    return out;
}

Gazetteer Gazetteer::restore(std::string_view dumped) {
    Gazetteer g;
    while (!dumped.empty()) {
        std::string_view line = next_field(dumped, '\n');
        const std::string_view whole = line;
        const auto bad = [&] { return std::runtime_error("not a dumped gazetteer: " + std::string(whole)); };
        const std::string_view kind = next_field(line, '\t');
        if (kind == "E") {
            const std::string_view code = next_field(line, '\t');
            const auto facet = code.size() == 1 ? schema::facet_with_code(code[0]) : std::nullopt;
            if (!facet || line.empty()) throw bad();
            g.entity_for(*facet, std::string(line));
            continue;
        }
        const std::string_view entity = next_field(line, '\t');
        const std::string_view flags = next_field(line, '\t');
        const std::string_view key = next_field(line, '\t');
        Alias a;
        const auto [end, error] = std::from_chars(entity.data(), entity.data() + entity.size(), a.entity);
        if (kind != "A" || error != std::errc() || end != entity.data() + entity.size() || a.entity >= g.entities_.size() ||
            line.empty())
            throw bad();
        a.case_sensitive = flags.find('c') != std::string_view::npos;
        a.weak = flags.find('w') != std::string_view::npos;
        while (!line.empty()) a.tokens.emplace_back(next_field(line, token_separator[0]));
        g.remember(std::string(key), std::move(a));
    }
    return g;
}

std::optional<std::size_t> Gazetteer::find(schema::Facet facet, std::string_view name) const {
    auto it = by_name_.find(name_key(facet, name));
    if (it == by_name_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Gazetteer::closest(schema::Facet facet, std::string_view name, std::size_t n) const {
    std::string wanted = fold_case(trim(name));
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const auto& [k, e] : by_name_) {
        if (k[0] != schema::facet(facet).code) continue;
        std::string_view alias = std::string_view(k).substr(1);
        std::size_t d = alias.starts_with(wanted) ? 0 : edit_distance(wanted, alias);
        scored.emplace_back(d, entities_[e].canonical);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    for (const auto& [d, canonical] : scored) {
        if (out.size() == n) break;
        if (std::find(out.begin(), out.end(), canonical) == out.end()) out.push_back(canonical);
    }
    return out;
}

}  // namespace privsearch
