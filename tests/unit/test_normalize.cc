// common/text_normalize.h and common/charset.h.
#include "charset.h"
#include "text_normalize.h"

#include <catch2/catch.hpp>

#include <string>

using namespace privsearch;

TEST_CASE("normalize_text: typography folds and NFKC", "[text]") {
    struct Case {
        const char* name;
        std::string in;
        std::string out;
    };
    const Case cases[] = {
        {"curly apostrophe", "won\xE2\x80\x99t", "won't"},
        {"left single quote", "\xE2\x80\x98quoted\xE2\x80\x99", "'quoted'"},
        {"curly double quotes", "\xE2\x80\x9Creal-time\xE2\x80\x9D", "\"real-time\""},
        {"low double quote", "\xE2\x80\x9EGuten Tag\xE2\x80\x9C", "\"Guten Tag\""},
        {"guillemets", "\xC2\xABoui\xC2\xBB", "\"oui\""},
        {"en dash", "2019\xE2\x80\x93" "2020", "2019-2020"},
        {"em dash", "(CNN) \xE2\x80\x94 The FBI", "(CNN) - The FBI"},
        {"minus sign", "\xE2\x88\x92" "5", "-5"},
        {"non-breaking hyphen", "e\xE2\x80\x91mail", "e-mail"},
        {"fi ligature", "\xEF\xAC\x81le", "file"},
        {"full-width letters", "\xEF\xBC\xA6\xEF\xBC\xA2\xEF\xBC\xA9", "FBI"},
        {"non-breaking space", "a\xC2\xA0" "b", "a b"},
        {"accents kept", "caf\xC3\xA9 na\xC3\xAFve", "caf\xC3\xA9 na\xC3\xAFve"},
        {"decomposed to composed", "cafe\xCC\x81", "caf\xC3\xA9"},
        {"ascii unchanged", "Plain ASCII, with 'quotes' and \"double\" - dashes.\n\tTabs too.",
         "Plain ASCII, with 'quotes' and \"double\" - dashes.\n\tTabs too."},
        {"empty", "", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(normalize_text(c.in) == c.out);
    }
}

TEST_CASE("normalize_text: won't and won't index alike", "[text]") {
    CHECK(normalize_text("won\xE2\x80\x99t") == normalize_text("won't"));
    CHECK(normalize_text("won\xE2\x80\x99t") != normalize_text("wont"));
}

TEST_CASE("fold_typography: replacements and non-replacements", "[text]") {
    CHECK(fold_typography(U'\u2019') == U'\'');
    CHECK(fold_typography(U'\u201C') == U'"');
    CHECK(fold_typography(U'\u2014') == U'-');
    CHECK(fold_typography(U'a') == 0);
    CHECK(fold_typography(U'-') == 0);
    CHECK(fold_typography(U'\u00E9') == 0);
}

TEST_CASE("fold_case: Unicode case folding", "[text]") {
    struct Case {
        std::string in;
        std::string out;
    };
    const Case cases[] = {
        {"FBI", "fbi"},
        {"Immigration and Customs Enforcement", "immigration and customs enforcement"},
        {"\xC3\x89" "COLE", "\xC3\xA9" "cole"},              // ÉCOLE -> école
        {"\xCE\xA3\xCE\x9F\xCE\xA3", "\xCF\x83\xCE\xBF\xCF\x83"},  // ΣΟΣ -> σοσ
        {"already lower 123", "already lower 123"},
        {"", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.in);
        CHECK(fold_case(c.in) == c.out);
    }
}

TEST_CASE("fold_for_matching: lower case, typography, white space", "[text]") {
    struct Case {
        std::string in;
        std::string out;
    };
    const Case cases[] = {
        {"The FBI Said", "the fbi said"},
        {"  leading and trailing  ", "leading and trailing"},
        {"line\nbreaks\r\n\r\nand\t\ttabs", "line breaks and tabs"},
        {"\xE2\x80\x9CWon\xE2\x80\x99t\xE2\x80\x9D \xE2\x80\x94 ok", "\"won't\" - ok"},
        {"a\xC2\xA0\xC2\xA0" "b", "a b"},
        {"", ""},
    };
    for (const auto& c : cases) {
        CAPTURE(c.in);
        auto f = fold_for_matching(c.in);
        CHECK(f.text == c.out);
        CHECK(f.origin.size() == f.text.size() + 1);
        REQUIRE_FALSE(f.origin.empty());
        CHECK(f.origin.back() == c.in.size());
    }
}

TEST_CASE("fold_for_matching: origin offsets map back to the original", "[text]") {
    // He said “Won’t  stop”,\nnow.
    const std::string text = "He said \xE2\x80\x9CWon\xE2\x80\x99t  stop\xE2\x80\x9D,\nnow.";
    auto f = fold_for_matching(text);
    REQUIRE(f.text == "he said \"won't stop\", now.");
    REQUIRE(f.origin.size() == f.text.size() + 1);

    struct Probe {
        std::string folded;    // found in the folded text
        std::string original;  // what the original has at the mapped offset
    };
    const Probe probes[] = {
        {"\"won't", "\xE2\x80\x9CWon\xE2\x80\x99t"},
        {"won't", "Won\xE2\x80\x99t"},
        {"'t stop", "\xE2\x80\x99t  stop"},
        {"stop\"", "stop\xE2\x80\x9D"},
        {"\", now", "\xE2\x80\x9D,\nnow"},
        {"now.", "now."},
        {"he", "He"},
        {"said", "said"},
    };
    for (const auto& p : probes) {
        CAPTURE(p.folded);
        auto at = f.text.find(p.folded);
        REQUIRE(at != std::string::npos);
        CHECK(text.substr(f.origin[at]).rfind(p.original, 0) == 0);
        // The end of a match not followed by white space maps to the end of the original passage.
        const auto end = at + p.folded.size();
        if (end == f.text.size() || f.text[end] != ' ')
            CHECK(f.origin[end] == f.origin[at] + p.original.size());
    }
}

// origin[i] is documented as "original offset of text[i]": the space standing for a
// run of white space should map to where that run begins, so that a match ending
// before it ends where its last word ends in the original.
TEST_CASE("fold_for_matching: a folded space maps to the start of its white space run", "[text]") {
    const std::string text = "He said \xE2\x80\x9CWon\xE2\x80\x99t  stop\xE2\x80\x9D,\nnow.";
    auto f = fold_for_matching(text);
    REQUIRE(f.text == "he said \"won't stop\", now.");
    struct Probe {
        std::string folded;
        std::string original;
    };
    const Probe probes[] = {
        {"he", "He"},
        {"won't", "Won\xE2\x80\x99t"},
        {"\",", "\xE2\x80\x9D,"},
    };
    for (const auto& p : probes) {
        CAPTURE(p.folded);
        auto at = f.text.find(p.folded);
        REQUIRE(at != std::string::npos);
        const auto end = at + p.folded.size();
        CHECK(text.substr(f.origin[at], f.origin[end] - f.origin[at]) == p.original);
    }
    auto space = f.text.find(" stop");
    REQUIRE(space != std::string::npos);
    CHECK(text.substr(f.origin[space]).rfind("  stop", 0) == 0);
}

TEST_CASE("is_valid_utf8", "[text]") {
    struct Case {
        const char* name;
        std::string bytes;
        bool valid;
    };
    const Case cases[] = {
        {"ascii", "hello", true},
        {"empty", "", true},
        {"two-byte", "caf\xC3\xA9", true},
        {"three-byte", "\xE2\x80\x9C", true},
        {"four-byte", "\xF0\x9F\x98\x80", true},
        {"latin-1", "caf\xE9", false},
        {"truncated", "\xE2\x80", false},
        {"overlong", "\xC0\xAF", false},
        {"lone continuation", "a\x80" "b", false},
        {"surrogate", "\xED\xA0\x80", false},
    };
    for (const auto& c : cases) {
        CAPTURE(c.name);
        CHECK(is_valid_utf8(c.bytes) == c.valid);
    }
}

TEST_CASE("looks_binary: NUL bytes", "[text]") {
    CHECK(looks_binary(std::string("PK\x03\x04\0\0", 6)));
    CHECK(looks_binary(std::string("text\0more", 9)));
    CHECK_FALSE(looks_binary("plain text\nwith lines"));
    CHECK_FALSE(looks_binary("caf\xE9"));
    CHECK_FALSE(looks_binary(""));
}

TEST_CASE("decode_to_utf8", "[text]") {
    SECTION("latin-1 is converted") {
        auto d = decode_to_utf8("caf\xE9");
        CHECK(d.utf8 == "caf\xC3\xA9");
        CHECK(d.converted);
        CHECK(d.charset != "UTF-8");
    }
    SECTION("a longer latin-1 text") {
        auto d = decode_to_utf8("Le caf\xE9 na\xEFve et le gar\xE7on ont parl\xE9 de la s\xE9" "curit\xE9.");
        CHECK(d.utf8 == "Le caf\xC3\xA9 na\xC3\xAFve et le gar\xC3\xA7on ont parl\xC3\xA9 de la s\xC3\xA9" "curit\xC3\xA9.");
        CHECK(d.converted);
    }
    SECTION("UTF-8 is returned as is") {
        auto d = decode_to_utf8("caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
        CHECK(d.utf8 == "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D");
        CHECK_FALSE(d.converted);
        CHECK(d.charset == "UTF-8");
    }
    SECTION("a UTF-8 BOM is dropped") {
        auto d = decode_to_utf8("\xEF\xBB\xBFhello \xC3\xA9");
        CHECK(d.utf8 == "hello \xC3\xA9");
        CHECK_FALSE(d.converted);
        CHECK(d.charset == "UTF-8");
    }
}
