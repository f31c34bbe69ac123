#include "query_rewrite.h"

#include <charconv>
#include <string>
#include <string_view>
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

bool positional(const Xapian::Query& q) {
    return q.get_type() == Xapian::Query::OP_PHRASE || q.get_type() == Xapian::Query::OP_NEAR;
}

// Xapian 1.4's Query does not give a phrase's window back, but its description does:
// "Query((house@1 PHRASE 3 of@2 PHRASE 3 commons@3))".
Xapian::termcount window_of(const Xapian::Query& q) {
    const std::string d = q.get_description();
    const std::string_view op = q.get_type() == Xapian::Query::OP_NEAR ? " NEAR " : " PHRASE ";
    const auto at = d.find(op);
    if (at == std::string::npos) return 0;
    Xapian::termcount window = 0;
    const char* begin = d.data() + at + op.size();
    std::from_chars(begin, d.data() + d.size(), window);
    return window;
}

}  // namespace privsearch
