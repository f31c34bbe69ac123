// Rewriting what QueryParser made, for the index's own layout (word_forms.h,
// common_words.h).
#pragma once
#include <xapian.h>

#include <functional>
#include <optional>

namespace privsearch {

// A query's replacement, or nothing to leave it as it is.
using QueryRewrite = std::function<std::optional<Xapian::Query>(const Xapian::Query&)>;

// `q` with `rewrite` applied to it and, where it gives nothing, to the subqueries of the
// operators QueryParser joins words and phrases with (AND, OR, AND_NOT, XOR, AND_MAYBE,
// FILTER), each of which takes any number of them. It puts nothing to rewrite under any
// other: SCALE_WEIGHT only wraps a filter term, a synonym's subqueries are words.
// Nothing when nothing changed.
std::optional<Xapian::Query> rewrite_query(const Xapian::Query& q, const QueryRewrite& rewrite);

// Whether the query is a phrase or a NEAR group: one that checks its words' positions.
bool positional(const Xapian::Query& q);

// Whether the query, or one anywhere inside it, is such that pred(it) holds.
template <typename Pred>
bool any_part(const Xapian::Query& q, Pred pred) {
    if (pred(q)) return true;
    for (std::size_t i = 0; i < q.get_num_subqueries(); ++i)
        if (any_part(q.get_subquery(i), pred)) return true;
    return false;
}

// The window of a phrase or NEAR query: 0, the default, is the number of its words,
// which is what a quoted phrase has.
Xapian::termcount window_of(const Xapian::Query& q);

}  // namespace privsearch
