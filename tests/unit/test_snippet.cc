// searcher/snippet.h: where in an article the snippet is cut from.
#include "snippet.h"

#include <catch2/catch.hpp>
#include <xapian.h>

#include <string>
#include <tuple>
#include <vector>

using privsearch::searcher::Highlights;
using privsearch::searcher::make_snippet;
using privsearch::searcher::passage_window;
using privsearch::searcher::xapian_snippet;

namespace {

const std::string kFiller(400, 'x');

// The window's text; "(none)" when no word occurs.
std::string window_text(const std::string& text, const std::vector<std::string>& terms, std::size_t width) {
    auto w = passage_window(text, terms, width);
    return w ? text.substr(w->begin, w->end - w->begin) : "(none)";
}

// The highlighted parts of a snippet.
std::vector<std::string> highlighted(const privsearch::searcher::Snippet& s) {
    std::vector<std::string> out;
    for (const auto& h : s.highlights) out.push_back(s.text.substr(h.begin, h.end - h.begin));
    return out;
}

// What the query's highlights cover in `text`.
std::vector<std::string> spans_of(const Xapian::Query& q, const std::string& text) {
    std::vector<std::string> out;
    for (const auto& span : Highlights(q).in(text)) out.push_back(text.substr(span.begin, span.end - span.begin));
    return out;
}

}  // namespace

TEST_CASE("passage_window: where most of the query's words are, whole words", "[snippet]") {
    const std::string text = "Opening words. " + kFiller + " The FBI asked vendors for monitoring tools. " + kFiller +
                             " Monitoring again, alone. " + kFiller;
    // The parser gives a stem's forms as terms of their own, beside the Z-stem itself.
    const std::vector<std::string> terms = {"Zmonitor", "monitor", "monitoring", "vendors", "XAGENCYfbi"};
    const std::string w = window_text(text, terms, 120);
    CHECK(w.find("vendors for monitoring") != std::string::npos);
    CHECK(w.front() != 'x');
    CHECK(w.find(kFiller) == std::string::npos);
}

TEST_CASE("passage_window: starts on the sentence of the first match when the window keeps its words", "[snippet]") {
    const std::string text = kFiller + ". The agency said on Monday that it bought monitoring tools from vendors. " + kFiller;
    const std::string w = window_text(text, {"monitoring", "vendors"}, 120);
    CHECK(w.starts_with("The agency said on Monday that it bought monitoring tools from vendors."));
    // A match too far into its sentence: some words before it, on a word boundary.
    const std::string late = kFiller + ". " + std::string(200, 'y') + " and then monitoring tools. " + kFiller;
    const std::string w2 = window_text(late, {"monitoring"}, 120);
    CHECK(w2.starts_with("and then monitoring"));
}

TEST_CASE("passage_window: the last word of the best stretch stays whole", "[snippet]") {
    // "alpha" and "omega" are 100 bytes apart: with 120 bytes, at most 15 can precede "alpha".
    const std::string text = kFiller + " lead words alpha " + std::string(88, 'y') + " omega, " + kFiller;
    const std::string w = window_text(text, {"alpha", "omega"}, 120);
    CHECK(w.find("alpha") != std::string::npos);
    CHECK(w.find("omega") != std::string::npos);
}

TEST_CASE("passage_window: a text without spaces is cut around its match, not given whole", "[snippet]") {
    const std::string text = std::string(300, 'x') + "-alpha-" + std::string(300, 'x');
    const auto w = passage_window(text, {"alpha"}, 120);
    REQUIRE(w);
    CHECK(w->begin <= 301);
    CHECK(w->end >= 306);
    CHECK(w->end - w->begin <= 120);
}

TEST_CASE("passage_window: a stretch of matches wider than the window is cut on a whole character", "[snippet]") {
    // From "alpha" to the end of "o\u00e9\u00e9\u00e9\u00e9" is 125 bytes without a space:
    // a window of about 120 ends inside the second word, maybe inside a letter.
    const std::string last = "o\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9";
    const std::string text = kFiller + " alpha-" + std::string(109, 'y') + "-" + last + " " + kFiller;
    for (std::size_t width : {119, 120, 121}) {
        const auto w = passage_window(text, {"alpha", last}, width);
        REQUIRE(w);
        CAPTURE(width, w->begin, w->end);
        CHECK(text.substr(w->begin, 5) == "alpha");
        CHECK(w->end <= w->begin + width);
        CHECK((static_cast<unsigned char>(text[w->end]) & 0xC0) != 0x80);  // not inside a letter
    }
}

TEST_CASE("passage_window: a window narrower than the match's first letter holds that letter whole", "[snippet]") {
    for (const std::string word : {"\xC3\xA9t\xC3\xA9", "\xE1\xBD\x90\xE1\xBD\x90", "\xE4\xB8\xAD\xE6\x96\x87"}) {
        const std::string text = word + " " + kFiller;
        for (std::size_t width : {1, 2}) {
            const auto w = passage_window(text, {word}, width);
            REQUIRE(w);
            CAPTURE(word, width, w->end);
            CHECK(w->begin == 0);
            CHECK((static_cast<unsigned char>(text[w->end]) & 0xC0) != 0x80);
            CHECK(w->end > 0);
        }
    }
}

TEST_CASE("passage_window: a title's or an initial's full stop, or a dash, starts no sentence", "[snippet]") {
    const std::string titled = kFiller + ". The agency, said Mr. Smith on Monday, bought monitoring tools. " + kFiller;
    CHECK(window_text(titled, {"monitoring"}, 120).starts_with("The agency, said Mr. Smith"));
    const std::string initial = kFiller + ". Reports by J. Doe and others say it bought monitoring tools. " + kFiller;
    CHECK(window_text(initial, {"monitoring"}, 120).starts_with("Reports by J. Doe"));
    const std::string dashed = kFiller + ". Agencies said so. \xE2\x80\x94 and then police bought monitoring tools. " + kFiller;
    CHECK(window_text(dashed, {"monitoring"}, 120).starts_with("Agencies"));
    const std::string quoted = kFiller + ". \xE2\x80\x9CWe bought monitoring tools,\xE2\x80\x9D he said. " + kFiller;
    CHECK(window_text(quoted, {"monitoring"}, 120).starts_with("\xE2\x80\x9CWe bought"));
}

TEST_CASE("make_snippet, xapian_snippet: the text as written, not escaped for HTML", "[snippet]") {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    doc.add_term("poor's");
    db.add_document(doc);
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("poor's"));
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    const std::string text = "Standard & Poor's said 3 < 4 and 5 > 4, and &amp; stays as written.";
    for (const auto& snippet : {make_snippet(text, {"poor's"}, Highlights(Xapian::Query("poor's")), 240),
                                xapian_snippet(mset, text, {"poor's"}, 240)}) {
        CHECK(snippet.text == text);
        REQUIRE(snippet.highlights.size() == 1);
        CHECK(highlighted(snippet) == std::vector<std::string>{"Poor's"});
    }
}

TEST_CASE("Highlights: words, the words stems stand for, and phrases whole where their words are in order", "[snippet]") {
    using Q = Xapian::Query;
    const Q words(Q::OP_AND, Q(Q::OP_SYNONYM, Q("Zmonitor"), Q("monitoring")), Q("police"));
    CHECK(spans_of(words, "Police were Monitoring; a monitor, monitors.") ==
          std::vector<std::string>{"Police", "Monitoring", "monitor"});
    const Q phrase(Q::OP_PHRASE, Q("social"), Q("media"));
    // Punctuation between them does not part them, as it does not for the index's positions.
    CHECK(spans_of(phrase, "Social media, media social, social: media. On social  media.") ==
          std::vector<std::string>{"Social media", "social: media", "social  media"});
    // A word of the phrase that the query also has alone is highlighted alone too, and
    // within the phrase the phrase is one span.
    const Q both(Q::OP_AND, phrase, Q("media"));
    CHECK(spans_of(both, "media and social media") == std::vector<std::string>{"media", "social media"});
    // Curly apostrophes are straight in terms.
    CHECK(spans_of(Q("facebook's"), "Facebook\xE2\x80\x99s data") == std::vector<std::string>{"Facebook\xE2\x80\x99s"});
}

TEST_CASE("Highlights: an acronym spelt with full stops is the word the index made of it", "[snippet]") {
    CHECK(spans_of(Xapian::Query("sec"), "A divided S.E.C. and the SEC, not S.E or S.") ==
          std::vector<std::string>{"S.E.C.", "SEC"});
    CHECK(spans_of(Xapian::Query("us"), "U.S. officials; US.") == std::vector<std::string>{"U.S.", "US"});
}

TEST_CASE("Highlights: long words, and words past ASCII, are highlighted", "[snippet]") {
    // Their terms outgrow the string's own buffer: a view into a temporary once lost them.
    for (const std::string word : {"telecommunications", "administration's", "\xCE\xB5\xCE\xBB\xCE\xBB\xCE\xB7\xCE\xBD\xCE\xB9\xCE\xBA\xCE\xAC"}) {
        INFO(word);
        CHECK(spans_of(Xapian::Query(word), "The " + word + " plan.") == std::vector<std::string>{word});
    }
}

TEST_CASE("Highlights: phrase matches that overlap make one span, and the snippet holds its text once", "[snippet]") {
    using Q = Xapian::Query;
    const auto phrase = [](std::vector<std::string> words) {
        const std::vector<Q> qs(words.begin(), words.end());
        return Q(Q::OP_PHRASE, qs.begin(), qs.end());
    };
    const std::vector<std::tuple<Q, std::string, std::string>> cases = {
        {phrase({"bye", "bye"}), "The crowd sang bye bye bye as the band left.", "bye bye bye"},
        {phrase({"one", "by", "one"}), "They left one by one by one, the police said.", "one by one by one"},
        {Q(Q::OP_AND, phrase({"social", "media"}), phrase({"media", "monitoring"})),
         "The police bought social media monitoring tools.", "social media monitoring"},
    };
    for (const auto& [q, text, span] : cases) {
        INFO(text);
        CHECK(spans_of(q, text) == std::vector<std::string>{span});
        const std::vector<std::string> terms(q.get_unique_terms_begin(), q.get_unique_terms_end());
        CHECK(make_snippet(text, terms, Highlights(q), 240).text == text);
    }
}

TEST_CASE("Highlights: words split as Xapian's term generator splits them", "[snippet]") {
    const std::string text = "Developers use C++ and C# (not C+++ or C++x) at U.S firms; the S.E.C\xE2\x80\x99s rule.";
    CHECK(spans_of(Xapian::Query("c++"), text) == std::vector<std::string>{"C++"});
    CHECK(spans_of(Xapian::Query("c#"), text) == std::vector<std::string>{"C#"});
    CHECK(spans_of(Xapian::Query("us"), text) == std::vector<std::string>{"U.S"});
    CHECK(spans_of(Xapian::Query("sec"), text) == std::vector<std::string>{"S.E.C"});
    // A zero-width space joins and is left out; a raised-comma quote is an apostrophe.
    CHECK(spans_of(Xapian::Query("privacy"), "pri\xE2\x80\x8Bvacy") == std::vector<std::string>{"pri\xE2\x80\x8Bvacy"});
    CHECK(spans_of(Xapian::Query("o'neil"), "O\xE2\x80\x9BNeil said") == std::vector<std::string>{"O\xE2\x80\x9BNeil"});
}

TEST_CASE("make_snippet: no dash, comma or space dangles where text is left out", "[snippet]") {
    const Highlights monitoring(Xapian::Query("monitoring"));
    CHECK(make_snippet("-- Police bought monitoring tools.", {"monitoring"}, monitoring, 240).text ==
          "Police bought monitoring tools.");
    const std::string cut = "Police bought monitoring tools, " + std::string(300, 'x') + " end.";
    CHECK(make_snippet(cut, {"monitoring"}, monitoring, 40).text == "Police bought monitoring tools\u2026");
    // Quotes and sentence ends stay.
    const std::string quoted = "\"Police bought monitoring tools.\" " + std::string(300, 'x') + " end.";
    CHECK(make_snippet(quoted, {"monitoring"}, monitoring, 40).text == "\"Police bought monitoring tools.\"\u2026");
}

TEST_CASE("Highlights: what the query does not weigh is left plain", "[snippet]") {
    using Q = Xapian::Query;
    // Words under NOT, filters, and field terms (a title's) are not in the text's highlights.
    const Q q(Q::OP_AND_NOT, Q(Q::OP_FILTER, Q("data"), Q("XSOURCEcnn")), Q("england"));
    CHECK(spans_of(q, "England data cnn") == std::vector<std::string>{"data"});
    CHECK(spans_of(Q("Sdata"), "data").empty());
    // A phrase with a gap (NEAR, or a window wider than its words) is its words.
    CHECK(spans_of(Q(Q::OP_NEAR, Q("fbi"), Q("contract")), "the contract with the FBI") ==
          std::vector<std::string>{"contract", "FBI"});
}

TEST_CASE("Highlights: the spans Xapian's MSet::snippet highlights", "[snippet]") {
    // Xapian highlights what its statistics weigh: an index holding every term.
    using Q = Xapian::Query;
    const std::vector<Q> real_time_access = {Q("real"), Q("time"), Q("access")};
    const std::vector<Q> queries = {
        Q(Q::OP_PHRASE, real_time_access.begin(), real_time_access.end()),
        Q(Q::OP_OR, Q(Q::OP_PHRASE, Q("social"), Q("media")), Q("data")),
        Q(Q::OP_AND, Q(Q::OP_SYNONYM, Q("Zshare"), Q("shared")), Q("whatsapp")),
        Q(Q::OP_AND, Q("police"), Q("x")),
    };
    // (Xapian also highlights a word under NOT, which Highlights leaves plain: no text
    // the query matches holds one.)
    const std::vector<std::string> texts = {
        "Real-time access to social media data, shared with WhatsApp and X police.",
        "The police asked for real time access; social, media and data were shared.",
        "Data\xE2\x80\x99s real-time: social media, X, WhatsApp\xE2\x80\x99s police share shared data.",
    };
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    for (const char* t : {"real", "time", "access", "social", "media", "data", "Zshare", "shared", "whatsapp", "police", "x"})
        doc.add_term(t);
    db.add_document(doc);
    for (const auto& q : queries) {
        Xapian::Enquire enquire(db);
        enquire.set_query(q);
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        for (const auto& text : texts) {
            INFO(q.get_description() << " in " << text);
            CHECK(highlighted(make_snippet(text, {"real", "social", "data", "shared", "police"}, Highlights(q), 240)) ==
                  highlighted(xapian_snippet(mset, text, {"real", "social", "data", "shared", "police"}, 240)));
        }
    }
}

TEST_CASE("passage_window: words match whole and in any case, a trailing apostrophe is not part of one", "[snippet]") {
    const std::string text = kFiller + " Users' DATA was sold. " + kFiller + " metadata " + kFiller;
    const std::string w = window_text(text, {"data", "users"}, 100);
    CHECK(w.find("Users' DATA") != std::string::npos);
    // "metadata" holds "data" but is not the word.
    CHECK(window_text(kFiller + " metadata " + kFiller, {"data"}, 100) == "(none)");
}

TEST_CASE("passage_window: all of a short text, nothing of a longer text without the words", "[snippet]") {
    CHECK(window_text("short text", {"text"}, 100) == "short text");
    CHECK(window_text("short text", {"absent"}, 100) == "short text");
    const std::string text = kFiller + " nothing here " + kFiller;
    CHECK(window_text(text, {"absent", "Zabsent"}, 100) == "(none)");
}

TEST_CASE("passage_window: words are split as the index splits them, in verbatim text", "[snippet]") {
    // The stored text keeps curly quotes, dashes and no-break spaces; the index saw them
    // normalised. Each case alone must be found, not fall back to the whole text.
    const struct {
        const char* text;
        const char* term;
    } cases[] = {
        {"\xE2\x80\x9Csurveillance\xE2\x80\x9D", "surveillance"},
        {"Trump\xE2\x80\x99s", "trump's"},
        {"monitoring\xE2\x80\x94" "and", "monitoring"},
        {"the\xC2\xA0monitoring", "monitoring"},
        {"'monitoring'", "monitoring"},
        {"users' data", "users"},
        {"paid 2,000 dollars", "2,000"},
        {"AT&T sold it", "at&t"},
        {"\xC4\xB0stanbul police", "istanbul"},  // a capital I with a dot folds to 'i'
        {"\xE2\x84\xAA" "elvin scale", "kelvin"},   // the Kelvin sign folds to 'k'
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const std::string text = kFiller + " " + c.text + " " + kFiller;
        const std::string w = window_text(text, {c.term}, 100);
        CHECK(w.size() < text.size());
        CHECK(w.find(c.text) != std::string::npos);
    }
}

TEST_CASE("passage_window: terms searched for as bytes find what splitting every word finds", "[snippet]") {
    // A term starting with a letter past ASCII (here one found nowhere) makes passage_window
    // split and fold every word: both ways must choose the same window.
    const std::string pieces[] = {"Monitoring", "monitoring's", "O'monitoring", "premonitoring", "MONITORING,",
                                  "data-monitoring", "3.5monitoring", "AT&monitoring", "\xE2\x80\x9Cmonitoring\xE2\x80\x9D",
                                  "monitoring\xC3\xA9", "caf\xC3\xA9 monitoring", "Monitoring\xE2\x80\x99s", "monitoring's", "police", "Police.", "policed", kFiller};
    for (unsigned seed = 1; seed <= 40; ++seed) {
        std::string text;
        for (unsigned i = 0, x = seed; i < 24; ++i, x = x * 1103515245u + 12345u)
            text += pieces[(x >> 8) % std::size(pieces)] + " ";
        CAPTURE(text);
        const std::vector<std::string> plain = {"monitoring", "monitoring's", "police", "Zpolic"};
        std::vector<std::string> split = plain;
        split.push_back("\xC3\xA9t\xC3\xA9");
        CHECK(window_text(text, plain, 120) == window_text(text, split, 120));
    }
}
