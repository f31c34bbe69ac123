#include "snippet.h"

#include "analysis.h"
#include "string_util.h"

namespace privsearch::searcher {
namespace {

// Control characters never occur in stored text's snippets, so they delimit
// highlights unambiguously, whatever the text holds.
constexpr char kOpen = '\x01';
constexpr char kClose = '\x02';

}  // namespace

Snippet parse_marked(const std::string& marked) {
    Snippet s;
    s.text.reserve(marked.size());
    std::size_t open = 0;
    for (char c : marked) {
        if (c == kOpen) {
            open = s.text.size();
        } else if (c == kClose) {
            // Xapian marks adjacent words of a phrase separately: join them.
            if (!s.highlights.empty() && s.text.find_first_not_of(' ', s.highlights.back().end) == open)
                s.highlights.back().end = s.text.size();
            else
                s.highlights.push_back({open, s.text.size()});
        } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            if (!s.text.empty() && s.text.back() != ' ') s.text += ' ';  // paragraphs run on in a snippet
        } else {
            s.text += c;
        }
    }
    return s;
}

Snippet make_snippet(const Xapian::MSet& mset, const std::string& text, std::size_t length) {
    const unsigned flags = Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE;
    return parse_marked(mset.snippet(text, length, stemmer(), flags, std::string(1, kOpen), std::string(1, kClose), "…"));
}

}  // namespace privsearch::searcher

namespace privsearch::searcher {

Snippet lead_snippet(const std::string& text, std::size_t length) {
    return parse_marked(shorten(trim(text), length));
}

}  // namespace privsearch::searcher
