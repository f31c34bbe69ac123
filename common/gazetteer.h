// The entity gazetteer: which names and aliases stand for which agency, platform,
// organization or company. Built from common/entities.tsv (embedded at build time)
// and, optionally, a user's file in the same format.
#pragma once
#include "schema.h"

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace privsearch {

struct Entity {
    schema::Facet facet;
    std::string canonical;  // what users see and type
};

struct Alias {
    std::vector<std::string> tokens;  // as written for case-sensitive aliases, else case-folded
    std::size_t entity = 0;
    bool case_sensitive = false;      // acronyms (all capitals): "ICE" is not "ice"
    bool weak = false;                // ambiguous words ("X"): need context to count
};

class Gazetteer {
public:
    // The gazetteer shipped in the binaries: common/entities.tsv, loaded at build time by
    // gazetteer_compile and compiled in as a dump.
    static Gazetteer builtin();
    // The canonical name a built-in entity's name or alias (any case) stands for, known
    // without restoring the gazetteer: a filter ("platform:facebook", --agency ICE)
    // restored it (0.9M instructions) for one look-up.
    static std::optional<std::string_view> builtin_canonical(schema::Facet facet, std::string_view name);
    // Each name and alias's look-up key (name_key) with its entity's canonical name,
    // sorted by key (gazetteer_compile compiles the built-in ones in).
    std::vector<std::pair<std::string, std::string>> names() const;

    // Adds the entries of a TSV text; a bad line throws UserError naming origin:line.
    void load(std::string_view tsv, const std::string& origin);

    // The gazetteer as loaded, in a form that loads again without tokenising or case
    // folding: loading entities.tsv was a fifth of a one-shot query's instructions.
    std::string dump() const;
    // Throws std::runtime_error on text dump() did not write.
    static Gazetteer restore(std::string_view dumped);

    const std::vector<Entity>& entities() const { return entities_; }
    const std::vector<Alias>& aliases() const { return aliases_; }

    // The entity a user means by a name or alias in a facet, in any case.
    std::optional<std::size_t> find(schema::Facet facet, std::string_view name) const;
    // Known canonical names of a facet closest to a mistyped name, best first.
    std::vector<std::string> closest(schema::Facet facet, std::string_view name, std::size_t n) const;

private:
    std::size_t entity_for(schema::Facet facet, const std::string& canonical);
    void add_alias(std::size_t entity, std::string_view text, bool weak);
    void remember(std::string key, Alias a);

    std::vector<Entity> entities_;
    std::vector<Alias> aliases_;
    std::vector<std::string> alias_keys_;  // aliases_[i]'s key in by_name_
    std::unordered_map<std::string, std::size_t> by_name_;       // facet code + folded name/alias -> entity
    std::unordered_map<std::string, std::size_t> by_canonical_;  // facet code + canonical -> entity

    static std::span<const std::pair<std::string_view, std::string_view>> builtin_names();  // generated
};

// Splits text into the tokens aliases are matched on: runs of letters and digits,
// and single punctuation characters. Offsets are bytes into the text.
struct Token {
    std::string_view text;
    std::size_t begin = 0;
    std::size_t end = 0;
};
std::vector<Token> tokenize_for_entities(std::string_view text);

// A token as aliases are looked up by: case-folded.
std::string fold_token(std::string_view t);
// What Gazetteer::find looks a name up by: the facet's code, then the name case-folded.
std::string name_key(schema::Facet facet, std::string_view name);
// The folded first token of an alias, by which a matcher finds it.
std::string first_token_key(const Alias& a);
// Between an alias's tokens, in the gazetteer's dump and the matcher's table.
inline constexpr std::string_view token_separator = "\x1f";

}  // namespace privsearch
