// privsearch-index: builds and updates the privsearch index.
#include "errors.h"
#include "indexer.h"
#include "options.h"

#include <xapian.h>

#include <iostream>

int main(int argc, char** argv) {
    using namespace privsearch;
    try {
        auto options = indexer::parse_options(argc, argv);
        if (!options) return exit_status::ok;
        return indexer::run(*options);
    } catch (const UserError& e) {
        std::cerr << "privsearch-index: " << e.what() << "\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "privsearch-index: index error: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "privsearch-index: " << e.what() << "\n";
    }
    return exit_status::error;
}
