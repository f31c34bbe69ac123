#include "index.h"

#include "errors.h"
#include "index_format.h"

#include <filesystem>
#include <string_view>

namespace privsearch::searcher {

Xapian::Database open_index(const std::string& path) {
    try {
        Xapian::Database db(path);
        check_index_format(db, path);
        return db;
    } catch (const Xapian::DatabaseModifiedError&) {
        throw;  // a commit overtook the opening: main runs the command again
    } catch (const Xapian::DatabaseCorruptError&) {
        throw;  // also what a read racing a commit's block writes sees: main retries
    } catch (const Xapian::Error& e) {
        // Looked for only now: a query that opens its index pays for no stat of its own.
        if (!std::filesystem::exists(path))
            throw UserError("no index at " + path + ": build one with 'privsearch-index --db " + path +
                            " corpus/' (or set PRIVSEARCH_DB)");
        throw UserError(path + ": cannot open index: " + e.get_msg() +
                        " (is it a privsearch index? rebuild it with privsearch-index)");
    }
}

std::string index_error_message(const Xapian::Error& e) {
    if (std::string_view(e.get_type()) == "DatabaseCorruptError")
        return "index is damaged: " + e.get_msg() + " (rebuild it with privsearch-index)";
    return "index error: " + e.get_description();
}

}  // namespace privsearch::searcher
