#include "evidence_finder.h"

#include "analysis.h"
#include "entity_matcher.h"
#include "index.h"
#include "quote_diff.h"
#include "text_normalize.h"
#include "word_forms.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace privsearch::searcher {
namespace {

constexpr Xapian::doccount kArticles = 30;
constexpr std::size_t kPerArticle = 3;
// A sentence's own coverage of the claim decides; its article's relevance breaks near-ties.
constexpr double kRelevanceBonus = 0.1;

bool is_stop_word(std::string_view folded) {
    static const std::unordered_set<std::string_view> kStop = {
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could",
        "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has",
        "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if",
        "in", "into", "is", "it", "it's", "its", "itself", "just", "me", "more", "most", "my", "myself", "no",
        "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out",
        "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs",
        "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under",
        "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves"};
    return kStop.contains(folded);
}

bool is_number(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == ',' || c == '.'; });
}

// What a word is compared by: its stem, or for a number its digits ("2,000" is "2000").
class WordKeys {
public:
    const std::string& operator()(const std::string& folded) {
        auto [it, added] = cache_.try_emplace(folded);
        if (!added) return it->second;
        if (is_number(folded)) std::remove_copy(folded.begin(), folded.end(), std::back_inserter(it->second), ',');
        else it->second = stem_(folded);
        return it->second;
    }

private:
    Xapian::Stem stem_ = stemmer();
    std::unordered_map<std::string, std::string> cache_;
};

struct ClaimTerm {
    std::string display;                // as written in the claim
    std::optional<std::size_t> entity;  // gazetteer index, matched by any alias
    std::string key;                    // WordKeys of a word
    std::string word;                   // the folded word, for the query
    double idf = 0;
};

class Claim {
public:
    Claim(std::string_view claim, const EntityMatcher& matcher, WordKeys& keys) {
        const std::string text = normalize_text(claim);
        std::vector<std::pair<std::size_t, ClaimTerm>> found;  // by position in the claim
        std::vector<Span> mentioned;
        std::set<std::size_t> entities;
        for (const auto& m : matcher.find(text)) {
            mentioned.push_back({m.begin, m.end});
            if (entities.insert(m.entity).second)
                found.push_back({m.begin, {text.substr(m.begin, m.end - m.begin), m.entity, "", "", 0}});
        }
        std::set<std::string> seen;
        for (const auto& w : match_words(text)) {
            const bool in_mention = std::any_of(mentioned.begin(), mentioned.end(), [&](const Span& s) {
                return w.span.begin >= s.begin && w.span.end <= s.end;
            });
            if (in_mention || is_stop_word(w.folded) || !seen.insert(keys(w.folded)).second) continue;
            found.push_back({w.span.begin, {text.substr(w.span.begin, w.span.end - w.span.begin), std::nullopt,
                                            keys(w.folded), w.folded, 0}});
        }
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& f : found) terms_.push_back(std::move(f.second));
        has_entities_ = !entities.empty();
    }

    std::vector<ClaimTerm>& terms() { return terms_; }
    const std::vector<ClaimTerm>& terms() const { return terms_; }
    bool has_entities() const { return has_entities_; }

    // Entities as written, so the query builder also finds their aliases' tags; other
    // words folded, so no claim word reads as a query operator.
    std::string query() const {
        std::string q;
        for (const auto& t : terms_) q += (q.empty() ? "" : " ") + (t.entity ? t.display : t.word);
        return q;
    }

private:
    std::vector<ClaimTerm> terms_;
    bool has_entities_ = false;
};

// log(N/tf), with tf at least 1 and N one more, so no term weighs nothing.
void weigh(Claim& claim, const Xapian::Database& db, const EntityMatcher& matcher) {
    const double n = static_cast<double>(db.get_doccount()) + 1.0;
    const Xapian::Stem stem = stemmer();
    for (auto& t : claim.terms()) {
        Xapian::doccount tf = 0;
        if (t.entity) {
            const auto e = matcher.entity(*t.entity);
            tf = db.get_termfreq(schema::boolean_term(*schema::facet(e.facet).field, e.canonical));
        } else {
            // Numbers are filed under no stem: the word itself counts instead.
            tf = std::max(stem_frequency(db, t.key, stem), db.get_termfreq(t.word));
        }
        t.idf = std::log(n / std::max<double>(tf, 1.0));
    }
}

struct Scored {
    Evidence evidence;
    std::size_t article_rank = 0;
};

class SentenceScorer {
public:
    SentenceScorer(const Claim& claim, const EntityMatcher& matcher, WordKeys& keys)
        : claim_(claim), matcher_(matcher), keys_(keys) {
        for (const auto& t : claim.terms()) total_idf_ += t.idf;
    }

    // The sentence's evidence, or nothing when it covers no claim term.
    std::optional<Evidence> score(std::string_view sentence) {
        std::unordered_set<std::string> words;
        for (const auto& w : match_words(sentence)) words.insert(keys_(w.folded));
        std::unordered_set<std::size_t> entities;
        if (claim_.has_entities())
            for (const auto& m : matcher_.find(normalize_text(sentence))) entities.insert(m.entity);
        Evidence e;
        double covered = 0;
        for (const auto& t : claim_.terms()) {
            const bool hit = t.entity ? entities.contains(*t.entity) : words.contains(t.key);
            (hit ? e.matched : e.missing).push_back(t.display);
            if (hit) covered += t.idf;
        }
        if (e.matched.empty()) return std::nullopt;
        e.score = total_idf_ > 0 ? covered / total_idf_ : 0;
        return e;
    }

private:
    const Claim& claim_;
    const EntityMatcher& matcher_;
    WordKeys& keys_;
    double total_idf_ = 0;
};

// The best sentences of one article, at most kPerArticle.
std::vector<Scored> best_sentences(SentenceScorer& scorer, const std::shared_ptr<const StoredArticle>& a,
                                   double relevance, std::size_t article_rank) {
    std::vector<Scored> found;
    const std::string& text = a->article.text;
    for (const Span& s : split_sentences(text)) {
        auto e = scorer.score(std::string_view(text).substr(s.begin, s.end - s.begin));
        if (!e) continue;
        e->article = a;
        e->sentence = s;
        e->score += kRelevanceBonus * relevance;
        found.push_back({std::move(*e), article_rank});
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const Scored& x, const Scored& y) { return x.evidence.score > y.evidence.score; });
    if (found.size() > kPerArticle) found.resize(kPerArticle);
    return found;
}

}  // namespace

VerifyResult find_evidence(Searcher& searcher, std::string_view claim, const Filters& filters, std::size_t limit) {
    VerifyResult result{std::string(claim), {}};
    const EntityMatcher& matcher = searcher.queries().matcher();
    WordKeys keys;
    Claim terms(claim, matcher, keys);
    if (terms.terms().empty()) return result;

    SearchRequest r;
    r.query = terms.query();
    r.filters = filters;
    r.any = true;
    std::vector<Scored> scored = with_retry(searcher.db(), [&](Xapian::Database& db) {
        weigh(terms, db, matcher);
        SentenceScorer scorer(terms, matcher, keys);
        Xapian::Enquire enquire(db);
        enquire.set_query(searcher.queries().build(r));
        Xapian::MSet mset = enquire.get_mset(0, kArticles);
        const double top = mset.empty() ? 1.0 : std::max(mset.begin().get_weight(), 1e-9);
        std::vector<Scored> all;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            auto a = std::make_shared<const StoredArticle>(searcher.articles().read(it.get_document()));
            auto best = best_sentences(scorer, a, it.get_weight() / top, it.get_rank());
            std::move(best.begin(), best.end(), std::back_inserter(all));
        }
        return all;
    });

    std::stable_sort(scored.begin(), scored.end(), [](const Scored& x, const Scored& y) {
        if (x.evidence.score != y.evidence.score) return x.evidence.score > y.evidence.score;
        if (x.article_rank != y.article_rank) return x.article_rank < y.article_rank;
        return x.evidence.sentence.begin < y.evidence.sentence.begin;
    });
    for (std::size_t i = 0; i < scored.size() && i < limit; ++i) {
        result.evidence.push_back(std::move(scored[i].evidence));
        result.evidence.back().rank = i + 1;
    }
    return result;
}

}  // namespace privsearch::searcher
