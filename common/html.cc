#include "html.h"

#include "article_defaults.h"
#include "string_util.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <filesystem>
#include <map>
#include <memory>
#include <set>

namespace privsearch {
namespace {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string_view name_of(const xmlNode* n) { return reinterpret_cast<const char*>(n->name); }

std::string attr(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

std::string node_text(const xmlNode* n) {
    xmlChar* v = xmlNodeGetContent(n);
    if (!v) return {};
    std::string s(trim(reinterpret_cast<const char*>(v)));
    xmlFree(v);
    return s;
}

const std::set<std::string_view> kSkipped = {"script", "style", "noscript", "nav", "header", "footer",
                                             "aside", "form", "svg", "iframe", "template", "button"};
const std::set<std::string_view> kBlocks = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br",
                                            "blockquote", "section", "article", "tr", "pre", "figcaption",
                                            "ul", "ol", "table", "main", "figure", "dd", "dt"};

// Meta tags and landmarks, found in one walk over the tree.
struct PageFacts {
    std::map<std::string, std::string> meta;  // property/name (lower case) -> content
    std::string title, h1, time, canonical;
    const xmlNode* article = nullptr;
    const xmlNode* main = nullptr;
    const xmlNode* body = nullptr;
};

void collect(const xmlNode* n, PageFacts& f) {
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE) continue;
        std::string_view name = name_of(n);
        if (name == "meta") {
            std::string key = attr(n, "property");
            if (key.empty()) key = attr(n, "name");
            if (!key.empty()) f.meta.emplace(ascii_lower(key), attr(n, "content"));
        } else if (name == "title" && f.title.empty()) f.title = node_text(n);
        else if (name == "h1" && f.h1.empty()) f.h1 = node_text(n);
        else if (name == "time" && f.time.empty()) f.time = attr(n, "datetime");
        else if (name == "link" && ascii_lower(attr(n, "rel")) == "canonical") f.canonical = attr(n, "href");
        else if (name == "article" && !f.article) f.article = n;
        else if (name == "main" && !f.main) f.main = n;
        else if (name == "body" && !f.body) f.body = n;
        collect(n->children, f);
    }
}

void append_text(std::string& out, std::string_view s) {
    for (char c : s) {
        bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
        if (space) {
            if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
        } else {
            out += c;
        }
    }
}

void paragraph_break(std::string& out) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    if (out.empty() || out.ends_with("\n\n")) return;
    out += out.back() == '\n' ? "\n" : "\n\n";
}

void extract(const xmlNode* n, std::string& out) {
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            append_text(out, reinterpret_cast<const char*>(n->content));
        } else if (n->type == XML_ELEMENT_NODE && !kSkipped.contains(name_of(n))) {
            bool block = kBlocks.contains(name_of(n));
            if (block) paragraph_break(out);
            extract(n->children, out);
            if (block) paragraph_break(out);
        }
    }
}

std::string first_of(const PageFacts& f, std::initializer_list<const char*> keys) {
    for (const char* k : keys)
        if (auto it = f.meta.find(k); it != f.meta.end() && !trim(it->second).empty()) return it->second;
    return {};
}

std::string or_else(std::string a, const std::string& b) { return a.empty() ? b : a; }

}  // namespace

ParsedFile parse_html_file(std::string_view text, const std::string& path) {
    ParsedFile out;
    std::unique_ptr<xmlDoc, DocFree> doc(htmlReadMemory(
        text.data(), static_cast<int>(text.size()), path.c_str(), "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
    if (!doc) {
        out.problems.push_back({path, 0, "not readable as HTML; skipped"});
        return out;
    }
    PageFacts f;
    collect(xmlDocGetRootElement(doc.get()), f);
    const xmlNode* root = f.article ? f.article : f.main ? f.main : f.body;
    Article a;
    a.path = path;
    if (root) extract(root->children, a.text);
    a.text = std::string(trim(a.text));
    if (a.text.empty()) {
        out.problems.push_back({path, 0, "HTML page has no text; skipped"});
        return out;
    }
    a.title = or_else(first_of(f, {"og:title", "twitter:title", "dc.title"}), or_else(f.title, f.h1));
    a.source = first_of(f, {"og:site_name", "application-name", "dc.publisher"});
    a.author = first_of(f, {"author", "article:author", "dc.creator"});
    a.url = or_else(f.canonical, first_of(f, {"og:url"}));
    std::string date = or_else(first_of(f, {"article:published_time", "date", "dc.date", "pubdate"}), f.time);
    if (auto msg = assign_field(a, "date", date)) out.problems.push_back({path, 0, *msg, false});
    complete_article(a, std::filesystem::path(path).stem().string());
    out.articles.push_back(std::move(a));
    return out;
}

}  // namespace privsearch
