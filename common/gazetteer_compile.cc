// Build step: loads common/entities.tsv as the programs would and writes the source of
// Gazetteer::builtin(), which restores it from a dump without tokenising or case folding,
// and of Gazetteer::builtin_names() and the table of EntityMatcher::builtin().
// usage: gazetteer_compile ENTITIES.tsv OUT.cc
#include "entity_matcher.h"
#include "gazetteer.h"

#include <fstream>
#include <iostream>
#include <sstream>

namespace {

// A C++ string literal: octal escapes (never longer than three digits) for control bytes.
std::string literal(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') out += std::string("\\") + c;
        else if (c == '\n') out += "\\n\"\n    \"";
        else if (u < 0x20) out += "\\" + std::to_string(u >> 6) + std::to_string((u >> 3) & 7) + std::to_string(u & 7);
        else out += c;
    }
    return out + "\"";
}

void write_matcher(std::ostream& out, const privsearch::EntityMatcher& m) {
    out << "const EntityMatcher& EntityMatcher::builtin() {\n    static constexpr Entry kEntries[] = {";
    for (const auto& e : m.entries())
        out << "\n        {" << literal(e.first) << ", " << literal(e.tokens) << ", " << e.entity << ", " << e.token_count
            << ", " << (e.case_sensitive ? "true" : "false") << ", " << (e.weak ? "true" : "false") << "},";
    out << "\n    };\n    static constexpr EntityName kEntities[] = {";
    for (std::size_t i = 0; i < m.entity_count(); ++i)
        out << "\n        {static_cast<schema::Facet>(" << static_cast<int>(m.entity(i).facet) << "), "
            << literal(m.entity(i).canonical) << "},";
    out << "\n    };\n    static const EntityMatcher matcher(kEntries, kEntities);\n    return matcher;\n}\n\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: gazetteer_compile ENTITIES.tsv OUT.cc\n";
        return 2;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        if (!in) throw std::runtime_error(std::string(argv[1]) + ": cannot read");
        std::ostringstream tsv;
        tsv << in.rdbuf();
        privsearch::Gazetteer g;
        g.load(tsv.str(), argv[1]);
        std::ofstream out(argv[2], std::ios::binary);
        out << "// Generated at build time by gazetteer_compile from entities.tsv: do not edit.\n"
            << "#include \"entity_matcher.h\"\n#include \"gazetteer.h\"\n\nnamespace privsearch {\n\nGazetteer Gazetteer::builtin() {\n"
            << "    static constexpr char kDump[] =\n    " << literal(g.dump()) << ";\n"
            << "    return restore({kDump, sizeof kDump - 1});\n}\n\n"
            << "std::span<const std::pair<std::string_view, std::string_view>> Gazetteer::builtin_names() {\n"
            << "    static constexpr std::pair<std::string_view, std::string_view> kNames[] = {";
        for (const auto& [key, canonical] : g.names()) out << "\n        {" << literal(key) << ", " << literal(canonical) << "},";
        out << "\n    };\n    return kNames;\n}\n\n";
        write_matcher(out, privsearch::EntityMatcher(g));
        out << "}  // namespace privsearch\n";
        if (!out) throw std::runtime_error(std::string(argv[2]) + ": cannot write");
    } catch (const std::exception& e) {
        std::cerr << "gazetteer_compile: " << e.what() << "\n";
        return 1;
    }
}
