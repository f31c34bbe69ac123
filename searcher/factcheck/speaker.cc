#include "speaker.h"

namespace privsearch::searcher {
std::optional<Speaker> find_speaker(std::string_view, const std::vector<Span>&, Span) { return std::nullopt; }
}  // namespace privsearch::searcher
