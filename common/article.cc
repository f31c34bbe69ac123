#include "article.h"

#include "dates.h"
#include "string_util.h"

namespace privsearch {

std::string InputProblem::describe() const {
    std::string where = path;
    if (line > 0) where += ":" + std::to_string(line);
    return where + ": " + message;
}

std::optional<std::string> assign_field(Article& a, std::string_view key, std::string value) {
    if (key == "text") {
        a.text = std::move(value);
        return std::nullopt;
    }
    value = std::string(trim(value));
    if (key == "id") a.id = std::move(value);
    else if (key == "title") a.title = std::move(value);
    else if (key == "source") a.source = std::move(value);
    else if (key == "url") a.url = std::move(value);
    else if (key == "author") a.author = std::move(value);
    else if (key == "date" && !value.empty()) {
        auto d = parse_date(value);
        if (!d) return "unrecognised date '" + value + "' (expected e.g. 2019-08-08 or August 8, 2019)";
        a.date = d->iso();
    }
    return std::nullopt;
}

}  // namespace privsearch
