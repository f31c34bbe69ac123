// common/document_builder.h (analyse, build_document), common/stored_article.h and
// schema::boolean_term.
#include "builtin_entities.h"
#include "analysis.h"
#include "document_builder.h"
#include "hash.h"
#include "schema.h"
#include "stored_article.h"
#include "word_forms.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <set>
#include <tuple>
#include <string>
#include <vector>

using namespace privsearch;
using privsearch::test::builtin;
using privsearch::test::matcher;
using schema::Facet;
using schema::Field;

namespace {

Article sample() {
    Article a;
    a.id = "doc-1";
    a.title = "Facebook shares data with the FBI";
    a.source = "The Independent";
    a.date = "2017-07-27";
    a.url = "https://example.com/facebook-fbi";
    a.author = "Jane Doe";
    a.text = "Immigration and Customs Enforcement used Facebook data. ICE agents won\xE2\x80\x99t comment.\n\n"
             "The Electronic Frontier Foundation objected.";
    a.path = "/corpus/doc-1.md";
    return a;
}

std::set<std::string> terms_of(const Xapian::Document& doc) {
    std::set<std::string> out;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) out.insert(*it);
    return out;
}

std::vector<std::string> facet_entries(const std::string& value) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < value.size()) {
        auto end = value.find('\0', pos);
        if (end == std::string::npos) end = value.size();
        out.push_back(value.substr(pos, end - pos + 1));
        pos = end + 1;
    }
    return out;
}

Xapian::Document build(const AnalysedArticle& a) {
    Xapian::TermGenerator tg = make_term_generator();
    return build_document(a, tg);
}

}  // namespace

TEST_CASE("analyse: normalised text, entities with counts, hashes", "[document]") {
    auto a = analyse(sample(), matcher());
    CHECK(a.stored.article.text == sample().text);  // stored as given
    CHECK(a.text_normalized.find("won't") != std::string::npos);
    CHECK(a.title_normalized == "Facebook shares data with the FBI");
    CHECK(a.stored.text_sha256 == sha256_hex(sample().text));
    CHECK(a.stored.text_sha256.size() == 64);
    CHECK(a.content_hash == content_digest(encode_stored(a.stored)));
    CHECK(a.content_hash.size() == 16);
    std::set<std::string> names;
    for (const auto& e : a.stored.entities) {
        names.insert(std::string(schema::facet(e.facet).name) + ":" + e.name + "=" + std::to_string(e.mentions));
    }
    CHECK(names == std::set<std::string>{"agency:FBI=1", "agency:ICE=2", "platform:Facebook=2", "organization:EFF=1"});
}

TEST_CASE("build_document: terms", "[document]") {
    auto doc = build(analyse(sample(), matcher()));
    auto terms = terms_of(doc);
    const char* wanted[] = {
        "Qdoc-1", "Sfacebook", "Sshares", "Sfbi", "facebook", "fbi", "immigration", "won't",
        "XSOURCEthe independent", "XAGENCYfbi", "XAGENCYice", "XPLATFORMfacebook", "XORGeff",
        "XPATH/corpus/doc-1.md", "Ajane", "Adoe",
    };
    for (const char* t : wanted) {
        CAPTURE(t);
        CHECK(terms.count(t) == 1);
    }
    const char* unwanted[] = {"ZSshare", "Zshare", "XAGENCYdhs", "XSOURCEThe Independent", "XAGENCYFBI", "Sfederal", "Sicement", "Qdoc-2"};
    for (const char* t : unwanted) {
        CAPTURE(t);
        CHECK(terms.count(t) == 0);
    }
}

TEST_CASE("build_document: values", "[document]") {
    auto a = analyse(sample(), matcher());
    auto doc = build(a);
    CHECK(doc.get_value(schema::slot(schema::Slot::Date)) == "20170727");
    CHECK(doc.get_value(schema::slot(schema::Slot::ContentHash)) == a.content_hash);

    auto entries = facet_entries(doc.get_value(schema::slot(schema::Slot::Facets)));
    std::set<std::string> got(entries.begin(), entries.end());
    const std::string wanted[] = {
        schema::encode_facet_entry(Facet::Agency, "FBI"),
        schema::encode_facet_entry(Facet::Agency, "ICE"),
        schema::encode_facet_entry(Facet::Platform, "Facebook"),
        schema::encode_facet_entry(Facet::Organization, "EFF"),
        schema::encode_facet_entry(Facet::Source, "The Independent"),
        schema::encode_facet_entry(Facet::Year, "2017"),
        schema::encode_facet_entry(Facet::Month, "2017-07"),
    };
    CHECK(got == std::set<std::string>(std::begin(wanted), std::end(wanted)));
    CHECK(entries.size() == std::size(wanted));
}

TEST_CASE("build_document: the date slot and date facets follow the date's precision", "[document]") {
    struct Case {
        const char* date;
        const char* slot;
        std::vector<std::string> facets;
    };
    const Case cases[] = {
        {"2019-08-08", "20190808", {"y2019", "m2019-08"}},
        {"2019-08", "20190801", {"y2019", "m2019-08"}},
        {"2019", "20190101", {"y2019"}},
        {"", "", {}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.date);
        Article art;
        art.id = "d";
        art.title = "Plain title";
        art.text = "Plain words only.";
        art.date = c.date;
        auto doc = build(analyse(art, matcher()));
        CHECK(doc.get_value(schema::slot(schema::Slot::Date)) == c.slot);
        std::vector<std::string> facets;
        for (const auto& e : facet_entries(doc.get_value(schema::slot(schema::Slot::Facets))))
            facets.push_back(e.substr(0, e.size() - 1));
        CHECK(facets == c.facets);
    }
}

TEST_CASE("build_document: the data round-trips through decode_stored", "[document]") {
    Article art = sample();
    art.line = 7;
    auto a = analyse(art, matcher());
    auto doc = build(a);
    StoredArticle s = decode_stored(doc.get_value(schema::slot(schema::Slot::Record)));
    const Article& d = s.article;
    CHECK(d.id == art.id);
    CHECK(d.title == art.title);
    CHECK(d.source == art.source);
    CHECK(d.date == art.date);
    CHECK(d.url == art.url);
    CHECK(d.author == art.author);
    CHECK(d.text == art.text);
    CHECK(d.path == art.path);
    CHECK(d.line == 7);
    CHECK(s.text_sha256 == a.stored.text_sha256);
    auto sorted = [](std::vector<StoredEntity> v) {
        std::sort(v.begin(), v.end(), [](const auto& x, const auto& y) {
            return std::tie(x.facet, x.name) < std::tie(y.facet, y.name);
        });
        return v;
    };
    CHECK(sorted(s.entities) == sorted(a.stored.entities));
    CHECK(encode_stored(s) == encode_stored(a.stored));
}

TEST_CASE("decode_stored: data not written by encode_stored throws", "[document]") {
    CHECK_THROWS_AS(decode_stored("not an article at all"), std::runtime_error);
    CHECK_THROWS_AS(decode_stored(""), std::runtime_error);
    // The record of format 1 was CBOR: a map opens with 0xa0 + its size.
    CHECK_THROWS_AS(decode_stored("\xab\x62id"), std::runtime_error);
    // Cut short, or with bytes after its end.
    const std::string whole = encode_stored(analyse(sample(), matcher()).stored);
    for (std::size_t cut : {std::size_t{1}, std::size_t{5}, whole.size() / 2, whole.size() - 1}) {
        CAPTURE(cut);
        CHECK_THROWS_AS(decode_stored(whole.substr(0, cut)), std::runtime_error);
    }
    CHECK_THROWS_AS(decode_stored(whole + "x"), std::runtime_error);
    CHECK_NOTHROW(decode_stored(whole));
}

TEST_CASE("analyse: the content hash is stable and changes with any field", "[document]") {
    const std::string base = analyse(sample(), matcher()).content_hash;
    CHECK(analyse(sample(), matcher()).content_hash == base);

    struct Case {
        const char* field;
        std::function<void(Article&)> change;
    };
    const Case cases[] = {
        {"id", [](Article& a) { a.id = "doc-2"; }},
        {"title", [](Article& a) { a.title += "!"; }},
        {"source", [](Article& a) { a.source = "CNN"; }},
        {"date", [](Article& a) { a.date = "2017-07-28"; }},
        {"url", [](Article& a) { a.url += "?x"; }},
        {"author", [](Article& a) { a.author = "John Doe"; }},
        {"text", [](Article& a) { a.text += " "; }},
        {"path", [](Article& a) { a.path = "/other.md"; }},
        {"line", [](Article& a) { a.line = 3; }},
    };
    std::set<std::string> seen{base};
    for (const auto& c : cases) {
        CAPTURE(c.field);
        Article a = sample();
        c.change(a);
        auto h = analyse(a, matcher()).content_hash;
        CHECK(h != base);
        CHECK(seen.insert(h).second);
    }
}

TEST_CASE("id_term and boolean_term", "[document]") {
    struct Case {
        Field field;
        std::string value;
        std::string term;
    };
    const Case cases[] = {
        {Field::Agency, "ICE", "XAGENCYice"},
        {Field::Agency, "Secret Service", "XAGENCYsecret service"},
        {Field::Platform, "WhatsApp", "XPLATFORMwhatsapp"},
        {Field::Organization, "Open Rights Group", "XORGopen rights group"},
        {Field::Company, "T-Mobile", "XCOMPANYt-mobile"},
        {Field::Source, "CNN", "XSOURCEcnn"},
        {Field::Source, "\xC3\x89" "LYS\xC3\x89" "E", "XSOURCE\xC3\xA9lys\xC3\xA9" "e"},
        {Field::Id, "doc-1", "Qdoc-1"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.value);
        CHECK(schema::boolean_term(c.field, c.value) == c.term);
    }
    CHECK(id_term("cnn-2019") == "Qcnn-2019");
    // Any case gives the same filter term.
    CHECK(schema::boolean_term(Field::Agency, "fbi") == schema::boolean_term(Field::Agency, "FBI"));
    CHECK(schema::boolean_term(Field::Source, "the independent") == schema::boolean_term(Field::Source, "The Independent"));
}

TEST_CASE("boolean_term: overlong values are hashed within Xapian's term limit", "[document]") {
    const Field fields[] = {Field::Path, Field::Source, Field::Id, Field::Company};
    for (Field f : fields) {
        CAPTURE(schema::field(f).name);
        const std::string prefix(schema::prefix(f));
        const std::string long_a(400, 'a');
        const std::string long_b = std::string(399, 'a') + "b";
        auto ta = schema::boolean_term(f, long_a);
        auto tb = schema::boolean_term(f, long_b);
        CHECK(ta.size() <= 245);
        CHECK(tb.size() <= 245);
        CHECK(ta.rfind(prefix, 0) == 0);
        CHECK(ta != tb);
        CHECK(schema::boolean_term(f, long_a) == ta);  // deterministic
        // A value that fits is kept as it is.
        const std::string fits(100, 'a');
        CHECK(schema::boolean_term(f, fits) == prefix + fits);
    }
    // A long id still makes a usable document.
    Article art;
    art.id = std::string(300, 'x');
    art.path = "/" + std::string(300, 'p') + ".md";
    art.text = "Some text.";
    art.title = "Title";
    auto doc = build(analyse(art, matcher()));
    for (const auto& t : terms_of(doc)) CHECK(t.size() <= 245);
}

TEST_CASE("encode_facet_entry: code, value, NUL", "[document]") {
    CHECK(schema::encode_facet_entry(Facet::Agency, "FBI") == std::string("aFBI\0", 5));
    CHECK(schema::encode_facet_entry(Facet::Platform, "X") == std::string("pX\0", 3));
    CHECK(schema::encode_facet_entry(Facet::Source, "CNN") == std::string("sCNN\0", 5));
    CHECK(schema::encode_facet_entry(Facet::Month, "2019-08") == std::string("m2019-08\0", 9));
}

TEST_CASE("WordLister: free-text words under their stems, each once a run, words to suggest", "[document]") {
    Xapian::Document doc;
    for (const char* t : {"monitoring", "Sshares", "Ajane", "2019", "covid19", "don't", "XAGENCYfbi", "XSOURCEcnn", "Qdoc-1"})
        doc.add_term(t);
    WordLister lister;
    const DocumentWords words = lister.words_of(doc);
    // No filter terms; no numbers, which the parser does not stem.
    const std::vector<WordForm> wanted = {{"ZAjane", "Ajane"},
                                          {"ZSshare", "Sshares"},
                                          {"Zcovid19", "covid19"},
                                          {"Zdon't", "don't"},
                                          {"Zmonitor", "monitoring"}};
    CHECK(words.new_forms == wanted);
    // Unprefixed and alphabetic only.
    CHECK(words.spelling == std::vector<std::string>{"monitoring"});

    Xapian::Document next;
    for (const char* t : {"monitoring", "monitored", "Qdoc-2"}) next.add_term(t);
    const DocumentWords later = lister.words_of(next);
    CHECK(later.new_forms == std::vector<WordForm>{{"Zmonitor", "monitored"}});
    CHECK(later.spelling == std::vector<std::string>{"monitored", "monitoring"});
}
