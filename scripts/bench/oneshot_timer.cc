// Times one process per query for several tools, taking turns, and prints each tool's
// median in microseconds. bench.sh compiles and runs it for the one-shot rows.
//
// usage: oneshot_timer RUNS NAME QUERIES ARGV [NAME QUERIES ARGV]...
//   QUERIES: one query a line (each tool has its own file, the same queries in its
//            syntax, line for line); ARGV: the command, one argument a line, to which
//            the query is added as the last argument.
// Output: "NAME MEDIAN_US" a line. Exit status 2, with a message, if a command fails
// (exit status 1, "nothing matched", is not a failure) or cannot be run.
//
// Timing from bash ($EPOCHREALTIME around a function call) added its own fork and
// bookkeeping to every query and moved the tools' ratio by ±0.1 from run to run; here
// a query's time is fork, exec and wait, nothing else.
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Tool {
    std::string name;
    std::vector<std::string> queries;
    std::vector<std::string> argv;
    std::vector<double> us;
};

std::vector<std::string> lines_of(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// Runs the command with `query` as its last argument, output to /dev/null; its time in µs.
double run(const Tool& tool, const std::string& query) {
    std::vector<char*> args;
    for (const auto& a : tool.argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(const_cast<char*>(query.c_str()));
    args.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("cannot fork");
    if (pid == 0) {
        const int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        execvp(args[0], args.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    const auto end = std::chrono::steady_clock::now();
    if (!WIFEXITED(status) || (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 1))
        throw std::runtime_error(tool.name + " failed on: " + query);
    return std::chrono::duration<double, std::micro>(end - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc < 5 || (argc - 2) % 3 != 0) throw std::runtime_error("usage: oneshot_timer RUNS NAME QUERIES ARGV...");
        const int runs = std::atoi(argv[1]);
        if (runs < 1) throw std::runtime_error("RUNS must be a positive integer");
        std::vector<Tool> tools;
        for (int i = 2; i < argc; i += 3) tools.push_back({argv[i], lines_of(argv[i + 1]), lines_of(argv[i + 2]), {}});
        const std::size_t queries = tools.front().queries.size();
        if (queries == 0) throw std::runtime_error(std::string(argv[3]) + ": no queries");
        for (int i = 2; i < argc; i += 3) {
            const Tool& t = tools[(i - 2) / 3];
            if (t.queries.size() != queries)
                throw std::runtime_error(std::string(argv[i + 1]) + ": its queries must match the first tool's, line for line");
            if (t.argv.empty()) throw std::runtime_error(std::string(argv[i + 2]) + ": no command");
        }
        // The tools take turns query by query, each query starting with the next tool, so
        // that a slow spell of the machine meets them alike and none always runs right
        // after the same one.
        for (int r = 0; r < runs; ++r)
            for (std::size_t q = 0; q < queries; ++q)
                for (std::size_t k = 0; k < tools.size(); ++k) {
                    Tool& t = tools[(q + r + k) % tools.size()];
                    t.us.push_back(run(t, t.queries[q]));
                }
        for (const auto& t : tools) std::printf("%s %.0f\n", t.name.c_str(), median(t.us));
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "oneshot_timer: %s\n", e.what());
        return 2;
    }
}
