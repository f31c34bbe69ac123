// Stems in the synonym table: what the indexer files (indexer/word_batch.h) and how
// the searcher reads a stem the table has no entry for (common/word_forms.h).
#include "scratch_index.h"
#include "analysis.h"
#include "word_batch.h"
#include "word_forms.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace privsearch;
using privsearch::indexer::file_words;
using privsearch::indexer::forms_to_file;

namespace {

const Xapian::Stem stem = stemmer();

std::vector<std::string> synonyms(const Xapian::Database& db, const std::string& key) {
    return {db.synonyms_begin(key), db.synonyms_end(key)};
}

void add_words(Xapian::WritableDatabase& db, const std::vector<std::string>& words) {
    Xapian::Document doc;
    for (const auto& w : words) doc.add_term(w);
    db.add_document(doc);
    WordLister lister;
    file_words(db, {{}, lister.words_of(doc).new_forms});
    db.commit();
}

std::string query_text(const Xapian::Query& q) { return q.get_description(); }

}  // namespace

TEST_CASE("forms: the word a stem spells, when that word is its own stem", "[forms]") {
    CHECK(own_stem_word("Zblair", stem) == "blair");
    CHECK(own_stem_word("ZSblair", stem) == "Sblair");
    CHECK(own_stem_word("Zelect", stem) == "elect");
    // "accidental" stems to "accident", but "accident" to "accid".
    CHECK(stem("accidental") == "accident");
    CHECK_FALSE(own_stem_word("Zaccident", stem));
    CHECK_FALSE(own_stem_word("blair", stem));
}

TEST_CASE("forms: a word that is its own stem and has no other form gets no entry", "[forms]") {
    test::ScratchIndex index;
    const auto filed = forms_to_file({{"Zblair", "blair"}, {"Zelect", "election"}, {"Zelect", "elect"}}, index.db(), stem);
    CHECK(filed == std::vector<WordForm>{{"Zelect", "elect"}, {"Zelect", "election"}});
}

TEST_CASE("forms: a title word is filed under its own key by the same rule", "[forms]") {
    test::ScratchIndex index;
    const auto filed = forms_to_file({{"ZSblair", "Sblair"}, {"ZSelect", "Selections"}}, index.db(), stem);
    CHECK(filed == std::vector<WordForm>{{"ZSelect", "Select"}, {"ZSelect", "Selections"}});
}

TEST_CASE("forms: a new entry lists the word its stem spells, indexed or not", "[forms]") {
    test::ScratchIndex index;
    // The word may come later in a run that has listed it already, so it is not left to
    // whether an article holds it now.
    CHECK(forms_to_file({{"Zblair", "blairs"}}, index.db(), stem) ==
          std::vector<WordForm>{{"Zblair", "blair"}, {"Zblair", "blairs"}});
    // Not a word that stems elsewhere: "accident" is no form of "Zaccident".
    CHECK(forms_to_file({{"Zaccident", "accidental"}}, index.db(), stem) ==
          std::vector<WordForm>{{"Zaccident", "accidental"}});
}

TEST_CASE("forms: a later form's entry lists the word that came earlier without one", "[forms]") {
    test::ScratchIndex index;
    auto& db = index.db();
    add_words(db, {"blair"});
    CHECK(synonyms(db, "Zblair").empty());
    add_words(db, {"blairs"});
    CHECK(synonyms(db, "Zblair") == std::vector<std::string>{"blair", "blairs"});
    // With the entry there, the word itself is filed again like any other form.
    CHECK(forms_to_file({{"Zblair", "blair"}}, db, stem) == std::vector<WordForm>{{"Zblair", "blair"}});
}

TEST_CASE("forms: a stem without an entry is read as the word it spells", "[forms]") {
    using Q = Xapian::Query;
    CHECK(query_text(own_stems_as_words(Q("Zblair"), stem)) == query_text(Q("blair")));
    CHECK(query_text(own_stems_as_words(Q("ZSblair"), stem)) == query_text(Q("Sblair")));
    const Q mixed(Q::OP_AND_NOT, Q(Q::OP_OR, Q("Zblair"), Q("XSOURCEbbc")), Q("Ziraq"));
    CHECK(query_text(own_stems_as_words(mixed, stem)) ==
          query_text(Q(Q::OP_AND_NOT, Q(Q::OP_OR, Q("blair"), Q("XSOURCEbbc")), Q("iraq"))));
    for (const auto op : {Q::OP_AND_MAYBE, Q::OP_XOR, Q::OP_FILTER}) {
        INFO(op);
        CHECK(query_text(own_stems_as_words(Q(op, Q("Zblair"), Q("Ziraq")), stem)) ==
              query_text(Q(op, Q("blair"), Q("iraq"))));
    }
    // A stem with an entry is a synonym of its forms: left as the parser made it.
    const Q forms(Q::OP_SYNONYM, Q("Zelect"), Q("election"));
    CHECK(query_text(own_stems_as_words(Q(Q::OP_AND, Q("Zblair"), forms), stem)) ==
          query_text(Q(Q::OP_AND, Q("blair"), forms)));
    const Q phrase(Q::OP_PHRASE, Q("blair"), Q("election"));
    CHECK(query_text(own_stems_as_words(phrase, stem)) == query_text(phrase));
    // A stem that is no word's own matches nothing, as it did with every stem filed.
    CHECK(query_text(own_stems_as_words(Q("Zaccident"), stem)) == query_text(Q("Zaccident")));
}

TEST_CASE("forms: stem_frequency counts the forms an entry lists, or the word without one", "[forms]") {
    test::ScratchIndex index;
    auto& db = index.db();
    add_words(db, {"blair"});
    add_words(db, {"blair", "election", "accident"});
    add_words(db, {"elections"});
    add_words(db, {"elections"});
    CHECK(stem_frequency(db, "elect", stem) == 2);
    // No entry: its only form is the word itself ("blair's" and "blairs" count it).
    CHECK(stem_frequency(db, "blair", stem) == 2);
    // No word stems to "accident": "accident" itself stems to "accid".
    CHECK(stem_frequency(db, "accident", stem) == 0);
    CHECK(stem_frequency(db, "accid", stem) == 1);
}
