// privsearch: searches the privsearch index.
#include "commands.h"
#include "errors.h"

#include <xapian.h>

#include <iostream>

int main(int argc, char** argv) {
    using namespace privsearch;
    try {
        return searcher::dispatch(argc, argv);
    } catch (const UserError& e) {
        std::cerr << "privsearch: " << e.what() << "\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "privsearch: index error: " << e.get_description() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "privsearch: " << e.what() << "\n";
    }
    return exit_status::error;
}
