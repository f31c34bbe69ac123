#include "quote_diff.h"

#include "text_normalize.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace privsearch::searcher {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_word_char(char32_t c) {
    if (c == U'\'') return true;
    const auto cp = static_cast<UChar32>(c);
    return u_isalnum(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0;
}

// "1,000" and "3.5" are one word: a quotation that drops the separator still differs.
bool joins_digits(std::string_view text, std::size_t pos) {
    return pos > 0 && pos + 1 < text.size() && (text[pos] == ',' || text[pos] == '.') &&
           is_digit(text[pos - 1]) && is_digit(text[pos + 1]);
}

// A word being read, folded as it goes. Apostrophes open and close single-quoted
// passages: only inner ones belong to the word, so those at its ends are left out. (A
// string per code point, joined and case-folded by ICU at the end, had made reading an
// article's words most of a quotation search's time.)
class WordReader {
public:
    void add(std::size_t begin, std::size_t end, std::string_view folded) {
        const bool apostrophe = folded == "'";
        if (apostrophe && word_.empty()) return;
        if (word_.empty()) begin_ = begin;
        word_ += folded;
        if (!apostrophe) kept_ = word_.size(), end_ = end;
    }
    void finish(std::vector<MatchWord>& out) {
        if (kept_ > 0) {
            word_.resize(kept_);
            out.push_back({fold_case(word_), {begin_, end_}});
        }
        word_.clear();
        kept_ = 0;
    }
    bool empty() const { return word_.empty(); }

private:
    std::string word_;
    std::size_t begin_ = 0, end_ = 0, kept_ = 0;
};

// Word-level edit-distance alignment of the quotation against any stretch of the text
// (free start and end in the text, Sellers' algorithm), so the cost is one DP table.
struct Alignment {
    std::size_t edits = 0;
    std::size_t first = 0;  // text word range
    std::size_t last = 0;   // one past
    std::vector<WordDiff> differences;
};

class Aligner {
public:
    Aligner(const std::vector<MatchWord>& q, const std::vector<MatchWord>& t) : q_(q), t_(t), cols_(t.size() + 1) {
        cost_.assign((q.size() + 1) * cols_, 0);
        for (std::size_t i = 1; i <= q.size(); ++i) {
            at(i, 0) = i;
            for (std::size_t j = 1; j <= t.size(); ++j)
                at(i, j) = std::min({at(i - 1, j - 1) + (same(i, j) ? 0 : 1), at(i - 1, j) + 1, at(i, j - 1) + 1});
        }
    }

    Alignment best(std::string_view quote, std::string_view text) const {
        const std::size_t n = q_.size();
        std::size_t end = 0;
        // On a tie, the later end: "any safer" against "more safe" reads as two changed
        // words, not as two added ones with the text's words left out of the passage.
        for (std::size_t j = 1; j <= t_.size(); ++j)
            if (at(n, j) <= at(n, end)) end = j;
        Alignment a{at(n, end), 0, end, {}};
        std::size_t i = n, j = end;
        while (i > 0) {
            if (j > 0 && at(i, j) == at(i - 1, j - 1) + (same(i, j) ? 0 : 1)) {
                if (!same(i, j)) add(a, WordDiff::Kind::Changed, word(quote, q_[i - 1]), word(text, t_[j - 1]));
                --i, --j;
            } else if (at(i, j) == at(i - 1, j) + 1) {
                add(a, WordDiff::Kind::Added, word(quote, q_[i - 1]), "");
                --i;
            } else {
                add(a, WordDiff::Kind::Dropped, "", word(text, t_[j - 1]));
                --j;
            }
        }
        a.first = j;
        std::reverse(a.differences.begin(), a.differences.end());
        return a;
    }

private:
    std::size_t& at(std::size_t i, std::size_t j) { return cost_[i * cols_ + j]; }
    std::size_t at(std::size_t i, std::size_t j) const { return cost_[i * cols_ + j]; }
    bool same(std::size_t i, std::size_t j) const { return q_[i - 1].folded == t_[j - 1].folded; }

    static std::string word(std::string_view s, const MatchWord& w) {
        return std::string(s.substr(w.span.begin, w.span.end - w.span.begin));
    }

    // Differences come in reverse during the traceback; a run of one kind reads as one
    // difference ("mass surveillance" -> "bulk collection").
    static void add(Alignment& a, WordDiff::Kind kind, const std::string& quoted, const std::string& archived) {
        if (!a.differences.empty() && a.differences.back().kind == kind) {
            WordDiff& d = a.differences.back();
            if (!quoted.empty()) d.quoted = quoted + " " + d.quoted;
            if (!archived.empty()) d.archived = archived + " " + d.archived;
            return;
        }
        a.differences.push_back({kind, quoted, archived});
    }

    const std::vector<MatchWord>& q_;
    const std::vector<MatchWord>& t_;
    std::size_t cols_;
    std::vector<std::size_t> cost_;
};

// ASCII, which is most of an article, without ICU: a letter, a digit, an apostrophe or
// the backtick that fold_typography makes one.
bool ascii_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '\'' || c == '`';
}

}  // namespace

std::vector<MatchWord> match_words(std::string_view text) {
    std::vector<MatchWord> words;
    words.reserve(text.size() / 6);  // English words average five letters and a space
    WordReader word;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto n = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < n;) {
        const auto start = static_cast<std::size_t>(i);
        if (bytes[i] < 0x80) {
            const char c = text[start];
            ++i;
            if (ascii_word_char(c) || (!word.empty() && joins_digits(text, start)))
                word.add(start, start + 1, c == '`' ? std::string_view("'") : text.substr(start, 1));
            else
                word.finish(words);
            continue;
        }
        UChar32 c;
        U8_NEXT(bytes, i, n, c);
        const auto end = static_cast<std::size_t>(i);
        const char32_t folded = c < 0 ? 0 : fold_typography(static_cast<char32_t>(c));
        if (c >= 0 && is_word_char(folded ? folded : static_cast<char32_t>(c))) {
            const char ascii = static_cast<char>(folded);
            word.add(start, end, folded ? std::string_view(&ascii, 1) : text.substr(start, end - start));
        } else {
            word.finish(words);
        }
    }
    word.finish(words);
    return words;
}

std::vector<Span> find_exact(std::string_view quote, std::string_view text) {
    const auto q = match_words(quote);
    const auto t = match_words(text);
    std::vector<Span> found;
    if (q.empty() || q.size() > t.size()) return found;
    auto same = [](const MatchWord& a, const MatchWord& b) { return a.folded == b.folded; };
    for (std::size_t i = 0; i + q.size() <= t.size();) {
        if (std::equal(q.begin(), q.end(), t.begin() + static_cast<std::ptrdiff_t>(i), same)) {
            found.push_back({t[i].span.begin, t[i + q.size() - 1].span.end});
            i += q.size();
        } else {
            ++i;
        }
    }
    return found;
}

std::optional<NearMatch> best_near_match(std::string_view quote, std::string_view text, double min_similarity) {
    const auto q = match_words(quote);
    const auto t = match_words(text);
    if (q.empty() || t.empty()) return std::nullopt;
    Alignment a = Aligner(q, t).best(quote, text);
    if (a.first == a.last) return std::nullopt;
    const std::size_t longer = std::max(q.size(), a.last - a.first);
    const double similarity = 1.0 - static_cast<double>(a.edits) / static_cast<double>(longer);
    if (similarity < min_similarity) return std::nullopt;
    return NearMatch{{t[a.first].span.begin, t[a.last - 1].span.end}, similarity, std::move(a.differences)};
}

}  // namespace privsearch::searcher
