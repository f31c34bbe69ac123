#include "index_format.h"

#include "errors.h"
#include "schema.h"

namespace privsearch {

void check_index_format(const Xapian::Database& db, const std::string& path) {
    const std::string found = db.get_metadata(schema::metadata::schema_version);
    const std::string wanted = schema::metadata::schema_version_value;
    if (found == wanted || db.get_doccount() == 0) return;
    const std::string which = found.empty() ? "an unknown format" : "format " + found;
    throw UserError(path + ": the index is in " + which + ", and this privsearch reads format " + wanted +
                    ": build it anew (remove " + path + ", then run privsearch-index --db " + path + " on the articles)");
}

}  // namespace privsearch
