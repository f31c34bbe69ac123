#include "snippet.h"

#include "query_rewrite.h"
#include "schema.h"
#include "string_util.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <bitset>
#include <cctype>
#include <functional>
#include <unordered_map>

namespace privsearch::searcher {
namespace {

// Bytes that UTF-8 never holds, and so no stored article (converted or checked when
// read): they delimit Xapian's highlights unambiguously, whatever the text holds.
constexpr char kOpen = '\xFE';
constexpr char kClose = '\xFF';
constexpr std::string_view kOmit = "…";  // where a snippet leaves text out

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
struct CodePoint {
    unsigned value = 0;
    std::size_t size = 1;
    bool word = false;  // a word character, as Xapian's term generator sees it
};

// ASCII by a table (nearly all of news text), the rest by Xapian's Unicode tables.
inline CodePoint code_point_at(std::string_view text, std::size_t i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) return {byte, 1, ascii_alnum(byte)};
    const auto* p = reinterpret_cast<const uint8_t*>(text.data());
    auto at = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(p, at, static_cast<int32_t>(text.size()), c);
    if (c < 0) return {0xFFFD, static_cast<std::size_t>(at) - i, false};
    const auto value = static_cast<unsigned>(c);
    return {value, static_cast<std::size_t>(at) - i, Xapian::Unicode::is_wordchar(value)};
}

bool digit(unsigned c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return Xapian::Unicode::get_category(c) == Xapian::Unicode::DECIMAL_DIGIT_NUMBER;
}

// Characters that join the word characters either side into one word, as Xapian's
// term generator has them (check_infix, check_infix_digit): an apostrophe, '&' and a
// few more between letters, a comma, full stop or semicolon (and their like) between
// digits. Zero-width characters join and are left out of the term (kIgnored).
constexpr unsigned kIgnored = 0xFFFFFFFF;
unsigned infix(unsigned c, bool between_digits) {
    if (c >= 0x200B && (c <= 0x200D || c == 0x2060 || c == 0xFEFF)) return kIgnored;
    if (between_digits) {
        switch (c) {
            case ',': case '.': case ';': case 0x037E: case 0x0589: case 0x060D:
            case 0x07F8: case 0x2044: case 0xFE10: case 0xFE13: case 0xFE14:
                return c;
            default:
                return 0;
        }
    }
    if (c == '\'' || c == '&' || c == 0xB7 || c == 0x5F4 || c == 0x2027) return c;
    if (c == 0x2019 || c == 0x201B) return '\'';
    return 0;
}

// Where the word starting at `begin` ends, as Xapian's term generator splits words
// from normalised text: word characters and what joins them (infix), then up to three
// '+' or '#' not followed by a word character ("C++", "C#"). The stored text is verbatim,
// so curly quotes, dashes and no-break spaces must end words here too.
std::size_t word_end(std::string_view text, std::size_t begin) {
    std::size_t i = begin;
    unsigned prev = 0;
    while (i < text.size()) {
        // ASCII letters and digits, nearly all of a word's, a byte at a time: decoding
        // each was half of a snippet's highlighting.
        const std::size_t run = i;
        while (i < text.size() && ascii_alnum(static_cast<unsigned char>(text[i]))) ++i;
        if (i > run) prev = static_cast<unsigned char>(text[i - 1]);
        if (i == text.size()) break;
        const CodePoint c = code_point_at(text, i);
        if (c.word) {
            prev = c.value;
            i += c.size;
            continue;
        }
        if (i + c.size >= text.size()) break;
        const CodePoint next = code_point_at(text, i + c.size);
        if (!next.word || !infix(c.value, digit(prev) && digit(next.value))) break;
        i += c.size;
    }
    std::size_t end = i;
    while (end < text.size() && end - i < 4 && (text[end] == '+' || text[end] == '#')) ++end;
    const bool suffixed = end > i && end - i <= 3 && (end == text.size() || !code_point_at(text, end).word);
    return suffixed ? end : i;
}

// Where the next word starts, from `i` on: text.size() if none does.
std::size_t next_word(std::string_view text, std::size_t i) {
    while (i < text.size()) {
        const CodePoint c = code_point_at(text, i);
        if (c.word) break;
        i += c.size;
    }
    return i;
}

// The word as a term: case-folded, its joiners as the term generator keeps them (a
// curly apostrophe straight, a zero-width character left out).
std::string term_of(std::string_view word) {
    if (is_ascii(word)) return ascii_lower(word);
    std::string term;
    for (Xapian::Utf8Iterator it(word.data(), word.size()); it != Xapian::Utf8Iterator(); ++it) {
        const unsigned c = *it;
        if (Xapian::Unicode::is_wordchar(c)) {
            Xapian::Unicode::append_utf8(term, Xapian::Unicode::tolower(c));
        } else if (const unsigned joined = infix(c, false); joined != kIgnored) {
            Xapian::Unicode::append_utf8(term, joined ? joined : c);  // a digits' joiner is itself
        }
    }
    return term;
}

bool white_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

// Whether text[i], after a character other than white space, is white space that
// collapsing changes: any but a single space before more text.
bool collapses(std::string_view text, std::size_t i) {
    if (text[i] != ' ') return white_space(text[i]);
    return i + 1 == text.size() || white_space(text[i + 1]);
}

}  // namespace

Snippet collapsed(std::string_view before, std::string_view text, const std::vector<Span>& spans, std::string_view after) {
    Snippet s;
    s.text.reserve(before.size() + text.size() + after.size());
    s.text.append(before);
    auto next = spans.begin();
    bool inside = false;
    std::size_t open = 0;
    for (std::size_t i = 0;;) {
        if (inside && i == next->end) {
            // Words of a phrase marked one by one (Xapian marks them so) are one highlight.
            if (!s.highlights.empty() && s.text.find_first_not_of(' ', s.highlights.back().end) == open)
                s.highlights.back().end = s.text.size();
            else
                s.highlights.push_back({open, s.text.size()});
            inside = false;
            ++next;
        }
        if (!inside && next != spans.end() && i == next->begin) {
            open = s.text.size();
            inside = true;
            continue;  // it may end where it begins
        }
        if (i == text.size()) break;
        if (white_space(text[i])) {
            if (!s.text.empty() && s.text.back() != ' ') s.text += ' ';  // paragraphs run on in a snippet
            ++i;
            continue;
        }
        // A run at once, to the next highlight's edge or white space to collapse (all
        // but a single space between words): a character, or a word, at a time was a
        // fifth of a snippet's cost.
        const std::size_t edge = inside ? next->end : next != spans.end() ? next->begin : text.size();
        const std::size_t run = i;
        while (++i < edge && !collapses(text, i)) {
        }
        s.text.append(text.substr(run, i - run));
    }
    s.text.append(after);
    return s;
}

Snippet parse_marked(const std::string& marked) {
    std::string plain;
    plain.reserve(marked.size());
    std::vector<Span> spans;
    constexpr std::size_t kNone = std::string::npos;
    std::size_t open = kNone;
    for (const char c : marked) {
        if (c == kOpen) {
            open = plain.size();
        } else if (c == kClose) {
            if (open != kNone) spans.push_back({open, plain.size()});
            open = kNone;
        } else {
            plain += c;
        }
    }
    return collapsed({}, plain, spans, {});
}

namespace {

using Hits = std::vector<std::pair<std::size_t, std::size_t>>;  // offset, term

// Every word of the text, split and folded as the index does, looked up among the terms.
Hits hits_by_words(std::string_view text, const std::unordered_map<std::string_view, std::size_t>& wanted) {
    std::bitset<128> first_letters;  // most words are passed over on their first letter
    for (const auto& [term, t] : wanted)
        if (static_cast<unsigned char>(term[0]) < 0x80) first_letters.set(static_cast<unsigned char>(term[0]));
    Hits hits;
    for (std::size_t i = next_word(text, 0); i < text.size(); i = next_word(text, i)) {
        const std::size_t begin = i;
        i = word_end(text, begin);
        const auto first = static_cast<unsigned char>(text[begin]);
        if (first < 0x80 && !first_letters.test(static_cast<unsigned char>(std::tolower(first)))) continue;
        if (auto found = wanted.find(term_of(text.substr(begin, i - begin))); found != wanted.end())
            hits.emplace_back(begin, found->second);
    }
    return hits;
}

// Letters past ASCII whose lower case is an ASCII letter (the dotted capital I, the
// Kelvin sign): a byte search for the term would miss the words they start.
bool folds_to_ascii(std::string_view text) {
    return text.find("\xC4\xB0") != std::string_view::npos || text.find("\xE2\x84\xAA") != std::string_view::npos;
}

// A term the text can be searched for by its first bytes: one starting with an ASCII letter.
bool searchable_term(std::string_view term) { return !term.empty() && term[0] >= 'a' && term[0] <= 'z'; }

// The term's first letters and digits: the part the stored text spells as the term does
// (an apostrophe may be curly there, any letter past ASCII in another case).
std::string_view leading_run(std::string_view term) {
    std::size_t n = 0;
    while (n < term.size() && ascii_alnum(static_cast<unsigned char>(term[n]))) ++n;
    return term.substr(0, n);
}

// Whether a word starting with a letter may start at `at`: no word character before it,
// nor a joiner (apostrophe, '&') with a word character before that. The text is valid
// UTF-8 (stored articles are converted or checked when read), so stepping back over
// continuation bytes lands on a character's first byte.
bool starts_word(std::string_view text, std::size_t at) {
    const auto before = [&](std::size_t i) {  // the code point ending just before i
        std::size_t b = i - 1;
        while (b > 0 && (static_cast<unsigned char>(text[b]) & 0xC0) == 0x80) --b;
        return std::pair{code_point_at(text, b), b};
    };
    if (at == 0) return true;
    const auto [prev, at_prev] = before(at);
    if (prev.word) return false;
    const bool joiner = prev.value == '\'' || prev.value == 0x2019 || prev.value == '&';
    return !joiner || at_prev == 0 || !before(at_prev).first.word;
}

// The shortest leading runs: each word a longer one would find, a shorter one finds too
// ("elect" for elected, election, elections), so the text is searched once for it.
std::vector<std::string_view> shortest_runs(const std::unordered_map<std::string_view, std::size_t>& wanted) {
    std::vector<std::string_view> runs;
    for (const auto& [term, t] : wanted) runs.push_back(leading_run(term));
    std::sort(runs.begin(), runs.end());
    std::vector<std::string_view> out;
    for (auto run : runs)
        if (out.empty() || !run.starts_with(out.back())) out.push_back(run);
    return out;
}

// The same hits, found by searching an ASCII-lower-cased copy of the text for the terms'
// leading letters and digits: a few scans instead of decoding every character.
// Only where a word starts is it split and looked up, folded in full if it holds more
// than ASCII (a curly apostrophe, an accented letter).
Hits hits_by_search(std::string_view text, const std::unordered_map<std::string_view, std::size_t>& wanted) {
    const std::string lower = ascii_lower(text);
    Hits hits;
    for (const std::string_view run : shortest_runs(wanted)) {
        // One search table a run: glibc's memmem built its table again at each call, one
        // an occurrence (half of passage_window's cost), and std::string::find compares at
        // every occurrence of the first letter, every few bytes for an 'e' or a 't'.
        const std::boyer_moore_horspool_searcher find(run.begin(), run.end());
        for (auto from = lower.cbegin();;) {
            const auto next = find(from, lower.cend()).first;
            if (next == lower.cend()) break;
            const auto at = static_cast<std::size_t>(next - lower.cbegin());
            from = next + 1;
            if (!starts_word(text, at)) continue;
            const std::string_view word = text.substr(at, word_end(text, at) - at);
            auto found = wanted.find(std::string_view(lower).substr(at, word.size()));
            if (found == wanted.end() && !is_ascii(word)) found = wanted.find(term_of(word));
            if (found != wanted.end()) hits.emplace_back(at, found->second);
        }
    }
    std::sort(hits.begin(), hits.end());
    return hits;
}

// Whether the full stop at `dot` ends a title or an initial ("Mr.", "Dr.", "J.", "U.S."):
// one to three letters, the first a capital and any others small.
bool abbreviation_before(std::string_view text, std::size_t dot) {
    std::size_t b = dot;
    while (b > 0 && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
    const std::string_view word = text.substr(b, dot - b);
    if (word.empty() || word.size() > 3 || !ascii_upper(word[0])) return false;
    return std::none_of(word.begin() + 1, word.end(), [](char c) { return ascii_upper(c); });
}

// The last sentence start in [from, to]: the text's start, a line's, or a capital letter
// or opening quote after a question or exclamation mark, or a full stop that ends no
// abbreviation, and a space. npos if none.
std::size_t sentence_start(std::string_view text, std::size_t from, std::size_t to) {
    for (std::size_t i = to + 1; i-- > from;) {
        if (i == 0) return 0;
        const char c = text[i];
        if (!ascii_upper(c) && c != '"' && !text.substr(i).starts_with("\u201C") && !text.substr(i).starts_with("\u2018"))
            continue;
        if (text[i - 1] == '\n') return i;
        if (i >= 2 && text[i - 1] == ' ' && (text[i - 2] == '.' || text[i - 2] == '?' || text[i - 2] == '!') &&
            !(text[i - 2] == '.' && abbreviation_before(text, i - 2)))
            return i;
    }
    return std::string_view::npos;
}

// Where a window that may reach `end` stops: on a space after the stretch of matches
// [first, cluster_end), else just after its last word; a stretch wider than the window
// stops on its last space, else on a whole character.
std::size_t cut_end(std::string_view text, std::size_t first, std::size_t cluster_end, std::size_t end) {
    const std::size_t space = text.rfind(' ', end);
    const bool spaced = space != std::string_view::npos;
    if (spaced && space >= std::min(cluster_end, end)) return space;
    if (cluster_end <= end) return cluster_end;
    if (spaced && space > first) return space;
    while (end > first && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    // Narrower than the match's first letter: that letter whole.
    return end > first ? end : first + code_point_at(text, first).size;
}

// MSet::snippet's text with Xapian's HTML escapes (&amp; &lt; &gt;) undone: the
// printers escape for their own formats, and a terminal showed "Standard &amp; Poor's".
std::string unescaped(std::string_view marked) {
    static constexpr std::pair<std::string_view, char> kEscapes[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}};
    std::string out;
    out.reserve(marked.size());
    for (std::size_t i = 0; i < marked.size();) {
        const auto rest = marked.substr(i);
        const auto* e = rest[0] != '&' ? std::end(kEscapes)
                                       : std::find_if(std::begin(kEscapes), std::end(kEscapes),
                                                      [&](const auto& x) { return rest.starts_with(x.first); });
        if (e == std::end(kEscapes)) {
            out += marked[i++];
            continue;
        }
        out += e->second;
        i += e->first.size();
    }
    return out;
}

// Dashes, bullets, separators and spaces that part a passage from text left out:
// a snippet neither starts nor ends on one. Quotes, brackets, currency signs and
// sentence ends are kept.
constexpr std::string_view kDangling[] = {" ", "\n", "\t", "\r", ",", ";", ":", "-", "*", "/", "|",
                                          "\u2013", "\u2014", "\u2022", "\u00B7", "\u00A0"};

// The passage without them at its start and, where it is cut, its end.
std::string_view without_dangling(std::string_view passage, bool cut_end) {
    const auto cut_one = [&] {
        for (std::string_view d : kDangling) {
            if (passage.starts_with(d)) return passage.remove_prefix(d.size()), true;
            if (cut_end && passage.ends_with(d)) return passage.remove_suffix(d.size()), true;
        }
        return false;
    };
    while (cut_one()) {
    }
    return trim(passage);
}

// An acronym spelt with full stops ("S.E.C.", "U.S"), which Xapian's term generator
// indexes as one word ("sec"): capitals each followed by a stop and another capital,
// two or more, and no word character after. Its term, with `at` moved past it (and a
// last stop); else nothing, `at` unmoved.
std::string acronym_at(std::string_view text, std::size_t& at) {
    std::string term;
    std::size_t i = at;
    while (i < text.size() && ascii_upper(text[i])) {
        term += static_cast<char>(text[i++] - 'A' + 'a');
        if (i == text.size() || text[i] != '.') break;
        ++i;
    }
    if (term.size() < 2 || (i < text.size() && code_point_at(text, i).word)) return {};
    at = i;
    return term;
}

// Xapian's snippets pass over longer words, as its term generator does.
constexpr std::size_t kLongestWord = 64;

// The word a query term stands for in text: the term, or the word a stem stands for
// as written ("Zmonitor": monitor); none for a field's term ("Smonitor", a title's).
std::optional<std::string_view> text_word(std::string_view term) {
    if (term.starts_with(schema::stem_prefix)) term.remove_prefix(schema::stem_prefix.size());
    if (term.empty() || ascii_upper(term[0])) return std::nullopt;
    return term;
}

// The words of a phrase Xapian follows word by word: one of terms, no gaps allowed.
std::optional<std::vector<std::string>> phrase_words(const Xapian::Query& q) {
    const std::size_t n = q.get_num_subqueries();
    if (n < 2 || (window_of(q) != 0 && window_of(q) != n)) return std::nullopt;
    std::vector<std::string> words;
    for (std::size_t i = 0; i < n; ++i) {
        const Xapian::Query sub = q.get_subquery(i);
        if (sub.get_type() != Xapian::Query::LEAF_TERM) return std::nullopt;
        const std::string term = *sub.get_terms_begin();
        if (term.starts_with(schema::stem_prefix) || !text_word(term)) return std::nullopt;
        words.push_back(term);
    }
    return words;
}

}  // namespace

std::optional<Span> passage_window(std::string_view text, const std::vector<std::string>& matched_terms,
                                   std::size_t width) {
    if (text.size() <= width) return Span{0, text.size()};
    std::unordered_map<std::string_view, std::size_t> wanted;  // word -> its index in matched_terms
    for (std::size_t t = 0; t < matched_terms.size(); ++t) {
        const std::string_view term = matched_terms[t];
        // Field and stem terms start with a capital; a stem's forms are terms of their own.
        if (term.empty() || ascii_upper(term[0])) continue;
        wanted.emplace(term, t);
    }
    const bool searchable = !folds_to_ascii(text) && std::all_of(wanted.begin(), wanted.end(), [](const auto& w) {
        return searchable_term(w.first);
    });
    const Hits hits = searchable ? hits_by_search(text, wanted) : hits_by_words(text, wanted);
    if (hits.empty()) return std::nullopt;
    // The window start whose next `width` bytes hold the most distinct terms, then the most hits.
    std::size_t best = 0, best_score = 0;
    std::vector<bool> seen(matched_terms.size());
    for (std::size_t i = 0; i < hits.size(); ++i) {
        std::fill(seen.begin(), seen.end(), false);
        std::size_t distinct = 0, count = 0;
        for (std::size_t j = i; j < hits.size() && hits[j].first < hits[i].first + width; ++j, ++count)
            if (!seen[hits[j].second]) seen[hits[j].second] = true, ++distinct;
        if (std::size_t score = distinct * hits.size() + count; score > best_score) best_score = score, best = i;
    }
    // The window ends after the cluster's last word; the room left goes before its first,
    // from the start of that sentence if it starts there, else from a quarter of the width.
    const std::size_t first = hits[best].first;
    std::size_t last = best;
    while (last + 1 < hits.size() && hits[last + 1].first < first + width) ++last;
    const std::size_t cluster_end = word_end(text, hits[last].first);
    const std::size_t room = std::min(first, cluster_end - first < width ? width - (cluster_end - first) : 0);
    std::size_t begin = sentence_start(text, first - std::min(room, width / 2), first);
    if (begin == std::string_view::npos) {
        begin = first - std::min(room, width / 4);
        if (begin > 0) {
            const std::size_t space = text.find(' ', begin);
            begin = space < first ? space + 1 : first;
        }
    }
    const std::size_t end = std::min(text.size(), begin + width);
    return Span{begin, end < text.size() ? cut_end(text, first, cluster_end, end) : end};
}

Snippet make_snippet(const std::string& text, const std::vector<std::string>& matched_terms,
                     const Highlights& highlights, std::size_t length) {
    const auto window = passage_window(text, matched_terms, length);
    // Matched by the title or filters alone: the article's opening says more than any
    // stretch of it.
    if (!window) return lead_snippet(text, length);
    const std::string_view passage =
        without_dangling(std::string_view(text).substr(window->begin, window->end - window->begin), window->end < text.size());
    return collapsed(window->begin > 0 ? kOmit : std::string_view(), passage, highlights.in(passage),
                     window->end < text.size() ? kOmit : std::string_view());
}

Snippet xapian_snippet(const Xapian::MSet& mset, const std::string& text, const std::vector<std::string>& matched_terms,
                       std::size_t length) {
    // Xapian's snippet costs what it reads, about 500 instructions a word: it is given
    // the passage when one holds the query's other words.
    const Span w = passage_window(text, matched_terms, length).value_or(Span{0, text.size()});
    // No flags: the exhaustive search and the background model (a term frequency look-up
    // per word) were half of a batch query's time and chose passages no better on the
    // BBC corpus. No stemmer: the parser has already expanded each stemmed word into
    // every form the index holds (word_forms.h), so each word is looked up as written.
    const unsigned flags = 0;
    const Xapian::Stem no_stemming;
    std::string marked = mset.snippet(text.substr(w.begin, w.end - w.begin), length, no_stemming, flags,
                                      std::string(1, kOpen), std::string(1, kClose), std::string(kOmit));
    if (w.begin > 0 && !marked.starts_with(kOmit)) marked.insert(0, kOmit);
    if (w.end < text.size() && !marked.ends_with(kOmit)) marked += kOmit;
    return parse_marked(unescaped(marked));
}

Highlights::Highlights(const Xapian::Query& q) {
    gather(q);
    const auto starts = [&](const std::string& word) {
        const auto first = static_cast<unsigned char>(word[0]);
        if (first < 0x80) first_letters_.set(first);
        else any_first_letter_ = true;
    };
    for (const auto& w : words_) starts(w);
    for (const auto& phrase : phrases_)
        for (const auto& w : phrase) starts(w);
}

bool Highlights::may_start(char c) const {
    const auto byte = static_cast<unsigned char>(c);
    // Past ASCII, case folding may lead anywhere (a dotted capital I is an i).
    return byte >= 0x80 || any_first_letter_ || first_letters_.test(static_cast<unsigned char>(std::tolower(byte)));
}

void Highlights::gather(const Xapian::Query& q) {
    using Q = Xapian::Query;
    const std::size_t n = q.get_num_subqueries();
    switch (q.get_type()) {
        case Q::LEAF_TERM: {
            const std::string term = *q.get_terms_begin();  // a copy: text_word views it
            if (auto word = text_word(term)) words_.emplace(*word);
            return;
        }
        case Q::OP_PHRASE:
            if (auto words = phrase_words(q)) {
                longest_phrase_ = std::max(longest_phrase_, words->size());
                phrases_.push_back(std::move(*words));
                return;
            }
            break;
        case Q::OP_AND_NOT:  // what follows the first excludes or filters: no matched text holds it
        case Q::OP_FILTER:
            if (n > 0) gather(q.get_subquery(0));
            return;
        default:
            break;
    }
    for (std::size_t i = 0; i < n; ++i) gather(q.get_subquery(i));
}

std::vector<Span> Highlights::in(std::string_view text) const {
    std::vector<Span> spans;
    std::vector<std::pair<std::string, std::size_t>> recent;  // the last words, for phrases: term, start
    for (std::size_t i = next_word(text, 0); i < text.size(); i = next_word(text, i)) {
        const std::size_t begin = i;
        std::string term = acronym_at(text, i);  // moves i past it
        if (term.empty()) {
            i = word_end(text, begin);
            if (i - begin > kLongestWord) continue;
            // A word no highlighted word starts like is not spelt out: it can only part a phrase.
            if (may_start(text[begin])) term = term_of(text.substr(begin, i - begin));
        }
        if (term.empty()) {
            // Not spelt out: neither a highlighted word nor a phrase's last.
        } else if (const auto start = phrase_ending_with(term, recent)) {
            while (!spans.empty() && spans.back().begin >= *start) spans.pop_back();
            // One overlapping the last ("bye bye" in "bye bye bye") makes it longer.
            if (!spans.empty() && spans.back().end > *start) spans.back().end = i;
            else spans.push_back({*start, i});
        } else if (words_.contains(term)) {
            spans.push_back({begin, i});
        }
        if (longest_phrase_ < 2) continue;
        if (recent.size() == longest_phrase_ - 1) recent.erase(recent.begin());
        recent.emplace_back(std::move(term), begin);
    }
    return spans;
}

std::optional<std::size_t> Highlights::phrase_ending_with(
    const std::string& term, const std::vector<std::pair<std::string, std::size_t>>& recent) const {
    for (const auto& phrase : phrases_) {
        if (phrase.back() != term || phrase.size() - 1 > recent.size()) continue;
        const auto first = recent.end() - static_cast<std::ptrdiff_t>(phrase.size() - 1);
        if (std::equal(phrase.begin(), phrase.end() - 1, first, [](const std::string& w, const auto& r) { return w == r.first; }))
            return first->second;
    }
    return std::nullopt;
}

}  // namespace privsearch::searcher

namespace privsearch::searcher {

Snippet lead_snippet(const std::string& text, std::size_t length) {
    return collapsed({}, shorten(trim(text), length), {}, {});
}

}  // namespace privsearch::searcher
