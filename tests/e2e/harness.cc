#include "harness.h"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace e2e {
namespace fs = std::filesystem;

namespace {

std::vector<std::string> split_lines(const std::string& s) {
    std::vector<std::string> lines;
    std::istringstream in(s);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) lines.push_back(line);
    }
    return lines;
}

void set_nonblocking(int fd) { fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

struct Pipes {
    int in[2] = {-1, -1}, out[2] = {-1, -1}, err[2] = {-1, -1};
};

// Forks and execs; returns the pid and leaves the parent's ends of the pipes in `p`.
int spawn(const std::vector<std::string>& argv, const RunOptions& options, Pipes& p) {
    if (argv.empty()) throw std::invalid_argument("run: empty argv");
    if (pipe(p.in) != 0 || pipe(p.out) != 0 || pipe(p.err) != 0) throw std::runtime_error("pipe failed");

    // Build argv and envp before forking (no allocation in the child).
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    std::vector<std::string> env_strings;
    for (char** e = environ; *e; ++e) {
        std::string entry(*e);
        std::string name = entry.substr(0, entry.find('='));
        bool drop = options.env.count(name) > 0;
        for (const auto& u : options.unset_env) drop = drop || u == name;
        if (!drop) env_strings.push_back(entry);
    }
    for (const auto& [k, v] : options.env) env_strings.push_back(k + "=" + v);
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(p.in[0], STDIN_FILENO);
        dup2(p.out[1], STDOUT_FILENO);
        dup2(p.err[1], STDERR_FILENO);
        for (int fd : {p.in[0], p.in[1], p.out[0], p.out[1], p.err[0], p.err[1]}) close(fd);
        if (!options.cwd.empty() && chdir(options.cwd.c_str()) != 0) _exit(127);
        execve(args[0], args.data(), envp.data());
        _exit(127);
    }
    close(p.in[0]);
    close(p.out[1]);
    close(p.err[1]);
    set_nonblocking(p.out[0]);
    set_nonblocking(p.err[0]);
    set_nonblocking(p.in[1]);
    return pid;
}

// Reads what is available from fd into `buf`; returns false at EOF.
bool drain(int fd, std::string& buf) {
    char chunk[65536];
    for (;;) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n > 0) {
            buf.append(chunk, static_cast<std::size_t>(n));
            continue;
        }
        if (n == 0) return false;
        if (errno == EINTR) continue;
        return true;  // EAGAIN: nothing more now
    }
}

RunResult decode(int status) {
    RunResult r;
    if (WIFEXITED(status)) r.status = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) {
        r.signaled = true;
        r.status = 128 + WTERMSIG(status);
    }
    return r;
}

RunResult reap(int pid) {
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return decode(status);
}

void close_fd(int& fd) {
    if (fd >= 0) close(fd);
    fd = -1;
}

}  // namespace

std::vector<std::string> RunResult::err_lines() const { return split_lines(err); }
std::vector<std::string> RunResult::out_lines() const { return split_lines(out); }

RunResult run(const std::vector<std::string>& argv, const RunOptions& options) {
    return Child(argv, options).wait();
}

Child::Child(const std::vector<std::string>& argv, const RunOptions& options) {
    signal(SIGPIPE, SIG_IGN);
    Pipes p;
    pid_ = spawn(argv, options, p);
    in_fd_ = p.in[1];
    out_fd_ = p.out[0];
    err_fd_ = p.err[0];
    stdin_data_ = options.stdin_data;
    if (stdin_data_.empty()) close_fd(in_fd_);
}

bool Child::pump(int timeout_ms) {
    std::vector<pollfd> fds;
    if (out_fd_ >= 0) fds.push_back({out_fd_, POLLIN, 0});
    if (err_fd_ >= 0) fds.push_back({err_fd_, POLLIN, 0});
    if (in_fd_ >= 0) fds.push_back({in_fd_, POLLOUT, 0});
    if (fds.empty()) return false;
    int n = poll(fds.data(), fds.size(), timeout_ms);
    if (n < 0) return errno == EINTR;
    for (const auto& f : fds) {
        if (!f.revents) continue;
        if (f.fd == out_fd_ && !drain(out_fd_, out_)) close_fd(out_fd_);
        else if (f.fd == err_fd_ && !drain(err_fd_, err_)) close_fd(err_fd_);
        else if (f.fd == in_fd_) {
            ssize_t w = (f.revents & (POLLERR | POLLHUP))
                            ? -1
                            : write(in_fd_, stdin_data_.data() + written_, stdin_data_.size() - written_);
            if (w > 0) written_ += static_cast<std::size_t>(w);
            bool failed = w < 0 && errno != EAGAIN && errno != EINTR;
            if (failed || written_ >= stdin_data_.size()) close_fd(in_fd_);
        }
    }
    return true;
}

Child::~Child() {
    if (!reaped_) ::kill(pid_, SIGKILL);
    wait();  // drains and closes the pipes, reaps the child if still needed
}

std::string Child::wait_for_stderr_line(const std::function<bool(const std::string&)>& pred,
                                        std::chrono::milliseconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        // Check complete lines not yet looked at.
        for (;;) {
            auto nl = err_.find('\n', err_scanned_);
            if (nl == std::string::npos) break;
            std::string line = err_.substr(err_scanned_, nl - err_scanned_);
            err_scanned_ = nl + 1;
            if (pred(line)) return line;
        }
        if (err_fd_ < 0) return "";
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !pump(static_cast<int>(left.count()))) return "";
    }
}

bool Child::finished() {
    if (reaped_) return true;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != pid_) return false;
    reaped_ = true;
    result_ = decode(status);
    return true;
}

void Child::kill(int sig) {
    if (!reaped_) ::kill(pid_, sig);
}

RunResult Child::wait() {
    while (pump(-1)) {
    }
    close_fd(in_fd_);
    close_fd(out_fd_);
    close_fd(err_fd_);
    if (!reaped_) result_ = reap(pid_);
    reaped_ = true;
    result_.out = out_;
    result_.err = err_;
    return result_;
}

TempDir::TempDir() {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/privsearch-e2e-XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data())) throw std::runtime_error("mkdtemp failed: " + std::string(std::strerror(errno)));
    path_ = buf.data();
}

TempDir::~TempDir() {
    std::error_code ec;
    // Restore permissions a test may have removed so everything can be deleted.
    for (auto it = fs::recursive_directory_iterator(path_, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_symlink(ec)) chmod(it->path().c_str(), 0700);
    }
    fs::remove_all(path_, ec);
}

std::string indexer() { return PRIVSEARCH_INDEXER; }
std::string searcher() { return PRIVSEARCH_SEARCHER; }
std::string fixtures() { return PRIVSEARCH_FIXTURES; }
std::string corpus() { return PRIVSEARCH_CORPUS; }

RunResult index(const std::string& db, const std::vector<std::string>& args, const RunOptions& options) {
    std::vector<std::string> argv = {indexer(), "--db", db};
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, options);
}

void index_corpus(const std::string& db) {
    RunResult r = index(db, {corpus()});
    INFO("privsearch-index stderr: " << r.err);
    REQUIRE(r.status == 0);
}

const std::string& corpus_db() {
    static TempDir dir;
    static const std::string db = [] {
        std::string path = dir / "db";
        index_corpus(path);
        return path;
    }();
    return db;
}

RunResult search_cmd(const std::string& db, const std::vector<std::string>& args, const RunOptions& options) {
    std::vector<std::string> argv = {searcher()};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("--db");
    argv.push_back(db);
    return run(argv, options);
}

nlohmann::json parse_json(const std::string& text) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) FAIL("not JSON:\n" << text);
    return j;
}

void write_file(const std::string& path, std::string_view content) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void copy_tree(const std::string& from, const std::string& to) {
    fs::create_directories(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

const std::vector<std::string> kCorpusIds = {
    "cnn-2019-08-08-fbi-social-media-contractors",
    "ice-facebook-data-immigrants",
    "independent-2017-07-27-facebook-whatsapp-instagram-data",
    "privsec-2019-fbi-social-media-monitoring",
    "x-dataminr-real-time-data-police",
};

std::size_t utf8_length(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s)
        if ((c & 0xC0) != 0x80) ++n;
    return n;
}

std::string utf8_substr(std::string_view s, std::size_t begin, std::size_t end) {
    std::size_t cp = 0, b = std::string_view::npos, e = s.size();
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (cp == begin) b = i;
        if (cp == end) {
            e = i;
            break;
        }
        ++cp;
    }
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, e - b));
}

std::vector<std::vector<std::string>> parse_csv(std::string_view text) {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == '"') {
            quoted = true;
            any = true;
        } else if (c == ',') {
            row.push_back(std::move(field));
            field.clear();
            any = true;
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !field.empty()) {
                row.push_back(std::move(field));
                rows.push_back(std::move(row));
            }
            row.clear();
            field.clear();
            any = false;
        } else {
            field += c;
            any = true;
        }
    }
    if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace e2e
