#include "analysis.h"

#include <string>
#include <unordered_map>

namespace privsearch {
namespace {

// Snowball's English stemmer costs about 2,000 instructions a word (callgrind: a quarter
// of indexing's term generation, half of a snippet's cost). News text repeats its words,
// so each stemmer remembers its answers.
class CachingStem : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override {
        if (auto it = cache_.find(word); it != cache_.end()) return it->second;
        if (cache_.size() >= kMaxWords) cache_.clear();  // bounded, whatever the input
        return cache_.emplace(word, inner_(word)).first->second;
    }
    std::string get_description() const override { return "caching " + inner_.get_description(); }

private:
    static constexpr std::size_t kMaxWords = 200'000;
    Xapian::Stem inner_{"english"};
    std::unordered_map<std::string, std::string> cache_;
};

}  // namespace

Xapian::Stem stemmer() { return Xapian::Stem(new CachingStem); }

Xapian::TermGenerator make_term_generator() {
    Xapian::TermGenerator tg;
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_NONE);
    return tg;
}

Xapian::QueryParser make_query_parser() {
    Xapian::QueryParser qp;
    qp.set_stemmer(stemmer());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    return qp;
}

}  // namespace privsearch
