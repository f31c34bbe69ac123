// common/record_compression.h, common/article_store.h and indexer/record_packer.h:
// stored records compressed with a dictionary the index trains from its first articles.
#include "article_store.h"
#include "record_compression.h"
#include "record_packer.h"
#include "schema.h"
#include "scratch_index.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace privsearch;
using privsearch::indexer::Prepared;
using privsearch::indexer::RecordPacker;

namespace {

const unsigned kRecord = schema::slot(schema::Slot::Record);

const char* const kWords[] = {"surveillance", "police", "records", "facebook", "agency", "warrant", "data",
                              "immigration", "court", "privacy", "officials", "said", "the", "contract",
                              "monitoring", "social", "media", "company", "report", "federal"};

// A record-like text of some 400 bytes, different for each n.
std::string record(unsigned n) {
    std::string s = "article-" + std::to_string(n) + " News Desk 2019-08-0" + std::to_string(n % 9 + 1) + " ";
    for (unsigned i = 0; s.size() < 400; ++i) {
        s += kWords[(n * 7 + i * i) % 20];
        s += i % 9 == 8 ? ". " : " ";
    }
    return s;
}

std::vector<std::string> records(unsigned from, unsigned count) {
    std::vector<std::string> out;
    for (unsigned n = from; n < from + count; ++n) out.push_back(record(n));
    return out;
}

Prepared article(unsigned n) {
    Prepared p;
    p.id = "article-" + std::to_string(n);
    p.doc.emplace();
    p.doc->add_value(kRecord, record(n));
    return p;
}

}  // namespace

TEST_CASE("records round-trip with and without a dictionary", "[records]") {
    const std::string dict = train_record_dictionary(records(0, 3000));
    REQUIRE_FALSE(dict.empty());
    for (const std::string& d : {std::string(), dict}) {
        RecordCompressor c(d);
        RecordDecompressor dc(d);
        for (const std::string& r : {record(5000), std::string(), std::string(100000, 'x')}) CHECK(dc.decompress(c.compress(r)) == r);
    }
}

TEST_CASE("a decompressor given another dictionary reads that one's records and those without any", "[records]") {
    const std::string first = train_record_dictionary(records(0, 3000));
    const std::string second = train_record_dictionary(records(3000, 3000));
    REQUIRE(RecordDecompressor::id_of_dictionary(first) != RecordDecompressor::id_of_dictionary(second));
    RecordCompressor plain(""), with_first(first), with_second(second);
    const std::string r = record(5000);
    RecordDecompressor dc;
    CHECK(dc.dictionary_id() == 0);
    CHECK(dc.decompress(plain.compress(r)) == r);
    CHECK_THROWS(dc.decompress(with_first.compress(r)));
    dc.use(first);
    CHECK(dc.dictionary_id() == RecordDecompressor::id_of_dictionary(first));
    CHECK(dc.decompress(with_first.compress(r)) == r);
    CHECK(dc.decompress(plain.compress(r)) == r);
    dc.use(std::string(second));
    CHECK(dc.decompress(with_second.compress(r)) == r);
    CHECK_THROWS(dc.decompress(with_first.compress(r)));
    dc.use(std::string());
    CHECK(dc.dictionary_id() == 0);
    CHECK(dc.decompress(plain.compress(r)) == r);
}

TEST_CASE("a dictionary trained on like records makes each one smaller", "[records]") {
    const std::string dict = train_record_dictionary(records(0, 3000));
    RecordCompressor plain(""), trained(dict);
    std::size_t without = 0, with = 0;
    for (const auto& r : records(5000, 100)) {
        without += plain.compress(r).size();
        with += trained.compress(r).size();
    }
    CAPTURE(with, without);
    CHECK(with * 3 < without * 2);  // a third smaller at least (half, as written)
}

TEST_CASE("too little text trains no dictionary", "[records]") {
    CHECK(train_record_dictionary({}).empty());
    CHECK(train_record_dictionary(records(0, 20)).empty());
}

TEST_CASE("a record needs its own dictionary, anything else is refused", "[records]") {
    const std::string dict = train_record_dictionary(records(0, 3000));
    const std::string frame = RecordCompressor(dict).compress(record(1));
    CHECK(RecordDecompressor::dictionary_of(frame) != 0);
    CHECK(RecordDecompressor::dictionary_of(RecordCompressor("").compress(record(1))) == 0);
    CHECK_THROWS_AS(RecordDecompressor("").decompress(frame), std::runtime_error);
    CHECK_THROWS_AS(RecordDecompressor(train_record_dictionary(records(9000, 3000))).decompress(frame), std::runtime_error);
    RecordDecompressor dc(dict);
    CHECK_THROWS_AS(dc.decompress(""), std::runtime_error);
    CHECK_THROWS_AS(dc.decompress("not a zstd frame at all"), std::runtime_error);
    CHECK_THROWS_AS(dc.decompress(frame.substr(0, frame.size() - 3)), std::runtime_error);
}

TEST_CASE("RecordPacker: an index without a dictionary trains one from the first records, sent ahead of those that use it",
          "[records][packer]") {
    RecordPacker packer("");
    std::vector<Prepared> out;
    auto emit = [&](Prepared p) { out.push_back(std::move(p)); };
    Prepared problem;
    problem.problem = InputProblem{"bad.txt", 3, "unreadable", true};
    packer.pack(std::move(problem), emit);
    CHECK(out.size() == 1);
    unsigned n = 0;
    while (out.back().record_dictionary.empty()) packer.pack(article(n++), emit);
    CHECK(n > 1000);  // some 512 KiB of records, each handed on at once, compressed on its own
    REQUIRE(out.size() == n + 2);
    CHECK(out[0].problem);
    for (unsigned i = 0; i < n; ++i) {
        CHECK(out[i + 1].id == "article-" + std::to_string(i));
        CHECK(RecordDecompressor("").decompress(out[i + 1].doc->get_value(kRecord)) == record(i));
    }
    const std::string dictionary = out.back().record_dictionary;
    packer.pack(article(n), emit);  // later ones use the dictionary
    REQUIRE(out.size() == n + 3);
    CHECK(RecordDecompressor::dictionary_of(out.back().doc->get_value(kRecord)) != 0);
    CHECK(RecordDecompressor(dictionary).decompress(out.back().doc->get_value(kRecord)) == record(n));
    packer.finish(emit);
    CHECK(out.size() == n + 3);
}

TEST_CASE("RecordPacker: a run with too little text trains no dictionary", "[records][packer]") {
    RecordPacker packer("");
    std::vector<Prepared> out;
    auto emit = [&](Prepared p) { out.push_back(std::move(p)); };
    for (unsigned n = 0; n < 5; ++n) packer.pack(article(n), emit);
    packer.finish(emit);
    REQUIRE(out.size() == 5);
    for (unsigned n = 0; n < 5; ++n) {
        CHECK(out[n].record_dictionary.empty());
        CHECK(RecordDecompressor("").decompress(out[n].doc->get_value(kRecord)) == record(n));
    }
}

TEST_CASE("RecordPacker: a run ending with enough text leaves a dictionary for the next", "[records][packer]") {
    RecordPacker packer("");
    std::vector<Prepared> out;
    auto emit = [&](Prepared p) { out.push_back(std::move(p)); };
    for (unsigned n = 0; n < 800; ++n) packer.pack(article(n), emit);  // ~320 KiB
    CHECK(out.size() == 800);
    packer.finish(emit);
    REQUIRE(out.size() == 801);
    CHECK_FALSE(out.back().record_dictionary.empty());
}

TEST_CASE("RecordPacker: with the index's dictionary, records go straight through", "[records][packer]") {
    const std::string dict = train_record_dictionary(records(0, 3000));
    RecordPacker packer(dict);
    std::vector<Prepared> out;
    packer.pack(article(7), [&](Prepared p) { out.push_back(std::move(p)); });
    REQUIRE(out.size() == 1);
    CHECK(RecordDecompressor(dict).decompress(out[0].doc->get_value(kRecord)) == record(7));
}

TEST_CASE("ArticleStore reads the dictionary the index gains after it was opened", "[records][store]") {
    test::ScratchIndex index;
    StoredArticle a;
    a.article.id = "x-1";
    a.article.text = "ICE used Facebook login records.";
    Xapian::Document plain;
    plain.add_value(kRecord, RecordCompressor("").compress(encode_stored(a)));
    index.db().add_document(plain);
    index.db().commit();

    ArticleStore store(index.db());
    CHECK(store.read(index.db().get_document(1)).article.text == a.article.text);

    const std::string dict = train_record_dictionary(records(0, 3000));
    index.db().set_metadata(schema::metadata::record_dictionary, dict);
    Xapian::Document packed;
    packed.add_value(kRecord, RecordCompressor(dict).compress(encode_stored(a)));
    index.db().add_document(packed);
    index.db().commit();
    CHECK(store.read(index.db().get_document(2)).article.text == a.article.text);
    CHECK(store.read(index.db().get_document(1)).article.text == a.article.text);

    Xapian::Document junk;
    junk.add_value(kRecord, "junk");
    index.db().add_document(junk);
    CHECK_THROWS_AS(store.read(index.db().get_document(3)), std::runtime_error);
}

TEST_CASE("a record of any size reads back, and a cut or padded one is refused", "[records]") {
    // 65 MiB of one byte compresses to almost nothing: its frame's claimed size is believed
    // only as the data comes (a corrupt header must not allocate gigabytes), yet it reads back.
    const std::string huge(65 << 20, 'x');
    const std::string frame = RecordCompressor("").compress(huge);
    CHECK(frame.size() * 1000 < huge.size());
    CHECK(RecordDecompressor("").decompress(frame) == huge);
    CHECK_THROWS_AS(RecordDecompressor("").decompress(frame.substr(0, frame.size() - 1)), std::runtime_error);
    CHECK_THROWS_AS(RecordDecompressor("").decompress(frame + "x"), std::runtime_error);
}
