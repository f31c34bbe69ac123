// The built-in gazetteer and a matcher over it, built once per test program.
#pragma once
#include "entity_matcher.h"
#include "gazetteer.h"

namespace privsearch::test {

inline const Gazetteer& builtin() {
    static const Gazetteer g = Gazetteer::builtin();
    return g;
}

inline const EntityMatcher& matcher() {
    static const EntityMatcher m(builtin());
    return m;
}

}  // namespace privsearch::test
