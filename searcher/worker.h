// A thread kept for work a search hands to the other core. Starting a thread cost
// 50-90 µs on the bench machine, as much as some whole queries of a batch: this one
// starts at the first task and serves the rest of the process.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

namespace privsearch::searcher {

class Worker {
public:
    Worker() = default;
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;
    ~Worker();

    // Runs fn on the worker's thread, after the tasks given before it; its result,
    // or what it threw, comes through the future.
    template <typename Fn>
    std::future<std::invoke_result_t<Fn>> run(Fn fn) {
        auto task = std::make_shared<std::packaged_task<std::invoke_result_t<Fn>()>>(std::move(fn));
        auto result = task->get_future();
        push([task] { (*task)(); });
        return result;
    }

private:
    void push(std::function<void()> task);
    void loop();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> tasks_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace privsearch::searcher
