#pragma once
#include <stdexcept>
#include <string>

namespace privsearch {

// An error whose message is fit for the user as it stands; main prints it as
// one line on stderr and exits with the documented status.
class UserError : public std::runtime_error {
public:
    explicit UserError(const std::string& message) : std::runtime_error(message) {}
};

// Exit statuses shared by both programs (grep's convention).
namespace exit_status {
inline constexpr int ok = 0;        // indexer: all indexed; searcher: something matched
inline constexpr int partial = 1;   // indexer: some input skipped; searcher: nothing matched
inline constexpr int error = 2;     // usage error, or nothing could be done
}  // namespace exit_status

}  // namespace privsearch
