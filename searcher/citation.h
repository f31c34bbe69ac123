// Citations a fact-checker can paste: title, source, author, date, url, id, the
// quoted sentence with its character offsets, and the SHA-256 of the stored text
// so the citation can be checked against the archive later.
#pragma once
#include "factcheck_result.h"
#include "result.h"

#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace privsearch::searcher {

enum class CiteStyle { Plain, Markdown, Json };

struct Citation {
    std::shared_ptr<const StoredArticle> article;
    std::optional<Span> sentence;  // byte range in the article text
};

std::vector<Citation> citations_of(const SearchResult& r);
std::vector<Citation> citations_of(const QuoteResult& r);
std::vector<Citation> citations_of(const VerifyResult& r);

std::string format_citation(const Citation& c, CiteStyle style);
void print_citations(std::ostream& out, const std::vector<Citation>& citations, CiteStyle style);

}  // namespace privsearch::searcher
