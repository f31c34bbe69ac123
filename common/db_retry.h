#pragma once
#include <xapian.h>

#include <chrono>
#include <thread>

namespace privsearch {

// Runs fn(db), reopening the index and trying again when an indexer's commit
// overtook the read, so a search sees the old or the new state, never an error.
template <typename Fn>
auto with_retry(Xapian::Database& db, Fn fn) {
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            return fn(db);
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kAttempts) throw;
            db.reopen();
        }
    }
}

// Runs fn(), and again after a pause when an indexer's commit overtook it: a
// DatabaseModifiedError, or a commit's half-written blocks, which a reader sees as a
// DatabaseCorruptError (real damage persists, and is thrown after the last attempt).
// `before_retry()` runs before each new attempt.
template <typename Fn, typename Before>
auto retry_across_commits(Fn fn, Before before_retry) {
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            return fn();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kAttempts) throw;
        } catch (const Xapian::DatabaseCorruptError&) {
            if (attempt == kAttempts) throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
        before_retry();
    }
}

}  // namespace privsearch
