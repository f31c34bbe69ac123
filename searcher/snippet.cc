#include "snippet.h"

#include "schema.h"
#include "string_util.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <unordered_map>

namespace privsearch::searcher {
namespace {

// Control characters never occur in stored text's snippets, so they delimit
// highlights unambiguously, whatever the text holds.
constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

constexpr std::size_t kLongWord = 63;

bool ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
char ascii_lower(char c) { return ascii_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
// Bytes of words as Xapian's terms hold them: letters, digits, apostrophes, and any
// byte of a non-ASCII character.
constexpr auto kWordBytes = [] {
    std::array<bool, 256> is{};
    for (int c = 0; c < 256; ++c)
        is[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' || c >= 0x80;
    return is;
}();
bool word_byte(char c) { return kWordBytes[static_cast<unsigned char>(c)]; }

}  // namespace

Snippet parse_marked(const std::string& marked) {
    Snippet s;
    s.text.reserve(marked.size());
    std::size_t open = 0;
    for (char c : marked) {
        if (c == kOpen) {
            open = s.text.size();
        } else if (c == kClose) {
            // Xapian marks adjacent words of a phrase separately: join them.
            if (!s.highlights.empty() && s.text.find_first_not_of(' ', s.highlights.back().end) == open)
                s.highlights.back().end = s.text.size();
            else
                s.highlights.push_back({open, s.text.size()});
        } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            if (!s.text.empty() && s.text.back() != ' ') s.text += ' ';  // paragraphs run on in a snippet
        } else {
            s.text += c;
        }
    }
    return s;
}

Span passage_window(std::string_view text, const std::vector<std::string>& matched_terms, std::size_t width) {
    if (text.size() <= width) return {0, text.size()};
    std::unordered_map<std::string_view, std::size_t> wanted;  // word -> its index in matched_terms
    // Most words are passed over on their first byte or their length.
    std::bitset<256> first_bytes;
    std::bitset<kLongWord + 1> lengths;  // kLongWord: that long or longer
    for (std::size_t t = 0; t < matched_terms.size(); ++t) {
        const std::string_view term = matched_terms[t];
        // Field and stem terms start with a capital; a stem's forms are terms of their own.
        if (term.empty() || ascii_upper(term[0])) continue;
        wanted.emplace(term, t);
        first_bytes.set(static_cast<unsigned char>(term[0]));
        lengths.set(std::min(term.size(), kLongWord));
    }
    std::vector<std::pair<std::size_t, std::size_t>> hits;  // offset, term
    std::string word;
    for (std::size_t i = 0; i < text.size();) {
        if (!word_byte(text[i])) {
            ++i;
            continue;
        }
        const std::size_t begin = i;
        while (i < text.size() && word_byte(text[i])) ++i;
        if (!first_bytes.test(static_cast<unsigned char>(ascii_lower(text[begin])))) continue;
        // A trailing apostrophe is not part of the word ("users'"), so both lengths count.
        const std::size_t length = i - begin;
        if (!lengths.test(std::min(length, kLongWord)) && !(text[i - 1] == '\'' && lengths.test(std::min(length - 1, kLongWord))))
            continue;
        word.clear();
        for (std::size_t k = begin; k < i; ++k) word += ascii_lower(text[k]);
        while (!word.empty() && word.back() == '\'') word.pop_back();  // "users'": the term is users
        if (auto it = wanted.find(word); it != wanted.end()) hits.emplace_back(begin, it->second);
    }
    if (hits.empty()) return {0, text.size()};
    // The window start whose next `width` bytes hold the most distinct terms, then the most hits.
    std::size_t best = 0, best_score = 0;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        std::vector<bool> seen(matched_terms.size(), false);
        std::size_t distinct = 0, count = 0;
        for (std::size_t j = i; j < hits.size() && hits[j].first < hits[i].first + width; ++j, ++count)
            if (!seen[hits[j].second]) seen[hits[j].second] = true, ++distinct;
        if (std::size_t score = distinct * hits.size() + count; score > best_score) best_score = score, best = hits[i].first;
    }
    // Some context before the first match; whole words at both ends.
    std::size_t begin = best > width / 4 ? best - width / 4 : 0;
    std::size_t end = std::min(text.size(), begin + width);
    if (begin > 0) begin = std::min(text.find(' ', begin) + 1, best);
    if (end < text.size()) end = std::max(text.rfind(' ', end), best + 1);
    return {begin, end};
}

Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, const std::vector<std::string>& matched_terms,
                     std::size_t length) {
    constexpr std::size_t kWindowPerSnippet = 2;
    constexpr std::string_view kOmit = "…";
    const Span w = passage_window(text, matched_terms, length * kWindowPerSnippet);
    // No flags: the window is already where the terms cluster. The exhaustive search and
    // the background model (a term frequency look-up per word) were half of a batch
    // query's time and chose passages no better on the BBC corpus.
    const unsigned flags = 0;
    // No stemmer: the parser has already expanded each stemmed word into every form the
    // index holds (word_forms.h), so each word is looked up as written. Stemming every
    // word of the window was a third of a one-shot query's snippet cost.
    const Xapian::Stem no_stemming;
    std::string marked = mset.snippet(text.substr(w.begin, w.end - w.begin), length, no_stemming, flags,
                                      std::string(1, kOpen), std::string(1, kClose), std::string(kOmit));
    if (w.begin > 0 && !marked.starts_with(kOmit)) marked.insert(0, kOmit);
    if (w.end < text.size() && !marked.ends_with(kOmit)) marked += kOmit;
    return parse_marked(marked);
}

}  // namespace privsearch::searcher

namespace privsearch::searcher {

Snippet lead_snippet(const std::string& text, std::size_t length) {
    return parse_marked(shorten(trim(text), length));
}

}  // namespace privsearch::searcher
