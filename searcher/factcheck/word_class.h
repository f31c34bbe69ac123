// Word classes that attribution reading relies on: speech verbs, titles, name
// connectors, clause openers. English only, compared in ASCII lower case.
#pragma once
#include <initializer_list>
#include <string_view>

namespace privsearch::searcher::attribution {

bool in(std::string_view word, std::initializer_list<std::string_view> set);

bool is_speech_verb(std::string_view w);
// Verbs that attribute a quotation without reporting speech: "Trump called for ... to
// \"detect mass shooters\"", "Dataminr confirmed ... that".
bool is_reporting_verb(std::string_view w);

bool is_capitalised(std::string_view w);
bool is_acronym(std::string_view w);
bool is_determiner(std::string_view w);
bool is_pronoun_word(std::string_view w);
bool is_initial(std::string_view w);
// Lower-case words that may sit inside a capitalised name: "Department of Justice",
// "Immigration and Customs Enforcement".
bool is_name_connector(std::string_view w);
// Capitalised words that are a job, not part of a person's name: "Director", "Sen.".
bool is_title(std::string_view w);

// Words that open a new clause, before which a subject cannot reach.
bool opens_clause(std::string_view w);
// Words that open a prepositional or relative tail after a name: "said Smith in a
// statement", "said Smith, who leads...".
bool opens_tail(std::string_view w);
// Clause openers that come before a subject: "In a statement, NAME said".
bool opens_intro(std::string_view w);

}  // namespace privsearch::searcher::attribution
