// End-to-end tests of privsearch-index: run the real binary, then check the index
// through the Xapian API (document count, id terms, stored fields, queries).
#include "harness.h"

#include "analysis.h"
#include "common_words.h"
#include "document_builder.h"
#include "file_io.h"
#include "schema.h"
#include "article_store.h"
#include "facet_table.h"
#include "record_compression.h"
#include "record_dictionary_file.h"
#include "word_forms.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

using namespace e2e;
namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& rel) { return fixtures() + "/e2e/" + rel; }

// The dictionary the index's file holds (record_dictionary_file.h), if it is whole and
// the index's own.
std::string dictionary_file(const std::string& db) {
    const std::string own = Xapian::Database(db).get_metadata(privsearch::schema::metadata::record_dictionary);
    auto mapped = privsearch::map_record_dictionary_file(db, privsearch::RecordDecompressor::id_of_dictionary(own));
    return mapped ? std::string(mapped->dictionary) : std::string();
}

std::optional<privsearch::StoredArticle> stored(const std::string& db_path, const std::string& id) {
    Xapian::Database db(db_path);
    const std::string term = privsearch::id_term(id);
    auto p = db.postlist_begin(term);
    if (p == db.postlist_end(term)) return std::nullopt;
    return privsearch::ArticleStore(db).read(db.get_document(*p));
}

Xapian::doccount doccount(const std::string& db_path) { return Xapian::Database(db_path).get_doccount(); }

bool has_term(const std::string& db_path, const std::string& term) { return Xapian::Database(db_path).term_exists(term); }

// Ids of the documents a Xapian query (parsed like a user would type it) matches.
std::vector<std::string> xapian_query(const std::string& db_path, const std::string& text) {
    Xapian::Database db(db_path);
    Xapian::QueryParser qp = privsearch::make_query_parser();
    qp.set_database(db);
    qp.set_default_op(Xapian::Query::OP_AND);
    Xapian::Enquire enquire(db);
    // The two rewrites the index's layout asks of what QueryParser makes.
    const Xapian::Query q = privsearch::own_stems_as_words(
        qp.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT | privsearch::query_parser_flags), privsearch::stemmer());
    enquire.set_query(privsearch::with_common_words_pooled(q).value_or(q));
    std::vector<std::string> ids;
    Xapian::MSet mset = enquire.get_mset(0, 100);
    for (auto it = mset.begin(); it != mset.end(); ++it)
        ids.push_back(privsearch::ArticleStore(db).read(it.get_document()).article.id);
    return ids;
}

std::vector<std::string> search_ids(const std::string& db, const std::vector<std::string>& args, int* status = nullptr) {
    std::vector<std::string> a = {"search", "--json", "--limit", "100"};
    a.insert(a.end(), args.begin(), args.end());
    RunResult r = search_cmd(db, a);
    if (status) *status = r.status;
    INFO("stderr: " << r.err);
    REQUIRE(r.status != 2);
    auto j = parse_json(r.out);
    std::vector<std::string> ids;
    for (const auto& h : j.at("hits")) ids.push_back(h.at("id").get<std::string>());
    return ids;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// A bad input beside the good article: exit status 1, exactly one stderr line naming
// the file, the good article indexed, and the index still searchable.
void check_bad_input(const TempDir& tmp, const std::string& bad_path, const std::string& expect_in_line,
                     std::size_t expected_docs) {
    const std::string db = tmp / "db";
    const std::string good = tmp / "in/good-article.md";
    copy_tree(fixture("good"), tmp / "in");
    RunResult r = index(db, {tmp / "in"});
    INFO("indexer stdout: " << r.out);
    INFO("indexer stderr: " << r.err);
    CHECK(r.status == 1);
    auto lines = r.err_lines();
    REQUIRE(lines.size() >= 1);
    CHECK(lines.size() == 1);
    CHECK(lines[0].find(bad_path + expect_in_line) != std::string::npos);
    REQUIRE(fs::exists(db));
    CHECK(doccount(db) == expected_docs);
    CHECK(stored(db, "e2e-good-article").has_value());
    RunResult stats = search_cmd(db, {"stats", "--json"});
    INFO("stats stderr: " << stats.err);
    CHECK(stats.status == 0);
    RunResult s = search_cmd(db, {"search", "--json", "zzgoodmarker"});
    CHECK(s.status == 0);
}

}  // namespace

TEST_CASE("indexing corpus/ gives five articles and exit 0", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    RunResult r = index(db, {corpus()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.find("5 added") != std::string::npos);
    CHECK(doccount(db) == 5);
}

TEST_CASE("indexing corpus/ twice leaves exactly five, all unchanged", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    index_corpus(db);
    RunResult r = index(db, {corpus()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("5 unchanged") != std::string::npos);
    CHECK(r.out.find("0 added") != std::string::npos);
    CHECK(doccount(db) == 5);
}

TEST_CASE("every corpus article has its id term", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    index_corpus(db);
    for (const auto& id : kCorpusIds) {
        INFO(id);
        CHECK(has_term(db, privsearch::id_term(id)));
        CHECK(Xapian::Database(db).get_termfreq(privsearch::id_term(id)) == 1);
    }
    CHECK_FALSE(has_term(db, privsearch::id_term("no-such-article")));
}

TEST_CASE("stored fields come from the front matter", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    index_corpus(db);

    auto ind = stored(db, "independent-2017-07-27-facebook-whatsapp-instagram-data");
    REQUIRE(ind);
    CHECK(ind->article.author == "Aatif Sulleyman");
    CHECK(ind->article.date.rfind("2017-07-27", 0) == 0);
    CHECK(ind->article.source == "The Independent");
    CHECK(ind->article.title == "Facebook is sharing users' WhatsApp and Instagram data to catch terrorists");
    CHECK(ind->article.text.find("Monika Bickert") != std::string::npos);
    CHECK_FALSE(ind->text_sha256.empty());

    auto cnn = stored(db, "cnn-2019-08-08-fbi-social-media-contractors");
    REQUIRE(cnn);
    CHECK(cnn->article.date == "2019-08-08");
    CHECK(cnn->article.source == "CNN");
    CHECK(cnn->article.author.empty());  // not known from the text: left out, not invented

    auto privsec = stored(db, "privsec-2019-fbi-social-media-monitoring");
    REQUIRE(privsec);
    CHECK(privsec->article.source == "PrivSec Report");
    CHECK(privsec->article.date == "2019-08");

    auto ice = stored(db, "ice-facebook-data-immigrants");
    REQUIRE(ice);
    CHECK(ice->article.date == "2018");
    CHECK(ice->article.title.find("ICE Has Been Caught") != std::string::npos);
    bool has_ice = false;
    for (const auto& e : ice->entities) has_ice = has_ice || (e.facet == privsearch::schema::Facet::Agency && e.name == "ICE");
    CHECK(has_ice);

    // The date value slot is YYYYMMDD, first day of what the date names.
    Xapian::Database xdb(db);
    auto p = xdb.postlist_begin(privsearch::id_term("x-dataminr-real-time-data-police"));
    REQUIRE(p != xdb.postlist_end(privsearch::id_term("x-dataminr-real-time-data-police")));
    CHECK(xdb.get_document(*p).get_value(privsearch::schema::slot(privsearch::schema::Slot::Date)) == "20240101");
}

TEST_CASE("a phrase query matches through the Xapian API and the searcher", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    index_corpus(db);
    auto ids = xapian_query(db, "\"real-time access to a full range\"");
    CHECK(ids == std::vector<std::string>{"cnn-2019-08-08-fbi-social-media-contractors"});
    // The words, but not as a phrase in this order: no match.
    CHECK(xapian_query(db, "\"access real-time\"").empty());

    auto found = search_ids(db, {"\"real-time access\""});
    CHECK(contains(found, "cnn-2019-08-08-fbi-social-media-contractors"));
    CHECK_FALSE(contains(found, "independent-2017-07-27-facebook-whatsapp-instagram-data"));
}

TEST_CASE("a word that is its own stem and has no other form is found without a synonym entry", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    index_corpus(db);
    // "bureau": CNN's title and body, PrivSec's body, and no other word of its stem.
    const Xapian::Database x(db);
    CHECK(x.synonyms_begin("Zbureau") == x.synonyms_end("Zbureau"));
    CHECK(x.synonyms_begin("ZSbureau") == x.synonyms_end("ZSbureau"));
    const auto found = search_ids(db, {"bureau"});
    CHECK(found.size() == 2);
    CHECK(contains(found, "cnn-2019-08-08-fbi-social-media-contractors"));
    CHECK(search_ids(db, {"title:bureau"}) == std::vector<std::string>{"cnn-2019-08-08-fbi-social-media-contractors"});
    CHECK(search_ids(db, {"bureau", "NOT", "title:bureau"}).size() == 1);
}

namespace {

// Every synonym entry, as key -> forms.
std::map<std::string, std::vector<std::string>> synonym_table(const std::string& db_path) {
    Xapian::Database db(db_path);
    std::map<std::string, std::vector<std::string>> table;
    for (auto k = db.synonym_keys_begin(); k != db.synonym_keys_end(); ++k)
        table[*k] = {db.synonyms_begin(*k), db.synonyms_end(*k)};
    return table;
}

}  // namespace

TEST_CASE("the synonym table is the same from one writer, from shards, and updated in place", "[indexer]") {
    TempDir tmp;
    const std::string one = tmp / "one", shards = tmp / "shards", in_place = tmp / "in-place";
    // Words whose stems are not words' own: "accident" stems to "accid", "accidental" to
    // "accident"; "commission" to "commiss", "commissioners" to "commission".
    const std::string first = tmp / "first.jsonl", second = tmp / "second.jsonl";
    write_file(first, R"({"id": "w1", "title": "Inquiry", "text": "The commission met after the accident."})");
    write_file(second, R"({"id": "w2", "title": "Report", "text": "Commissioners said it was accidental."})");
    REQUIRE(index(one, {"--jobs", "1", corpus(), first, second}).status == 0);
    REQUIRE(index(shards, {"--jobs", "2", corpus(), first, second}).status == 0);
    // Two runs, the second in place, a commit per article.
    REQUIRE(index(in_place, {first}).status == 0);
    REQUIRE(index(in_place, {"--flush", "1", corpus(), second}).status == 0);
    const auto table = synonym_table(one);
    CHECK(synonym_table(shards) == table);
    CHECK(synonym_table(in_place) == table);
    // Every form in an entry is filed under that very stem ("accident", which stems to
    // "accid", is no form of "Zaccident").
    const Xapian::Stem stem = privsearch::stemmer();
    for (const auto& [key, forms] : table)
        for (const auto& f : forms) {
            INFO(key << " -> " << f);
            CHECK(privsearch::word_form(f, stem)->key == key);
        }
}

TEST_CASE("a word is found through its stem's entry even after its article was replaced in the same run", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    const std::string file = tmp / "articles.jsonl";
    write_file(file, R"({"id": "x", "title": "First", "text": "Tony zzblair spoke."}
{"id": "x", "title": "First", "text": "Nobody spoke."}
{"id": "y", "title": "Second", "text": "The zzblairs arrived."}
{"id": "z", "title": "Third", "text": "Mr zzblair left."}
)");
    index(db, {"--jobs", "1", "--flush", "1", file});
    CHECK(search_ids(db, {"zzblair"}) == std::vector<std::string>{"y", "z"});
}

TEST_CASE("a word whose stem is another word's stem finds only its own forms", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    const std::string file = tmp / "articles.jsonl";
    // "commissioners" stems to "commission", "commission" to "commiss".
    write_file(file, R"({"id": "a", "title": "Budget", "text": "The commission met after the accident to consider the budget."}
)");
    REQUIRE(index(db, {"--jobs", "1", file}).status == 0);
    CHECK(search_ids(db, {"commission"}) == std::vector<std::string>{"a"});
    for (const char* other : {"commissioners", "accidentally", "considerable"}) {
        int status = 0;
        INFO(other);
        CHECK(search_ids(db, {other}, &status).empty());
        CHECK(status == 1);
    }
}

TEST_CASE("a word finds its other forms through the stems in the synonym table, and with --exact only itself", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    index_corpus(db);
    // No article says "monitored"; CNN says "monitoring", PrivSec and X only "monitor".
    CHECK_FALSE(has_term(db, "Zmonitor"));  // no stemmed terms in the index itself
    CHECK(Xapian::Database(db).synonyms_begin("Zmonitor") != Xapian::Database(db).synonyms_end("Zmonitor"));
    const auto stemmed = search_ids(db, {"monitored"});
    CHECK(contains(stemmed, "privsec-2019-fbi-social-media-monitoring"));
    CHECK(contains(stemmed, "cnn-2019-08-08-fbi-social-media-contractors"));
    CHECK(contains(stemmed, "x-dataminr-real-time-data-police"));
    int status = 0;
    CHECK(search_ids(db, {"--exact", "monitored"}, &status).empty());
    CHECK(status == 1);
    const auto exact = search_ids(db, {"--exact", "monitoring"});
    CHECK(exact == std::vector<std::string>{"cnn-2019-08-08-fbi-social-media-contractors"});
}

TEST_CASE("an index in another format: both programs say so, and how to rebuild it, nothing is lost", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    index_corpus(db);
    {
        Xapian::WritableDatabase w(db);
        w.set_metadata(privsearch::schema::metadata::schema_version, "1");
        w.commit();
    }
    for (const RunResult& r : {search_cmd(db, {"search", "facebook"}), index(db, {corpus()})}) {
        INFO(r.err);
        CHECK(r.status == 2);
        REQUIRE(r.err_lines().size() == 1);
        CHECK(r.err.find(db + ": the index is in format 1") != std::string::npos);
        CHECK(r.err.find("privsearch-index --db " + db) != std::string::npos);
    }
    CHECK(doccount(db) == 5);
}

TEST_CASE("curly and straight quotes index alike", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    index_corpus(db);
    // The PrivSec text has a curly apostrophe: won’t make us more safe.
    CHECK(xapian_query(db, "\"won't make us more safe\"") ==
          std::vector<std::string>{"privsec-2019-fbi-social-media-monitoring"});
    CHECK(search_ids(db, {"\"won't make us more safe\""}) ==
          std::vector<std::string>{"privsec-2019-fbi-social-media-monitoring"});
    CHECK(search_ids(db, {"\"won\xE2\x80\x99t make us more safe\""}) ==
          std::vector<std::string>{"privsec-2019-fbi-social-media-monitoring"});
    // The Independent text has a straight apostrophe: doesn't specify which.
    CHECK(search_ids(db, {"\"doesn\xE2\x80\x99t specify which\""}) ==
          std::vector<std::string>{"independent-2017-07-27-facebook-whatsapp-instagram-data"});
    // Curly double quotes delimit a phrase like straight ones.
    CHECK(search_ids(db, {"\xE2\x80\x9Creal-time access\xE2\x80\x9D"}) == search_ids(db, {"\"real-time access\""}));
}

TEST_CASE("prune: --prune removes an article whose file was deleted", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    const std::string in = tmp / "corpus";
    copy_tree(corpus(), in);
    REQUIRE(index(db, {in}).status == 0);
    REQUIRE(doccount(db) == 5);
    fs::remove(in + "/ice-facebook-data-immigrants.md");

    // Without --prune nothing is removed.
    RunResult keep = index(db, {in});
    CHECK(keep.status == 0);
    CHECK(doccount(db) == 5);

    RunResult r = index(db, {"--prune", in});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("1 removed") != std::string::npos);
    CHECK(doccount(db) == 4);
    CHECK_FALSE(stored(db, "ice-facebook-data-immigrants").has_value());
    CHECK(stored(db, "cnn-2019-08-08-fbi-social-media-contractors").has_value());
}

TEST_CASE("an edited file counts as one updated", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    const std::string in = tmp / "corpus";
    copy_tree(corpus(), in);
    REQUIRE(index(db, {in}).status == 0);
    const std::string file = in + "/x-dataminr-real-time-data-police.md";
    write_file(file, read_file(file) + "\nAn added closing paragraph about zzupdatedword oversight.\n");
    RunResult r = index(db, {in});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(r.out.find("1 updated") != std::string::npos);
    CHECK(r.out.find("4 unchanged") != std::string::npos);
    CHECK(doccount(db) == 5);
    auto x = stored(db, "x-dataminr-real-time-data-police");
    REQUIRE(x);
    CHECK(x->article.text.find("zzupdatedword") != std::string::npos);
    CHECK(search_ids(db, {"zzupdatedword"}) == std::vector<std::string>{"x-dataminr-real-time-data-police"});
}

TEST_CASE("a .jsonl file gives one article a line", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    RunResult r = index(db, {fixture("articles.jsonl")});
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(doccount(db) == 3);
    auto a = stored(db, "e2e-jsonl-1");
    REQUIRE(a);
    CHECK(a->article.title == "Spyware found on journalists' phones");
    CHECK(a->article.source == "Example Wire");
    CHECK(a->article.date == "2021-07-18");
    CHECK(a->article.url == "https://example.org/spyware");
    CHECK(a->article.author == "A. Writer");
    CHECK(a->article.line == 1);
    auto c = stored(db, "e2e-jsonl-3");
    REQUIRE(c);
    CHECK(c->article.line == 3);
    CHECK(search_ids(db, {"zzjsonltwo"}) == std::vector<std::string>{"e2e-jsonl-2"});
}

TEST_CASE("an .html page: title, source, date and article text, without nav or script", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    RunResult r = index(db, {fixture("page.html")});
    INFO(r.err);
    CHECK(r.status == 0);
    REQUIRE(doccount(db) == 1);
    Xapian::Database xdb(db);
    auto doc = xdb.get_document(*xdb.postlist_begin(""));
    auto a = privsearch::ArticleStore(xdb).read(doc);
    CHECK(a.article.title == "Police buy drone cameras");
    CHECK(a.article.source == "Example Gazette");
    CHECK(a.article.date.rfind("2021-03-04", 0) == 0);
    CHECK(a.article.text.find("zzarticleword aerial surveillance") != std::string::npos);
    CHECK(a.article.text.find("Civil liberties groups") != std::string::npos);
    CHECK(a.article.text.find("zznavword") == std::string::npos);
    CHECK(a.article.text.find("zzscriptword") == std::string::npos);
    CHECK(a.article.text.find("tracker") == std::string::npos);
    CHECK(a.article.text.find("zzfooterword") == std::string::npos);
    CHECK(xdb.term_exists("zzarticleword"));
    CHECK_FALSE(xdb.term_exists("zznavword"));
    CHECK_FALSE(xdb.term_exists("zzscriptword"));
    CHECK_FALSE(xdb.term_exists("zzfooterword"));
}

TEST_CASE("a windows-1252 file is converted to UTF-8 with a warning", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    const std::string in = tmp / "in";
    copy_tree(fixture("good"), in);
    fs::copy_file(fixture("latin1.md"), in + "/latin1.md");
    RunResult r = index(db, {in});
    INFO(r.err);
    CHECK(r.status == 1);
    auto lines = r.err_lines();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find(in + "/latin1.md") != std::string::npos);
    CHECK(doccount(db) == 2);
    auto a = stored(db, "e2e-latin1");
    REQUIRE(a);
    CHECK(a->article.title == "Caf\xC3\xA9 surveillance");
    CHECK(a->article.text.find("Le caf\xC3\xA9 du quartier") != std::string::npos);
    CHECK(a->article.text.find("client\xC3\xA8le") != std::string::npos);
    // Searchable by the converted word.
    CHECK(search_ids(db, {"cam\xC3\xA9ras"}) == std::vector<std::string>{"e2e-latin1"});
}

TEST_CASE("bad input: a binary file", "[indexer][bad]") {
    TempDir tmp;
    std::string bytes = "PK";
    for (int c : {3, 4, 0, 0, 1, 2, 0xff, 0, 98, 105, 110, 0}) bytes += static_cast<char>(c);
    write_file(tmp / "in/binary.txt", bytes);
    check_bad_input(tmp, tmp / "in/binary.txt", ":", 1);
}

TEST_CASE("bad input: an empty file", "[indexer][bad]") {
    TempDir tmp;
    fs::create_directories(tmp / "in");
    fs::copy_file(fixture("bad/empty.md"), tmp / "in/empty.md");
    check_bad_input(tmp, tmp / "in/empty.md", ":", 1);
}

TEST_CASE("bad input: a file with only front matter", "[indexer][bad]") {
    TempDir tmp;
    fs::create_directories(tmp / "in");
    fs::copy_file(fixture("bad/only-front-matter.md"), tmp / "in/only-front-matter.md");
    check_bad_input(tmp, tmp / "in/only-front-matter.md", "", 1);
    CHECK_FALSE(stored(tmp / "db", "e2e-only-front-matter").has_value());
}

// An unclosed block: one message (line 1, "never closed"), not one per body line that is
// not 'key: value' as well (it once gave both).
TEST_CASE("bad input: a malformed (unclosed) front-matter block", "[indexer][bad]") {
    TempDir tmp;
    fs::create_directories(tmp / "in");
    fs::copy_file(fixture("bad/unclosed-front-matter.md"), tmp / "in/unclosed-front-matter.md");
    // The whole file is indexed as text, with a warning.
    check_bad_input(tmp, tmp / "in/unclosed-front-matter.md", ":1:", 2);
    auto a = stored(tmp / "db", "unclosed-front-matter");
    if (!a) a = stored(tmp / "db", "e2e-unclosed");
    REQUIRE(a);
    CHECK(a->article.text.find("licence plate readers") != std::string::npos);
}

TEST_CASE("bad input: a malformed JSON line, the rest of the file is indexed", "[indexer][bad]") {
    TempDir tmp;
    fs::create_directories(tmp / "in");
    fs::copy_file(fixture("bad/malformed-line.jsonl"), tmp / "in/malformed-line.jsonl");
    check_bad_input(tmp, tmp / "in/malformed-line.jsonl", ":2:", 3);
    CHECK(stored(tmp / "db", "e2e-jsonl-first").has_value());
    CHECK(stored(tmp / "db", "e2e-jsonl-third").has_value());
    CHECK_FALSE(stored(tmp / "db", "e2e-jsonl-broken").has_value());
}

TEST_CASE("bad input: invalid UTF-8", "[indexer][bad]") {
    TempDir tmp;
    fs::create_directories(tmp / "in");
    fs::copy_file(fixture("bad/invalid-utf8.txt"), tmp / "in/invalid-utf8.txt");
    check_bad_input(tmp, tmp / "in/invalid-utf8.txt", ":", 2);
    // Read as a single-byte charset and converted: the stored text is valid UTF-8.
    Xapian::Database db(tmp / "db");
    bool found = false;
    for (auto p = db.postlist_begin(""); p != db.postlist_end(""); ++p) {
        auto a = privsearch::ArticleStore(db).read(db.get_document(*p));
        if (a.article.text.find("wiretaps") == std::string::npos) continue;
        found = true;
        // nlohmann's dump throws on invalid UTF-8: proves the text was converted.
        CHECK_NOTHROW(nlohmann::json(a.article.text).dump());
    }
    CHECK(found);
}

TEST_CASE("bad input: an unreadable file", "[indexer][bad]") {
    TempDir tmp;
    const std::string bad = tmp / "in/unreadable.md";
    write_file(bad, "---\nid: e2e-unreadable\ntitle: Locked away\n---\nYou should not read this.\n");
    REQUIRE(chmod(bad.c_str(), 0) == 0);
    if (geteuid() == 0) {
        WARN("running as root: chmod 000 does not stop reading, so the unreadable-file message cannot be checked");
        const std::string db = tmp / "db";
        copy_tree(fixture("good"), tmp / "in");
        RunResult r = index(db, {tmp / "in"});
        INFO(r.err);
        CHECK(r.status <= 1);
        CHECK(stored(db, "e2e-good-article").has_value());
        CHECK(search_cmd(db, {"stats", "--json"}).status == 0);
        return;
    }
    check_bad_input(tmp, bad, ":", 1);
}

TEST_CASE("bad input: a path that does not exist", "[indexer][bad]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    const std::string missing = tmp / "no-such-dir/article.md";
    copy_tree(fixture("good"), tmp / "in");
    RunResult r = index(db, {tmp / "in/good-article.md", missing});
    INFO(r.err);
    CHECK(r.status == 1);
    auto lines = r.err_lines();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].find(missing) != std::string::npos);
    CHECK(doccount(db) == 1);
    CHECK(search_cmd(db, {"stats", "--json"}).status == 0);

    // Only a missing path: nothing at all could be done.
    TempDir tmp2;
    RunResult only = index(tmp2 / "db", {missing});
    CHECK(only.status == 2);
    CHECK(only.err.find(missing) != std::string::npos);
}

TEST_CASE("all bad inputs at once: every good article still indexed", "[indexer][bad]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    const std::string in = tmp / "in";
    copy_tree(fixture("bad"), in);
    copy_tree(fixture("good"), in);
    write_file(in + "/binary.md", std::string("\0\x01\x02\x03", 4));
    RunResult r = index(db, {in, tmp / "missing.md"});
    INFO(r.err);
    CHECK(r.status == 1);
    for (const char* name : {"binary.md", "empty.md", "only-front-matter.md", "unclosed-front-matter.md",
                             "malformed-line.jsonl:2:", "invalid-utf8.txt", "missing.md"}) {
        INFO(name);
        CHECK(r.err.find(name) != std::string::npos);
    }
    for (const char* id : {"e2e-good-article", "e2e-jsonl-first", "e2e-jsonl-third"}) {
        INFO(id);
        CHECK(stored(db, id).has_value());
    }
    CHECK(search_cmd(db, {"stats", "--json"}).status == 0);
}

TEST_CASE("a second indexer while the index is locked exits 2", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    index_corpus(db);
    {
        Xapian::WritableDatabase holder(db, Xapian::DB_CREATE_OR_OPEN);
        RunResult r = index(db, {fixture("good")});
        INFO(r.err);
        CHECK(r.status == 2);
        CHECK(r.err.find("locked") != std::string::npos);
        CHECK(r.err_lines().size() == 1);
    }
    // Once the lock is released, indexing works again.
    RunResult again = index(db, {fixture("good")});
    INFO(again.err);
    CHECK(again.status == 0);
    CHECK(doccount(db) == 6);
}

namespace {

// A JSON Lines file of `n` small articles that all contain "zzbulkword".
std::string write_bulk(const TempDir& tmp, int n) {
    const std::string path = tmp / "big.jsonl";
    std::ofstream out(path);
    for (int i = 0; i < n; ++i)
        out << R"({"id": "bulk-)" << i << R"(", "title": "Bulk article )" << i
            << R"(", "date": "2020-01-01", "text": "Camera number )" << i
            << R"( records the zzbulkword street and licence plates of passing cars."})" << "\n";
    return path;
}

// Starts the indexer, waits until its stderr shows `marker`, then kills it with SIGKILL.
RunResult kill_when(const std::vector<std::string>& argv, const std::string& marker) {
    Child child(argv);
    std::string line = child.wait_for_stderr_line(
        [&](const std::string& l) { return l.find(marker) != std::string::npos; }, std::chrono::seconds(60));
    INFO("stderr so far: " << child.err_so_far());
    REQUIRE_FALSE(line.empty());
    child.kill(SIGKILL);
    return child.wait();
}

}  // namespace

TEST_CASE("kill -9 while updating in place leaves the index at its last commit", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    constexpr int kArticles = 6000;
    constexpr int kFlush = 200;
    const std::string big = write_bulk(tmp, kArticles);
    // One writer (--jobs 1) updates the index in place and commits every kFlush articles.
    RunResult r = kill_when({indexer(), "--db", db, "--jobs", "1", "--flush", std::to_string(kFlush), "--verbose", big},
                            "committed");
    INFO("exit: " << r.status);

    Xapian::Database xdb(db);  // opens: the index is not corrupt
    auto n = xdb.get_doccount();
    CHECK(n > 0);
    CHECK(n <= static_cast<Xapian::doccount>(kArticles));
    CHECK(n % kFlush == 0);
    if (!r.signaled) WARN("the indexer finished before it was killed (" << n << " articles)");

    RunResult s = search_cmd(db, {"search", "--json", "zzbulkword"});
    INFO(s.err);
    CHECK((s.status == 0 || s.status == 1));
    CHECK(search_cmd(db, {"stats", "--json"}).status == 0);
}

TEST_CASE("kill -9 during a sharded build of a new index leaves it empty and usable, a rerun completes", "[indexer][shards]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    constexpr int kArticles = 6000;
    const std::string big = write_bulk(tmp, kArticles);
    RunResult r = kill_when({indexer(), "--db", db, "--jobs", "2", "--flush", "200", "--verbose", big}, "committed");
    INFO("exit: " << r.status);
    if (!r.signaled) WARN("the indexer finished before it was killed");
    else CHECK(Xapian::Database(db).get_doccount() == 0);  // the shards had not been merged yet
    RunResult stats = search_cmd(db, {"stats", "--json"});
    CHECK(stats.status != 2);  // an index, empty or whole, never a broken one

    RunResult again = index(db, {"--jobs", "2", big});
    INFO(again.err);
    REQUIRE(again.status == 0);
    CHECK(doccount(db) == kArticles);
    CHECK_FALSE(fs::exists(db + ".building"));  // the killed run's shards are gone
}

TEST_CASE("a run with enough text trains the stored articles' dictionary, earlier articles stay readable",
          "[indexer][records]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    auto dictionary = [&] { return Xapian::Database(db).get_metadata(privsearch::schema::metadata::record_dictionary); };
    REQUIRE(index(db, {corpus()}).status == 0);
    CHECK(dictionary().empty());  // five articles: too little to train on
    CHECK_FALSE(fs::exists(privsearch::record_dictionary_path(db)));

    RunResult big = index(db, {"--jobs", "1", write_bulk(tmp, 6000)});
    INFO(big.err);
    REQUIRE(big.status == 0);
    CHECK_FALSE(dictionary().empty());
    CHECK(dictionary_file(db) == dictionary());
    const std::string corpus_id = "independent-2017-07-27-facebook-whatsapp-instagram-data";
    for (const auto& [id, words] : {std::pair{corpus_id, "WhatsApp"}, std::pair{std::string("bulk-5999"), "zzbulkword"}}) {
        RunResult show = search_cmd(db, {"show", "--json", id});
        INFO(id << ": " << show.err);
        REQUIRE(show.status == 0);
        CHECK(parse_json(show.out)["text"].get<std::string>().find(words) != std::string::npos);
    }
}

TEST_CASE("searches count facets from the table a run saves, and from the index without it or when it is stale",
          "[indexer][facets]") {
    TempDir tmp;
    const std::string db = tmp / "db", table = privsearch::FacetTable::path(db);
    fs::create_directories(tmp / "in");
    fs::copy(corpus(), tmp / "in", fs::copy_options::recursive);
    REQUIRE(index(db, {tmp / "in"}).status == 0);
    REQUIRE(fs::exists(table));
    REQUIRE(privsearch::FacetTable::map(db, Xapian::Database(db)));
    auto facets = [&] {
        RunResult s = search_cmd(db, {"search", "--json", "-n", "1", "facebook OR data"});
        INFO(s.err);
        CHECK(s.status == 0);
        return parse_json(s.out)["facets"].dump();
    };
    const std::string with_table = facets();
    CHECK(with_table.find("Facebook") != std::string::npos);
    fs::remove(table);
    CHECK(facets() == with_table);

    {
        // Searches do count from the table: one read from other values, under the
        // index's own identity (a copy's uncommitted changes), changes their counts.
        fs::copy(db, tmp / "twin", fs::copy_options::recursive);
        Xapian::WritableDatabase twin(tmp / "twin");
        const unsigned slot = privsearch::schema::slot(privsearch::schema::Slot::Facets);
        for (auto p = twin.postlist_begin(""); p != twin.postlist_end(""); ++p) {
            Xapian::Document doc = twin.get_document(*p);
            doc.add_value(slot, privsearch::schema::encode_facet_entry(privsearch::schema::Facet::Agency, "Zztest"));
            twin.replace_document(*p, doc);
        }
        privsearch::FacetTable(twin).save(db, twin);
    }
    CHECK(facets().find("Zztest") != std::string::npos);
    fs::remove(table);

    // A table saved for an earlier revision is not read.
    REQUIRE(index(db, {tmp / "in"}).status == 0);  // nothing changed: the table is written again
    const std::string earlier = *privsearch::read_file(table);
    write_file(tmp / "in/more.md", "---\ntitle: More\ndate: 2025-01-02\n---\nFacebook data, and Twitter data.\n");
    REQUIRE(index(db, {tmp / "in"}).status == 0);
    CHECK(privsearch::FacetTable::map(db, Xapian::Database(db)));  // saved by an update in place too
    const std::string now = facets();
    CHECK(now != with_table);  // the new article counts
    privsearch::replace_file(table, earlier);
    CHECK_FALSE(privsearch::FacetTable::map(db, Xapian::Database(db)));
    CHECK(facets() == now);
}

TEST_CASE("searches map the dictionary's file, which a run restores, and read the index's copy without it",
          "[indexer][records]") {
    TempDir tmp;
    const std::string db = tmp / "db", bulk = write_bulk(tmp, 6000);
    const std::string file = privsearch::record_dictionary_path(db);
    REQUIRE(index(db, {"--jobs", "1", bulk}).status == 0);
    REQUIRE(fs::exists(file));
    auto found = [&] {
        RunResult s = search_cmd(db, {"search", "--json", "-n", "3", "zzbulkword"});
        INFO(s.err);
        CHECK(s.status == 0);
        return s.out;
    };
    const std::string expected = parse_json(found())["hits"].dump();
    CHECK(expected.find("zzbulkword") != std::string::npos);

    fs::remove(file);  // as an index built before there was a file
    CHECK(parse_json(found())["hits"].dump() == expected);
    RunResult again = index(db, {bulk});
    INFO(again.err);
    CHECK(again.status == 0);
    CHECK_FALSE(dictionary_file(db).empty());

    std::string damaged = *privsearch::read_file(file);
    damaged.replace(damaged.size() / 2, 64, 64, 'x');
    { std::ofstream(file, std::ios::binary | std::ios::trunc) << damaged; }
    CHECK(parse_json(found())["hits"].dump() == expected);

    fs::remove(file);
    fs::create_directory(file);  // in the way
    RunResult blocked = index(db, {bulk});
    CHECK(blocked.status == 1);  // a warning: nothing was lost
    CHECK(blocked.err.find(": cannot replace " + file) != std::string::npos);
    CHECK(parse_json(found())["hits"].dump() == expected);
}

TEST_CASE("a sharded build trains the stored articles' dictionary, and every shard's articles read back",
          "[indexer][records][shards]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    constexpr int kArticles = 6000;  // some 1.3 MB of records: the dictionary is trained mid-run
    RunResult r = index(db, {"--jobs", "3", write_bulk(tmp, kArticles)});
    INFO(r.err);
    REQUIRE(r.status == 0);
    CHECK_FALSE(Xapian::Database(db).get_metadata(privsearch::schema::metadata::record_dictionary).empty());
    CHECK(dictionary_file(db) == Xapian::Database(db).get_metadata(privsearch::schema::metadata::record_dictionary));
    // Every article, from whichever shard, decoded for its snippet.
    RunResult s = search_cmd(db, {"search", "--json", "--limit", std::to_string(kArticles), "zzbulkword"});
    INFO(s.err);
    REQUIRE(s.status == 0);
    CHECK(parse_json(s.out)["hits"].size() == static_cast<std::size_t>(kArticles));
}

TEST_CASE("a sharded build holds what a single writer's does", "[indexer][shards]") {
    TempDir tmp;
    const std::string big = write_bulk(tmp, 500);
    write_file(tmp / "dup.jsonl", R"({"id": "bulk-7", "title": "Replaced", "text": "A later article with the same id."})" "\n");
    RunResult one = index(tmp / "one", {"--jobs", "1", big, tmp / "dup.jsonl"});
    RunResult four = index(tmp / "four", {"--jobs", "4", big, tmp / "dup.jsonl"});
    INFO(one.err << four.err);
    REQUIRE(one.status == 1);  // the duplicate id is a warning
    REQUIRE(four.status == 1);
    CHECK(doccount(tmp / "one") == 500);
    CHECK(doccount(tmp / "four") == 500);
    auto total = [&](const std::string& db, const std::string& q) {
        return parse_json(search_cmd(db, {"search", "--json", q}).out)["total"].get<int>();
    };
    CHECK(total(tmp / "four", "zzbulkword") == total(tmp / "one", "zzbulkword"));
    CHECK(total(tmp / "four", "title:replaced") == 1);
    nlohmann::json spelling = parse_json(search_cmd(tmp / "four", {"search", "--json", "zzbulkwrd"}).out);
    CHECK(spelling["did_you_mean"] == "zzbulkword");
}

// Resuming an interrupted import: the indexer reads the index (to skip unchanged
// articles) while its own writer commits several times; it must reopen and retry
// (this once failed with "index error: DatabaseModifiedError", exit 2).
TEST_CASE("re-indexing a non-empty index over several commits", "[indexer]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    const std::string file = tmp / "bulk.jsonl";
    auto write_bulk = [&](int n) {
        std::ofstream out(file, std::ios::trunc);
        for (int i = 0; i < n; ++i)
            out << R"({"id": "bulk-)" << i << R"(", "title": "Bulk )" << i << R"(", "text": "Camera )" << i
                << R"( records the zzbulkword street."})" << "\n";
    };
    write_bulk(2000);
    RunResult first = index(db, {"--quiet", "--flush", "200", file});
    INFO(first.err);
    REQUIRE(first.status == 0);
    REQUIRE(doccount(db) == 2000);
    // The same file, grown: the first 2000 lines are unchanged, 1000 are new.
    write_bulk(3000);
    RunResult second = index(db, {"--flush", "200", file});
    INFO(second.out);
    INFO(second.err);
    CHECK(second.status == 0);
    CHECK(second.out.find("1000 added") != std::string::npos);
    CHECK(second.out.find("2000 unchanged") != std::string::npos);
    CHECK(doccount(db) == 3000);
}

TEST_CASE("usage errors exit 2 with one line", "[indexer][usage]") {
    TempDir tmp;
    const std::string db = tmp / "db";
    SECTION("no input") {
        RunResult r = index(db, {});
        CHECK(r.status == 2);
        CHECK(r.err_lines().size() == 1);
        CHECK(r.out.empty());
    }
    SECTION("--flush 0") {
        RunResult r = index(db, {"--flush", "0", corpus()});
        CHECK(r.status == 2);
        CHECK(r.err_lines().size() == 1);
        CHECK(r.err.find("flush") != std::string::npos);
        CHECK_FALSE(fs::exists(db + "/iamglass"));
    }
    SECTION("an unknown option") {
        RunResult r = index(db, {"--no-such-option", corpus()});
        CHECK(r.status == 2);
        auto lines = r.err_lines();
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].find("no-such-option") != std::string::npos);
    }
    SECTION("--help and --version exit 0") {
        RunResult h = run({indexer(), "--help"});
        CHECK(h.status == 0);
        CHECK(h.out.find("--flush") != std::string::npos);
        CHECK(h.out.find("Exit status") != std::string::npos);
        RunResult v = run({indexer(), "--version"});
        CHECK(v.status == 0);
        CHECK(v.out.rfind("privsearch-index ", 0) == 0);
    }
}

TEST_CASE("the index location: PRIVSEARCH_DB, then XDG_DATA_HOME", "[indexer]") {
    TempDir tmp;
    RunOptions env_db;
    env_db.env["PRIVSEARCH_DB"] = tmp / "from-env";
    RunResult r = run({indexer(), fixture("good")}, env_db);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(doccount(tmp / "from-env") == 1);
    // The searcher follows the same rule.
    RunResult s = run({searcher(), "search", "--json", "zzgoodmarker"}, env_db);
    CHECK(s.status == 0);

    RunOptions xdg;
    xdg.env["XDG_DATA_HOME"] = tmp / "xdg";
    xdg.unset_env = {"PRIVSEARCH_DB"};
    RunResult x = run({indexer(), fixture("good")}, xdg);
    INFO(x.err);
    CHECK(x.status == 0);
    CHECK(doccount(tmp / "xdg/privsearch/index") == 1);
}

// Product bug: a --db naming a directory relative to the working directory, with no
// slash ("--db myindex"), fails: create_directories("") throws "Invalid argument".
TEST_CASE("a --db with a bare relative directory name", "[indexer]") {
    TempDir tmp;
    RunOptions in_tmp;
    in_tmp.cwd = tmp.path();
    RunResult r = run({indexer(), "--db", "myindex", fixture("good")}, in_tmp);
    INFO(r.err);
    CHECK(r.status == 0);
    CHECK(fs::exists(tmp / "myindex"));
}
