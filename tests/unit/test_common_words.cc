// Common words: their positions pooled in the index, and phrases rewritten to match
// them (common/common_words.h).
#include "scratch_index.h"
#include "analysis.h"
#include "common_words.h"
#include "schema.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace privsearch;

namespace {

const std::string kPooled(schema::common_words_term);

Xapian::Document built(const std::string& text) {
    Xapian::TermGenerator tg = make_term_generator();
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(text);
    pool_common_word_positions(doc);
    return doc;
}

struct TermInfo {
    Xapian::termcount wdf = 0;
    std::vector<Xapian::termpos> positions;
    bool present = false;
};

TermInfo term_of(const Xapian::Document& doc, const std::string& term) {
    auto t = doc.termlist_begin();
    t.skip_to(term);
    if (t == doc.termlist_end() || *t != term) return {};
    return {t.get_wdf(), {t.positionlist_begin(), t.positionlist_end()}, true};
}

Xapian::Query parsed(const std::string& text) {
    Xapian::QueryParser qp = make_query_parser();
    qp.add_prefix("title", std::string(schema::prefix(schema::Field::Title)));
    return qp.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE);
}

std::string pooled_description(const std::string& text) {
    auto q = with_common_words_pooled(parsed(text));
    return q ? q->get_description() : "unchanged";
}

}  // namespace

TEST_CASE("common words: function words are, other words and prefixed terms are not", "[common]") {
    for (const char* w : {"the", "of", "a", "to", "and", "or", "which", "is", "was", "has", "did"}) CHECK(is_common_word(w));
    for (const char* w : {"said", "house", "fbi", "Sthe", "The", "", "theirs"}) CHECK_FALSE(is_common_word(w));
    // Their substitutes would change a phrase's meaning: negations, pronouns for people, modals.
    for (const char* w : {"not", "no", "he", "she", "they", "i", "we", "you", "will", "would", "should"})
        CHECK_FALSE(is_common_word(w));
}

TEST_CASE("common words: the indexer pools their positions and counts", "[common]") {
    // the=1 house=2 of=3 the=4 commons=5
    const auto doc = built("the house of the commons");
    CHECK(term_of(doc, "the").present);
    CHECK(term_of(doc, "the").wdf == 0);
    CHECK(term_of(doc, "the").positions.empty());
    CHECK(term_of(doc, "of").present);
    CHECK(term_of(doc, "of").positions.empty());
    CHECK(term_of(doc, "house").wdf == 1);
    CHECK(term_of(doc, "house").positions == std::vector<Xapian::termpos>{2});
    CHECK(term_of(doc, "commons").positions == std::vector<Xapian::termpos>{5});
    const TermInfo pooled = term_of(doc, kPooled);
    CHECK(pooled.positions == std::vector<Xapian::termpos>{1, 3, 4});
    CHECK(pooled.wdf == 3);
}

TEST_CASE("common words: pooling keeps a document's length, title weight included", "[common]") {
    Xapian::TermGenerator tg = make_term_generator();
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text("the title", 5);
    tg.index_text("of the body");
    const auto length = [](const Xapian::Document& d) {
        Xapian::termcount n = 0;
        for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) n += t.get_wdf();
        return n;
    };
    const Xapian::termcount before = length(doc);
    pool_common_word_positions(doc);
    CHECK(length(doc) == before);
    CHECK(term_of(doc, kPooled).wdf == 5 + 1 + 1);
}

TEST_CASE("common words: a text without any pools nothing", "[common]") {
    CHECK_FALSE(term_of(built("surveillance contractors"), kPooled).present);
}

TEST_CASE("common words: phrases and NEAR groups are rewritten, keeping their window", "[common]") {
    CHECK(pooled_description("\"house of commons\"") == "Query(((house@1 PHRASE 3 Y PHRASE 3 commons@3) FILTER of@2))");
    // QueryParser makes NEAR/5 of two words a window of 6.
    CHECK(parsed("house NEAR/5 the").get_description() == "Query((house@1 NEAR 6 the@2))");
    CHECK(pooled_description("house NEAR/5 the") == "Query(((house@1 NEAR 6 Y) FILTER the@2))");
    CHECK(parsed("house ADJ/4 of").get_description() == "Query((house@1 PHRASE 5 of@2))");
    CHECK(pooled_description("house ADJ/4 of") == "Query(((house@1 PHRASE 5 Y) FILTER of@2))");
    // A hyphenated word is a phrase too.
    CHECK(pooled_description("state-of-the-art") == "Query(((state@1 PHRASE 4 Y PHRASE 4 Y PHRASE 4 art@4) FILTER (of@2 AND the@3)))");
    // Under the operators that join phrases.
    CHECK(pooled_description("\"house of commons\" OR lords") ==
          "Query((((house@1 PHRASE 3 Y PHRASE 3 commons@3) FILTER of@2) OR Zlord@4))");
    CHECK(pooled_description("fbi -\"out of\"") == "Query((Zfbi@1 AND_NOT ((out@2 PHRASE 2 Y) FILTER of@3)))");
}

TEST_CASE("common words: words outside phrases and phrases without them are left alone", "[common]") {
    CHECK(pooled_description("the house") == "unchanged");
    CHECK(pooled_description("\"house commons\"") == "unchanged");
    CHECK(pooled_description("title:\"house of commons\"") == "unchanged");  // title words keep their positions
}

namespace {

std::vector<Xapian::docid> matches(const std::vector<std::string>& texts, const std::string& query) {
    test::ScratchIndex index;
    for (const auto& text : texts) index.db().add_document(built(text));
    index.db().commit();
    Xapian::Enquire enquire(index.db());
    enquire.set_query(*with_common_words_pooled(parsed(query)));
    std::vector<Xapian::docid> found;
    const auto mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) found.push_back(*it);
    std::sort(found.begin(), found.end());
    return found;
}

}  // namespace

TEST_CASE("common words: a phrase's common word matches any, in an article that holds it", "[common]") {
    const std::vector<std::string> texts = {"the house of commons voted", "house commons", "house in commons",
                                            "house in commons, of course", "house of lords and commons"};
    CHECK(matches(texts, "\"house of commons\"") == std::vector<Xapian::docid>{1, 4});
}

TEST_CASE("common words: a phrase of common words alone needs them all in the article", "[common]") {
    const std::vector<std::string> texts = {"as it was", "so it is", "it was as planned, it was", "as planned it was"};
    CHECK(matches(texts, "\"as it was\"") == std::vector<Xapian::docid>{1, 3});
}

TEST_CASE("common words: highlighting spells a loose phrase's other words out", "[common]") {
    const auto highlighting = [](const std::string& text) {
        auto q = for_highlighting(parsed(text));
        return q ? q->get_description() : "unchanged";
    };
    CHECK(highlighting("\"on social media\"") ==
          "Query(((on@1 PHRASE 3 social@2 PHRASE 3 media@3) OR social@2 OR media@3))");
    CHECK(highlighting("\"house of commons\"") == "Query(((house@1 PHRASE 3 of@2 PHRASE 3 commons@3) OR house@1 OR commons@3))");
    CHECK(highlighting("\"house commons\"") == "unchanged");
    CHECK(highlighting("the house") == "unchanged");
}

TEST_CASE("common words: a negated phrase leaves out what its pooled form matches", "[common]") {
    // README, "Common words in phrases": -"on social media" also leaves out "of social media".
    const std::vector<std::string> texts = {"facebook on social media", "facebook of social media and on",
                                            "facebook news"};
    CHECK(matches(texts, "Facebook -\"on social media\"") == std::vector<Xapian::docid>{3});
}

TEST_CASE("common words: a word repeated in a phrase is filtered on once", "[common]") {
    CHECK(pooled_description("\"the end of the day\"") ==
          "Query(((Y PHRASE 5 end@2 PHRASE 5 Y PHRASE 5 Y PHRASE 5 day@5) FILTER (the@1 AND of@3)))");
}
