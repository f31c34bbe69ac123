#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privsearch {

// The neutral record that carries an article from a parser to the indexer.
// Text fields are UTF-8; `text` is the body exactly as the source gave it.
struct Article {
    std::string id;
    std::string title;
    std::string source;
    std::string date;    // ISO 8601 as precise as known: "2019", "2019-08", "2019-08-08"
    std::string url;
    std::string author;
    std::string text;
    std::string path;    // the file it came from
    std::size_t line = 0;  // 1-based line in a JSON Lines file, 0 otherwise
};

// Where something about an input went wrong, for one message naming file and line.
struct InputProblem {
    std::string path;
    std::size_t line = 0;
    std::string message;
    bool skipped = true;  // the input (file or line) was left out; else a warning

    std::string describe() const;
};

}  // namespace privsearch

namespace privsearch {

// What a parser makes of one file: its articles, and what it could not use.
struct ParsedFile {
    std::vector<Article> articles;
    std::vector<InputProblem> problems;
};

// Sets the metadata field `key` ("id", "title", "source", "date", "url", "author",
// "text") from a source's value. Returns a message when the value cannot be used
// (an unrecognised date); unknown keys are ignored, as sources carry extra fields.
std::optional<std::string> assign_field(Article& a, std::string_view key, std::string value);

}  // namespace privsearch
