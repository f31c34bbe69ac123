// End-to-end tests of privsearch-index --entities: a user's gazetteer tags articles and
// the searcher, reading it back from the index, filters on it.
#include "harness.h"

#include <catch2/catch.hpp>

using namespace e2e;

TEST_CASE("entities option: a user's entity tags articles and is a filter", "[indexer][entities]") {
    TempDir dir;
    write_file(dir / "extra.tsv", "# my entities\ncompany\tAcme Surveillance\tAcme Corp|ASV\n");
    write_file(dir / "articles/acme.md",
               "---\nid: acme-1\ntitle: Police buy phone data\n---\nPolice bought location data from Acme Corp last year.\n");
    write_file(dir / "articles/other.md", "---\nid: other-1\ntitle: Weather\n---\nAn ice storm closed the roads.\n");
    RunResult idx = index(dir / "db", {"--entities", dir / "extra.tsv", dir / "articles"});
    INFO(idx.err);
    REQUIRE(idx.status == 0);

    RunResult r = search_cmd(dir / "db", {"search", "--json", "--company", "asv"});
    INFO(r.err);
    REQUIRE(r.status == 0);
    auto j = parse_json(r.out);
    REQUIRE(j["total"] == 1);
    CHECK(j["hits"][0]["id"] == "acme-1");
    CHECK(j["hits"][0]["entities"]["company"][0] == "Acme Surveillance");
    CHECK(j["filters"]["company"][0] == "Acme Surveillance");
    RunResult query = search_cmd(dir / "db", {"search", "--json", "company:\"Acme Surveillance\""});
    CHECK(query.status == 0);
}

TEST_CASE("entities option: a bad gazetteer line names file and line, exit 2", "[indexer][entities][errors]") {
    TempDir dir;
    write_file(dir / "bad.tsv", "company\tGood Co\n\nnosuchfacet\tThing\n");
    write_file(dir / "a.md", "Some text.\n");
    RunResult r = index(dir / "db", {"--entities", dir / "bad.tsv", dir / "a.md"});
    CHECK(r.status == 2);
    REQUIRE(r.err_lines().size() == 1);
    CHECK(r.err_lines()[0].find("bad.tsv:3") != std::string::npos);
    CHECK(r.err_lines()[0].find("nosuchfacet") != std::string::npos);
}
