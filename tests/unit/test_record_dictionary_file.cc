// common/mapped_file.h, common/record_dictionary_file.h and the way ArticleStore uses
// them: the stored records' dictionary mapped from a file beside the index's tables,
// with the index's own copy deciding whenever the file is missing, stale or damaged.
#include "article_store.h"
#include "mapped_file.h"
#include "record_compression.h"
#include "record_dictionary_file.h"
#include "schema.h"
#include "scratch_index.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace privsearch;
namespace fs = std::filesystem;

namespace {

const unsigned kRecord = schema::slot(schema::Slot::Record);

// Samples enough for a dictionary, each `seed` giving a different one.
std::vector<std::string> samples(unsigned seed) {
    const char* const words[] = {"surveillance", "police", "warrant", "facebook", "agency", "court",
                                 "privacy", "contract", "monitoring", "immigration", "officials", "data"};
    std::vector<std::string> out;
    for (unsigned n = 0; n < 3000; ++n) {
        std::string s = "record " + std::to_string(n * seed) + ":";
        for (unsigned i = 0; s.size() < 400; ++i) s += std::string(" ") + words[(n * seed + i * i) % 12];
        out.push_back(s);
    }
    return out;
}

void write(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// Files left beside the dictionary's under a temporary name.
int temporaries(const std::string& dir) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        n += e.path().filename().string().starts_with(std::string(schema::files::record_dictionary) + ".");
    return n;
}

std::string slurp(const std::string& path) {
    auto mapped = MappedFile::open(path);
    return mapped ? std::string(mapped->bytes()) : std::string();
}

// An index of one article, compressed with `dictionary`, which its metadata holds.
struct IndexWithArticle {
    explicit IndexWithArticle(const std::string& dictionary) {
        article.article.id = "x-1";
        article.article.text = "ICE used Facebook login records and IP addresses to find people.";
        index.db().set_metadata(schema::metadata::record_dictionary, dictionary);
        Xapian::Document doc;
        doc.add_value(kRecord, RecordCompressor(dictionary).compress(encode_stored(article)));
        index.db().add_document(doc);
        index.db().commit();
    }
    std::string text_read() { return ArticleStore(index.db(), index.path()).read(index.db().get_document(1)).article.text; }

    test::ScratchIndex index;
    StoredArticle article;
};

}  // namespace

TEST_CASE("MappedFile maps a whole file, and nothing that is missing, empty or a directory", "[records][dictfile]") {
    test::ScratchIndex scratch;
    const std::string path = scratch.path() + "/bytes";
    write(path, std::string("a\0b", 3) + std::string(10000, 'z'));
    auto mapped = MappedFile::open(path);
    REQUIRE(mapped);
    CHECK(mapped->bytes() == std::string("a\0b", 3) + std::string(10000, 'z'));
    MappedFile moved = std::move(*mapped);
    CHECK(moved.bytes().size() == 10003);

    write(path, "");
    CHECK_FALSE(MappedFile::open(path));
    CHECK_FALSE(MappedFile::open(scratch.path() + "/missing"));
    CHECK_FALSE(MappedFile::open(scratch.path()));
}

TEST_CASE("the dictionary file is written, replaced whole, and removed with the dictionary", "[records][dictfile]") {
    test::ScratchIndex scratch;
    const std::string path = record_dictionary_path(scratch.path());
    CHECK(fs::path(path).filename() == schema::files::record_dictionary);
    const std::string first = train_record_dictionary(samples(1)), second = train_record_dictionary(samples(7));
    const unsigned first_id = RecordDecompressor::id_of_dictionary(first);
    const unsigned second_id = RecordDecompressor::id_of_dictionary(second);
    REQUIRE(first_id != second_id);

    save_record_dictionary_file(scratch.path(), first);
    CHECK(slurp(path).size() == first.size() + 8);  // and its checksum
    auto mapped = map_record_dictionary_file(scratch.path(), first_id);
    REQUIRE(mapped);
    CHECK(mapped->dictionary == first);
    CHECK_FALSE(map_record_dictionary_file(scratch.path(), second_id));
    CHECK_FALSE(map_record_dictionary_file(scratch.path(), 0));

    save_record_dictionary_file(scratch.path(), second);
    REQUIRE(map_record_dictionary_file(scratch.path(), second_id));
    CHECK(map_record_dictionary_file(scratch.path(), second_id)->dictionary == second);
    CHECK(mapped->dictionary == first);  // a mapping outlives the file it was made from
    CHECK(temporaries(scratch.path()) == 0);

    save_record_dictionary_file(scratch.path(), "");
    CHECK_FALSE(fs::exists(path));
    save_record_dictionary_file(scratch.path(), "");  // nothing to remove: no error

    fs::create_directory(path);  // in the way of the rename
    CHECK_THROWS_AS(save_record_dictionary_file(scratch.path(), first), std::runtime_error);
    CHECK(temporaries(scratch.path()) == 0);
}

TEST_CASE("ArticleStore maps the dictionary from its file", "[records][dictfile][store]") {
    const std::string dictionary = train_record_dictionary(samples(1));
    REQUIRE_FALSE(dictionary.empty());
    IndexWithArticle x(dictionary);
    save_record_dictionary_file(x.index.path(), dictionary);
    // With the index's copy gone, only the file can decode the article.
    x.index.db().set_metadata(schema::metadata::record_dictionary, "");
    x.index.db().commit();
    CHECK(x.text_read() == x.article.article.text);
    fs::remove(record_dictionary_path(x.index.path()));
    CHECK_THROWS_AS(x.text_read(), std::runtime_error);
}

TEST_CASE("ArticleStore reads the index's dictionary when the file is missing, stale or damaged",
          "[records][dictfile][store]") {
    const std::string dictionary = train_record_dictionary(samples(1));
    IndexWithArticle x(dictionary);
    const std::string path = record_dictionary_path(x.index.path());
    CHECK(x.text_read() == x.article.article.text);  // no file

    save_record_dictionary_file(x.index.path(), dictionary);
    const std::string whole = slurp(path);
    std::string overwritten = whole;
    overwritten.replace(whole.size() / 2, 100, 100, '\x5a');
    save_record_dictionary_file(x.index.path(), train_record_dictionary(samples(7)));
    const std::string stale = slurp(path);
    const std::pair<const char*, std::string> files[] = {
        {"another index's dictionary", stale},
        {"cut short", whole.substr(0, whole.size() / 2)},
        {"overwritten in the middle", overwritten},
        {"without its checksum", whole.substr(0, whole.size() - 8)},
        {"not a dictionary", "junk"},
    };
    for (const auto& [what, bytes] : files) {
        INFO(what);
        write(path, bytes);
        CHECK(x.text_read() == x.article.article.text);
    }
}

TEST_CASE("ArticleStore reads the index's dictionary when one that passes the file's checks fails",
          "[records][dictfile][store]") {
    // Its id and checksum hold, its entropy tables do not: as a crafted file, or another
    // dictionary whose 31-bit id collides, would be.
    const std::string dictionary = train_record_dictionary(samples(1));
    IndexWithArticle x(dictionary);
    std::string broken = dictionary;
    std::fill(broken.begin() + 8, broken.begin() + 108, '\x7f');
    REQUIRE(RecordDecompressor::id_of_dictionary(broken) == RecordDecompressor::id_of_dictionary(dictionary));
    save_record_dictionary_file(x.index.path(), broken);
    REQUIRE(map_record_dictionary_file(x.index.path(), RecordDecompressor::id_of_dictionary(dictionary)));
    CHECK(x.text_read() == x.article.article.text);
}

TEST_CASE("ArticleStore::prepare loads the dictionary before the first read", "[records][dictfile][store]") {
    const std::string dictionary = train_record_dictionary(samples(1));
    IndexWithArticle x(dictionary);
    save_record_dictionary_file(x.index.path(), dictionary);
    ArticleStore store(x.index.db(), x.index.path());
    store.prepare();
    // Both copies of the dictionary gone: only one loaded already decodes the article.
    fs::remove(record_dictionary_path(x.index.path()));
    x.index.db().set_metadata(schema::metadata::record_dictionary, "");
    x.index.db().commit();
    CHECK(store.read(x.index.db().get_document(1)).article.text == x.article.article.text);
}

TEST_CASE("ArticleStore::prepare on an index without its newest article, or without any", "[records][store]") {
    const std::string dictionary = train_record_dictionary(samples(1));
    IndexWithArticle x(dictionary);
    Xapian::Document doc;
    doc.add_value(kRecord, RecordCompressor(dictionary).compress(encode_stored(x.article)));
    x.index.db().add_document(doc);
    x.index.db().delete_document(2);
    x.index.db().commit();
    save_record_dictionary_file(x.index.path(), dictionary);
    ArticleStore store(x.index.db(), x.index.path());
    CHECK_NOTHROW(store.prepare());
    // It loaded the dictionary from the newest article left: with both copies then
    // removed, the article still reads.
    fs::remove(record_dictionary_path(x.index.path()));
    x.index.db().set_metadata(schema::metadata::record_dictionary, "");
    x.index.db().commit();
    CHECK(store.read(x.index.db().get_document(1)).article.text == x.article.article.text);

    test::ScratchIndex empty;
    ArticleStore nothing(empty.db(), empty.path());
    CHECK_NOTHROW(nothing.prepare());
}
