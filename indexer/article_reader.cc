#include "article_reader.h"

#include "charset.h"
#include "file_io.h"
#include "front_matter.h"
#include "html.h"
#include "jsonl.h"
#include "string_util.h"

#include <filesystem>

namespace privsearch::indexer {
namespace {

ParsedFile skipped(const std::string& path, std::string message) {
    ParsedFile f;
    f.problems.push_back({path, 0, std::move(message)});
    return f;
}

}  // namespace

ParsedFile read_articles(const std::string& path) {
    auto read = read_file(path);
    if (!read) return skipped(path, "cannot read file (permission denied?); skipped");
    const std::string& bytes = *read;
    if (bytes.empty()) return skipped(path, "empty file; skipped");
    if (looks_binary(bytes)) return skipped(path, "binary file, not text; skipped");

    DecodedText text;
    try {
        text = decode_to_utf8(bytes);
    } catch (const std::exception& e) {
        return skipped(path, std::string("not UTF-8, and ") + e.what() + "; skipped");
    }
    std::string ext = ascii_lower(std::filesystem::path(path).extension().string());
    ParsedFile parsed = ext == ".jsonl"                   ? parse_jsonl_file(text.utf8, path)
                        : (ext == ".html" || ext == ".htm") ? parse_html_file(text.utf8, path)
                                                            : parse_text_file(text.utf8, path);
    if (text.converted)
        parsed.problems.insert(parsed.problems.begin(),
                               {path, 0, "not valid UTF-8; read as " + text.charset + " and converted", false});
    return parsed;
}

}  // namespace privsearch::indexer
