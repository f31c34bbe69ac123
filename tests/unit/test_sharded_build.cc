// indexer/sharded_build.h: which shards an item goes to.
#include "sharded_build.h"

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

using privsearch::InputProblem;
using privsearch::indexer::Prepared;
using privsearch::indexer::shards_for;

TEST_CASE("shards_for: the dictionary to every shard, a problem to the first, an article by its id", "[shards]") {
    Prepared dictionary;
    dictionary.record_dictionary = "a trained dictionary";
    CHECK(shards_for(dictionary, 3) == std::vector<std::size_t>{0, 1, 2});
    CHECK(shards_for(dictionary, 1) == std::vector<std::size_t>{0});

    Prepared problem;
    problem.problem = InputProblem{"bad.txt", 2, "unreadable", true};
    CHECK(shards_for(problem, 3) == std::vector<std::size_t>{0});

    Prepared a, twin;
    a.id = twin.id = "cnn-2019-08-08";
    const auto to = shards_for(a, 3);
    REQUIRE(to.size() == 1);
    CHECK(shards_for(twin, 3) == to);  // a duplicate id meets its twin
    std::set<std::size_t> used;
    for (int i = 0; i < 100; ++i) {
        Prepared p;
        p.id = "article-" + std::to_string(i);
        const auto one = shards_for(p, 3);
        REQUIRE(one.size() == 1);
        CHECK(one[0] < 3);
        used.insert(one[0]);
    }
    CHECK(used.size() == 3);
}
