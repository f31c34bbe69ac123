#include "front_matter.h"

#include "article_defaults.h"
#include "string_util.h"

#include <filesystem>

namespace privsearch {
namespace {

struct Line {
    std::string_view text;
    std::size_t next = 0;  // offset of the following line
};

Line line_at(std::string_view s, std::size_t pos) {
    auto nl = s.find('\n', pos);
    if (nl == std::string_view::npos) return {s.substr(pos), s.size()};
    std::string_view t = s.substr(pos, nl - pos);
    if (t.ends_with('\r')) t.remove_suffix(1);
    return {t, nl + 1};
}

std::string unquote(std::string_view v) {
    v = trim(v);
    if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
        v = v.substr(1, v.size() - 2);
    return std::string(v);
}

// Reads the block's lines into the article; returns the offset where the body starts,
// or npos when the block is never closed.
std::size_t read_block(std::string_view text, const std::string& path, Article& a, ParsedFile& out) {
    std::size_t pos = line_at(text, 0).next;
    for (std::size_t lineno = 2; pos < text.size(); ++lineno) {
        Line l = line_at(text, pos);
        std::string_view t = trim(l.text);
        if (t == "---" || t == "...") return l.next;
        auto colon = t.find(':');
        if (!t.empty() && !t.starts_with('#')) {
            if (colon == std::string_view::npos || colon == 0) {
                out.problems.push_back({path, lineno, "front matter line is not 'key: value'; ignored", false});
            } else if (auto msg = assign_field(a, ascii_lower(trim(t.substr(0, colon))), unquote(t.substr(colon + 1)))) {
                out.problems.push_back({path, lineno, *msg, false});
            }
        }
        pos = l.next;
    }
    return std::string_view::npos;
}

}  // namespace

ParsedFile parse_text_file(std::string_view text, const std::string& path) {
    ParsedFile out;
    Article a;
    a.path = path;
    std::size_t body = 0;
    if (trim(line_at(text, 0).text) == "---") {
        body = read_block(text, path, a, out);
        if (body == std::string_view::npos) {
            out.problems.clear();  // those lines were text, not a block with bad lines
            out.problems.push_back({path, 1, "front matter opened with '---' is never closed; indexed the whole file as text", false});
            a = Article{};
            a.path = path;
            body = 0;
        }
    }
    a.text = std::string(text.substr(body));
    if (trim(a.text).empty()) {
        out.problems.push_back({path, 0, body ? "no article text after the front matter; skipped" : "empty file; skipped"});
        return out;
    }
    complete_article(a, std::filesystem::path(path).stem().string());
    out.articles.push_back(std::move(a));
    return out;
}

}  // namespace privsearch
