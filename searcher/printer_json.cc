#include "json_format.h"
#include "string_util.h"

#include <ostream>

namespace privsearch::searcher {

using json = nlohmann::ordered_json;

namespace {

json versioned(json body) {
    json j = {{"schema_version", json_schema_version}};
    for (auto& [key, value] : body.items()) j[key] = std::move(value);
    return j;
}

json facet_values(const std::vector<FacetValue>& values) {
    json a = json::array();
    for (const auto& v : values) a.push_back({{"value", v.value}, {"count", v.count}});
    return a;
}

json filters_json(const Filters& f) {
    json j = json::object();
    for (const auto& [facet, names] : f.entities) j[std::string(schema::facet(facet).name)] = names;
    if (!f.sources.empty()) j["source"] = f.sources;
    if (f.since) j["since"] = display_date(*f.since);
    if (f.until) j["until"] = display_date(*f.until);
    return j;
}

// Offsets in JSON count characters (code points) of the string they index.
json span_json(std::string_view text, std::size_t begin, std::size_t end) {
    return {{"start", char_offset(text, begin)}, {"end", char_offset(text, end)}};
}

json hit_json(const Hit& h) {
    json j = {{"rank", h.rank}};
    j.update(article_fields(h.article.article));
    j["score"] = h.score;
    j["snippet"] = h.snippet.text;
    json hl = json::array();
    for (const auto& s : h.snippet.highlights) hl.push_back(span_json(h.snippet.text, s.begin, s.end));
    j["highlights"] = hl;
    j["entities"] = entity_names(h.article);
    return j;
}

std::string_view text_of(const std::shared_ptr<const StoredArticle>& a) { return a->article.text; }

const char* kind_name(WordDiff::Kind k) {
    switch (k) {
        case WordDiff::Kind::Added: return "added";
        case WordDiff::Kind::Dropped: return "dropped";
        case WordDiff::Kind::Changed: break;
    }
    return "changed";
}

json quote_match_json(const QuoteMatch& m) {
    auto text = text_of(m.article);
    json j = article_fields(m.article->article);
    j["sentence"] = std::string(span_text(text, m.sentence));
    j.update(span_json(text, m.sentence.begin, m.sentence.end));
    j["match"] = span_json(text, m.match.begin, m.match.end);
    j["exact"] = m.exact;
    j["similarity"] = m.similarity;
    json diffs = json::array();
    for (const auto& d : m.differences)
        diffs.push_back({{"kind", kind_name(d.kind)}, {"quoted", d.quoted}, {"archived", d.archived}});
    j["differences"] = diffs;
    j["speaker"] = m.speaker ? json{{"name", m.speaker->name}, {"role", m.speaker->role}} : json(nullptr);
    j["sha256"] = m.article->text_sha256;
    return j;
}

json evidence_json(const Evidence& e) {
    auto text = text_of(e.article);
    json j = {{"rank", e.rank}};
    j.update(article_fields(e.article->article));
    j["sentence"] = std::string(span_text(text, e.sentence));
    j.update(span_json(text, e.sentence.begin, e.sentence.end));
    j["score"] = e.score;
    j["matched"] = e.matched;
    j["missing"] = e.missing;
    j["sha256"] = e.article->text_sha256;
    return j;
}

class JsonPrinter : public Printer {
public:
    explicit JsonPrinter(std::ostream& out) : out_(out) {}
    void search(const SearchRequest& r, const SearchResult& s) override { emit(to_json(r, s)); }
    void show(const StoredArticle& a) override { emit(to_json(a)); }
    void count(const CountResult& c) override { emit(to_json(c)); }
    void facets(const FacetCounts& f) override { emit(to_json(f)); }
    void stats(const IndexStats& s) override { emit(to_json(s)); }
    void quote(const QuoteResult& q) override { emit(to_json(q)); }
    void verify(const VerifyResult& v) override { emit(to_json(v)); }

private:
    void emit(const json& j) { out_ << j.dump(2) << "\n"; }
    std::ostream& out_;
};

}  // namespace

json article_fields(const Article& a) {
    return {{"id", a.id},     {"title", a.title}, {"source", a.source},
            {"author", a.author}, {"date", a.date}, {"url", a.url}};
}

json entity_names(const StoredArticle& a) {
    json j = json::object();
    for (const auto& f : schema::facets())
        if (f.field) j[std::string(f.name)] = json::array();
    for (const auto& e : a.entities) j[std::string(schema::facet(e.facet).name)].push_back(e.name);
    return j;
}

json to_json(const SearchRequest& r, const SearchResult& s) {
    // Hits and facets go in place: an initializer list would copy them (a fifth of a
    // batch query's JSON time).
    json j = versioned({{"query", r.query},
                        {"filters", filters_json(r.filters)},
                        {"total", s.total},
                        {"total_exact", s.total_exact},
                        {"offset", r.offset},
                        {"limit", r.limit}});
    json& hits = j["hits"] = json::array();
    for (const auto& h : s.hits) hits.push_back(hit_json(h));
    json& facets = j["facets"] = json::object();
    for (const auto& [facet, values] : s.facets) facets[std::string(schema::facet(facet).name)] = facet_values(values);
    j["did_you_mean"] = s.did_you_mean ? json(*s.did_you_mean) : json(nullptr);
    j["took_ms"] = s.took_ms;
    return j;
}

json to_json(const StoredArticle& a) {
    json j = article_fields(a.article);
    json entities = json::object();
    for (const auto& f : schema::facets())
        if (f.field) entities[std::string(f.name)] = json::array();
    for (const auto& e : a.entities)
        entities[std::string(schema::facet(e.facet).name)].push_back({{"name", e.name}, {"mentions", e.mentions}});
    j["entities"] = entities;
    j["path"] = a.article.path;
    j["sha256"] = a.text_sha256;
    j["text"] = a.article.text;
    return versioned(j);
}

json to_json(const CountResult& c) {
    json j = {{"query", c.query}, {"total", c.total}};
    if (c.by) {
        j["by"] = schema::facet(*c.by).name;
        j["counts"] = facet_values(c.values);
    }
    return versioned(j);
}

json to_json(const FacetCounts& counts) {
    json facets = json::object();
    for (const auto& [facet, values] : counts) facets[std::string(schema::facet(facet).name)] = facet_values(values);
    return versioned({{"facets", facets}});
}

json to_json(const IndexStats& s) {
    return versioned({{"index", s.path},
                      {"articles", s.articles},
                      {"first_date", s.first_date},
                      {"last_date", s.last_date},
                      {"sources", facet_values(s.sources)},
                      {"size_bytes", s.size_bytes},
                      {"last_update", s.last_update}});
}

json to_json(const QuoteResult& q) {
    json matches = json::array();
    for (const auto& m : q.matches) matches.push_back(quote_match_json(m));
    return versioned({{"quote", q.quote}, {"matches", matches}});
}

json to_json(const VerifyResult& v) {
    json evidence = json::array();
    for (const auto& e : v.evidence) evidence.push_back(evidence_json(e));
    return versioned({{"claim", v.claim}, {"evidence", evidence}});
}

std::unique_ptr<Printer> make_json_printer(std::ostream& out) { return std::make_unique<JsonPrinter>(out); }

}  // namespace privsearch::searcher
