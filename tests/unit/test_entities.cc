// common/gazetteer.h and common/entity_matcher.h with the built-in gazetteer.
#include "builtin_entities.h"
#include "entity_matcher.h"
#include "errors.h"
#include "gazetteer.h"
#include "text_normalize.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <tuple>
#include <utility>

using namespace privsearch;
using privsearch::test::builtin;
using privsearch::test::matcher;
using schema::Facet;

namespace {

// Canonical name -> mentions, for one facet.
std::map<std::string, unsigned> found(const EntityMatcher& m, const std::string& text, Facet facet) {
    std::map<std::string, unsigned> out;
    for (const auto& c : count_mentions(m.find(normalize_text(text)))) {
        const auto e = m.entity(c.entity);
        if (e.facet == facet) out[std::string(e.canonical)] = c.mentions;
    }
    return out;
}

}  // namespace

TEST_CASE("entities: names and aliases found, traps not", "[entities]") {
    struct Case {
        const char* text;
        Facet facet;
        const char* canonical;
        bool present;
    };
    const Case cases[] = {
        {"The Federal Bureau of Investigation asked for bids.", Facet::Agency, "FBI", true},
        {"The FBI asked for bids.", Facet::Agency, "FBI", true},
        {"The F.B.I. asked for bids.", Facet::Agency, "FBI", true},
        {"the federal bureau of investigation asked", Facet::Agency, "FBI", true},
        {"the fbi asked for bids", Facet::Agency, "FBI", false},
        {"Officials from Immigration and Customs Enforcement said", Facet::Agency, "ICE", true},
        {"ICE agents arrived.", Facet::Agency, "ICE", true},
        {"The roads were covered in ice.", Facet::Agency, "ICE", false},
        {"Ice storm closes schools", Facet::Agency, "ICE", false},
        {"Put ice on it. Ice is cold.", Facet::Agency, "ICE", false},
        {"Homeland Security officials declined to comment.", Facet::Agency, "DHS", true},
        {"Homeland Security officials declined to comment.", Facet::Agency, "HSI", false},
        {"Homeland Security Investigations agents sent subpoenas.", Facet::Agency, "HSI", true},
        {"Homeland Security Investigations agents sent subpoenas.", Facet::Agency, "DHS", false},
        {"the Department of Homeland Security", Facet::Agency, "DHS", true},
        {"U.S. Customs and Border Protection searched phones.", Facet::Agency, "CBP", true},
        {"Customs and Border Protection searched phones.", Facet::Agency, "CBP", true},
        {"The Department of Justice (DoJ) said", Facet::Agency, "DOJ", true},
        {"The European Commission said", Facet::Agency, "European Commission", true},
        {"users of Twitter complained", Facet::Platform, "X", true},
        {"X, formerly Twitter, changed its policy.", Facet::Platform, "X", true},
        {"He posted on X yesterday.", Facet::Platform, "X", true},
        {"X Corp said it would appeal.", Facet::Platform, "X", true},
        {"Malcolm X was watched by the FBI.", Facet::Platform, "X", false},
        {"The X-ray showed nothing.", Facet::Platform, "X", false},
        {"Generation X voters", Facet::Platform, "X", false},
        {"Gen X parents worry.", Facet::Platform, "X", false},
        {"Facebook and Instagram share data with WhatsApp.", Facet::Platform, "Facebook", true},
        {"Facebook and Instagram share data with WhatsApp.", Facet::Platform, "Instagram", true},
        {"Facebook and Instagram share data with WhatsApp.", Facet::Platform, "WhatsApp", true},
        {"the American Civil Liberties Union (ACLU) said", Facet::Organization, "ACLU", true},
        {"the Electronic Frontier Foundation said", Facet::Organization, "EFF", true},
        {"Dataminr sells alerts.", Facet::Company, "Dataminr", true},
        {"T-Mobile handed over IP records.", Facet::Company, "T-Mobile", true},
        {"no entity mentioned at all here", Facet::Agency, "FBI", false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text, c.canonical);
        auto f = found(matcher(), c.text, c.facet);
        CHECK((f.count(c.canonical) > 0) == c.present);
    }
}

// A matcher's table views its own strings: a copy, or a matcher moved from, would view
// freed ones.
static_assert(!std::is_copy_constructible_v<EntityMatcher> && !std::is_move_constructible_v<EntityMatcher>);

TEST_CASE("entities: the longest alias wins", "[entities]") {
    auto agencies = found(matcher(), "Homeland Security Investigations and Homeland Security", Facet::Agency);
    CHECK(agencies == std::map<std::string, unsigned>{{"DHS", 1}, {"HSI", 1}});
    auto cbp = found(matcher(), "U.S. Customs and Border Protection", Facet::Agency);
    CHECK(cbp == std::map<std::string, unsigned>{{"CBP", 1}});
}

TEST_CASE("entities: mentions are in text order with byte ranges", "[entities]") {
    const std::string text = "The FBI and ICE met Twitter.";
    auto mentions = matcher().find(text);
    REQUIRE(mentions.size() == 3);
    const char* expected[] = {"FBI", "ICE", "Twitter"};
    for (std::size_t i = 0; i < 3; ++i) {
        CAPTURE(i);
        CHECK(text.substr(mentions[i].begin, mentions[i].end - mentions[i].begin) == expected[i]);
    }
    CHECK(builtin().entities()[mentions[2].entity].canonical == "X");
}

TEST_CASE("entities: mention counts", "[entities]") {
    struct Case {
        const char* text;
        Facet facet;
        std::map<std::string, unsigned> counts;
    };
    const Case cases[] = {
        {"The FBI said. The Federal Bureau of Investigation repeated. FBI agents agreed.", Facet::Agency, {{"FBI", 3}}},
        {"X, formerly Twitter, said X would appeal.", Facet::Platform, {{"X", 3}}},
        {"Twitter users discussed Malcolm X.", Facet::Platform, {{"X", 1}}},
        {"ICE and DHS and ICE again", Facet::Agency, {{"DHS", 1}, {"ICE", 2}}},
        {"Nothing here.", Facet::Agency, {}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(found(matcher(), c.text, c.facet) == c.counts);
    }
    // count_mentions on its own: one entry per entity.
    std::vector<Mention> ms = {{3, 0, 1}, {1, 2, 3}, {3, 4, 5}, {3, 6, 7}};
    auto counts = count_mentions(ms);
    REQUIRE(counts.size() == 2);
    unsigned total = 0;
    for (const auto& c : counts) {
        if (c.entity == 3) CHECK(c.mentions == 3);
        else CHECK((c.entity == 1 && c.mentions == 1));
        total += c.mentions;
    }
    CHECK(total == 4);
    CHECK(count_mentions({}).empty());
}

TEST_CASE("gazetteer: find is case- and alias-insensitive, per facet", "[entities]") {
    struct Case {
        Facet facet;
        const char* name;
        const char* canonical;  // nullptr: not found
    };
    const Case cases[] = {
        {Facet::Platform, "twitter", "X"},
        {Facet::Platform, "TWITTER", "X"},
        {Facet::Platform, "x", "X"},
        {Facet::Platform, "X Corp", "X"},
        {Facet::Agency, "immigration and customs enforcement", "ICE"},
        {Facet::Agency, "ice", "ICE"},
        {Facet::Agency, "  FBI  ", "FBI"},
        {Facet::Agency, "Federal Bureau of Investigation", "FBI"},
        {Facet::Organization, "electronic frontier foundation", "EFF"},
        {Facet::Company, "palantir technologies", "Palantir"},
        {Facet::Platform, "FBI", nullptr},
        {Facet::Agency, "Facebook", nullptr},
        {Facet::Agency, "Federal Bureau", nullptr},
        {Facet::Agency, "", nullptr},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        auto e = builtin().find(c.facet, c.name);
        if (!c.canonical) {
            CHECK_FALSE(e.has_value());
            continue;
        }
        REQUIRE(e.has_value());
        CHECK(builtin().entities()[*e].canonical == c.canonical);
        CHECK(builtin().entities()[*e].facet == c.facet);
    }
}

TEST_CASE("gazetteer: closest suggests known names", "[entities]") {
    auto near = builtin().closest(Facet::Agency, "FBII", 3);
    REQUIRE_FALSE(near.empty());
    CHECK(near.front() == "FBI");
    CHECK(near.size() <= 3);
    auto platform = builtin().closest(Facet::Platform, "Facebok", 1);
    REQUIRE(platform.size() == 1);
    CHECK(platform.front() == "Facebook");
    // Only names of the facet asked for.
    for (const auto& n : builtin().closest(Facet::Platform, "FBI", 5)) CHECK(n != "FBI");
}

TEST_CASE("gazetteer: a bad TSV line throws UserError naming origin:line", "[entities]") {
    struct Case {
        const char* name;
        std::string tsv;
        const char* where;
    };
    const Case cases[] = {
        {"no tab", "# comment\n\nagency\tGood One\nthis line has no tab\n", "mine.tsv:4"},
        {"unknown facet", "planet\tMars\n", "mine.tsv:1"},
        {"not an entity facet", "agency\tA\nsource\tCNN\n", "mine.tsv:2"},
        {"empty canonical", "company\t  \n", "mine.tsv:1"},
        {"too many columns", "company\tA\tB\tC\tD\n", "mine.tsv:1"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        Gazetteer g;
        CHECK_THROWS_AS(g.load(c.tsv, "mine.tsv"), UserError);
        CHECK_THROWS_WITH(g.load(c.tsv, "mine.tsv"), Catch::Matchers::Contains(c.where));
    }
}

TEST_CASE("gazetteer: a user TSV adds entities", "[entities]") {
    Gazetteer g = Gazetteer::builtin();
    const auto before = g.entities().size();
    g.load("# my additions\r\ncompany\tAcme Surveillance\tAcme Corp|ACME\r\norganization\tPrivacy Watchers\n",
           "user.tsv");
    CHECK(g.entities().size() == before + 2);
    auto e = g.find(Facet::Company, "acme corp");
    REQUIRE(e.has_value());
    CHECK(g.entities()[*e].canonical == "Acme Surveillance");

    EntityMatcher m(g);
    CHECK(found(m, "Acme Corp sold data; ACME denied it. Acme is a word.", Facet::Company) ==
          std::map<std::string, unsigned>{{"Acme Surveillance", 2}});
    CHECK(found(m, "The Privacy Watchers group objected.", Facet::Organization) ==
          std::map<std::string, unsigned>{{"Privacy Watchers", 1}});
    // The built-in entries are still there.
    CHECK(found(m, "The FBI said.", Facet::Agency).count("FBI") == 1);
}

TEST_CASE("tokenize_for_entities: words and single punctuation", "[entities]") {
    const std::string text = "U.S. T-Mobile, caf\xC3\xA9!";
    auto tokens = tokenize_for_entities(text);
    std::vector<std::string> got;
    for (const auto& t : tokens) {
        got.emplace_back(t.text);
        CHECK(text.substr(t.begin, t.end - t.begin) == t.text);
    }
    CHECK(got == std::vector<std::string>{"U", ".", "S", ".", "T", "-", "Mobile", ",", "caf\xC3\xA9", "!"});
}

TEST_CASE("gazetteer: the compiled-in dump restores what loading entities.tsv gives", "[entities]") {
    std::ifstream in(std::string(PRIVSEARCH_SOURCE_DIR) + "/common/entities.tsv");
    REQUIRE(in);
    std::ostringstream tsv;
    tsv << in.rdbuf();
    Gazetteer loaded;
    loaded.load(tsv.str(), "entities.tsv");
    const Gazetteer& restored = builtin();
    CHECK(restored.dump() == loaded.dump());
    REQUIRE(restored.aliases().size() == loaded.aliases().size());
    for (std::size_t i = 0; i < loaded.aliases().size(); ++i) {
        CAPTURE(i);
        const Alias& a = loaded.aliases()[i];
        const Alias& b = restored.aliases()[i];
        CHECK(a.tokens == b.tokens);
        CHECK(std::tie(a.entity, a.case_sensitive, a.weak) == std::tie(b.entity, b.case_sensitive, b.weak));
    }
    // The look-ups built from the dump answer as the loaded ones do.
    for (const char* name : {"fbi", "Immigration and Customs Enforcement", "twitter", "X", "eff"}) {
        CAPTURE(name);
        for (auto facet : {Facet::Agency, Facet::Platform, Facet::Organization})
            CHECK(restored.find(facet, name) == loaded.find(facet, name));
    }
    CHECK(restored.closest(Facet::Agency, "fbj", 3) == loaded.closest(Facet::Agency, "fbj", 3));
}

TEST_CASE("gazetteer: restore refuses text it did not dump", "[entities]") {
    CHECK_THROWS_AS(Gazetteer::restore("agency\tFBI\n"), std::runtime_error);
    CHECK_THROWS_AS(Gazetteer::restore("A\t7\t\tafbi\tfbi\n"), std::runtime_error);  // no entity 7
    CHECK(Gazetteer::restore("").entities().empty());
}
