// searcher/query_builder.h on an in-memory database.
#include "builtin_entities.h"
#include "scratch_index.h"
#include "analysis.h"
#include "document_builder.h"
#include "errors.h"
#include "query_builder.h"
#include "word_batch.h"
#include "word_forms.h"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

using namespace privsearch;
using privsearch::test::builtin;
using privsearch::test::matcher;
using namespace privsearch::searcher;
using schema::Facet;
using Catch::Matchers::Contains;

CATCH_TRANSLATE_EXCEPTION(const Xapian::Error& e) { return e.get_description(); }

namespace {

// A document and its word forms, as the indexer adds them.
void add(Xapian::WritableDatabase& d, const Xapian::Document& doc) {
    static WordLister lister;
    d.add_document(doc);
    indexer::file_words(d, {{}, lister.words_of(doc).new_forms});
}

// Two articles indexed as the indexer would.
void add_articles(Xapian::WritableDatabase& d) {
    EntityMatcher m(builtin());
    Xapian::TermGenerator tg = make_term_generator();
    tg.set_database(d);
    tg.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    Article a;
    a.id = "fbi-monitoring";
    a.title = "FBI wants social media monitoring";
    a.source = "CNN";
    a.date = "2019-08-08";
    a.text = "The Federal Bureau of Investigation wants surveillance of social media platforms such as Facebook.";
    add(d, build_document(analyse(a, m), tg));
    Article b;
    b.id = "ice-facebook";
    b.title = "ICE used Facebook data";
    b.source = "The Intercept";
    b.date = "2018";
    b.text = "Immigration and Customs Enforcement tracked immigrants with surveillance data from Facebook.";
    add(d, build_document(analyse(b, m), tg));
    d.commit();
}

Xapian::WritableDatabase& database() {
    static privsearch::test::ScratchIndex index;
    static const bool filled = (add_articles(index.db()), true);
    (void)filled;
    return index.db();
}

const QueryBuilder& builder() {
    static const QueryBuilder qb(database(), test::index_gazetteer());
    return qb;
}

SearchRequest req(std::string q) {
    SearchRequest r;
    r.query = std::move(q);
    return r;
}

std::string text_description(const SearchRequest& r) { return builder().text(r).get_description(); }

std::vector<std::string> matching_ids(const Xapian::Query& q) {
    Xapian::Enquire e(database());
    e.set_query(q);
    std::vector<std::string> ids;
    Xapian::MSet mset = e.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it)
        ids.push_back(decode_stored(it.get_document().get_value(schema::slot(schema::Slot::Record))).article.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

}  // namespace

TEST_CASE("query: words are ANDed and stemmed by default", "[query]") {
    auto d = text_description(req("monitoring surveillance"));
    CHECK_THAT(d, Contains("AND"));
    CHECK_THAT(d, !Contains(" OR "));
    // A stem stands for the forms the index holds of it, and the word it spells.
    CHECK_THAT(d, Contains("Zmonitor@1 SYNONYM monitor@1 SYNONYM monitoring@1"));
    CHECK_THAT(d, Contains("Zsurveil@2 SYNONYM surveil@2 SYNONYM surveillance@2"));
    CHECK(matching_ids(builder().text(req("monitored"))) == std::vector<std::string>{"fbi-monitoring"});
}

TEST_CASE("query: --any ORs the words", "[query]") {
    auto r = req("monitoring surveillance");
    r.any = true;
    auto d = text_description(r);
    CHECK_THAT(d, Contains(" OR "));
    CHECK_THAT(d, !Contains(" AND "));
}

TEST_CASE("query: --exact does not stem", "[query]") {
    auto r = req("monitoring surveillance");
    r.exact = true;
    auto d = text_description(r);
    CHECK_THAT(d, !Contains("Z"));
    CHECK_THAT(d, Contains("monitoring"));
    CHECK_THAT(d, Contains("surveillance"));
}

TEST_CASE("query: phrases, fields, operators", "[query]") {
    struct Case {
        const char* query;
        std::vector<const char*> contains;
        std::vector<const char*> lacks;
    };
    const Case cases[] = {
        {"\"social media\"", {"PHRASE", "social", "media"}, {"Zsocial"}},
        {"\xE2\x80\x9Csocial media\xE2\x80\x9D", {"PHRASE", "social", "media"}, {}},
        {"title:facebook", {"Sfacebook"}, {}},
        {"title:monitored", {"ZSmonitor@1 SYNONYM Smonitor@1 SYNONYM Smonitoring@1"}, {}},
        {"agency:ice", {"XAGENCYice"}, {}},
        {"agency:\"Immigration and Customs Enforcement\"", {"XAGENCYice"}, {}},
        {"platform:twitter", {"XPLATFORMx"}, {}},
        {"source:CNN", {"XSOURCEcnn"}, {}},
        {"facebook NOT immigrants", {"AND_NOT"}, {}},
        {"facebook -immigrants", {"AND_NOT"}, {}},
        {"date:2019..2020", {"VALUE_RANGE 0 20190101 20201231"}, {}},
        {"date:2019-08..", {"VALUE_GE 0 20190801"}, {}},
        {"date:..2019-08", {"VALUE_LE 0 20190831"}, {}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.query);
        auto d = text_description(req(c.query));
        CAPTURE(d);
        for (const char* s : c.contains) CHECK_THAT(d, Contains(s));
        for (const char* s : c.lacks) CHECK_THAT(d, !Contains(s));
    }
}

TEST_CASE("query: an empty query matches everything", "[query]") {
    CHECK(builder().text(req("")).get_description() == Xapian::Query(Xapian::Query::MatchAll).get_description());
    CHECK(builder().build(req("  ")).get_description() == Xapian::Query(Xapian::Query::MatchAll).get_description());
}

TEST_CASE("query: filters are ORed within a facet and ANDed across", "[query]") {
    Filters f;
    f.entities[Facet::Agency] = {"FBI", "ICE"};
    f.entities[Facet::Platform] = {"Facebook"};
    f.sources = {"CNN"};
    f.since = "20190101";
    f.until = "20191231";
    auto d = builder().filters(f).get_description();
    CAPTURE(d);
    CHECK_THAT(d, Contains("(XAGENCYfbi OR XAGENCYice)"));
    CHECK_THAT(d, Contains("XPLATFORMfacebook"));
    CHECK_THAT(d, Contains("XSOURCEcnn"));
    CHECK_THAT(d, Contains("VALUE_GE 0 20190101"));
    CHECK_THAT(d, Contains("VALUE_LE 0 20191231"));
    CHECK_THAT(d, Contains(" AND "));
    CHECK_THAT(d, !Contains("XAGENCYfbi AND"));

    SECTION("leaving one facet out") {
        auto without = builder().filters(f, Facet::Agency).get_description();
        CAPTURE(without);
        CHECK_THAT(without, !Contains("XAGENCY"));
        CHECK_THAT(without, Contains("XPLATFORMfacebook"));
        CHECK_THAT(without, Contains("VALUE_GE 0 20190101"));
        auto no_source = builder().filters(f, Facet::Source).get_description();
        CHECK_THAT(no_source, !Contains("XSOURCE"));
        CHECK_THAT(no_source, Contains("XAGENCYfbi"));
    }
    SECTION("no filters match everything") {
        CHECK(builder().filters(Filters{}).get_description() ==
              Xapian::Query(Xapian::Query::MatchAll).get_description());
        Filters only_agency;
        only_agency.entities[Facet::Agency] = {"FBI"};
        CHECK(builder().filters(only_agency, Facet::Agency).get_description() ==
              Xapian::Query(Xapian::Query::MatchAll).get_description());
    }
    SECTION("build combines text and filters") {
        SearchRequest r = req("surveillance");
        r.filters = f;
        auto b = builder().build(r).get_description();
        CHECK_THAT(b, Contains("FILTER"));
        CHECK_THAT(b, Contains("Zsurveil"));
        CHECK_THAT(b, Contains("XAGENCYice"));
    }
}

TEST_CASE("query: filters select the right documents", "[query]") {
    struct Case {
        const char* name;
        Filters filters;
        std::vector<std::string> ids;
    };
    Filters fbi;
    fbi.entities[Facet::Agency] = {"FBI"};
    Filters fbi_or_ice;
    fbi_or_ice.entities[Facet::Agency] = {"FBI", "ICE"};
    Filters ice_and_cnn = fbi_or_ice;
    ice_and_cnn.entities[Facet::Agency] = {"ICE"};
    ice_and_cnn.sources = {"cnn"};
    Filters since2019;
    since2019.since = "20190101";
    Filters until2018;
    until2018.until = "20181231";
    const Case cases[] = {
        {"fbi", fbi, {"fbi-monitoring"}},
        {"fbi or ice", fbi_or_ice, {"fbi-monitoring", "ice-facebook"}},
        {"ice and cnn", ice_and_cnn, {}},
        {"since 2019", since2019, {"fbi-monitoring"}},
        {"until 2018", until2018, {"ice-facebook"}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(matching_ids(builder().filters(c.filters)) == c.ids);
    }
    // Wildcards expand from the database.
    CHECK(matching_ids(builder().build(req("surveil*"))) == std::vector<std::string>{"fbi-monitoring", "ice-facebook"});
    CHECK(matching_ids(builder().build(req("immigr*"))) == std::vector<std::string>{"ice-facebook"});
    // An entity name in the text also finds articles tagged with it.
    CHECK(matching_ids(builder().build(req("FBI"))) == std::vector<std::string>{"fbi-monitoring"});
}

TEST_CASE("query: expand_entities", "[query]") {
    struct Case {
        const char* in;
        const char* out;
    };
    const Case cases[] = {
        {"Immigration and Customs Enforcement", "(\"Immigration and Customs Enforcement\" OR agency:\"ICE\")"},
        {"Immigration and Customs Enforcement raids",
         "(\"Immigration and Customs Enforcement\" OR agency:\"ICE\") raids"},
        {"FBI surveillance", "(FBI OR agency:\"FBI\") surveillance"},
        {"twitter data", "(twitter OR platform:\"X\") data"},
        {"\"Immigration and Customs Enforcement\"", "\"Immigration and Customs Enforcement\""},
        {"\"the FBI said\" today", "\"the FBI said\" today"},
        {"title:Facebook", "title:Facebook"},
        {"agency:FBI", "agency:FBI"},
        {"-Facebook +FBI", "-Facebook +FBI"},
        {"no entities here", "no entities here"},
        {"", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.in);
        CHECK(builder().expand_entities(c.in) == c.out);
    }
}

TEST_CASE("query: resolve_entity", "[query]") {
    struct Case {
        Facet facet;
        const char* value;
        const char* canonical;
    };
    const Case cases[] = {
        {Facet::Agency, "FBI", "FBI"},
        {Facet::Agency, "fbi", "FBI"},
        {Facet::Agency, "immigration and customs enforcement", "ICE"},
        {Facet::Agency, " Federal Bureau of Investigation ", "FBI"},
        {Facet::Platform, "Twitter", "X"},
        {Facet::Organization, "electronic frontier foundation", "EFF"},
        {Facet::Company, "palantir", "Palantir"},
    };
    // Loaded, and from the compiled-in names of an index without entities of its own.
    test::ScratchIndex index;
    index.db().commit();
    const IndexGazetteer lazy(index.db());
    for (const IndexGazetteer* g : {&test::index_gazetteer(), &lazy}) {
        for (const auto& c : cases) {
            CAPTURE(c.value);
            CHECK(resolve_entity(*g, c.facet, c.value) == c.canonical);
        }
        CHECK_THROWS_AS(resolve_entity(*g, Facet::Agency, "FBII"), UserError);
        CHECK_THROWS_WITH(resolve_entity(*g, Facet::Agency, "FBII"), Contains("FBI") && Contains("FBII"));
        CHECK_THROWS_AS(resolve_entity(*g, Facet::Platform, "FBI"), UserError);
        CHECK_THROWS_AS(resolve_entity(*g, Facet::Agency, ""), UserError);
    }
}

TEST_CASE("query: date_bound", "[query]") {
    struct Case {
        const char* text;
        const char* lower;
        const char* upper;
    };
    const Case cases[] = {
        {"2019", "20190101", "20191231"},
        {"2019-08", "20190801", "20190831"},
        {"2019-08-08", "20190808", "20190808"},
        {"2019-02", "20190201", "20190231"},  // an upper bound for comparison, not a calendar date
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(date_bound(c.text, false) == c.lower);
        auto upper = date_bound(c.text, true);
        CHECK(upper >= c.lower);
        if (std::string(c.text) != "2019-02") CHECK(upper == c.upper);
        else CHECK(upper >= "20190228");
    }
    // Dates as articles print them ("August 8, 2019") are the indexer's (dates.h).
    for (const char* bad : {"", "soon", "2019-13", "20190808x", "August 8, 2019"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(date_bound(bad, false), UserError);
        CHECK_THROWS_AS(date_bound(bad, true), UserError);
    }
}

TEST_CASE("query: bad queries are UserErrors", "[query]") {
    const char* cases[] = {
        "\"unbalanced quote",
        "(fbi OR ice",
        "fbi OR ice)",
        "fbi AND",
        "date:2020..2019",
        "date:2019-13..2020",
        "agency:nosuchagency",
        "platform:FBI",
    };
    for (const char* q : cases) {
        CAPTURE(q);
        CHECK_THROWS_AS(builder().text(req(q)), UserError);
        CHECK_THROWS_AS(builder().build(req(q)), UserError);
    }
    // Quoted parentheses are not unbalanced.
    CHECK_NOTHROW(builder().text(req("\"fbi (contractors\"")));
}

TEST_CASE("query: spelling suggestions from the index", "[query]") {
    const QueryBuilder& qb = builder();
    auto s = qb.spelling_suggestion(req("survellance"));
    REQUIRE(s.has_value());
    CHECK(*s == "surveillance");
    auto two = qb.spelling_suggestion(req("facebok survellance"));
    REQUIRE(two.has_value());
    CHECK(*two == "facebook surveillance");
    CHECK_FALSE(qb.spelling_suggestion(req("surveillance")).has_value());
    CHECK_FALSE(qb.spelling_suggestion(req("")).has_value());
}
