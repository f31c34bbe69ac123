// Precision and recall of entity extraction over the annotated fixture set
// (tests/fixtures/entities, see its README.md), and the entities of the sample corpus.
#include "builtin_entities.h"
#include "document_builder.h"
#include "front_matter.h"
#include "gazetteer.h"
#include "schema.h"
#include "string_util.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace privsearch;
using privsearch::test::builtin;
using privsearch::test::matcher;
using schema::Facet;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

using FacetNames = std::map<Facet, std::set<std::string>>;

FacetNames found_entities(const Article& a) {
    static const EntityMatcher m(builtin());
    FacetNames out;
    for (const auto& e : analyse(a, m).stored.entities) out[e.facet].insert(e.name);
    return out;
}

Article parse_one(const fs::path& p) {
    auto parsed = parse_text_file(read_all(p), p.string());
    INFO(p.string());
    REQUIRE(parsed.articles.size() == 1);
    return parsed.articles.front();
}

const Facet kEntityFacets[] = {Facet::Agency, Facet::Platform, Facet::Organization, Facet::Company};

}  // namespace

TEST_CASE("entity extraction: precision and recall on the annotated fixtures", "[entities][recall]") {
    const fs::path dir = fs::path(PRIVSEARCH_FIXTURES) / "entities";
    REQUIRE(fs::is_regular_file(dir / "expected.tsv"));

    // id -> facet -> canonical names
    std::map<std::string, FacetNames> expected;
    const std::string tsv = read_all(dir / "expected.tsv");
    std::size_t lineno = 0;
    for (auto line : split(tsv, '\n')) {
        ++lineno;
        if (line.ends_with('\r')) line.remove_suffix(1);
        if (trim(line).empty()) continue;
        auto cols = split(line, '\t');
        INFO("expected.tsv:" << lineno << ": " << line);
        REQUIRE(cols.size() == 3);
        auto facet = schema::facet_named(trim(cols[1]));
        REQUIRE(facet.has_value());
        REQUIRE(schema::is_entity_facet(*facet));
        for (auto name : split(cols[2], '|')) {
            REQUIRE_FALSE(trim(name).empty());
            // Every annotated name is a canonical name of the gazetteer.
            auto e = builtin().find(*facet, trim(name));
            REQUIRE(e.has_value());
            REQUIRE(builtin().entities()[*e].canonical == std::string(trim(name)));
            expected[std::string(trim(cols[0]))][*facet].insert(std::string(trim(name)));
        }
    }

    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.path().extension() == ".md" && entry.path().filename() != "README.md") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    REQUIRE(files.size() >= 20);

    struct Tally {
        std::size_t tp = 0, fp = 0, fn = 0;
    };
    std::map<Facet, Tally> tally;
    std::set<std::string> ids;
    std::ostringstream errors;
    for (const auto& path : files) {
        Article a = parse_one(path);
        INFO(path.filename().string());
        CHECK(a.id == path.stem().string());
        ids.insert(a.id);
        FacetNames got = found_entities(a);
        const FacetNames& want = expected[a.id];
        for (Facet f : kEntityFacets) {
            const auto& g = got[f];
            auto w = want.count(f) ? want.at(f) : std::set<std::string>{};
            for (const auto& n : g) {
                if (w.count(n)) ++tally[f].tp;
                else {
                    ++tally[f].fp;
                    errors << "  false positive: " << a.id << " " << schema::facet(f).name << " " << n << "\n";
                }
            }
            for (const auto& n : w)
                if (!g.count(n)) {
                    ++tally[f].fn;
                    errors << "  missed:         " << a.id << " " << schema::facet(f).name << " " << n << "\n";
                }
        }
    }
    // Every annotated id has its fixture.
    for (const auto& [id, facets] : expected) {
        INFO("expected.tsv names " << id);
        CHECK(ids.count(id) == 1);
    }

    std::ostringstream report;
    report << std::fixed << std::setprecision(3) << "entity extraction over " << files.size() << " fixtures:\n";
    for (Facet f : kEntityFacets) {
        const Tally& t = tally[f];
        double p = t.tp + t.fp ? double(t.tp) / double(t.tp + t.fp) : 1.0;
        double r = t.tp + t.fn ? double(t.tp) / double(t.tp + t.fn) : 1.0;
        report << "  " << std::left << std::setw(13) << schema::facet(f).name << " precision " << p << "  recall " << r
               << "  (tp " << t.tp << ", fp " << t.fp << ", fn " << t.fn << ")\n";
    }
    std::cout << report.str() << errors.str() << std::flush;

    for (Facet f : kEntityFacets) {
        const Tally& t = tally[f];
        double p = t.tp + t.fp ? double(t.tp) / double(t.tp + t.fp) : 1.0;
        double r = t.tp + t.fn ? double(t.tp) / double(t.tp + t.fn) : 1.0;
        INFO(schema::facet(f).name << ": tp " << t.tp << ", fp " << t.fp << ", fn " << t.fn << "\n" << errors.str());
        CHECK(p >= 0.95);
        CHECK(r >= 0.9);
    }
    // The set must exercise every facet.
    for (Facet f : kEntityFacets) CHECK(tally[f].tp > 0);
}

TEST_CASE("entity extraction: the sample corpus", "[entities][recall]") {
    struct Case {
        const char* file;
        FacetNames wanted;
    };
    const Case cases[] = {
        {"cnn-2019-08-08-fbi-social-media-contractors.md",
         {{Facet::Agency, {"FBI", "FTC"}}, {Facet::Platform, {"Facebook", "X", "Instagram"}}}},
        {"privsec-2019-fbi-social-media-monitoring.md",
         {{Facet::Agency, {"FBI", "FTC", "DOJ"}}, {Facet::Platform, {"Facebook", "X", "Instagram"}}}},
        {"ice-facebook-data-immigrants.md",
         {{Facet::Agency, {"ICE", "DHS"}},
          {Facet::Platform, {"Facebook"}},
          {Facet::Company, {"Palantir", "T-Mobile", "Western Union"}}}},
        {"independent-2017-07-27-facebook-whatsapp-instagram-data.md",
         {{Facet::Agency, {"European Commission"}},
          {Facet::Platform, {"Facebook", "Instagram", "WhatsApp"}},
          {Facet::Organization, {"Open Rights Group"}}}},
        {"x-dataminr-real-time-data-police.md",
         {{Facet::Agency, {"Secret Service"}},
          {Facet::Platform, {"X"}},
          {Facet::Company, {"Dataminr"}},
          {Facet::Organization, {"ACLU", "EFF"}}}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.file);
        Article a = parse_one(fs::path(PRIVSEARCH_CORPUS) / c.file);
        FacetNames got = found_entities(a);
        for (const auto& [facet, names] : c.wanted)
            for (const auto& n : names) {
                INFO(schema::facet(facet).name << " " << n);
                CHECK(got[facet].count(n) == 1);
            }
    }
}
