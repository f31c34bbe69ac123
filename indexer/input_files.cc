#include "input_files.h"

#include "string_util.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <set>
#include <string_view>

namespace privsearch::indexer {
namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 6> kExtensions = {".txt", ".md", ".markdown", ".jsonl", ".html", ".htm"};

// A folder's README describes the articles beside it; it is not one of them.
bool is_readme(const fs::path& p) { return ascii_lower(p.stem().string()) == "readme"; }

void add_file(const fs::path& p, InputFiles& out) {
    std::string s = fs::absolute(p).lexically_normal().string();
    (is_supported(s) && !is_readme(p) ? out.files : out.unsupported).push_back(std::move(s));
}

void walk(const fs::path& dir, InputFiles& out) {
    std::error_code ec;
    std::vector<fs::path> found;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
    for (; !ec && it != end; it.increment(ec)) {
        // Hidden files and folders (.git, editor backups) are not articles.
        if (it->path().filename().string().starts_with('.')) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file()) found.push_back(it->path());
    }
    if (ec) out.problems.push_back({dir.string(), 0, "cannot list directory: " + ec.message()});
    std::sort(found.begin(), found.end());
    for (const auto& p : found) add_file(p, out);
}

}  // namespace

bool is_supported(const std::string& path) {
    std::string ext = ascii_lower(fs::path(path).extension().string());
    return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

InputFiles collect_inputs(const std::vector<std::string>& paths) {
    InputFiles out;
    for (const auto& p : paths) {
        std::error_code ec;
        auto status = fs::status(p, ec);
        if (ec || !fs::exists(status)) out.problems.push_back({p, 0, "no such file or directory"});
        else if (fs::is_directory(status)) walk(p, out);
        else add_file(p, out);
    }
    // A file named twice, or inside a folder also named, is read once.
    std::set<std::string> seen;
    std::erase_if(out.files, [&](const std::string& f) { return !seen.insert(f).second; });
    return out;
}

}  // namespace privsearch::indexer
