// privsearch: searches the privsearch index.
#include "commands.h"
#include "errors.h"

#include <xapian.h>

#include <chrono>
#include <iostream>
#include <thread>

namespace {
constexpr int kAttempts = 5;
}

int main(int argc, char** argv) {
    using namespace privsearch;
    try {
        // An indexer's commits can retire the revision a command is reading even between
        // its steps (opening, metadata, search). Commands compute before they print, so
        // running one again from the start shows the new state and nothing twice.
        for (int attempt = 1;; ++attempt) {
            try {
                return searcher::dispatch(argc, argv);
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == kAttempts) throw;
            } catch (const Xapian::DatabaseCorruptError&) {
                // A reader can see a commit's blocks half-written; real damage persists.
                if (attempt == kAttempts) throw;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
        }
    } catch (const UserError& e) {
        std::cerr << "privsearch: " << e.what() << "\n";
    } catch (const Xapian::DatabaseCorruptError& e) {
        std::cerr << "privsearch: index is damaged: " << e.get_msg() << " (rebuild it with privsearch-index)\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "privsearch: index error: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "privsearch: " << e.what() << "\n";
    }
    return exit_status::error;
}
