#include "attribution.h"

#include "word_class.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace privsearch::searcher::attribution {
namespace {

using Words = std::span<const Token>;

// A person's or an organisation's name: capitalised words, with connectors inside.
bool is_name(Words part) {
    if (part.empty() || part.size() > 6 || !is_capitalised(part.front().text) || !is_capitalised(part.back().text))
        return false;
    const bool organisation = std::any_of(part.begin(), part.end(), [](const Token& t) { return is_name_connector(t.text); });
    return std::all_of(part.begin(), part.end(), [&](const Token& t) {
        return (is_capitalised(t.text) && !is_determiner(t.text) && (organisation || !is_title(t.text))) ||
               is_name_connector(t.text);
    });
}

// Clause openers that come before the subject: "In a statement, NAME said".
bool is_intro(Words part) { return part.empty() || opens_intro(part.front().text); }

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

bool is_name_word(const Token& t) { return is_capitalised(t.text) && !is_title(t.text) && !is_acronym(t.text); }

// "Electronic Frontier Foundation privacy litigation director Adam Schwartz": the
// name is the trailing run of capitalised words (two, three with a middle initial),
// the role everything before it.
Speaker split_role_name(std::string_view text, Words part) {
    std::size_t first = part.size();
    while (first > 0 && part.size() - first < 2 && is_name_word(part[first - 1])) --first;
    if (first > 0 && part.size() - first == 2 && is_initial(part[first].text) && is_name_word(part[first - 1])) --first;
    if (first == part.size() || first == 0) return {slice(text, part), ""};
    return {slice(text, part.subspan(first)), slice(text, part.first(first))};
}

// The name in one part: "Matt Cagle", "the FBI", "the Facebook policy", "ACLU attorney
// Matt Cagle" (with its role).
Speaker read_name(std::string_view text, Words part) {
    if (is_name(part)) return {slice(text, part), ""};
    // "a Meta spokesperson" names no one: it is a role.
    if (in(part.front().text, {"a", "an"})) return {"", slice(text, part)};
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

// After a verb: "said Smith in a statement" keeps "Smith", and nothing after it.
std::optional<Speaker> read_object(std::string_view text, Words tokens) {
    auto parts = split_parts(tokens);
    if (parts.empty()) return std::nullopt;
    const Words p1 = parts[0];
    for (std::size_t i = 1; i < p1.size(); ++i)
        if (!is_capitalised(p1[i].text) && opens_tail(p1[i].text) && !is_name_connector(p1[i].text)) {
            parts = {p1.first(i)};
            break;
        }
    if (opens_tail(p1.front().text) || is_pronoun_word(p1.front().text)) return std::nullopt;
    return read_speaker(text, parts);
}

// Whether word i of a part is a connector inside a name ("Immigration and Customs").
bool inside_name(Words part, std::size_t i) {
    return i > 0 && i + 1 < part.size() && is_name_connector(part[i].text) && is_capitalised(part[i - 1].text) &&
           is_capitalised(part[i + 1].text);
}

// Before a verb: "In a statement, the FBI said" keeps "the FBI"; "..., and Smith said"
// keeps "Smith". With `whole`, a subject that is a clause rather than a name is no
// subject at all: after a quotation, `"covered information" that the bill said`.
std::optional<Speaker> read_subject(std::string_view text, Words tokens, bool whole) {
    auto parts = split_parts(tokens);
    while (parts.size() > 1 && is_intro(parts.front())) parts.erase(parts.begin());
    if (parts.empty()) return std::nullopt;
    Words& p1 = parts[0];
    const std::string_view head = p1.front().text;
    if (whole && !is_capitalised(head) && !is_determiner(head) && !is_pronoun_word(head)) return std::nullopt;
    for (std::size_t i = p1.size(); i-- > 0;)
        if (!is_capitalised(p1[i].text) && opens_clause(p1[i].text) && !inside_name(p1, i)) {
            // "ACLU surveillance and cybersecurity counsel Jennifer Granick" is one subject.
            if (whole && in(p1[i].text, {"and", "or"})) continue;
            if (whole) return std::nullopt;
            p1 = p1.subspan(i + 1);
            break;
        }
    // "Last year the FBI", "But Smith": the subject starts at its determiner, or after the opener.
    if (p1.size() > 1 && is_intro(p1.first(1))) {
        auto det = std::find_if(p1.begin() + 1, p1.end(), [](const Token& t) { return is_determiner(t.text); });
        p1 = p1.subspan(det == p1.end() ? 1 : static_cast<std::size_t>(det - p1.begin()));
    }
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
        const std::string_view next = i + 1 < tokens.size() ? tokens[i + 1].text : "";
        if (is_speech_verb(tokens[i].text) || (in(tokens[i].text, {"according"}) && next == "to") ||
            (tokens[i].text == "put" && next == "it"))
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
    auto verb = first_verb(rest, leading ? 16 : 12);
    if (!verb) return std::nullopt;
    if (*verb == 0) return read_object(text, rest.subspan(object_start(rest, 0)));
    Words subject = rest.first(*verb);
    if (leading) return read_subject(text, subject, false);
    // The sentence may go on past the quotation before its attribution:
    // `needs "real-time access" to fight threats, the FBI said`.
    for (std::size_t start = 0; start < subject.size(); ++start) {
        if (start > 0 && subject[start - 1].text != ",") continue;
        if (auto s = read_subject(text, subject.subspan(start), true)) return s;
    }
    return std::nullopt;
}

std::optional<Speaker> before_quote(std::string_view text, std::span<const Token> tokens) {
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
        if (in(tokens[i].text, {"according"}) && tokens[i + 1].text == "to") {
            if (auto s = read_object(text, tokens.subspan(i + 2))) return s;
        }
    for (std::size_t i = tokens.size(); i-- > 0;)
        if (tokens[i].word && is_speech_verb(tokens[i].text)) return read_subject(text, tokens.first(i), false);
    // Without a speech verb, the one who confirms, calls for or ensures what is quoted.
    for (std::size_t i = tokens.size(); i-- > 0;)
        if (tokens[i].word && is_reporting_verb(tokens[i].text)) {
            Words subject = tokens.first(i);
            while (!subject.empty() && in(subject.back().text, {"have", "has", "had", "also", "repeatedly", "previously", "already"}))
                subject = subject.first(subject.size() - 1);
            return read_subject(text, subject, false);
        }
    return std::nullopt;
}

std::optional<Speaker> sentence_subject(std::string_view text, std::span<const Token> tokens) {
    auto parts = split_parts(tokens);
    if (parts.empty() || is_intro(parts[0])) return std::nullopt;
    const Words p1 = parts[0];
    std::size_t run = 0;
    while (run < p1.size() && ((is_capitalised(p1[run].text) && !is_determiner(p1[run].text)) || inside_name(p1, run)))
        ++run;
    if (run == 0) return std::nullopt;
    // "NAME, ROLE, has studied...": the role is an apposition between commas.
    if (run == p1.size() && parts.size() > 2 && reads_as_role(parts[1]))
        return Speaker{slice(text, p1), slice(text, parts[1])};
    return Speaker{slice(text, p1.first(run)), ""};
}

}  // namespace privsearch::searcher::attribution
