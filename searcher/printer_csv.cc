#include "printer.h"
#include "string_util.h"

#include <ostream>
#include <sstream>

namespace privsearch::searcher {
namespace {

// RFC 4180: quote a field holding a comma, quote or line break; double its quotes.
std::string field(std::string_view s) {
    if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string number(double d) {
    std::ostringstream s;
    s << d;
    return s.str();
}

class CsvPrinter : public Printer {
public:
    explicit CsvPrinter(std::ostream& out) : out_(out) {}

    void search(const SearchRequest&, const SearchResult& s) override {
        row({"rank", "id", "title", "source", "date", "url", "score", "snippet"});
        for (const auto& h : s.hits) {
            const Article& a = h.article.article;
            row({std::to_string(h.rank), a.id, a.title, a.source, a.date, a.url, number(h.score), h.snippet.text});
        }
    }

    void show(const StoredArticle& s) override {
        const Article& a = s.article;
        row({"id", "title", "source", "author", "date", "url", "sha256", "text"});
        row({a.id, a.title, a.source, a.author, a.date, a.url, s.text_sha256, a.text});
    }

    void count(const CountResult& c) override {
        if (!c.by) {
            row({"total"});
            row({std::to_string(c.total)});
            return;
        }
        row({std::string(schema::facet(*c.by).name), "count"});
        for (const auto& v : c.values) row({v.value, std::to_string(v.count)});
    }

    void facets(const FacetCounts& counts) override {
        row({"facet", "value", "count"});
        for (const auto& [facet, values] : counts)
            for (const auto& v : values) row({std::string(schema::facet(facet).name), v.value, std::to_string(v.count)});
    }

    void stats(const IndexStats& s) override {
        row({"index", "articles", "first_date", "last_date", "sources", "size_bytes", "last_update"});
        row({s.path, std::to_string(s.articles), s.first_date, s.last_date, std::to_string(s.sources.size()),
             std::to_string(s.size_bytes), s.last_update});
    }

    void quote(const QuoteResult& q) override {
        row({"id", "title", "source", "date", "url", "sentence", "exact", "speaker"});
        for (const auto& m : q.matches) {
            const Article& a = m.article->article;
            row({a.id, a.title, a.source, a.date, a.url, std::string(span_text(a.text, m.sentence)), m.exact ? "true" : "false",
                 m.speaker ? m.speaker->name : ""});
        }
    }

    void verify(const VerifyResult& v) override {
        row({"rank", "id", "title", "source", "date", "url", "sentence", "score", "matched", "missing"});
        for (const auto& e : v.evidence) {
            const Article& a = e.article->article;
            row({std::to_string(e.rank), a.id, a.title, a.source, a.date, a.url, std::string(span_text(a.text, e.sentence)),
                 number(e.score), join(e.matched, "; "), join(e.missing, "; ")});
        }
    }

private:
    void row(const std::vector<std::string>& fields) {
        for (std::size_t i = 0; i < fields.size(); ++i) out_ << (i ? "," : "") << field(fields[i]);
        out_ << "\r\n";
    }
    std::ostream& out_;
};

}  // namespace

std::unique_ptr<Printer> make_csv_printer(std::ostream& out) { return std::make_unique<CsvPrinter>(out); }

}  // namespace privsearch::searcher
