// An on-disk index in a temporary directory, removed with it: the in-memory backend
// keeps no spelling data, synonyms or revisions.
#pragma once
#include <xapian.h>

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>

namespace privsearch::test {

class ScratchIndex {
public:
    ScratchIndex() : dir_(next_dir()), db_(dir_.string(), Xapian::DB_CREATE_OR_OVERWRITE) {}
    ~ScratchIndex() { std::filesystem::remove_all(dir_); }
    ScratchIndex(const ScratchIndex&) = delete;
    ScratchIndex& operator=(const ScratchIndex&) = delete;

    Xapian::WritableDatabase& db() { return db_; }
    std::string path() const { return dir_.string(); }

private:
    static std::filesystem::path next_dir() {
        static std::atomic<int> n{0};
        return std::filesystem::temp_directory_path() /
               ("privsearch-unit-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    }

    std::filesystem::path dir_;
    Xapian::WritableDatabase db_;
};

}  // namespace privsearch::test
