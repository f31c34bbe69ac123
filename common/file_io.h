#pragma once
#include <optional>
#include <string>

namespace privsearch {

// The whole file as bytes, or nothing when it cannot be opened or read.
std::optional<std::string> read_file(const std::string& path);

}  // namespace privsearch
