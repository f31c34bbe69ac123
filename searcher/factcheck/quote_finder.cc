#include "quote_finder.h"

#include "index.h"
#include "quote_diff.h"
#include "speaker.h"

#include <algorithm>
#include <tuple>

namespace privsearch::searcher {
namespace {

constexpr Xapian::doccount kPhraseCandidates = 200;
constexpr Xapian::doccount kNearCandidates = 30;
constexpr double kMinSimilarity = 0.6;

using Article = std::shared_ptr<const StoredArticle>;

// The articles a query of the quotation's words finds, best first.
std::vector<Article> candidates(Searcher& searcher, const SearchRequest& r, Xapian::doccount n) {
    return with_retry(searcher.db(), [&](Xapian::Database& db) {
        Xapian::Enquire enquire(db);
        enquire.set_query(searcher.queries().build(r));
        std::vector<Article> found;
        Xapian::MSet mset = enquire.get_mset(0, n);
        for (auto it = mset.begin(); it != mset.end(); ++it)
            found.push_back(std::make_shared<const StoredArticle>(searcher.articles().read(it.get_document())));
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

QuoteMatch make_match(const Article& a, const std::vector<Span>& sentences, Span match) {
    QuoteMatch m;
    m.article = a;
    m.match = match;
    m.sentence = sentence_around(sentences, match);
    m.speaker = find_speaker(a->article.text, sentences, match);
    return m;
}

std::vector<QuoteMatch> exact_matches(const std::vector<Article>& articles, std::string_view quote) {
    std::vector<QuoteMatch> found;
    for (const auto& a : articles) {
        const auto spans = find_exact(quote, a->article.text);
        if (spans.empty()) continue;
        const auto sentences = split_sentences(a->article.text);
        for (const Span& s : spans) found.push_back(make_match(a, sentences, s));
    }
    return found;
}

std::vector<QuoteMatch> near_matches(const std::vector<Article>& articles, std::string_view quote) {
    std::vector<QuoteMatch> found;
    for (const auto& a : articles) {
        auto near = best_near_match(quote, a->article.text, kMinSimilarity);
        if (!near) continue;
        QuoteMatch m = make_match(a, split_sentences(a->article.text), near->match);
        m.exact = false;
        m.similarity = near->similarity;
        m.differences = std::move(near->differences);
        found.push_back(std::move(m));
    }
    return found;
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
    result.matches = exact_matches(candidates(searcher, phrase, kPhraseCandidates), quote);

    if (result.matches.empty()) {
        // Words the indexer splits differently ("U.S.") can defeat the phrase query,
        // so the word query's articles are searched for the exact words too.
        SearchRequest any;
        any.query = words_query(words, false);
        any.filters = filters;
        any.any = true;
        const auto articles = candidates(searcher, any, kNearCandidates);
        result.matches = exact_matches(articles, quote);
        if (result.matches.empty()) result.matches = near_matches(articles, quote);
    }

    std::stable_sort(result.matches.begin(), result.matches.end(), [](const QuoteMatch& a, const QuoteMatch& b) {
        if (a.similarity != b.similarity) return a.similarity > b.similarity;
        return chronology(a) < chronology(b);
    });
    if (result.matches.size() > limit) result.matches.resize(limit);
    std::sort(result.matches.begin(), result.matches.end(),
              [](const QuoteMatch& a, const QuoteMatch& b) { return chronology(a) < chronology(b); });
    return result;
}

}  // namespace privsearch::searcher
