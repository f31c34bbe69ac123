#include "attribution.h"

#include "strings.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <initializer_list>

namespace privsearch::searcher::attribution {
namespace {

using Words = std::span<const Token>;

bool in(std::string_view word, std::initializer_list<std::string_view> set) {
    const std::string lower = ascii_lower(word);
    return std::find(set.begin(), set.end(), lower) != set.end();
}

bool is_speech_verb(std::string_view w) {
    // Lower case only: "Says" opening a sentence is rarely attribution. Nouns that are
    // also verbs ("states", "notes", "claims") are left out.
    static constexpr std::string_view kVerbs[] = {
        "said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "stated", "explained",
        "explains", "argued", "argues", "warned", "warns", "noted", "continues", "continued", "reads",
        "asked", "insisted", "insists", "claimed", "commented", "replied", "responded", "testified",
        "tweeted", "posted", "declared", "announced", "acknowledged", "admitted", "recalled", "cautioned",
        "emphasized", "emphasised", "stressed", "observed", "concluded", "remarked", "countered", "conceded"};
    return std::find(std::begin(kVerbs), std::end(kVerbs), w) != std::end(kVerbs);
}

bool is_capitalised(std::string_view w) {
    UChar32 c;
    int32_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool is_acronym(std::string_view w) {
    return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; });
}

bool is_determiner(std::string_view w) { return in(w, {"the", "a", "an"}); }

// Lower-case words that may sit inside a capitalised name: "Department of Justice",
// "Immigration and Customs Enforcement", "Ursula von der Leyen".
bool is_name_connector(std::string_view w) {
    return !is_capitalised(w) && in(w, {"of", "and", "for", "&", "de", "van", "von", "der", "da", "di", "bin", "al", "la", "le", "du", "del"});
}

// Capitalised words that are a job, not part of a person's name.
bool is_title(std::string_view w) {
    return in(w, {"director", "senator", "sen.", "rep.", "representative", "president", "chief", "officer",
                  "attorney", "counsel", "commissioner", "secretary", "minister", "chairman", "chairwoman", "chair",
                  "spokesperson", "spokesman", "spokeswoman", "professor", "prof.", "judge", "justice", "general",
                  "gov.", "governor", "mayor", "detective", "sheriff", "deputy", "executive", "analyst", "researcher",
                  "founder", "lawyer", "senior", "staff", "policy", "manager", "head", "vice", "campaigner",
                  "advocate", "editor", "reporter", "congressman", "congresswoman", "councilmember", "lt.", "gen.",
                  "sgt.", "capt.", "chancellor", "ceo", "cto", "ciso"});
}

bool is_pronoun_word(std::string_view w) { return in(w, {"he", "she", "they", "it", "we", "i"}); }

bool is_initial(std::string_view w) { return w.size() == 2 && w[1] == '.' && is_capitalised(w); }

// A person's or an organisation's name: capitalised words, with connectors inside.
bool is_name(Words part) {
    if (part.empty() || part.size() > 6 || !is_capitalised(part.front().text) || !is_capitalised(part.back().text))
        return false;
    return std::all_of(part.begin(), part.end(), [](const Token& t) {
        return (is_capitalised(t.text) && !is_determiner(t.text)) || is_name_connector(t.text);
    });
}

// Words that open a prepositional or relative tail after a name: "said Smith in a
// statement", "said Smith, who leads...".
bool opens_tail(std::string_view w) {
    return in(w, {"in", "on", "at", "during", "last", "this", "earlier", "later", "to", "when", "after", "before",
                  "while", "who", "which", "that", "adding", "noting", "via", "through", "about", "yesterday",
                  "today", "as", "because", "and", "but", "citing", "referring", "pointing", "speaking", "where",
                  "whose", "although", "though", "according", "told", "said"});
}

// Clause openers that come before the subject: "In a statement, NAME said".
bool opens_intro(Words part) {
    if (part.empty()) return true;
    std::string_view w = part.front().text;
    return (w.size() > 4 && w.ends_with("ing")) ||
           in(w, {"in", "on", "at", "during", "after", "before", "last", "this", "earlier", "later", "since", "when",
                  "while", "as", "although", "though", "despite", "for", "asked", "however", "meanwhile", "still",
                  "yet", "instead", "now", "separately", "also", "then", "but", "and", "so", "today", "yesterday",
                  "previously", "similarly", "likewise", "further", "moreover"});
}

std::string slice(std::string_view text, Words part) {
    if (part.empty()) return {};
    return std::string(text.substr(part.front().span.begin, part.back().span.end - part.front().span.begin));
}

// Word runs between punctuation marks; a quotation mark ends the clause.
std::vector<Words> split_parts(Words tokens) {
    std::vector<Words> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= tokens.size(); ++i) {
        if (i < tokens.size() && tokens[i].word) continue;
        if (i > start) parts.push_back(tokens.subspan(start, i - start));
        if (i < tokens.size() && (tokens[i].text == "\"" || tokens[i].text == "“" || tokens[i].text == "”")) break;
        start = i + 1;
    }
    return parts;
}

// "Electronic Frontier Foundation privacy litigation director Adam Schwartz": the
// name is the trailing run of capitalised words (two, or three with an initial or
// particle), the role everything before it.
Speaker split_role_name(std::string_view text, Words part) {
    std::size_t first = part.size();
    while (first > 0 && is_capitalised(part[first - 1].text) && !is_title(part[first - 1].text) &&
           !is_acronym(part[first - 1].text) && part.size() - first < 2)
        --first;
    if (first > 0 && part.size() - first == 2 && (is_initial(part[first].text) || is_name_connector(part[first - 1].text)) &&
        first > 1 && is_capitalised(part[first - (is_initial(part[first].text) ? 1 : 2)].text))
        first -= is_initial(part[first].text) ? 1 : 2;
    if (first == part.size() || first == 0) return {slice(text, part), ""};
    return {slice(text, part.subspan(first)), slice(text, part.first(first))};
}

// The name in one part: "Matt Cagle", "the FBI", "the Facebook policy", "ACLU attorney
// Matt Cagle" (with its role).
Speaker read_name(std::string_view text, Words part) {
    if (is_name(part)) return {slice(text, part), ""};
    const bool capitalised_end = is_capitalised(part.back().text);
    const bool role_before = std::any_of(part.begin(), part.end() - 1, [](const Token& t) {
        return (!is_capitalised(t.text) && !is_name_connector(t.text) && !is_determiner(t.text)) || is_title(t.text);
    });
    if (capitalised_end && role_before && part.size() > 1) return split_role_name(text, part);
    return {slice(text, part), ""};
}

bool reads_as_role(Words part) {
    return !part.empty() && !opens_tail(part.front().text) && !is_pronoun_word(part.front().text) &&
           std::none_of(part.begin(), part.end(), [](const Token& t) { return is_speech_verb(t.text); });
}

// NAME[, ROLE] or ROLE, NAME from the parts of a subject or an object.
std::optional<Speaker> read_speaker(std::string_view text, const std::vector<Words>& parts) {
    if (parts.empty()) return std::nullopt;
    Words p1 = parts[0];
    if (parts.size() > 1 && !is_name(p1) && is_name(parts[1]) && !is_capitalised(p1.back().text))
        return Speaker{slice(text, parts[1]), slice(text, p1)};
    Speaker s = read_name(text, p1);
    if (s.role.empty() && parts.size() > 1 && reads_as_role(parts[1]) && !is_pronoun_word(p1.front().text))
        s.role = slice(text, parts[1]);
    return s;
}

// After a verb: "said Smith in a statement" keeps "Smith".
std::optional<Speaker> read_object(std::string_view text, Words tokens) {
    auto parts = split_parts(tokens);
    if (parts.empty()) return std::nullopt;
    Words& p1 = parts[0];
    for (std::size_t i = 1; i < p1.size(); ++i)
        if (!is_capitalised(p1[i].text) && opens_tail(p1[i].text) && !is_name_connector(p1[i].text)) {
            p1 = p1.first(i);
            parts.resize(1);  // what follows the tail is no longer about the speaker
            break;
        }
    if (opens_tail(p1.front().text) || is_pronoun_word(p1.front().text)) return std::nullopt;
    return read_speaker(text, parts);
}

// Before a verb: "In a statement, the FBI said" keeps "the FBI"; "..., and Smith said"
// keeps "Smith".
std::optional<Speaker> read_subject(std::string_view text, Words tokens) {
    auto parts = split_parts(tokens);
    while (parts.size() > 1 && opens_intro(parts.front())) parts.erase(parts.begin());
    if (parts.empty()) return std::nullopt;
    // The subject is the last clause: "...; but" or "that ... and Smith said".
    Words& p1 = parts[0];
    if (parts.size() == 1)
        for (std::size_t i = p1.size(); i-- > 0;) {
            const bool inside_name = i > 0 && i + 1 < p1.size() && is_name_connector(p1[i].text) &&
                                     is_capitalised(p1[i - 1].text) && is_capitalised(p1[i + 1].text);
            if (!inside_name && !is_capitalised(p1[i].text) && opens_tail(p1[i].text)) {
                p1 = p1.subspan(i + 1);
                break;
            }
        }
    while (!p1.empty() && opens_intro(p1.first(1)) && p1.size() > 1) p1 = p1.subspan(1);
    if (p1.empty() || p1.size() > 10) return std::nullopt;
    if (is_pronoun_word(p1.front().text) && p1.size() == 1) return Speaker{slice(text, p1), ""};
    return read_speaker(text, parts);
}

bool is_dash(const Token& t) { return !t.word && (t.text == "—" || t.text == "–" || t.text == "-" || t.text == "--"); }

// Index of the first speech verb (or "according to") among the first `within` words.
std::optional<std::size_t> first_verb(Words tokens, std::size_t within) {
    std::size_t words = 0;
    for (std::size_t i = 0; i < tokens.size() && words < within; ++i) {
        if (!tokens[i].word) {
            if (tokens[i].text == "\"" || tokens[i].text == "“" || tokens[i].text == "”") return std::nullopt;
            continue;
        }
        ++words;
        if (is_speech_verb(tokens[i].text) ||
            (i + 1 < tokens.size() && in(tokens[i].text, {"according"}) && tokens[i + 1].text == "to"))
            return i;
    }
    return std::nullopt;
}

// Past the verb: "according to" is two words.
std::size_t object_start(Words tokens, std::size_t verb) {
    return in(tokens[verb].text, {"according"}) ? verb + 2 : verb + 1;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, Span range) {
    std::vector<Token> tokens;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto end = static_cast<int32_t>(range.end);
    std::size_t word_begin = range.begin;
    bool in_word = false;
    auto close_word = [&](std::size_t at) {
        if (!in_word) return;
        in_word = false;
        std::string_view w = text.substr(word_begin, at - word_begin);
        // A final period is the sentence's unless the word is an abbreviation ("J.", "U.S.", "Sen.").
        const bool abbreviation = is_initial(w) || w.find('.') < w.size() - 1 || is_title(w) ||
                                  in(w, {"mr.", "mrs.", "ms.", "dr.", "jr.", "sr.", "st.", "inc.", "corp.", "co.", "ltd."});
        while (!abbreviation && (w.ends_with('.') || w.ends_with('-'))) w.remove_suffix(1);
        if (std::all_of(w.begin(), w.end(), [](char c) { return c == '-'; })) {
            tokens.push_back({w, {word_begin, word_begin + w.size()}, false});
            return;
        }
        tokens.push_back({w, {word_begin, word_begin + w.size()}, true});
    };
    for (auto i = static_cast<int32_t>(range.begin); i < end;) {
        const auto start = static_cast<std::size_t>(i);
        UChar32 c;
        U8_NEXT(bytes, i, end, c);
        const auto next = static_cast<std::size_t>(i);
        const bool apostrophe = c == '\'' || c == 0x2019;
        if (c >= 0 && (u_isalnum(c) || c == '.' || c == '-' || c == '&' || (apostrophe && in_word))) {
            if (!in_word) word_begin = start;
            in_word = true;
            continue;
        }
        close_word(start);
        if (c >= 0 && !u_isUWhiteSpace(c)) tokens.push_back({text.substr(start, next - start), {start, next}, false});
    }
    close_word(range.end);
    return tokens;
}

bool is_pronoun(std::string_view name) { return is_pronoun_word(name); }

std::optional<Speaker> after_quote(std::string_view text, std::span<const Token> tokens, bool leading) {
    std::size_t i = 0;
    while (i < tokens.size() && !tokens[i].word && !is_dash(tokens[i])) ++i;
    if (i < tokens.size() && is_dash(tokens[i])) return read_object(text, tokens.subspan(i + 1));
    Words rest = tokens.subspan(i);
    auto verb = first_verb(rest, leading ? 6 : 12);
    if (!verb) return std::nullopt;
    if (*verb == 0) return read_object(text, rest.subspan(object_start(rest, 0)));
    return read_subject(text, rest.first(*verb));
}

std::optional<Speaker> before_quote(std::string_view text, std::span<const Token> tokens) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
        if (in(tokens[i].text, {"according"}) && tokens[i + 1].text == "to") {
            if (auto s = read_object(text, tokens.subspan(i + 2))) return s;
        }
    for (std::size_t i = tokens.size(); i-- > 0;)
        if (tokens[i].word && is_speech_verb(tokens[i].text)) return read_subject(text, tokens.first(i));
    return std::nullopt;
}

}  // namespace privsearch::searcher::attribution
