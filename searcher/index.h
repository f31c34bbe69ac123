#pragma once
#include <xapian.h>

#include <string>

namespace privsearch::searcher {

// Opens the index read-only; a missing or unreadable index is a UserError that says
// how to build one.
Xapian::Database open_index(const std::string& path);

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

}  // namespace privsearch::searcher
