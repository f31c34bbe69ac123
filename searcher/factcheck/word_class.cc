#include "word_class.h"

#include "string_util.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace privsearch::searcher::attribution {

bool in(std::string_view word, std::initializer_list<std::string_view> set) {
    const std::string lower = ascii_lower(word);
    return std::find(set.begin(), set.end(), lower) != set.end();
}

bool is_speech_verb(std::string_view w) {
    // Lower case only: "Says" opening a sentence is rarely attribution. Nouns that are
    // also verbs ("states", "notes", "claims") are left out.
    static constexpr std::string_view kVerbs[] = {
        "said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "stated", "explained",
        "explains", "argued", "argues", "warned", "warns", "noted", "continues", "continued", "reads",
        "asked", "insisted", "insists", "claimed", "commented", "replied", "responded", "testified",
        "tweeted", "posted", "declared", "announced", "acknowledged", "admitted", "recalled", "cautioned",
        "emphasized", "emphasised", "stressed", "observed", "concluded", "remarked", "countered", "conceded"};
    return std::find(std::begin(kVerbs), std::end(kVerbs), w) != std::end(kVerbs);
}

bool is_reporting_verb(std::string_view w) {
    static constexpr std::string_view kVerbs[] = {
        "called", "calls", "confirmed", "confirms", "ensured", "described", "describes", "urged", "promised",
        "pledged", "denied", "demanded", "dubbed", "labelled", "labeled", "accused", "criticised", "criticized",
        "vowed", "asserted", "maintained", "characterized", "characterised", "agreed", "complained"};
    return std::find(std::begin(kVerbs), std::end(kVerbs), w) != std::end(kVerbs);
}

bool is_capitalised(std::string_view w) {
    UChar32 c;
    int32_t i = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(w.data()), i, static_cast<int32_t>(w.size()), c);
    return c >= 0 && (u_isupper(c) || u_istitle(c));
}

bool is_acronym(std::string_view w) {
    return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '.'; });
}

bool is_determiner(std::string_view w) { return in(w, {"the", "a", "an"}); }

bool is_name_connector(std::string_view w) {
    return !is_capitalised(w) && in(w, {"of", "and", "for", "&", "de", "van", "von", "der", "da", "di", "bin", "al", "la", "le", "du", "del"});
}

bool is_title(std::string_view w) {
    return in(w, {"director", "senator", "sen.", "rep.", "representative", "president", "chief", "officer",
                  "attorney", "counsel", "commissioner", "secretary", "minister", "chairman", "chairwoman", "chair",
                  "spokesperson", "spokesman", "spokeswoman", "professor", "prof.", "judge", "justice", "general",
                  "gov.", "governor", "mayor", "detective", "sheriff", "deputy", "executive", "analyst", "researcher",
                  "founder", "lawyer", "senior", "staff", "policy", "manager", "head", "vice", "campaigner",
                  "advocate", "editor", "reporter", "congressman", "congresswoman", "councilmember", "lt.", "gen.",
                  "sgt.", "capt.", "chancellor", "ceo", "cto", "ciso"});
}

bool is_pronoun_word(std::string_view w) { return in(w, {"he", "she", "they", "it", "we", "i"}); }

bool is_initial(std::string_view w) { return w.size() == 2 && w[1] == '.' && is_capitalised(w); }

bool opens_clause(std::string_view w) {
    return in(w, {"and", "but", "that", "while", "as", "when", "because", "which", "who", "so", "then", "where",
                  "although", "though", "if", "since", "after", "before", "or", "is", "was", "are", "were", "how"});
}

bool opens_tail(std::string_view w) {
    return in(w, {"in", "on", "at", "during", "last", "this", "earlier", "later", "to", "when", "after", "before",
                  "while", "who", "which", "that", "adding", "noting", "via", "through", "about", "yesterday",
                  "today", "as", "because", "and", "but", "citing", "referring", "pointing", "speaking", "where",
                  "whose", "although", "though", "according", "told", "said"});
}

bool opens_intro(std::string_view w) {
    return (w.size() > 4 && w.ends_with("ing")) ||
           in(w, {"in", "on", "at", "during", "after", "before", "last", "this", "earlier", "later", "since", "when",
                  "while", "as", "although", "though", "despite", "for", "asked", "however", "meanwhile", "still",
                  "yet", "instead", "now", "separately", "also", "then", "but", "and", "so", "today", "yesterday",
                  "previously", "similarly", "likewise", "further", "moreover"});
}

}  // namespace privsearch::searcher::attribution
