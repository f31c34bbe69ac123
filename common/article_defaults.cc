#include "article_defaults.h"

#include "dates.h"
#include "sentences.h"
#include "string_util.h"

namespace privsearch {
namespace {

constexpr std::size_t kTitleBytes = 110;

std::string first_sentence(std::string_view body) {
    auto spans = split_sentences(body);
    if (spans.empty()) return {};
    return shorten(body.substr(spans.front().begin, spans.front().end - spans.front().begin), kTitleBytes);
}

}  // namespace

void complete_article(Article& a, std::string_view fallback_id) {
    if (a.id.empty()) a.id = slugify(fallback_id);
    if (a.id.size() > max_id_bytes) a.id.resize(max_id_bytes);
    auto line = find_date_line(a.text);
    if (line && a.date.empty()) a.date = line->date.iso();
    if (!a.title.empty()) return;
    // A dateline is no headline: leave it out of the first sentence.
    if (line) a.title = first_sentence(a.text.substr(0, line->begin) + a.text.substr(line->end));
    else a.title = first_sentence(a.text);
}

}  // namespace privsearch
