// A whole file mapped read-only. Reading 64 KB through Xapian's B-tree cost a one-shot
// query a dozen block reads and three heap copies; a mapping costs one fault, and only
// the pages the reader touches.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace privsearch {

class MappedFile {
public:
    // Nothing when the file is missing, empty or cannot be mapped.
    static std::optional<MappedFile> open(const std::string& path);

    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    ~MappedFile();

    std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }

private:
    MappedFile(void* data, std::size_t size) : data_(data), size_(size) {}
    void* data_ = nullptr;
    std::size_t size_ = 0;
};

}  // namespace privsearch
