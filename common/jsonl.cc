#include "jsonl.h"

#include "article_defaults.h"
#include "string_util.h"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace privsearch {
namespace {

constexpr const char* kKeys[] = {"id", "title", "source", "date", "url", "author", "text"};

// Returns why the line must be skipped; a value that is merely unusable is a warning.
std::optional<std::string> read_line(std::string_view line, Article& a, std::vector<InputProblem>& warnings) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded()) return "not valid JSON; line skipped";
    if (!j.is_object()) return "not a JSON object; line skipped";
    for (const char* key : kKeys) {
        auto it = j.find(key);
        if (it == j.end() || it->is_null()) continue;
        if (!it->is_string()) return std::string("\"") + key + "\" is not a string; line skipped";
        if (auto msg = assign_field(a, key, it->get<std::string>())) warnings.push_back({a.path, a.line, *msg, false});
    }
    if (trim(a.text).empty()) return "no \"text\"; line skipped";
    return std::nullopt;
}

}  // namespace

ParsedFile parse_jsonl_file(std::string_view text, const std::string& path) {
    ParsedFile out;
    const std::string stem = std::filesystem::path(path).stem().string();
    std::size_t lineno = 0;
    for (std::string_view line : split(text, '\n')) {
        ++lineno;
        if (trim(line).empty()) continue;
        Article a;
        a.path = path;
        a.line = lineno;
        if (auto msg = read_line(line, a, out.problems)) {
            out.problems.push_back({path, lineno, *msg});
            continue;
        }
        complete_article(a, stem + "-" + std::to_string(lineno));
        out.articles.push_back(std::move(a));
    }
    if (out.articles.empty() && out.problems.empty())
        out.problems.push_back({path, 0, "empty file; skipped"});
    return out;
}

}  // namespace privsearch
