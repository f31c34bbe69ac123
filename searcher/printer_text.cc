#include "printer.h"
#include "string_util.h"
#include "style.h"

#include <cstdlib>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace privsearch::searcher {

bool use_color(std::string_view choice, bool stdout_is_tty) {
    if (choice == "always") return true;
    if (choice == "never") return false;
    const char* no_color = std::getenv("NO_COLOR");
    return stdout_is_tty && !(no_color && *no_color);
}

namespace {

constexpr std::size_t kFacetValuesShown = 8;

std::string byline(const Article& a) {
    std::vector<std::string> parts;
    for (const auto* f : {&a.source, &a.author, &a.date})
        if (!f->empty()) parts.push_back(*f);
    parts.push_back(a.id);
    return join(parts, " · ");
}

std::string highlighted(std::string_view text, const std::vector<Highlight>& spans, const Style& style) {
    std::string out;
    std::size_t at = 0;
    for (const auto& h : spans) {
        out.append(text.substr(at, h.begin - at));
        out += style.match(text.substr(h.begin, h.end - h.begin));
        at = h.end;
    }
    out.append(text.substr(at));
    return out;
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// "Matt Cagle, an attorney for ..."; a role alone when the text names nobody.
std::string speaker_text(const Speaker& s) {
    std::vector<std::string> parts;
    for (const auto* p : {&s.name, &s.role})
        if (!p->empty()) parts.push_back(*p);
    return join(parts, ", ");
}

std::string diff_text(const WordDiff& d) {
    switch (d.kind) {
        case WordDiff::Kind::Added: return "+" + d.quoted;
        case WordDiff::Kind::Dropped: return "-" + d.archived;
        case WordDiff::Kind::Changed: break;
    }
    return "'" + d.quoted + "' → '" + d.archived + "'";
}

class TextPrinter : public Printer {
public:
    TextPrinter(std::ostream& out, bool color) : out_(out), style_(color) {}

    void search(const SearchRequest& r, const SearchResult& s) override {
        out_ << style_.meta(plural(s.total, "article", "articles") + (s.total_exact ? "" : " (about)") + " match") << "\n";
        if (s.did_you_mean) out_ << "Did you mean: " << style_.title(*s.did_you_mean) << "\n";
        for (const auto& h : s.hits) hit(h);
        if (r.facets) facet_lines(s.facets);
    }

    void show(const StoredArticle& a) override {
        out_ << style_.title(a.article.title) << "\n" << style_.meta(byline(a.article)) << "\n";
        if (!a.article.url.empty()) out_ << a.article.url << "\n";
        for (const auto& f : schema::facets()) {
            std::vector<std::string> names;
            for (const auto& e : a.entities)
                if (e.facet == f.facet) names.push_back(e.name + " (" + std::to_string(e.mentions) + ")");
            if (!names.empty()) out_ << style_.label(std::string(f.label) + ":") << " " << join(names, ", ") << "\n";
        }
        out_ << "\n" << a.article.text << (a.article.text.ends_with('\n') ? "" : "\n");
    }

    void count(const CountResult& c) override {
        if (!c.by) {
            out_ << c.total << "\n";
            return;
        }
        for (const auto& v : c.values) out_ << std::setw(8) << v.count << "  " << v.value << "\n";
        out_ << style_.meta(plural(c.total, "article", "articles") + " in all") << "\n";
    }

    void facets(const FacetCounts& counts) override {
        for (const auto& [facet, values] : counts) {
            out_ << style_.label(std::string(schema::facet(facet).label)) << "\n";
            for (const auto& v : values) out_ << std::setw(8) << v.count << "  " << v.value << "\n";
        }
    }

    void stats(const IndexStats& s) override {
        out_ << style_.label("Index:") << "       " << s.path << "\n"
             << style_.label("Articles:") << "    " << s.articles << "\n"
             << style_.label("Dates:") << "       " << (s.first_date.empty() ? "none" : s.first_date + " to " + s.last_date) << "\n"
             << style_.label("Sources:") << "     " << s.sources.size() << "\n"
             << style_.label("Size:") << "        " << human_size(s.size_bytes) << "\n"
             << style_.label("Last update:") << " " << (s.last_update.empty() ? "unknown" : s.last_update) << "\n";
    }

    void quote(const QuoteResult& q) override {
        bool exact = !q.matches.empty() && q.matches.front().exact;
        out_ << style_.meta(q.matches.empty() ? "quotation not found"
                            : exact           ? "found " + plural(q.matches.size(), "time", "times") + ", oldest first"
                                              : "not found exactly; closest passages:")
             << "\n";
        std::size_t n = 0;
        for (const auto& m : q.matches) quote_match(++n, m);
    }

    void verify(const VerifyResult& v) override {
        if (v.evidence.empty()) out_ << style_.meta("no evidence found") << "\n";
        for (const auto& e : v.evidence) {
            const Article& a = e.article->article;
            out_ << heading(e.rank, a) << "     " << span_text(a.text, e.sentence) << "\n"
                 << "     " << style_.label("matched:") << " " << join(e.matched, ", ");
            if (!e.missing.empty()) out_ << "  " << style_.warn("missing:") << " " << join(e.missing, ", ");
            out_ << "\n";
        }
    }

private:
    void hit(const Hit& h) {
        const Article& a = h.article.article;
        // One insertion a hit: one for each part was a third of a search's printing.
        std::string text = heading(h.rank, a);
        if (!h.snippet.text.empty()) text += "     " + highlighted(h.snippet.text, h.snippet.highlights, style_) + "\n";
        out_ << text;
    }

    // A numbered result's first lines: its rank (right-aligned in three columns), title
    // and byline.
    std::string heading(std::size_t rank, const Article& a) const {
        std::string number = std::to_string(rank);
        if (number.size() < 3) number.insert(0, 3 - number.size(), ' ');
        return "\n" + number + ". " + style_.title(a.title) + "\n     " + style_.meta(byline(a)) + "\n";
    }

    void facet_lines(const FacetCounts& counts) {
        bool any = false;
        for (const auto& [facet, values] : counts) {
            if (values.empty()) continue;
            if (!any) out_ << "\n";
            any = true;
            std::vector<std::string> shown;
            for (std::size_t i = 0; i < values.size() && i < kFacetValuesShown; ++i)
                shown.push_back(values[i].value + " " + std::to_string(values[i].count));
            if (values.size() > kFacetValuesShown) shown.push_back("+" + std::to_string(values.size() - kFacetValuesShown) + " more");
            out_ << style_.label(std::string(schema::facet(facet).label) + ":") << " " << join(shown, " · ") << "\n";
        }
    }

    void quote_match(std::size_t n, const QuoteMatch& m) {
        const Article& a = m.article->article;
        std::string_view text = a.text;
        Span local{m.match.begin - m.sentence.begin, m.match.end - m.sentence.begin};
        out_ << heading(n, a) << "     " << highlighted(span_text(text, m.sentence), {{local.begin, local.end}}, style_) << "\n";
        if (m.speaker)
            out_ << "     " << style_.label("speaker:") << " " << speaker_text(*m.speaker) << "\n";
        if (!m.exact) {
            std::vector<std::string> diffs;
            for (const auto& d : m.differences) diffs.push_back(diff_text(d));
            out_ << "     " << style_.warn("inexact (" + std::to_string(static_cast<int>(m.similarity * 100 + 0.5)) + "% similar):")
                 << " " << join(diffs, "; ") << "\n";
        }
    }

    static std::string human_size(std::uintmax_t bytes) {
        std::ostringstream s;
        s << std::fixed << std::setprecision(1);
        if (bytes >= 1u << 30) s << static_cast<double>(bytes) / (1u << 30) << " GiB";
        else if (bytes >= 1u << 20) s << static_cast<double>(bytes) / (1u << 20) << " MiB";
        else s << static_cast<double>(bytes) / 1024 << " KiB";
        return s.str();
    }

    std::ostream& out_;
    Style style_;
};

}  // namespace

std::unique_ptr<Printer> make_text_printer(std::ostream& out, bool color) {
    return std::make_unique<TextPrinter>(out, color);
}

}  // namespace privsearch::searcher
