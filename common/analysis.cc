#include "analysis.h"

namespace privsearch {

Xapian::Stem stemmer() { return Xapian::Stem("english"); }

Xapian::TermGenerator make_term_generator() {
    Xapian::TermGenerator tg;
    tg.set_stemmer(stemmer());
    tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    return tg;
}

}  // namespace privsearch
