// searcher/worker.h: the thread a search hands counts to.
#include "worker.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using privsearch::searcher::Worker;

TEST_CASE("Worker: tasks run in order on one thread of its own, results through futures", "[worker]") {
    Worker worker;
    std::vector<int> order;  // touched by the worker only, until the futures are ready
    std::vector<std::future<std::thread::id>> ran;
    for (int i = 0; i < 20; ++i)
        ran.push_back(worker.run([&order, i] {
            order.push_back(i);
            return std::this_thread::get_id();
        }));
    const std::thread::id first = ran.front().get();
    CHECK(first != std::this_thread::get_id());
    for (std::size_t i = 1; i < ran.size(); ++i) CHECK(ran[i].get() == first);
    std::vector<int> expected(20);
    for (int i = 0; i < 20; ++i) expected[i] = i;
    CHECK(order == expected);
    CHECK(worker.run([] { return std::string("counted"); }).get() == "counted");
}

TEST_CASE("Worker: what a task throws reaches its future, and the worker goes on", "[worker]") {
    Worker worker;
    auto failed = worker.run([]() -> int { throw std::runtime_error("index error"); });
    CHECK_THROWS_WITH(failed.get(), "index error");
    CHECK(worker.run([] { return 7; }).get() == 7);
}

TEST_CASE("Worker: ending it runs the tasks already given", "[worker]") {
    std::future<int> last;
    int done = 0;
    {
        Worker worker;
        for (int i = 0; i < 5; ++i) worker.run([&done] { ++done; });
        last = worker.run([&done] { return done; });
    }
    CHECK(done == 5);
    CHECK(last.get() == 5);
}
