#include "report.h"

#include <unistd.h>

#include <iostream>
#include <sstream>

namespace privsearch::indexer {
namespace {

constexpr auto kProgressEvery = std::chrono::milliseconds(200);

// "not valid JSON; line skipped" -> "not valid JSON": the reason, without what was done.
std::string reason_of(const std::string& message) {
    auto semi = message.rfind("; ");
    return semi == std::string::npos ? message : message.substr(0, semi);
}

}  // namespace

Reporter::Reporter(bool quiet, bool verbose)
    : quiet_(quiet), verbose_(verbose), tty_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()), last_progress_(start_) {}

void Reporter::problem(const InputProblem& p) {
    std::lock_guard lock(mutex_);
    clear_progress();
    std::cerr << "privsearch-index: " << p.describe() << "\n";
    if (p.skipped) {
        ++summary_.skipped;
        ++summary_.skip_reasons[reason_of(p.message)];
    } else {
        ++summary_.warnings;
    }
}

void Reporter::outcome(Outcome o) {
    std::lock_guard lock(mutex_);
    switch (o) {
        case Outcome::Added: ++summary_.added; break;
        case Outcome::Updated: ++summary_.updated; break;
        case Outcome::Unchanged: ++summary_.unchanged; break;
    }
    progress();
}

void Reporter::note(const std::string& message) {
    if (!verbose_) return;
    std::lock_guard lock(mutex_);
    clear_progress();
    std::cerr << "privsearch-index: " << message << "\n";
}

void Reporter::progress() {
    if (!tty_ || quiet_ || verbose_) return;
    auto now = std::chrono::steady_clock::now();
    if (now - last_progress_ < kProgressEvery) return;
    last_progress_ = now;
    double secs = std::chrono::duration<double>(now - start_).count();
    std::cerr << "\r\033[K" << summary_.articles() << " articles, "
              << static_cast<long>(static_cast<double>(summary_.articles()) / (secs > 0 ? secs : 1)) << "/s" << std::flush;
    progress_shown_ = true;
}

void Reporter::clear_progress() {
    if (!progress_shown_) return;
    std::cerr << "\r\033[K" << std::flush;
    progress_shown_ = false;
}

void Reporter::removed(std::size_t n) {
    std::lock_guard lock(mutex_);
    summary_.removed += n;
}

void Reporter::interrupted() {
    std::lock_guard lock(mutex_);
    summary_.interrupted = true;
}

Summary Reporter::summary() const {
    std::lock_guard lock(mutex_);
    return summary_;
}

void Reporter::finish(const std::string& db_path) {
    std::lock_guard lock(mutex_);
    clear_progress();
    if (quiet_) return;
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::ostringstream time;
    time.precision(2);
    time << std::fixed << secs;
    std::cout << describe(summary_) << " in " << time.str() << " s\n"
              << "index: " << db_path << "\n";
}

std::string describe(const Summary& s) {
    std::ostringstream out;
    if (s.interrupted) out << "interrupted; committed so far: ";
    out << s.articles() << (s.articles() == 1 ? " article: " : " articles: ") << s.added << " added, "
        << s.updated << " updated, " << s.unchanged << " unchanged, " << s.removed << " removed";
    if (s.skipped) {
        out << "; skipped " << s.skipped << " (";
        bool first = true;
        for (const auto& [reason, n] : s.skip_reasons) {
            out << (first ? "" : ", ") << reason << ": " << n;
            first = false;
        }
        out << ")";
    }
    if (s.warnings) out << "; " << s.warnings << (s.warnings == 1 ? " warning" : " warnings");
    return out.str();
}

}  // namespace privsearch::indexer
