// Micro-benchmarks of privsearch's hot paths on one realistic news article:
// normalisation, entity matching, sentence splitting, date parsing, analysis and
// document building (the indexer's per-article work) and query building (the
// searcher's per-query work). Run: build-bench/bin/privsearch_bench.
#include "analysis.h"
#include "article.h"
#include "dates.h"
#include "document_builder.h"
#include "entity_matcher.h"
#include "gazetteer.h"
#include "query_builder.h"
#include "record_compression.h"
#include "request.h"
#include "sentences.h"
#include "snippet.h"
#include "stored_article.h"
#include "text_normalize.h"

#include <benchmark/benchmark.h>
#include <xapian.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace {

// About 600 words in the style of the corpora, with curly quotes, dashes, dates,
// abbreviations and the agencies, platforms and companies the gazetteer knows.
constexpr std::string_view kTitle = "FBI and ICE used Facebook data to track protesters, documents show";
constexpr std::string_view kBody =
    "WASHINGTON \xe2\x80\x94 The Federal Bureau of Investigation and Immigration and Customs Enforcement "
    "obtained data from Facebook and Twitter to monitor activists who organised protests in 2018 and 2019, "
    "according to documents released on Tuesday, August 6, 2019, under the Freedom of Information Act.\n\n"
    "The records, which run to more than 1,200 pages, show that analysts at the F.B.I. used a commercial "
    "monitoring service to search public posts for keywords such as \xe2\x80\x9cshut down ICE\xe2\x80\x9d and "
    "\xe2\x80\x9coccupy\xe2\x80\x9d. Mr. Smith, a spokesman for the bureau, said the searches were "
    "\xe2\x80\x9c""consistent with our guidelines\xe2\x80\x9d and that no one was targeted for lawful speech. "
    "\xe2\x80\x9cWe do not investigate people for exercising their First Amendment rights,\xe2\x80\x9d he said.\n\n"
    "Civil liberties groups disagreed. The American Civil Liberties Union, which sued for the documents in "
    "2018, said they showed a pattern of surveillance that went well beyond what the agencies had admitted "
    "to Congress. \xe2\x80\x9cThese records confirm what organisers have told us for years: that the government "
    "is watching,\xe2\x80\x9d said Dr. Jane Doe, a senior staff attorney at the A.C.L.U. The group said it would "
    "ask a federal judge in San Francisco to order the release of another 3,000 pages that remain withheld.\n\n"
    "Facebook said it had not given the agencies any special access. A company spokeswoman said that "
    "third-party tools which scraped public data violated its terms of service and that it had cut off "
    "several such vendors in 2018. Twitter said it prohibited the use of its developer platform for "
    "surveillance and had suspended the accounts of two contractors that supplied data to the Department "
    "of Homeland Security. Google, which owns YouTube, declined to comment on whether videos from its "
    "platform had been included in the reports.\n\n"
    "The documents also describe a pilot programme, run from an ICE field office in Newark, N.J., that "
    "combined social media posts with licence-plate readers and records bought from data brokers. An "
    "internal memo dated March 14, 2019, describes the system as \xe2\x80\x9ctransformational\xe2\x80\x9d and "
    "asks for $2.5 million to expand it to ten more cities. It is not clear whether the money was approved; "
    "a budget request for fiscal year 2020 includes a line item of the same size under a different name.\n\n"
    "Lawmakers from both parties said they would seek answers. Senator Ron Wyden, an Oregon Democrat, said "
    "the records raised \xe2\x80\x9cserious questions about whether Americans\xe2\x80\x99 private lives are being "
    "swept into government databases without any oversight.\xe2\x80\x9d A Republican member of the House "
    "Homeland Security Committee said the programme might be legal but that the public deserved to know "
    "how it worked. Both said they would ask the inspectors general of the Justice Department and the "
    "Department of Homeland Security to review it.\n\n"
    "The release comes as technology companies face growing scrutiny over how they share data with law "
    "enforcement. Amazon, whose Ring doorbell unit has partnerships with hundreds of police departments, "
    "has been criticised for letting officers request footage from customers without a warrant. Microsoft "
    "and Palantir have faced protests from their own employees over contracts with ICE. In June, "
    "shareholders at Amazon voted down a proposal to restrict sales of facial recognition software to "
    "government agencies.\n\n"
    "Experts say the line between public and private data is increasingly hard to draw. \xe2\x80\x9c""A single "
    "post may be public, but a profile assembled from thousands of them over years reveals far more than "
    "anyone meant to share,\xe2\x80\x9d said a professor of law at Georgetown University who studies "
    "surveillance. She said Congress had never set rules for how agencies may buy or collect such data, "
    "leaving it to internal policies that can change at any time and that the public rarely sees.\n\n"
    "The F.B.I. said it would review the documents before commenting further. ICE did not respond to "
    "several requests for comment on Wednesday. The lawsuit continues; a hearing is set for Oct. 3.";

const privsearch::Gazetteer& gazetteer() {
    static const privsearch::Gazetteer g = privsearch::Gazetteer::builtin();
    return g;
}

const privsearch::EntityMatcher& matcher() {
    static const privsearch::EntityMatcher m(gazetteer());
    return m;
}

privsearch::Article article() {
    privsearch::Article a;
    a.id = "bench-001";
    a.title = std::string(kTitle);
    a.source = "Bench News";
    a.date = "2019-08-06";
    a.url = "https://example.com/bench-001";
    a.author = "A. Reporter";
    a.text = std::string(kBody);
    a.path = "bench.jsonl";
    a.line = 1;
    return a;
}

void set_bytes(benchmark::State& state, std::size_t bytes_per_iteration) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes_per_iteration));
}

void BM_NormalizeText(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(privsearch::normalize_text(kBody));
    set_bytes(state, kBody.size());
}
BENCHMARK(BM_NormalizeText);

void BM_EntityMatcherFind(benchmark::State& state) {
    const std::string text = privsearch::normalize_text(kBody);
    const auto& m = matcher();
    for (auto _ : state) benchmark::DoNotOptimize(m.find(text));
    set_bytes(state, text.size());
}
BENCHMARK(BM_EntityMatcherFind);

void BM_SplitSentences(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(privsearch::split_sentences(kBody));
    set_bytes(state, kBody.size());
}
BENCHMARK(BM_SplitSentences);

void BM_ParseDate(benchmark::State& state) {
    constexpr std::array<std::string_view, 4> dates = {"2019-08-06", "August 6, 2019", "6 Aug 2019", "2019"};
    std::size_t i = 0;
    for (auto _ : state) benchmark::DoNotOptimize(privsearch::parse_date(dates[i++ % dates.size()]));
}
BENCHMARK(BM_ParseDate);

void BM_Analyse(benchmark::State& state) {
    const privsearch::Article a = article();
    const auto& m = matcher();
    for (auto _ : state) benchmark::DoNotOptimize(privsearch::analyse(a, m));
    set_bytes(state, kBody.size());
}
BENCHMARK(BM_Analyse);

void BM_BuildDocument(benchmark::State& state) {
    const privsearch::AnalysedArticle analysed = privsearch::analyse(article(), matcher());
    Xapian::TermGenerator tg = privsearch::make_term_generator();
    for (auto _ : state) benchmark::DoNotOptimize(privsearch::build_document(analysed, tg));
    set_bytes(state, kBody.size());
}
BENCHMARK(BM_BuildDocument);

// The indexer's whole per-article CPU work, without the database write.
void BM_AnalyseAndBuild(benchmark::State& state) {
    const privsearch::Article a = article();
    const auto& m = matcher();
    Xapian::TermGenerator tg = privsearch::make_term_generator();
    for (auto _ : state) benchmark::DoNotOptimize(privsearch::build_document(privsearch::analyse(a, m), tg));
    set_bytes(state, kBody.size());
}
BENCHMARK(BM_AnalyseAndBuild);

// A small in-memory index: the QueryBuilder consults it for wildcards and spelling.
Xapian::WritableDatabase small_index() {
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::TermGenerator tg = privsearch::make_term_generator();
    for (const char* suffix : {"-1", "-2", "-3", "-4", "-5"}) {
        privsearch::Article a = article();
        a.id.append(suffix);
        db.add_document(privsearch::build_document(privsearch::analyse(std::move(a), matcher()), tg));
    }
    db.commit();
    return db;
}

void BM_QueryBuild(benchmark::State& state, std::string query) {
    const Xapian::WritableDatabase db = small_index();
    const privsearch::searcher::IndexGazetteer entities(gazetteer());
    const privsearch::searcher::QueryBuilder builder(db, entities);
    privsearch::searcher::SearchRequest r;
    r.query = std::move(query);
    for (auto _ : state) benchmark::DoNotOptimize(builder.build(r));
}
BENCHMARK_CAPTURE(BM_QueryBuild, words, std::string("facial recognition"));
BENCHMARK_CAPTURE(BM_QueryBuild, boolean_phrase,
                  std::string("\"civil liberties\" AND (surveillance OR monitoring) NOT police"));
BENCHMARK_CAPTURE(BM_QueryBuild, entity_filter, std::string("agency:fbi platform:facebook protest"));
BENCHMARK_CAPTURE(BM_QueryBuild, entity_name, std::string("Immigration and Customs Enforcement data"));

// Where a hit's snippet is cut from: the densest stretch of the query's words.
void BM_PassageWindow(benchmark::State& state) {
    const std::vector<std::string> terms = {"monitoring", "monitored", "monitor", "social", "Zmonitor"};
    for (auto _ : state) benchmark::DoNotOptimize(privsearch::searcher::passage_window(kBody, terms, 480));
    set_bytes(state, kBody.size());
}
BENCHMARK(BM_PassageWindow);

// One hit's snippet: the window, then its words and phrases highlighted.
void BM_MakeSnippet(benchmark::State& state) {
    const Xapian::WritableDatabase db = small_index();
    const privsearch::searcher::IndexGazetteer entities(gazetteer());
    const privsearch::searcher::QueryBuilder builder(db, entities);
    privsearch::searcher::SearchRequest r;
    r.query = "social media monitoring";
    Xapian::Enquire enquire(db);
    enquire.set_query(builder.build(r));
    const std::vector<std::string> terms(enquire.get_query().get_unique_terms_begin(),
                                         enquire.get_query().get_unique_terms_end());
    const std::string text(kBody);
    const privsearch::searcher::Highlights highlights(enquire.get_query());
    for (auto _ : state) benchmark::DoNotOptimize(privsearch::searcher::make_snippet(text, terms, highlights, 240));
    set_bytes(state, kBody.size());
}
BENCHMARK(BM_MakeSnippet);

// A dictionary as an index trains one (from 400 records like the article's), and the
// article's own record.
std::string trained_dictionary() {
    std::vector<std::string> samples;
    for (int i = 0; i < 400; ++i) samples.push_back(std::to_string(i) + std::string(kBody));
    return privsearch::train_record_dictionary(samples);
}

std::string stored_record() { return privsearch::encode_stored(privsearch::analyse(article(), matcher()).stored); }

void BM_RecordCompression(benchmark::State& state) {
    privsearch::RecordCompressor compressor(trained_dictionary());
    const std::string record = stored_record();
    for (auto _ : state) benchmark::DoNotOptimize(compressor.compress(record));
    set_bytes(state, record.size());
}
BENCHMARK(BM_RecordCompression);

void BM_RecordDecompression(benchmark::State& state) {
    const std::string dictionary = trained_dictionary();
    const std::string record = stored_record();
    const std::string frame = privsearch::RecordCompressor(dictionary).compress(record);
    privsearch::RecordDecompressor decompressor(dictionary);
    for (auto _ : state) benchmark::DoNotOptimize(decompressor.decompress(frame));
    set_bytes(state, record.size());
}
BENCHMARK(BM_RecordDecompression);

}  // namespace

BENCHMARK_MAIN();
