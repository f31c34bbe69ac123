#include "file_io.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <system_error>

namespace privsearch {

std::optional<std::string> read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return std::move(buf).str();
}

void replace_file(const std::string& path, std::string_view contents) {
    namespace fs = std::filesystem;
    const std::string temporary = path + ".new";
    std::ofstream(temporary, std::ios::binary | std::ios::trunc) << contents;
    std::error_code ec;
    if (fs::file_size(temporary, ec) != contents.size() || ec) {  // short of space, or not writable
        fs::remove(temporary, ec);
        throw std::runtime_error("cannot write " + temporary);
    }
    fs::rename(temporary, path, ec);
    if (ec) {
        const std::string why = ec.message();
        fs::remove(temporary, ec);
        throw std::runtime_error("cannot replace " + path + ": " + why);
    }
}

}  // namespace privsearch
