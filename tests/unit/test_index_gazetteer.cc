// searcher/index_gazetteer.h, Gazetteer::builtin_canonical and EntityMatcher::builtin:
// an index without entities of its own is searched without loading the gazetteer.
#include "builtin_entities.h"
#include "entity_matcher.h"
#include "file_io.h"
#include "index_gazetteer.h"
#include "query_builder.h"
#include "schema.h"
#include "scratch_index.h"
#include "sentences.h"
#include "text_normalize.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <vector>

using namespace privsearch;
using privsearch::searcher::IndexGazetteer;
using privsearch::searcher::QueryBuilder;
using privsearch::searcher::SearchRequest;

TEST_CASE("builtin_canonical: every built-in name and alias, in any case, as the loaded gazetteer finds it", "[entities][lazy]") {
    const Gazetteer& g = test::builtin();
    std::size_t checked = 0;
    for (const auto& [key, canonical] : g.names()) {
        const auto facet = schema::facet_with_code(key[0]);
        REQUIRE(facet);
        std::string upper = key.substr(1);
        std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
        for (const std::string& written : {key.substr(1), upper}) {
            INFO(written);
            const auto found = g.find(*facet, written);
            REQUIRE(found);
            CHECK(g.entities()[*found].canonical == canonical);
            CHECK(Gazetteer::builtin_canonical(*facet, written) == canonical);
            ++checked;
        }
    }
    CHECK(checked > 500);
    CHECK(Gazetteer::builtin_canonical(schema::Facet::Platform, "Twitter") == "X");
    CHECK(Gazetteer::builtin_canonical(schema::Facet::Agency, "  federal BUREAU of investigation ") == "FBI");
    CHECK_FALSE(Gazetteer::builtin_canonical(schema::Facet::Platform, "FBI"));  // another facet's
    CHECK_FALSE(Gazetteer::builtin_canonical(schema::Facet::Agency, "FBII"));
    CHECK_FALSE(Gazetteer::builtin_canonical(schema::Facet::Agency, ""));
}

TEST_CASE("IndexGazetteer: a filter's name is resolved without loading the gazetteer, unless the index has entities of its own",
          "[entities][lazy]") {
    test::ScratchIndex index;
    index.db().commit();
    IndexGazetteer g(index.db());
    CHECK(g.canonical(schema::Facet::Agency, "Immigration and Customs Enforcement") == "ICE");
    CHECK_FALSE(g.canonical(schema::Facet::Agency, "Acme"));
    CHECK_FALSE(g.loaded());

    test::ScratchIndex with_entities;
    with_entities.db().set_metadata(schema::metadata::user_entities, "company\tAcme Surveillance\tAcme\n");
    with_entities.db().commit();
    IndexGazetteer own(with_entities.db());
    CHECK(own.canonical(schema::Facet::Company, "acme") == "Acme Surveillance");
    CHECK(own.canonical(schema::Facet::Agency, "ice") == "ICE");
}

TEST_CASE("EntityMatcher::builtin finds what a matcher over the restored gazetteer finds", "[entities][lazy]") {
    const EntityMatcher& compiled = EntityMatcher::builtin();
    const EntityMatcher& built = test::matcher();
    REQUIRE(compiled.entity_count() == test::builtin().entities().size());
    for (std::size_t i = 0; i < compiled.entity_count(); ++i) {
        CHECK(compiled.entity(i).facet == test::builtin().entities()[i].facet);
        CHECK(compiled.entity(i).canonical == test::builtin().entities()[i].canonical);
    }
    REQUIRE(compiled.entries().size() == built.entries().size());
    std::size_t sentences = 0, mentions = 0;
    for (const auto& entry : std::filesystem::directory_iterator(PRIVSEARCH_CORPUS)) {
        const std::string text = normalize_text(read_file(entry.path().string()).value_or(""));
        for (const auto& s : split_sentences(text)) {
            const std::string_view sentence = span_text(text, s);
            INFO(sentence);
            const auto want = built.find(sentence);
            const auto got = compiled.find(sentence);
            REQUIRE(got.size() == want.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                CHECK(got[i].entity == want[i].entity);
                CHECK(got[i].begin == want[i].begin);
                CHECK(got[i].end == want[i].end);
            }
            ++sentences;
            mentions += got.size();
        }
    }
    CHECK(sentences > 100);
    CHECK(mentions > 50);
}

TEST_CASE("IndexGazetteer: an index without entities of its own is matched without loading the gazetteer",
          "[entities][lazy]") {
    test::ScratchIndex index;
    index.db().commit();
    IndexGazetteer g(index.db());
    CHECK(&g.matcher() == &EntityMatcher::builtin());
    CHECK(g.matcher().find("ICE and Facebook").size() == 2);
    CHECK_FALSE(g.loaded());
    // Loaded for another need (an unknown name's closest ones), it leaves the compiled matcher be.
    CHECK_FALSE(g.get().closest(schema::Facet::Agency, "FBII", 1).empty());
    CHECK(&g.matcher() == &EntityMatcher::builtin());

    test::ScratchIndex with_entities;
    with_entities.db().set_metadata(schema::metadata::user_entities, "company\tAcme Surveillance\tAcme\n");
    with_entities.db().commit();
    IndexGazetteer own(with_entities.db());
    const auto found = own.matcher().find("Acme and Facebook");
    REQUIRE(found.size() == 2);
    CHECK(own.matcher().entity(found[0].entity).canonical == "Acme Surveillance");
}

TEST_CASE("IndexGazetteer: loaded when first needed, with the index's own entities", "[entities][lazy]") {
    test::ScratchIndex index;
    index.db().commit();
    IndexGazetteer g(index.db());
    CHECK_FALSE(g.loaded());
    CHECK(g.get().find(schema::Facet::Agency, "ice"));
    CHECK(g.loaded());

    test::ScratchIndex with_entities;
    with_entities.db().set_metadata(schema::metadata::user_entities, "company\tAcme Surveillance\tAcme\n");
    with_entities.db().commit();
    IndexGazetteer own(with_entities.db());
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
    CHECK_FALSE(lazy.loaded());  // entities named, filtered on and expanded, all without it
}
