#include "stored_article.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace privsearch {
namespace st = schema::stored;

std::string encode_stored(const StoredArticle& s) {
    const Article& a = s.article;
    nlohmann::json entities = nlohmann::json::object();
    for (const auto& e : s.entities)
        entities[std::string(schema::facet(e.facet).name)][e.name] = e.mentions;
    nlohmann::json j = {{st::id, a.id},       {st::title, a.title},   {st::source, a.source},
                        {st::date, a.date},   {st::url, a.url},       {st::author, a.author},
                        {st::text, a.text},   {st::path, a.path},     {st::line, a.line},
                        {st::text_sha256, s.text_sha256}, {st::entities, entities}};
    auto bytes = nlohmann::json::to_cbor(j);
    return {bytes.begin(), bytes.end()};
}

StoredArticle decode_stored(std::string_view data) {
    auto j = nlohmann::json::from_cbor(data.begin(), data.end(), true, false);
    if (!j.is_object()) throw std::runtime_error("document data is not a privsearch article");
    StoredArticle s;
    Article& a = s.article;
    auto str = [&](const char* key) { return j.value(key, std::string()); };
    a.id = str(st::id);
    a.title = str(st::title);
    a.source = str(st::source);
    a.date = str(st::date);
    a.url = str(st::url);
    a.author = str(st::author);
    a.text = str(st::text);
    a.path = str(st::path);
    a.line = j.value(st::line, std::size_t{0});
    s.text_sha256 = str(st::text_sha256);
    const auto entities = j.value(st::entities, nlohmann::json::object());
    for (const auto& [facet_name, names] : entities.items()) {
        auto facet = schema::facet_named(facet_name);
        if (!facet) continue;
        for (const auto& [name, count] : names.items()) s.entities.push_back({*facet, name, count.get<unsigned>()});
    }
    return s;
}

}  // namespace privsearch
