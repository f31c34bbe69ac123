#pragma once
#include "article.h"
#include "index_writer.h"

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <map>
#include <mutex>
#include <string>

namespace privsearch::indexer {

struct Summary {
    std::size_t added = 0, updated = 0, unchanged = 0, removed = 0;
    std::size_t skipped = 0, warnings = 0;
    std::map<std::string, std::size_t> skip_reasons;  // reason -> count
    bool interrupted = false;

    std::size_t articles() const { return added + updated + unchanged; }
};

// Everything the indexer tells the user: problems as they happen (stderr), a
// progress line when stderr is a terminal, and the closing summary (stdout).
class Reporter {
public:
    Reporter(bool quiet, bool verbose);

    void problem(const InputProblem& p);
    void outcome(Outcome o);
    void note(const std::string& message);  // verbose only
    void removed(std::size_t n);
    void interrupted();
    void finish(const std::string& db_path);

    Summary summary() const;

private:
    void progress();
    void clear_progress();

    // Several writer threads report at once (sharded builds).
    mutable std::mutex mutex_;
    bool quiet_, verbose_, tty_;
    Summary summary_;
    std::chrono::steady_clock::time_point start_, last_progress_;
    bool progress_shown_ = false;
};

std::string describe(const Summary& s);

}  // namespace privsearch::indexer
