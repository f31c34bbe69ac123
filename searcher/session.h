// What every searching command opens: the index, its gazetteer and a searcher over both.
#pragma once
#include "index_gazetteer.h"
#include "searcher.h"

#include <xapian.h>

#include <string>

namespace privsearch::searcher {

struct Session {
    explicit Session(const std::string& db_path);
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    Xapian::Database db;  // declared before what refers to it
    IndexGazetteer gazetteer;
    Searcher searcher;
};

}  // namespace privsearch::searcher
