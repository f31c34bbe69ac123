// searcher/index_gazetteer.h and Gazetteer::builtin_may_mention: the gazetteer loaded
// only when a query may name an entity.
#include "builtin_entities.h"
#include "file_io.h"
#include "index_gazetteer.h"
#include "query_builder.h"
#include "schema.h"
#include "scratch_index.h"
#include "sentences.h"
#include "text_normalize.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

using namespace privsearch;
using privsearch::searcher::IndexGazetteer;
using privsearch::searcher::QueryBuilder;
using privsearch::searcher::SearchRequest;

TEST_CASE("builtin_may_mention: a text in which no alias appears whole names no entity", "[entities][lazy]") {
    for (const char* text : {"Immigration and Customs Enforcement data", "ICE raids", "the FBI", "Facebook",
                             "posted on X", "European Commission fine", "a european commission", "fine: FBI"})
        CHECK(Gazetteer::builtin_may_mention(text));
    // Acronyms count in capitals only; a word that starts an alias is not the alias.
    for (const char* text : {"ice cream", "football scores", "blair up for", "sony OR shares", "", "european plays",
                             "Immigration and Customs", "commission european", "FB I"})
        CHECK_FALSE(Gazetteer::builtin_may_mention(text));
}

TEST_CASE("builtin_may_mention is false only where the matcher finds nothing", "[entities][lazy]") {
    // Every sentence of the shipped articles, and each of its words alone.
    std::size_t checked = 0, said_no = 0;
    for (const auto& entry : std::filesystem::directory_iterator(PRIVSEARCH_CORPUS)) {
        const std::string text = normalize_text(read_file(entry.path().string()).value_or(""));
        for (const auto& s : split_sentences(text)) {
            const std::string_view sentence = span_text(text, s);
            std::vector<std::string_view> pieces = {sentence};
            for (const auto& t : tokenize_for_entities(sentence)) pieces.push_back(t.text);
            for (auto piece : pieces) {
                ++checked;
                if (Gazetteer::builtin_may_mention(piece)) continue;
                ++said_no;
                INFO(piece);
                CHECK(test::matcher().find(piece).empty());
            }
        }
    }
    CHECK(checked > 1000);
    CHECK(said_no > checked / 2);  // most words start no alias
}

TEST_CASE("IndexGazetteer: loaded when first needed, with the index's own entities", "[entities][lazy]") {
    test::ScratchIndex index;
    index.db().commit();
    IndexGazetteer g(index.db());
    CHECK_FALSE(g.may_mention("football scores"));
    CHECK(g.may_mention("ICE raids"));
    CHECK(g.get().find(schema::Facet::Agency, "ice"));

    test::ScratchIndex with_entities;
    with_entities.db().set_metadata(schema::metadata::user_entities, "company\tAcme Surveillance\tAcme\n");
    with_entities.db().commit();
    IndexGazetteer own(with_entities.db());
    CHECK(own.may_mention("football scores"));  // its entities' words are not compiled in
    CHECK(own.get().find(schema::Facet::Company, "acme"));
}

TEST_CASE("QueryBuilder: the same queries whether the gazetteer is loaded or not", "[entities][lazy][query]") {
    test::ScratchIndex index;
    index.db().commit();
    const IndexGazetteer lazy(index.db());
    const QueryBuilder lazy_builder(index.db(), lazy);
    const QueryBuilder loaded_builder(index.db(), test::index_gazetteer());
    for (const char* q : {"football scores", "ICE raids", "Immigration and Customs Enforcement data",
                          "\"social media\" monitoring", "agency:fbi protest", "ice cream"}) {
        INFO(q);
        SearchRequest r;
        r.query = q;
        CHECK(lazy_builder.text(r).get_description() == loaded_builder.text(r).get_description());
    }
}
