#include "quote_finder.h"

#include "index.h"
#include "quote_diff.h"
#include "speaker.h"

#include "common_words.h"
#include "schema.h"

#include <algorithm>
#include <tuple>

namespace privsearch::searcher {
namespace {

constexpr Xapian::doccount kNearCandidates = 30;
// Common words weigh nothing (common_words.h): a word query of a quotation with them
// ranks by fewer words, so more of its articles are compared.
constexpr Xapian::doccount kNearCandidatesLoose = 90;
constexpr double kMinSimilarity = 0.6;

using Article = std::shared_ptr<const StoredArticle>;

Article read_article(Searcher& searcher, const Xapian::Document& doc) {
    return std::make_shared<const StoredArticle>(searcher.articles().read(doc));
}

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
            keep(read_article(searcher, it.get_document()), found);
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

QuoteMatch bare_match(const Article& a, Span match) {
    QuoteMatch m;
    m.article = a;
    m.match = match;
    return m;
}

// A match's sentence and speaker, found once the matches to show are chosen: a
// quotation of common words can occur in thousands of articles, and splitting each
// into sentences had been a third of the time. (An article's matches are adjacent.)
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

std::string words_query(const std::vector<MatchWord>& words, bool phrase) {
    std::string q;
    for (const auto& w : words) q += (q.empty() ? "" : " ") + w.folded;
    return phrase ? "\"" + q + "\"" : q;
}

// Undated articles sort after dated ones.
std::tuple<bool, const std::string&, const std::string&, std::size_t> chronology(const QuoteMatch& m) {
    const Article& a = m.article;
    return {a->article.date.empty(), a->article.date, a->article.id, m.match.begin};
}

bool older(const QuoteMatch& a, const QuoteMatch& b) { return chronology(a) < chronology(b); }

// Keeps the `limit` oldest of the matches (all exact): in batches, once they are twice
// as many and some, rather than at every match.
void keep_oldest(std::vector<QuoteMatch>& found, std::size_t limit) {
    constexpr std::size_t kSlack = 64;
    if (found.size() <= limit || found.size() - limit < limit + kSlack) return;
    std::nth_element(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(limit), found.end(), older);
    found.resize(limit);
}

// The oldest exact occurrences of the quotation, `limit` of them when there are that
// many, among the matches of its phrase query. Dated articles are read oldest first
// until `limit` occurrences are in hand and the date has moved past the last of them;
// undated ones, which come after, only when fewer were. (The top 200 by relevance, read
// before, need not hold the oldest; and a phrase with common words weighs nothing for
// them, common_words.h, so the quotation could rank anywhere: reading every match had
// taken "in the" on bbc10 1.9 s and 74 MB.)
std::vector<QuoteMatch> oldest_exact_matches(Searcher& searcher, const SearchRequest& r, std::string_view quote,
                                             std::size_t limit) {
    const unsigned slot = schema::slot(schema::Slot::Date);
    return with_retry(searcher.db(), [&](Xapian::Database& db) {
        const Xapian::Query query = searcher.queries().build(r);
        const Xapian::Query dated(Xapian::Query::OP_VALUE_GE, slot, "0");  // "YYYYMMDD"; undated have none
        Xapian::Enquire enquire(db);
        enquire.set_weighting_scheme(Xapian::BoolWeight());  // the order is the date's
        enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, dated));
        enquire.set_sort_by_value(slot, false);
        std::vector<QuoteMatch> found;
        std::optional<std::string> last_date;  // of the limit-th occurrence
        const Xapian::MSet by_date = enquire.get_mset(0, db.get_doccount());
        for (auto it = by_date.begin(); it != by_date.end(); ++it) {
            const Xapian::Document doc = it.get_document();
            const std::string date = doc.get_value(slot);
            if (last_date && date > *last_date) return found;
            add_exact_matches(read_article(searcher, doc), quote, found);
            keep_oldest(found, limit);  // many articles may share a date ("2005")
            if (!last_date && found.size() >= limit) last_date = date;
        }
        if (found.size() >= limit) return found;
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, query, dated));
        enquire.set_sort_by_relevance();
        const Xapian::MSet undated = enquire.get_mset(0, db.get_doccount());
        for (auto it = undated.begin(); it != undated.end(); ++it) {
            add_exact_matches(read_article(searcher, it.get_document()), quote, found);
            keep_oldest(found, limit);
        }
        return found;
    });
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
    result.matches = oldest_exact_matches(searcher, phrase, quote, limit);

    if (result.matches.empty()) {
        // Words the indexer splits differently ("U.S.") can defeat the phrase query,
        // so the word query's articles are searched for the exact words too.
        SearchRequest any;
        any.query = words_query(words, false);
        any.filters = filters;
        any.any = true;
        const bool loose = with_common_words_pooled(searcher.queries().written(phrase)).has_value();
        result.matches = for_candidates(searcher, any, loose ? kNearCandidatesLoose : kNearCandidates,
                                        [&](const Article& a, std::vector<QuoteMatch>& found) {
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
    std::sort(result.matches.begin(), result.matches.end(), older);
    describe(result.matches);
    return result;
}

}  // namespace privsearch::searcher
