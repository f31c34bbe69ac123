#include "speaker.h"

#include "attribution.h"

#include <unicode/utf8.h>

#include <algorithm>

namespace privsearch::searcher {
namespace {

// A quotation's marks as byte offsets: [open, open_end) and [close, close_end). A
// quotation left open at the end of its paragraph (it continues in the next one)
// closes there.
struct Quotation {
    std::size_t open = 0, open_end = 0;
    std::size_t close = 0, close_end = 0;
};

Span paragraph_of(std::string_view text, std::size_t pos) {
    const std::size_t nl = pos == 0 ? std::string_view::npos : text.rfind('\n', pos - 1);
    const std::size_t begin = nl == std::string_view::npos ? 0 : nl + 1;
    return {begin, std::min(text.find('\n', pos), text.size())};
}

// The paragraph before one, skipping blank lines; empty at the start of the text.
Span previous_paragraph(std::string_view text, Span para) {
    std::size_t end = para.begin;
    while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r' || text[end - 1] == ' ')) --end;
    if (end == 0) return {0, 0};
    return paragraph_of(text, end - 1);
}

// Double quotation marks paired in order: curly ones by their direction, straight
// ones alternately. Single quotes are left alone: they double as apostrophes.
std::vector<Quotation> quotations(std::string_view text, Span para) {
    std::vector<Quotation> found;
    bool open = false;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto end = static_cast<int32_t>(para.end);
    for (auto i = static_cast<int32_t>(para.begin); i < end;) {
        const auto start = static_cast<std::size_t>(i);
        UChar32 c;
        U8_NEXT(bytes, i, end, c);
        const auto next = static_cast<std::size_t>(i);
        const bool opens = c == 0x201C || c == 0x00AB || (c == '"' && !open);
        const bool closes = c == 0x201D || c == 0x00BB || (c == '"' && open);
        if (opens) {
            found.push_back({start, next, para.end, para.end});
            open = true;
        } else if (closes && open) {
            found.back().close = start;
            found.back().close_end = next;
            open = false;
        }
    }
    return found;
}

std::size_t sentence_at(const std::vector<Span>& sentences, std::size_t pos) {
    auto it = std::upper_bound(sentences.begin(), sentences.end(), pos,
                               [](std::size_t p, const Span& s) { return p < s.end; });
    return static_cast<std::size_t>(std::min(it, sentences.end() - 1) - sentences.begin());
}

bool has_words(const std::vector<attribution::Token>& tokens) {
    return std::any_of(tokens.begin(), tokens.end(), [](const auto& t) { return t.word; });
}

// Which neighbouring quotations may lend their speaker: following ones, preceding ones,
// or both (only from the quotation asked about, so lookups never bounce back).
enum class Reach { Both, Forward, Backward };

class SpeakerFinder {
public:
    SpeakerFinder(std::string_view text, const std::vector<Span>& sentences) : text_(text), sentences_(sentences) {}

    std::optional<Speaker> find(Span quote) const {
        const Span para = paragraph_of(text_, quote.begin);
        const auto qs = quotations(text_, para);
        auto it = std::find_if(qs.begin(), qs.end(),
                               [&](const Quotation& q) { return q.open_end <= quote.begin && quote.end <= q.close; });
        if (it == qs.end()) return of(Quotation{quote.begin, quote.begin, quote.end, quote.end}, {}, Reach::Both, 0);
        return of(*it, std::vector<Quotation>(qs.begin(), it), Reach::Both, 0);
    }

private:
    // `earlier`: the quotations before q in its paragraph.
    std::optional<Speaker> of(const Quotation& q, const std::vector<Quotation>& earlier, Reach reach, int depth) const {
        if (sentences_.empty() || depth > 3) return std::nullopt;
        const std::size_t first = sentence_at(sentences_, q.open);
        const std::size_t last = sentence_at(sentences_, q.close_end > 0 ? q.close_end - 1 : 0);
        const auto after = attribution::tokenize(text_, {q.close_end, std::max(q.close_end, sentences_[last].end)});
        if (auto s = attribution::after_quote(text_, after, false)) return named(*s, q, earlier, depth);

        std::size_t clause = std::min(sentences_[first].begin, q.open);
        if (!earlier.empty() && earlier.back().close_end > clause) clause = earlier.back().close_end;
        const auto before = attribution::tokenize(text_, {clause, q.open});
        if (auto s = attribution::before_quote(text_, before)) return named(*s, q, earlier, depth);

        // A quotation standing as sentences of its own takes the speaker of the
        // sentence after it, or of the quotation it continues.
        if (has_words(after) || has_words(attribution::tokenize(text_, {sentences_[first].begin, q.open})))
            return std::nullopt;
        if (reach != Reach::Backward)
            if (auto s = from_next(q, last, depth)) return s;
        if (reach != Reach::Forward) return from_previous(q, earlier, depth);
        return std::nullopt;
    }

    // "he said": the speaker named before.
    std::optional<Speaker> named(const Speaker& s, const Quotation& q, const std::vector<Quotation>& earlier,
                                 int depth) const {
        if (!attribution::is_pronoun(s.name)) return s;
        const std::size_t first = sentence_at(sentences_, q.open);
        if (earlier.empty() && first > 0)
            if (auto subject = attribution::sentence_subject(text_, attribution::tokenize(text_, sentences_[first - 1])))
                return subject;
        return from_previous(q, earlier, depth);
    }

    std::optional<Speaker> from_next(const Quotation& q, std::size_t last, int depth) const {
        const Span para = paragraph_of(text_, q.open);
        if (last + 1 >= sentences_.size() || sentences_[last + 1].begin >= para.end) return std::nullopt;
        const Span next = sentences_[last + 1];
        const auto qs = quotations(text_, {q.close_end, para.end});
        if (!qs.empty() && attribution::tokenize(text_, {next.begin, qs.front().open}).empty())
            return of(qs.front(), {}, Reach::Forward, depth + 1);
        return attribution::after_quote(text_, attribution::tokenize(text_, next), true);
    }

    std::optional<Speaker> from_previous(const Quotation& q, const std::vector<Quotation>& earlier, int depth) const {
        if (!earlier.empty()) {
            std::vector<Quotation> before(earlier.begin(), earlier.end() - 1);
            return of(earlier.back(), before, Reach::Backward, depth + 1);
        }
        const Span para = previous_paragraph(text_, paragraph_of(text_, q.open));
        auto qs = quotations(text_, para);
        if (qs.empty()) return std::nullopt;
        const Quotation last = qs.back();
        qs.pop_back();
        return of(last, qs, Reach::Backward, depth + 1);
    }

    std::string_view text_;
    const std::vector<Span>& sentences_;
};

}  // namespace

std::optional<Speaker> find_speaker(std::string_view text, const std::vector<Span>& sentences, Span quote) {
    return SpeakerFinder(text, sentences).find(quote);
}

}  // namespace privsearch::searcher
