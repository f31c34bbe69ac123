// The subcommands, one file each (notmuch's layout), dispatched from one table.
#pragma once
#include <span>
#include <string_view>

namespace privsearch::searcher {

struct Command {
    std::string_view name;
    std::string_view summary;
    int (*run)(int argc, char** argv);  // argv[0] is the command's name
};

int run_search(int argc, char** argv);
int run_show(int argc, char** argv);
int run_count(int argc, char** argv);
int run_facets(int argc, char** argv);
int run_stats(int argc, char** argv);
int run_quote(int argc, char** argv);
int run_verify(int argc, char** argv);

std::span<const Command> commands();

// Runs the command argv[1] names; a first argument that names none is a query
// for `search`, so `privsearch fbi facebook` works as users expect.
int dispatch(int argc, char** argv);

// Exit status from whether anything was found (grep's convention).
int found_status(bool found);

// Ends a command whose output is complete: flushes it and ends the process with
// `status` at once, without the teardown (unmapping the index's files, closing its
// tables, freeing every allocation, static destructors), which the kernel does
// wholesale at exit: 0.12 ms of a 2.7 ms one-shot search on BBC. Output that could
// not be written (a full disk) is an error, status 2, as grep has it. Builds with
// AddressSanitizer return the status instead, so that LeakSanitizer checks at exit.
int finish(int status);

}  // namespace privsearch::searcher
