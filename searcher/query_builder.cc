#include "query_builder.h"

#include "analysis.h"
#include "common_words.h"
#include "article_date.h"
#include "errors.h"
#include "query_rewrite.h"
#include "string_util.h"
#include "text_normalize.h"
#include "word_forms.h"

#include <algorithm>
#include <memory>
#include <optional>

namespace privsearch::searcher {
namespace {

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT | query_parser_flags;

// Xapian 1.4's QueryParser leaks its parse state when a processor throws, so
// processors note the first error here and match nothing; parse() then throws it.
using ErrorSink = std::shared_ptr<std::optional<std::string>>;

template <typename Fn>
Xapian::Query or_note(const ErrorSink& sink, Fn fn) {
    try {
        return fn();
    } catch (const UserError& e) {
        if (!*sink) *sink = e.what();
        return Xapian::Query::MatchNothing;
    }
}

// QueryParser leaves a filter unweighted (0 * term) where it is alone or ORed. A term
// every article holds is read unweighted by Xapian 1.4 as the list of all documents,
// and that read fails ("Unexpected end of posting list") once articles have been
// deleted: a --prune that left only Facebook's articles broke `facebook` (its entity
// is ORed in) and `platform:facebook`. Such a filter is every article: it is put as
// that. (CountingWeight, match_count.cc, avoids the same for counts' words.)
Xapian::Query filters_of_every_article_as_all(const Xapian::Query& q, const Xapian::Database& db) {
    const auto as_all = [&](const Xapian::Query& sub) -> std::optional<Xapian::Query> {
        if (sub.get_type() != Xapian::Query::OP_SCALE_WEIGHT) return std::nullopt;
        const Xapian::Query term = sub.get_subquery(0);
        if (term.get_type() != Xapian::Query::LEAF_TERM || db.get_termfreq(*term.get_terms_begin()) != db.get_doccount())
            return std::nullopt;
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query::MatchAll, 0);
    };
    return rewrite_query(q, as_all).value_or(q);
}

// `agency:ice`, `platform:"Twitter"`: a boolean filter on an entity, by any alias.
class EntityField : public Xapian::FieldProcessor {
public:
    EntityField(const IndexGazetteer& g, schema::Facet facet, ErrorSink sink) : g_(g), facet_(facet), sink_(std::move(sink)) {}
    Xapian::Query operator()(const std::string& value) override {
        return or_note(sink_, [&] {
            return Xapian::Query(schema::boolean_term(*schema::facet(facet_).field, resolve_entity(g_, facet_, value)));
        });
    }

private:
    const IndexGazetteer& g_;  // loaded only when the query has such a field
    schema::Facet facet_;
    ErrorSink sink_;
};

// `source:CNN`: any case.
class SourceField : public Xapian::FieldProcessor {
public:
    Xapian::Query operator()(const std::string& value) override {
        return Xapian::Query(schema::boolean_term(schema::Field::Source, value));
    }
};

// `date:2019..2020`, `date:2019-01-01..2019-06-30`, `date:2019..`.
class DateRange : public Xapian::RangeProcessor {
public:
    explicit DateRange(ErrorSink sink) : Xapian::RangeProcessor(schema::slot(schema::Slot::Date), "date:"), sink_(std::move(sink)) {}
    Xapian::Query operator()(const std::string& begin, const std::string& end) override {
        return or_note(sink_, [&] { return range(begin, end); });
    }

private:
    static Xapian::Query range(const std::string& begin, const std::string& end) {
        const unsigned slot = schema::slot(schema::Slot::Date);
        if (begin.empty() && end.empty()) throw UserError("date range needs a start or an end, e.g. date:2019..2020");
        if (begin.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_LE, slot, date_bound(end, true));
        if (end.empty()) return Xapian::Query(Xapian::Query::OP_VALUE_GE, slot, date_bound(begin, false));
        std::string lo = date_bound(begin, false), hi = date_bound(end, true);
        if (lo > hi) throw UserError("date range " + begin + ".." + end + " ends before it starts");
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, lo, hi);
    }
    ErrorSink sink_;
};

void check_balanced(std::string_view q) {
    int depth = 0;
    bool quoted = false;
    for (char c : q) {
        if (c == '"') quoted = !quoted;
        else if (!quoted && c == '(') ++depth;
        else if (!quoted && c == ')' && --depth < 0) throw UserError("query has a ')' without its '('");
    }
    if (quoted) throw UserError("query has an unbalanced quote: close the phrase with \"");
    if (depth > 0) throw UserError("query has a '(' without its ')'");
}

bool inside_quotes(std::string_view q, std::size_t pos) {
    return std::count(q.begin(), q.begin() + static_cast<std::ptrdiff_t>(pos), '"') % 2 == 1;
}

Xapian::Query or_all(const std::vector<Xapian::Query>& qs) {
    return Xapian::Query(Xapian::Query::OP_OR, qs.begin(), qs.end());
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

}  // namespace

std::string resolve_entity(const IndexGazetteer& g, schema::Facet facet, std::string_view value) {
    std::string v(trim(value));
    std::replace(v.begin(), v.end(), '_', ' ');
    if (auto canonical = g.canonical(facet, v)) return std::move(*canonical);
    std::string msg = "unknown " + std::string(schema::facet(facet).name) + " '" + std::string(value) + "'";
    auto near = g.get().closest(facet, v, 3);
    if (!near.empty()) msg += "; closest known: " + join(near, ", ");
    throw UserError(msg + " (see 'privsearch facets --facet " + std::string(schema::facet(facet).name) + "')");
}

std::string date_bound(std::string_view text, bool upper) {
    auto d = parse_iso_date(text);
    if (!d) throw UserError("bad date '" + std::string(text) + "': use YYYY, YYYY-MM or YYYY-MM-DD");
    if (!upper) return d->sortable();
    ArticleDate last = *d;
    if (!last.month) last.month = 12;
    if (!last.day) last.day = 31;  // an upper bound for string comparison, not a calendar date
    return last.sortable();
}

QueryBuilder::QueryBuilder(const Xapian::Database& db, const IndexGazetteer& gazetteer)
    : db_(db), gazetteer_(gazetteer) {}

Xapian::QueryParser QueryBuilder::parser(const SearchRequest& r, const ErrorSink& errors) const {
    using schema::Field;
    Xapian::QueryParser qp = make_query_parser();
    qp.set_database(db_);
    if (r.exact) qp.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
    qp.set_default_op(r.any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    for (const auto& f : schema::fields()) {
        if (f.query_name.empty()) continue;
        const std::string name(f.query_name), prefix(f.prefix);
        if (!f.boolean) qp.add_prefix(name, prefix);
        else if (f.field == Field::Id) qp.add_boolean_prefix(name, prefix);
        else if (f.field == Field::Source) qp.add_boolean_prefix(name, (new SourceField)->release());
    }
    for (const auto& f : schema::facets())
        if (f.field)
            qp.add_boolean_prefix(std::string(schema::field(*f.field).query_name),
                                  (new EntityField(gazetteer_, f.facet, errors))->release());
    qp.add_rangeprocessor((new DateRange(errors))->release());
    return qp;
}

std::string QueryBuilder::expand_entities(std::string_view q) const {
    std::string out;
    std::size_t copied = 0;
    for (const auto& m : gazetteer_.matcher().find(q)) {
        // A field's value ("platform:facebook", resolved by its field), a required or
        // excluded word, or words in a phrase stay as written.
        const char before = m.begin > 0 ? q[m.begin - 1] : ' ';
        if (before == ':' || before == '+' || before == '-' || inside_quotes(q, m.begin)) continue;
        const auto e = gazetteer_.matcher().entity(m.entity);
        std::string_view words = q.substr(m.begin, m.end - m.begin);
        bool phrase = words.find(' ') != std::string_view::npos;
        out.append(q.substr(copied, m.begin - copied));
        out += "(" + (phrase ? quoted(words) : std::string(words)) + " OR " +
               std::string(schema::field(*schema::facet(e.facet).field).query_name) + ":" + quoted(e.canonical) + ")";
        copied = m.end;
    }
    out.append(q.substr(copied));
    return out;
}

Xapian::Query QueryBuilder::parse(const SearchRequest& r, unsigned extra_flags) const {
    std::string q = normalize_text(trim(r.query));
    check_balanced(q);
    auto errors = std::make_shared<std::optional<std::string>>();
    auto qp = parser(r, errors);
    Xapian::Query query;
    try {
        query = qp.parse_query(expand_entities(q), kFlags | extra_flags);
    } catch (const Xapian::QueryParserError& e) {
        throw UserError("cannot parse query '" + std::string(r.query) + "': " + e.get_msg());
    }
    if (*errors) throw UserError(**errors);
    return filters_of_every_article_as_all(own_stems_as_words(query, stem_), db_);
}

Xapian::Query QueryBuilder::text_as_written(const SearchRequest& r) const {
    if (trim(r.query).empty()) return Xapian::Query::MatchAll;
    return parse(r, 0);
}

Xapian::Query QueryBuilder::text(const SearchRequest& r) const {
    const Xapian::Query q = text_as_written(r);
    return with_common_words_pooled(q).value_or(q);
}

Xapian::Query QueryBuilder::filters(const Filters& f, std::optional<schema::Facet> except) const {
    std::vector<Xapian::Query> parts;
    for (const auto& [facet, names] : f.entities) {
        if (facet == except || names.empty()) continue;
        std::vector<Xapian::Query> any;
        for (const auto& n : names) any.emplace_back(schema::boolean_term(*schema::facet(facet).field, n));
        parts.push_back(or_all(any));
    }
    if (!f.sources.empty() && except != schema::Facet::Source) {
        std::vector<Xapian::Query> any;
        for (const auto& s : f.sources) any.emplace_back(schema::boolean_term(schema::Field::Source, s));
        parts.push_back(or_all(any));
    }
    const unsigned slot = schema::slot(schema::Slot::Date);
    if (f.since) parts.emplace_back(Xapian::Query::OP_VALUE_GE, slot, *f.since);
    if (f.until) parts.emplace_back(Xapian::Query::OP_VALUE_LE, slot, *f.until);
    if (parts.empty()) return Xapian::Query::MatchAll;
    return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

Xapian::Query QueryBuilder::written(const SearchRequest& r) const {
    Xapian::Query t = text_as_written(r);
    if (r.filters.empty()) return t;
    return Xapian::Query(Xapian::Query::OP_FILTER, t, filters(r.filters));
}

Xapian::Query QueryBuilder::build(const SearchRequest& r) const {
    const Xapian::Query q = written(r);
    return with_common_words_pooled(q).value_or(q);
}

std::optional<std::string> QueryBuilder::spelling_suggestion(const SearchRequest& r) const {
    if (trim(r.query).empty()) return std::nullopt;
    std::string q = normalize_text(trim(r.query));
    auto qp = parser(r, std::make_shared<std::optional<std::string>>());
    try {
        qp.parse_query(q, kFlags | Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    } catch (const Xapian::QueryParserError&) {
        return std::nullopt;
    }
    std::string corrected = qp.get_corrected_query_string();
    if (corrected.empty() || corrected == q) return std::nullopt;
    return corrected;
}

}  // namespace privsearch::searcher
