// End-to-end test harness: runs the real privsearch binaries and captures their output.
#pragma once

#include <nlohmann/json.hpp>

#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace e2e {

struct RunResult {
    int status = -1;     // exit status, or 128 + signal number when killed by a signal
    bool signaled = false;
    std::string out;
    std::string err;

    // stderr split into non-empty lines.
    std::vector<std::string> err_lines() const;
    std::vector<std::string> out_lines() const;
};

struct RunOptions {
    std::string stdin_data;                     // written to the child's stdin, then closed
    std::map<std::string, std::string> env;     // extra environment variables (override inherited ones)
    std::vector<std::string> unset_env;         // variables removed from the child's environment
    std::string cwd;                            // working directory ("" = inherit)
};

// Runs argv[0] (a path) with argv, reading stdout and stderr together with poll() so
// neither pipe can fill and deadlock the child.
RunResult run(const std::vector<std::string>& argv, const RunOptions& options = {});

// A running child: the test may read its stderr line by line while it runs, then wait.
class Child {
public:
    Child(const std::vector<std::string>& argv, const RunOptions& options = {});
    ~Child();
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    // Reads stderr (draining stdout too) until a line satisfies `pred`, EOF, or the timeout.
    // Returns the matching line, or "" when none came.
    std::string wait_for_stderr_line(const std::function<bool(const std::string&)>& pred,
                                     std::chrono::milliseconds timeout);
    void kill(int sig);
    // True once the child has exited (reaps it without blocking).
    bool finished();
    // Waits for exit, drains output; returns the result (status as in RunResult).
    RunResult wait();
    const std::string& err_so_far() const { return err_; }

private:
    // One poll over the open pipes: reads stdout and stderr, writes pending stdin.
    // Returns false when no pipe is open any more (or poll failed).
    bool pump(int timeout_ms);

    int pid_ = -1;
    int in_fd_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    std::string stdin_data_;
    std::size_t written_ = 0;
    std::string out_, err_;
    std::size_t err_scanned_ = 0;
    bool reaped_ = false;
    RunResult result_;
};

// A fresh directory under $TMPDIR (or /tmp), removed recursively on destruction.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string operator/(std::string_view name) const { return path_ + "/" + std::string(name); }

private:
    std::string path_;
};

// Paths of the binaries and source folders under test.
std::string indexer();
std::string searcher();
std::string fixtures();   // tests/fixtures
std::string corpus();     // corpus/

// privsearch-index --db DB args...
RunResult index(const std::string& db, const std::vector<std::string>& args, const RunOptions& options = {});
// Indexes corpus/ into `db`; REQUIREs success.
void index_corpus(const std::string& db);
// One index of corpus/ per test process, built on first use (ctest runs each case alone).
const std::string& corpus_db();
// privsearch args... --db DB  (args[0] is the subcommand, or a query word)
RunResult search_cmd(const std::string& db, const std::vector<std::string>& args, const RunOptions& options = {});

// Parses the whole of `text` as one JSON document; FAILs the test with the text when it is not JSON.
nlohmann::json parse_json(const std::string& text);

// File helpers.
void write_file(const std::string& path, std::string_view content);
std::string read_file(const std::string& path);
void copy_tree(const std::string& from, const std::string& to);

// The ids of the five corpus articles.
extern const std::vector<std::string> kCorpusIds;

// Number of characters (code points) in a UTF-8 string, and the substring by code-point offsets.
std::size_t utf8_length(std::string_view s);
std::string utf8_substr(std::string_view s, std::size_t begin, std::size_t end);

// RFC 4180 CSV parser: rows of fields (quoted fields may hold commas, quotes and line breaks).
std::vector<std::vector<std::string>> parse_csv(std::string_view text);

// Lower-case ASCII.
std::string lower(std::string_view s);

}  // namespace e2e
