#pragma once
#include <xapian.h>

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

}  // namespace privsearch
