#include "query_rewrite.h"

#include <vector>

namespace privsearch {

std::optional<Xapian::Query> rewrite_query(const Xapian::Query& q, const QueryRewrite& rewrite) {
    if (auto replaced = rewrite(q)) return replaced;
    using Q = Xapian::Query;
    switch (q.get_type()) {
        case Q::OP_AND:
        case Q::OP_OR:
        case Q::OP_AND_NOT:
        case Q::OP_XOR:
        case Q::OP_AND_MAYBE:
        case Q::OP_FILTER: {
            std::vector<Q> subs;
            bool changed = false;
            for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
                auto sub = q.get_subquery(i);
                auto rewritten = rewrite_query(sub, rewrite);
                changed = changed || rewritten;
                subs.push_back(rewritten ? std::move(*rewritten) : std::move(sub));
            }
            if (!changed) return std::nullopt;
            return Q(q.get_type(), subs.begin(), subs.end());
        }
        default:
            return std::nullopt;
    }
}

}  // namespace privsearch
