#pragma once
#include <optional>
#include <string>

namespace privsearch {

// The index both programs use: --db, else $PRIVSEARCH_DB, else
// ${XDG_DATA_HOME:-$HOME/.local/share}/privsearch/index.
std::string resolve_db_path(const std::optional<std::string>& option);

}  // namespace privsearch
