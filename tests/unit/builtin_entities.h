// The built-in gazetteer and a matcher over it, built once per test program.
#pragma once
#include "entity_matcher.h"
#include "gazetteer.h"
#include "index_gazetteer.h"

namespace privsearch::test {

inline const Gazetteer& builtin() {
    static const Gazetteer g = Gazetteer::builtin();
    return g;
}

inline const EntityMatcher& matcher() {
    static const EntityMatcher m(builtin());
    return m;
}

// The same, as the searcher is handed it.
inline const searcher::IndexGazetteer& index_gazetteer() {
    static const searcher::IndexGazetteer g(builtin());
    return g;
}

}  // namespace privsearch::test
