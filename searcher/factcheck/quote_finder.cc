#include "quote_finder.h"

#include "index.h"
#include "quote_diff.h"
#include "speaker.h"

#include "common_words.h"

#include <algorithm>
#include <tuple>

namespace privsearch::searcher {
namespace {

constexpr Xapian::doccount kPhraseCandidates = 200;
constexpr Xapian::doccount kNearCandidates = 30;
constexpr double kMinSimilarity = 0.6;

using Article = std::shared_ptr<const StoredArticle>;

// What `keep` makes of each of the first `n` articles a query of the quotation's words
// finds, best first.
template <typename Keep>
auto for_candidates(Searcher& searcher, const SearchRequest& r, Xapian::doccount n, Keep keep) {
    return with_retry(searcher.db(), [&](Xapian::Database& db) {
        Xapian::Enquire enquire(db);
        enquire.set_query(searcher.queries().build(r));
        std::vector<QuoteMatch> found;
        Xapian::MSet mset = enquire.get_mset(0, n);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            keep(std::make_shared<const StoredArticle>(searcher.articles().read(it.get_document())), found);
        return found;
    });
}

// The sentence(s) holding a match: from the first's start to the last's end.
Span sentence_around(const std::vector<Span>& sentences, Span match) {
    Span s = match;
    for (const auto& sentence : sentences) {
        if (sentence.end <= match.begin || sentence.begin >= match.end) continue;
        s.begin = std::min(s.begin, sentence.begin);
        s.end = std::max(s.end, sentence.end);
    }
    return s;
}

// A match's sentence and speaker are found once the matches to show are chosen: a
// quotation of common words can occur in thousands of articles, and splitting each
// into sentences had been a third of the time.
QuoteMatch bare_match(const Article& a, Span match) {
    QuoteMatch m;
    m.article = a;
    m.match = match;
    return m;
}

void describe(std::vector<QuoteMatch>& matches) {
    const StoredArticle* split = nullptr;
    std::vector<Span> sentences;
    for (QuoteMatch& m : matches) {
        const std::string& text = m.article->article.text;
        if (split != m.article.get()) sentences = split_sentences(text), split = m.article.get();
        m.sentence = sentence_around(sentences, m.match);
        m.speaker = find_speaker(text, sentences, m.match);
    }
}

void add_exact_matches(const Article& a, std::string_view quote, std::vector<QuoteMatch>& found) {
    for (const Span& s : find_exact(quote, a->article.text)) found.push_back(bare_match(a, s));
}

void add_near_match(const Article& a, std::string_view quote, std::vector<QuoteMatch>& found) {
    auto near = best_near_match(quote, a->article.text, kMinSimilarity);
    if (!near) return;
    QuoteMatch m = bare_match(a, near->match);
    m.exact = false;
    m.similarity = near->similarity;
    m.differences = std::move(near->differences);
    found.push_back(std::move(m));
}

// Undated articles sort after dated ones.
std::tuple<bool, const std::string&, const std::string&, std::size_t> chronology(const QuoteMatch& m) {
    const Article& a = m.article;
    return {a->article.date.empty(), a->article.date, a->article.id, m.match.begin};
}

std::string words_query(const std::vector<MatchWord>& words, bool phrase) {
    std::string q;
    for (const auto& w : words) q += (q.empty() ? "" : " ") + w.folded;
    return phrase ? "\"" + q + "\"" : q;
}

}  // namespace

QuoteResult find_quote(Searcher& searcher, std::string_view quote, const Filters& filters, std::size_t limit) {
    const auto words = match_words(quote);
    QuoteResult result{std::string(quote), {}};
    if (words.empty()) return result;

    SearchRequest phrase;
    phrase.query = words_query(words, true);
    phrase.filters = filters;
    phrase.exact = true;
    // A phrase with common words matches loosely and weighs nothing for them
    // (common_words.h): the quotation may then be anywhere in its matches, all read.
    const bool loose = with_common_words_pooled(searcher.queries().written(phrase)).has_value();
    result.matches = for_candidates(searcher, phrase, loose ? searcher.db().get_doccount() : kPhraseCandidates,
                                    [&](const Article& a, std::vector<QuoteMatch>& found) { add_exact_matches(a, quote, found); });

    if (result.matches.empty()) {
        // Words the indexer splits differently ("U.S.") can defeat the phrase query,
        // so the word query's articles are searched for the exact words too.
        SearchRequest any;
        any.query = words_query(words, false);
        any.filters = filters;
        any.any = true;
        result.matches = for_candidates(searcher, any, kNearCandidates, [&](const Article& a, std::vector<QuoteMatch>& found) {
            const std::size_t before = found.size();
            add_exact_matches(a, quote, found);
            if (found.size() == before) add_near_match(a, quote, found);
        });
        // Near matches only when the quotation occurs nowhere exactly.
        if (std::any_of(result.matches.begin(), result.matches.end(), [](const QuoteMatch& m) { return m.exact; }))
            std::erase_if(result.matches, [](const QuoteMatch& m) { return !m.exact; });
    }

    std::stable_sort(result.matches.begin(), result.matches.end(), [](const QuoteMatch& a, const QuoteMatch& b) {
        if (a.similarity != b.similarity) return a.similarity > b.similarity;
        return chronology(a) < chronology(b);
    });
    if (result.matches.size() > limit) result.matches.resize(limit);
    std::sort(result.matches.begin(), result.matches.end(),
              [](const QuoteMatch& a, const QuoteMatch& b) { return chronology(a) < chronology(b); });
    describe(result.matches);
    return result;
}

}  // namespace privsearch::searcher
