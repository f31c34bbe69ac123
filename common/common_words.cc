#include "common_words.h"

#include "query_rewrite.h"
#include "schema.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace privsearch {
namespace {

// Articles, prepositions, conjunctions, "it", "this", "that", "which", and the forms of
// "be", "have" and "do": words whose place in a phrase another of them may take with
// little change of meaning. Not negations, pronouns for people or modal verbs ("not
// guilty", "she said", "would"), whose substitutes would change it. Sorted. Changing the list changes what the index holds:
// bump schema_version_value.
constexpr std::array<std::string_view, 41> kCommonWords = {
    "a", "also", "an", "and", "are", "as", "at", "be", "been", "being", "by", "did", "do", "does",
    "for", "from", "had", "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "so",
    "such", "than", "that", "the", "there", "these", "this", "those", "to", "was", "were", "which",
    "with"};
static_assert(std::is_sorted(kCommonWords.begin(), kCommonWords.end()));

bool common_leaf(const Xapian::Query& q) {
    return q.get_type() == Xapian::Query::LEAF_TERM && is_common_word(*q.get_terms_begin());
}

// The phrase with Y in its common words' places, kept to articles that hold those
// words somewhere: without that, a phrase of common words alone would match any run
// of as many common words.
std::optional<Xapian::Query> pooled_positional(const Xapian::Query& q) {
    std::vector<Xapian::Query> subs, common;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
        Xapian::Query sub = q.get_subquery(i);
        if (common_leaf(sub)) {
            const auto same = [&](const Xapian::Query& c) { return *c.get_terms_begin() == *sub.get_terms_begin(); };
            if (std::none_of(common.begin(), common.end(), same)) common.push_back(sub);
            sub = Xapian::Query(std::string(schema::common_words_term));
        }
        subs.push_back(std::move(sub));
    }
    if (common.empty()) return std::nullopt;
    const Xapian::Query phrase(q.get_type(), subs.begin(), subs.end(), window_of(q));
    return Xapian::Query(Xapian::Query::OP_FILTER, phrase, Xapian::Query(Xapian::Query::OP_AND, common.begin(), common.end()));
}

// A phrase with common words, ORed with its other words: "on social media" also
// highlights "social" and "media" in "of social media", which the pooled phrase matched.
// (Not with "social media" as a phrase: MSet::snippet follows one phrase a word.)
std::optional<Xapian::Query> spelt_out(const Xapian::Query& phrase) {
    std::vector<Xapian::Query> alternatives{phrase};
    bool pooled = false;
    for (std::size_t i = 0; i < phrase.get_num_subqueries(); ++i) {
        const Xapian::Query sub = phrase.get_subquery(i);
        if (common_leaf(sub)) pooled = true;
        else alternatives.push_back(sub);
    }
    if (!pooled) return std::nullopt;
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

}  // namespace

bool is_common_word(std::string_view term) {
    return std::binary_search(kCommonWords.begin(), kCommonWords.end(), term);
}

void pool_common_word_positions(Xapian::Document& doc) {
    struct Common {
        std::string word;
        Xapian::termcount wdf;
    };
    std::vector<Common> common;
    std::vector<Xapian::termpos> positions;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        if (!is_common_word(*t) || t.positionlist_count() == 0) continue;
        common.push_back({*t, t.get_wdf()});
        positions.insert(positions.end(), t.positionlist_begin(), t.positionlist_end());
    }
    if (common.empty()) return;
    const std::string pooled(schema::common_words_term);
    Xapian::termcount wdf = 0;
    for (const auto& c : common) {
        doc.remove_term(c.word);
        doc.add_term(c.word, 0);
        wdf += c.wdf;
    }
    std::sort(positions.begin(), positions.end());  // appended, not merged in, one by one
    for (Xapian::termpos p : positions) doc.add_posting(pooled, p, 0);
    doc.add_term(pooled, wdf);
}

std::optional<Xapian::Query> with_common_words_pooled(const Xapian::Query& q) {
    return rewrite_query(q, [](const Xapian::Query& sub) {
        return positional(sub) ? pooled_positional(sub) : std::nullopt;
    });
}

std::optional<Xapian::Query> for_highlighting(const Xapian::Query& written) {
    return rewrite_query(written, [](const Xapian::Query& sub) {
        return positional(sub) ? spelt_out(sub) : std::nullopt;
    });
}

}  // namespace privsearch
