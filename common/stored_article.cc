#include "stored_article.h"

#include <cstdint>
#include <stdexcept>

namespace privsearch {
namespace {

constexpr char kFormat = '\x02';  // the record's own version, bumped with its layout

void put_number(std::string& out, std::uint64_t n) {
    while (n >= 0x80) {
        out += static_cast<char>((n & 0x7f) | 0x80);
        n >>= 7;
    }
    out += static_cast<char>(n);
}

void put_string(std::string& out, std::string_view s) {
    put_number(out, s.size());
    out += s;
}

class Reader {
public:
    explicit Reader(std::string_view data) : data_(data) {}

    std::uint64_t number() {
        std::uint64_t n = 0;
        for (unsigned shift = 0; shift < 64; shift += 7) {
            const auto byte = static_cast<unsigned char>(next());
            n |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
            if (!(byte & 0x80)) return n;
        }
        fail();
    }

    std::string string() {
        const std::uint64_t n = number();
        if (n > data_.size() - at_) fail();
        std::string s(data_.substr(at_, n));
        at_ += n;
        return s;
    }

    char next() {
        if (at_ == data_.size()) fail();
        return data_[at_++];
    }

    bool done() const { return at_ == data_.size(); }

    [[noreturn]] static void fail() { throw std::runtime_error("stored record is not a privsearch article"); }

private:
    std::string_view data_;
    std::size_t at_ = 0;
};

}  // namespace

std::string encode_stored(const StoredArticle& s) {
    const Article& a = s.article;
    std::string out(1, kFormat);
    out.reserve(a.text.size() + 512);
    for (std::string_view field : {std::string_view(a.id), std::string_view(a.title), std::string_view(a.source),
                                   std::string_view(a.date), std::string_view(a.url), std::string_view(a.author),
                                   std::string_view(a.path), std::string_view(s.text_sha256), std::string_view(a.text)})
        put_string(out, field);
    put_number(out, a.line);
    put_number(out, s.entities.size());
    for (const auto& e : s.entities) {
        out += schema::facet(e.facet).code;
        put_number(out, e.mentions);
        put_string(out, e.name);
    }
    return out;
}

StoredArticle decode_stored(std::string_view data) {
    Reader in(data);
    if (in.next() != kFormat) Reader::fail();
    StoredArticle s;
    Article& a = s.article;
    for (std::string* field : {&a.id, &a.title, &a.source, &a.date, &a.url, &a.author, &a.path, &s.text_sha256, &a.text})
        *field = in.string();
    a.line = in.number();
    const std::uint64_t entities = in.number();
    for (std::uint64_t i = 0; i < entities; ++i) {
        const auto facet = schema::facet_with_code(in.next());
        if (!facet) Reader::fail();
        const auto mentions = static_cast<unsigned>(in.number());
        s.entities.push_back({*facet, in.string(), mentions});
    }
    if (!in.done()) Reader::fail();
    return s;
}

}  // namespace privsearch
