// privsearch: searches the privsearch index.
#include "commands.h"
#include "db_retry.h"
#include "errors.h"
#include "index.h"

#include <xapian.h>

#include <iostream>

int main(int argc, char** argv) {
    using namespace privsearch;
    try {
        // An indexer's commits can retire the revision a command is reading even between
        // its steps (opening, metadata, search). Commands compute before they print, so
        // running one again from the start shows the new state and nothing twice. (A
        // batch, which prints as it goes, retries each line itself.)
        return retry_across_commits([&] { return searcher::dispatch(argc, argv); }, [] {});
    } catch (const UserError& e) {
        std::cerr << "privsearch: " << e.what() << "\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "privsearch: " << searcher::index_error_message(e) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "privsearch: " << e.what() << "\n";
    }
    return exit_status::error;
}
