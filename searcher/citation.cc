#include "citation.h"

#include "json_format.h"
#include "string_util.h"

#include <ostream>

namespace privsearch::searcher {
namespace {

struct Located {
    std::string sentence;
    std::size_t start = 0, end = 0;  // characters
};

std::optional<Located> locate(const Citation& c) {
    if (!c.sentence) return std::nullopt;
    std::string_view text = c.article->article.text;
    return Located{std::string(span_text(text, *c.sentence)), char_offset(text, c.sentence->begin),
                   char_offset(text, c.sentence->end)};
}

std::string offsets(const Located& l) {
    return "characters " + std::to_string(l.start) + "–" + std::to_string(l.end);
}

// Author. "Title." Source, date. URL. [privsearch id; characters; sha256]
std::string plain(const Citation& c) {
    const Article& a = c.article->article;
    std::string out;
    auto loc = locate(c);
    if (loc) out += "“" + loc->sentence + "”\n    — ";
    if (!a.author.empty()) out += a.author + ". ";
    const bool closed = a.title.ends_with('.') || a.title.ends_with('?') || a.title.ends_with('!') || a.title.ends_with("…");
    out += "“" + a.title + (closed ? "" : ".") + "” ";
    std::vector<std::string> where;
    for (const auto* f : {&a.source, &a.date})
        if (!f->empty()) where.push_back(*f);
    if (!where.empty()) out += join(where, ", ") + ". ";
    if (!a.url.empty()) out += a.url + " ";
    out += "[privsearch id " + a.id + (loc ? "; " + offsets(*loc) : "") + "; sha256 " + c.article->text_sha256 + "]";
    return out;
}

std::string markdown(const Citation& c) {
    const Article& a = c.article->article;
    std::string out;
    auto loc = locate(c);
    if (loc) out += "> " + loc->sentence + "\n>\n> — ";
    if (!a.author.empty()) out += a.author + ", ";
    out += a.url.empty() ? "*" + a.title + "*" : "[" + a.title + "](" + a.url + ")";
    if (!a.source.empty()) out += ", " + a.source;
    if (!a.date.empty()) out += ", " + a.date;
    out += ". privsearch id `" + a.id + "`" + (loc ? ", " + offsets(*loc) : "") + ", sha256 `" +
           c.article->text_sha256 + "`";
    return out;
}

nlohmann::ordered_json json_citation(const Citation& c) {
    nlohmann::ordered_json j = article_fields(c.article->article);
    j["sha256"] = c.article->text_sha256;
    if (auto loc = locate(c)) {
        j["sentence"] = loc->sentence;
        j["start"] = loc->start;
        j["end"] = loc->end;
    }
    return j;
}

}  // namespace

std::vector<Citation> citations_of(const SearchResult& r) {
    std::vector<Citation> out;
    for (const auto& h : r.hits) out.push_back({std::make_shared<const StoredArticle>(h.article), std::nullopt});
    return out;
}

std::vector<Citation> citations_of(const QuoteResult& r) {
    std::vector<Citation> out;
    for (const auto& m : r.matches) out.push_back({m.article, m.sentence});
    return out;
}

std::vector<Citation> citations_of(const VerifyResult& r) {
    std::vector<Citation> out;
    for (const auto& e : r.evidence) out.push_back({e.article, e.sentence});
    return out;
}

std::string format_citation(const Citation& c, CiteStyle style) {
    switch (style) {
        case CiteStyle::Markdown: return markdown(c);
        case CiteStyle::Json: return json_citation(c).dump();
        case CiteStyle::Plain: break;
    }
    return plain(c);
}

void print_citations(std::ostream& out, const std::vector<Citation>& citations, CiteStyle style) {
    if (style == CiteStyle::Json) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& c : citations) list.push_back(json_citation(c));
        out << nlohmann::ordered_json{{"schema_version", json_schema_version}, {"citations", list}}.dump(2) << "\n";
        return;
    }
    for (std::size_t i = 0; i < citations.size(); ++i) out << (i ? "\n" : "") << format_citation(citations[i], style) << "\n";
}

}  // namespace privsearch::searcher
