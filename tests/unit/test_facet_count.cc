// searcher/facet_spy.h, common/facet_table.h and searcher/match_count.h: counting facets from
// each match's value, or from the table read once or saved by the indexer, gives the same counts.
#include "facet_spy.h"
#include "facet_table.h"
#include "match_count.h"
#include "scratch_index.h"
#include "schema.h"
#include "file_io.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace privsearch;
using namespace privsearch::searcher;
using schema::Facet;

namespace {

std::string entries(std::initializer_list<std::pair<Facet, const char*>> list) {
    std::string v;
    for (const auto& [facet, value] : list) v += schema::encode_facet_entry(facet, value);
    return v;
}

// Five documents: one with no facet value, and a deleted one, so document ids have gaps.
void fill(Xapian::WritableDatabase& db) {
    const unsigned slot = schema::slot(schema::Slot::Facets);
    const std::vector<std::string> values = {
        entries({{Facet::Agency, "FBI"}, {Facet::Platform, "Facebook"}, {Facet::Year, "2019"}}),
        entries({{Facet::Agency, "ICE"}, {Facet::Platform, "Facebook"}, {Facet::Year, "2018"}}),
        "",
        entries({{Facet::Agency, "FBI"}, {Facet::Year, "2019"}}),
        entries({{Facet::Platform, "X"}, {Facet::Year, "2024"}}),
    };
    for (const auto& v : values) {
        Xapian::Document doc;
        doc.add_term("word");
        if (!v.empty()) doc.add_value(slot, v);
        db.add_document(doc);
    }
    db.delete_document(2);
    db.commit();
}

// Six documents of words a, b, c (a filter term on those with one word), facet values
// on most, the fourth deleted.
void fill_words(Xapian::WritableDatabase& db) {
    const unsigned slot = schema::slot(schema::Slot::Facets);
    const std::vector<std::pair<std::vector<const char*>, std::string>> docs = {
        {{"a"}, entries({{Facet::Agency, "FBI"}, {Facet::Year, "2019"}})},
        {{"a", "b"}, entries({{Facet::Agency, "ICE"}, {Facet::Year, "2018"}})},
        {{"b"}, ""},
        {{"b", "c"}, entries({{Facet::Agency, "FBI"}})},
        {{"c"}, entries({{Facet::Platform, "X"}})},
        {{"a", "c"}, entries({{Facet::Year, "2019"}})},
    };
    for (const auto& [terms, value] : docs) {
        Xapian::Document doc;
        for (const char* t : terms) doc.add_term(t);
        if (terms.size() == 1) doc.add_boolean_term("XONE");  // a filter term: wdf 0
        if (!value.empty()) doc.add_value(slot, value);
        db.add_document(doc);
    }
    db.delete_document(4);
    db.commit();
}

// The matches and facets of a query as Xapian's own matcher, ranking by BM25, finds them.
Counted matched_by_xapian(const Xapian::Database& db, const Xapian::Query& q, const std::vector<Facet>& wanted) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    FacetSpy spy(wanted);
    enquire.add_matchspy(&spy);
    const Xapian::doccount matches = enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
    return {spy.counts(), matches};
}

// count_matches, from the values and from the table, and whether it expects many
// matches (the posting lists read) or none (Xapian's matcher), counts each query as
// Xapian's own matcher does.
void check_counts_as_xapian(Xapian::Database& db, const std::vector<Xapian::Query>& queries) {
    const FacetTable table(db);
    const std::vector<Facet> wanted = {Facet::Agency, Facet::Platform, Facet::Year};
    for (const auto& q : queries) {
        INFO(q.get_description());
        const Counted reference = matched_by_xapian(db, q, wanted);
        for (const FacetTable* t : {static_cast<const FacetTable*>(nullptr), &table}) {
            for (const Xapian::doccount expected : {1000u, 0u}) {
                const Counted counted = count_matches(db, q, wanted, t, expected);
                CHECK(counted.matches == reference.matches);
                CHECK(counted.facets == reference.facets);
            }
        }
    }
}

}  // namespace

TEST_CASE("FacetTable: each document's entries, by id, gaps and all", "[facets]") {
    privsearch::test::ScratchIndex index;
    auto& db = index.db();
    fill(db);
    FacetTable table(db);
    auto names = [&](Xapian::docid did) {
        std::vector<std::string> out;
        for (auto id : table.entries(did)) out.emplace_back(table.entry(id));
        return out;
    };
    CHECK(names(1) == std::vector<std::string>{"aFBI", "pFacebook", "y2019"});
    CHECK(names(2).empty());  // deleted
    CHECK(names(3).empty());  // no facet value
    CHECK(names(4) == std::vector<std::string>{"aFBI", "y2019"});
    CHECK(names(5) == std::vector<std::string>{"pX", "y2024"});
    CHECK(table.entries(99).empty());
    CHECK(table.entry_count() == 5);  // aFBI pFacebook y2019 pX y2024: none of the deleted one
}

TEST_CASE("count_matches: the same counts from the values and from the table", "[facets]") {
    privsearch::test::ScratchIndex index;
    auto& db = index.db();
    fill(db);
    FacetTable table(db);
    const std::vector<Facet> wanted = {Facet::Agency, Facet::Platform, Facet::Year};
    const Counted direct = count_matches(db, Xapian::Query("word"), wanted);
    const Counted tabled = count_matches(db, Xapian::Query("word"), wanted, &table);
    CHECK(direct.matches == 4);
    CHECK(tabled.matches == 4);
    CHECK(direct.facets == tabled.facets);
    REQUIRE(direct.facets.at(Facet::Agency).size() == 1);
    CHECK(direct.facets.at(Facet::Agency)[0].value == "FBI");
    CHECK(direct.facets.at(Facet::Agency)[0].count == 2);
    // Only the wanted facets, from the table too.
    const Counted years = count_matches(db, Xapian::Query("word"), {Facet::Year}, &table);
    CHECK(years.facets.size() == 1);
    CHECK(years.facets.at(Facet::Year).size() == 2);
}

TEST_CASE("count_matches: words ORed are counted from their posting lists as the matcher counts them", "[facets]") {
    privsearch::test::ScratchIndex index;
    auto& db = index.db();
    fill_words(db);
    using Q = Xapian::Query;
    const std::vector<Q> queries = {Q("a"), Q(Q::OP_OR, Q("a"), Q("b")), Q(Q::OP_OR, Q("c"), Q("nosuch")), Q("nosuch"),
                                    Q("XONE"), Q(Q::OP_OR, Q("XONE"), Q("b")),
                                    Q(Q::OP_SYNONYM, Q(Q::OP_OR, Q("a"), Q("b")), Q("c"))};
    for (const auto& q : queries) REQUIRE(disjunction_terms(q));
    check_counts_as_xapian(db, queries);
    CHECK(count_matches(db, Q(Q::OP_OR, Q("a"), Q("b")), {}).matches == 4);  // 1, 2, 3, 6: 4 is deleted
    CHECK_FALSE(disjunction_terms(Q(Q::OP_FILTER, Q("a"), Q::MatchAll)));  // a filter is not a disjunction
    CHECK_FALSE(disjunction_terms(Q(Q::OP_AND, Q("a"), Q("b"))));
    CHECK_FALSE(disjunction_terms(Q(Q::OP_PHRASE, Q("a"), Q("b"))));
    CHECK_FALSE(disjunction_terms(Q::MatchAll));
}

TEST_CASE("FacetSpy: a table taken up part-way through a pass counts as values or a table do", "[facets]") {
    privsearch::test::ScratchIndex index;
    auto& db = index.db();
    fill(db);
    const FacetTable table(db);
    const std::vector<Facet> wanted = {Facet::Agency, Facet::Platform, Facet::Year};
    const Counted reference = matched_by_xapian(db, Xapian::Query("word"), wanted);
    REQUIRE(reference.matches == 4);
    // Asked at 1, 2 and 4 matches seen: a table given at 2 counts the first match from its value.
    for (const Xapian::doccount given_at : {1u, 2u, 4u, 8u}) {
        INFO("table given at " << given_at);
        std::vector<Xapian::doccount> asked;
        FacetSpy spy(wanted, [&](Xapian::doccount seen) {
            asked.push_back(seen);
            return seen >= given_at ? &table : nullptr;
        });
        Xapian::Enquire enquire(db);
        enquire.set_query(Xapian::Query("word"));
        enquire.add_matchspy(&spy);
        enquire.get_mset(0, 1, db.get_doccount());
        const FacetCounts counts = spy.counts();
        CHECK(counts == reference.facets);
        CHECK(spy.counts() == counts);  // asking again changes nothing
        CHECK(asked.back() == std::min<Xapian::doccount>(given_at, 4));  // not asked once given one
    }
}

TEST_CASE("FacetSpy: many distinct facet values count as few", "[facets]") {
    // Past a few thousand distinct values the spy splits them into entries as it goes.
    FacetSpy spy({Facet::Agency, Facet::Year});
    constexpr int kValues = 10000;
    for (int i = 0; i < kValues; ++i)
        spy.add_value(entries({{Facet::Agency, i % 2 ? "FBI" : "ICE"}, {Facet::Year, "2019"}}) +
                      schema::encode_facet_entry(Facet::Platform, "p" + std::to_string(i)));
    const FacetCounts counts = spy.counts();
    CHECK(spy.counts() == counts);  // asking again changes nothing
    REQUIRE(counts.at(Facet::Year).size() == 1);
    CHECK(counts.at(Facet::Year)[0].count == kValues);
    REQUIRE(counts.at(Facet::Agency).size() == 2);
    CHECK(counts.at(Facet::Agency)[0].count == kValues / 2);
    CHECK(counts.at(Facet::Agency)[1].count == kValues / 2);
    CHECK_FALSE(counts.contains(Facet::Platform));  // not wanted
}

TEST_CASE("count_matches: words joined by AND, NOT and the rest are counted from their posting lists as the matcher counts them", "[facets]") {
    privsearch::test::ScratchIndex index;
    auto& db = index.db();
    fill_words(db);
    using Q = Xapian::Query;
    const auto n_ary = [](Q::op op, std::vector<Q> subs) { return Q(op, subs.begin(), subs.end()); };
    const Q ab(Q::OP_OR, Q("a"), Q("b"));
    const std::vector<Q> queries = {
        Q(Q::OP_AND, Q("a"), Q("b")),
        Q(Q::OP_AND, ab, Q("c")),
        Q(Q::OP_AND_NOT, Q("a"), Q("b")),
        Q(Q::OP_AND_NOT, Q::MatchAll, Q(Q::OP_OR, Q("a"), Q("c"))),
        n_ary(Q::OP_AND_NOT, {ab, Q("c"), Q("XONE")}),
        n_ary(Q::OP_XOR, {Q("a"), Q("b"), Q("c")}),
        Q(Q::OP_AND_MAYBE, Q("b"), Q("a")),
        Q(Q::OP_FILTER, Q(Q::OP_SYNONYM, Q("a"), Q("c")), Q("XONE")),
        Q(Q::OP_AND, Q(Q::OP_SCALE_WEIGHT, Q("XONE"), 0.0), Q("c")),
        Q(Q::OP_AND, Q("a"), Q("nosuch")),
        Q::MatchAll,
    };
    for (const auto& q : queries) REQUIRE_FALSE(disjunction_terms(q));
    check_counts_as_xapian(db, queries);
    CHECK(count_matches(db, Q(Q::OP_AND_NOT, Q::MatchAll, Q("a")), {}, nullptr, 1000).matches == 2);  // 3, 5
}

TEST_CASE("count_matches: a word every document holds, after deletions", "[facets]") {
    // Given BoolWeight, Xapian 1.4 reads such a word from its list of all documents,
    // which fails ("Unexpected end of posting list") once documents have been deleted.
    privsearch::test::ScratchIndex index;
    auto& db = index.db();
    for (int i = 0; i < 3000; ++i) {
        Xapian::Document doc;
        doc.add_term("the");
        doc.add_term(i % 7 == 0 ? "x" : "y");
        db.add_document(doc);
    }
    for (Xapian::docid did = 1; did <= 3000; did += 3) db.delete_document(did);
    db.commit();
    using Q = Xapian::Query;
    const Q q(Q::OP_AND_NOT, Q("the"), Q("x"));
    const Xapian::doccount expected = matched_by_xapian(db, q, {}).matches;
    CHECK(expected > 1000);
    for (const Xapian::doccount estimate : {0u, 5000u}) {
        INFO(estimate);
        CHECK(count_matches(db, q, {Facet::Year}, nullptr, estimate).matches == expected);
    }
}

TEST_CASE("FacetTable: reads the index it was read from, at that revision only", "[facets]") {
    privsearch::test::ScratchIndex one, other;
    fill(one.db());
    fill(other.db());
    REQUIRE(one.db().get_revision() == other.db().get_revision());
    const FacetTable table(one.db());
    CHECK(table.reads(one.db()));
    CHECK_FALSE(table.reads(other.db()));  // built anew, the same revision: another index
    one.db().add_document(Xapian::Document());
    one.db().commit();
    CHECK_FALSE(table.reads(one.db()));
}

TEST_CASE("FacetTable: saved and mapped, the same entries and counts", "[facets][saved]") {
    privsearch::test::ScratchIndex index;
    auto& db = index.db();
    fill(db);
    const FacetTable built(db);
    built.save(index.path(), db);
    auto mapped = FacetTable::map(index.path(), db);
    REQUIRE(mapped);
    CHECK(mapped->reads(db));
    REQUIRE(mapped->entry_count() == built.entry_count());
    for (std::uint32_t id = 0; id < built.entry_count(); ++id) CHECK(mapped->entry(id) == built.entry(id));
    for (Xapian::docid did = 0; did < 8; ++did) {
        INFO(did);
        const auto a = built.entries(did), b = mapped->entries(did);
        CHECK(std::vector<std::uint32_t>(a.begin(), a.end()) == std::vector<std::uint32_t>(b.begin(), b.end()));
    }
    const std::vector<Facet> wanted = {Facet::Agency, Facet::Platform, Facet::Year};
    CHECK(count_matches(db, Xapian::Query("word"), wanted, &*mapped).facets ==
          count_matches(db, Xapian::Query("word"), wanted).facets);
    FacetTable moved = std::move(*mapped);  // its views go with it
    CHECK(moved.entry(0) == built.entry(0));
}

TEST_CASE("FacetTable: a saved table serves only the index and revision it was saved for", "[facets][saved]") {
    privsearch::test::ScratchIndex one, other;
    fill(one.db());
    fill(other.db());
    FacetTable(one.db()).save(one.path(), one.db());
    CHECK(FacetTable::map(one.path(), one.db()));
    CHECK_FALSE(FacetTable::map(other.path(), other.db()));  // none saved
    CHECK_FALSE(FacetTable::map(one.path(), other.db()));    // another index, the same revision
    one.db().add_document(Xapian::Document());
    one.db().commit();
    CHECK_FALSE(FacetTable::map(one.path(), one.db()));  // saved before that commit
}

TEST_CASE("FacetTable: a saved table is not the table of tables restored and committed again", "[facets][saved]") {
    // The index is backed up at revision 1; a commit (revision 2) saves a table; the
    // backup is restored and committed once more: revision 2 again, the same uuid.
    privsearch::test::ScratchIndex index, elsewhere;
    auto& db = index.db();
    fill(db);
    const std::string backup = elsewhere.path() + "/backup";
    std::filesystem::copy(index.path(), backup);
    db.set_metadata(schema::metadata::last_update, "2026-11-30T10:00:00Z");
    db.add_document(Xapian::Document());
    db.commit();
    FacetTable(db).save(index.path(), db);

    Xapian::WritableDatabase restored(backup);
    restored.set_metadata(schema::metadata::last_update, "2026-11-30T10:00:01Z");
    Xapian::Document other;
    other.add_value(schema::slot(schema::Slot::Facets), entries({{Facet::Agency, "DHS"}}));
    restored.add_document(other);
    restored.commit();
    REQUIRE(restored.get_revision() == db.get_revision());
    REQUIRE(restored.get_uuid() == db.get_uuid());
    std::filesystem::copy_file(FacetTable::path(index.path()), FacetTable::path(backup));
    CHECK(FacetTable::map(index.path(), db));
    CHECK_FALSE(FacetTable::map(backup, restored));
}

TEST_CASE("FacetTable: a damaged saved table is refused", "[facets][saved]") {
    privsearch::test::ScratchIndex index;
    auto& db = index.db();
    fill(db);
    FacetTable(db).save(index.path(), db);
    const std::string path = FacetTable::path(index.path());
    const std::string whole = *read_file(path);
    REQUIRE(FacetTable::map(index.path(), db));
    std::string bad_magic = whole, flipped_last = whole, flipped_middle = whole;
    bad_magic[0] = 'X';
    flipped_last.back() ^= 1;  // a letter of the last name
    flipped_middle[whole.size() / 2] ^= 0x40;
    for (const std::string& damaged :
         {whole.substr(0, whole.size() - 1), whole + "x", bad_magic, flipped_last, flipped_middle, std::string("PS")}) {
        replace_file(path, damaged);
        CHECK_FALSE(FacetTable::map(index.path(), db));
    }
}
