#include "db_path.h"

#include "errors.h"

#include <cstdlib>

namespace privsearch {
namespace {

std::optional<std::string> env(const char* name) {
    const char* v = std::getenv(name);
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

}  // namespace

std::string resolve_db_path(const std::optional<std::string>& option) {
    if (option && !option->empty()) return *option;
    if (auto db = env("PRIVSEARCH_DB")) return *db;
    if (auto xdg = env("XDG_DATA_HOME")) return *xdg + "/privsearch/index";
    if (auto home = env("HOME")) return *home + "/.local/share/privsearch/index";
    throw UserError("no index given: use --db PATH or set PRIVSEARCH_DB (HOME is not set either)");
}

}  // namespace privsearch
