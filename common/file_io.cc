#include "file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace privsearch {
namespace {

// Writes all of `bytes` to fd, then to the disk; errno is set when it returns false.
bool write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return ::fsync(fd) == 0;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(buf).str();
}

void replace_file(const std::string& path, std::string_view contents) {
    // A name of its own: two runs replacing one file never write into each other's.
    std::string temporary = path + ".XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) throw std::runtime_error("cannot write " + path + ".*: " + std::strerror(errno));
    const bool written = write_all(fd, contents) && ::fchmod(fd, 0644) == 0;
    const int write_errno = errno;
    ::close(fd);
    if (!written) {
        ::unlink(temporary.c_str());
        throw std::runtime_error("cannot write " + temporary + ": " + std::strerror(write_errno));
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        const int rename_errno = errno;
        ::unlink(temporary.c_str());
        throw std::runtime_error("cannot replace " + path + ": " + std::strerror(rename_errno));
    }
}

}  // namespace privsearch
