#include "session.h"

#include "index.h"

namespace privsearch::searcher {

Session::Session(const std::string& db_path)
    : db(open_index(db_path)), gazetteer(db), searcher(db, gazetteer, db_path) {}

}  // namespace privsearch::searcher
