#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace privsearch {

// The whole file as bytes, or nothing when it cannot be opened or read.
std::optional<std::string> read_file(const std::string& path);

// Writes the file whole (and to the disk) under a temporary name of its own and
// renames it into place: a reader sees the old file or the new one, never a part.
// Throws std::runtime_error saying what failed (naming the file).
void replace_file(const std::string& path, std::string_view contents);

}  // namespace privsearch
