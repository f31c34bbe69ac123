#include "printer.h"

namespace privsearch::searcher {

std::unique_ptr<Printer> make_printer(Format format, std::ostream& out, bool color) {
    switch (format) {
        case Format::Json: return make_json_printer(out);
        case Format::Csv: return make_csv_printer(out);
        case Format::Text: break;
    }
    return make_text_printer(out, color);
}

std::string display_date(const std::string& s) {
    if (s.size() != 8) return s;
    return s.substr(0, 4) + "-" + s.substr(4, 2) + "-" + s.substr(6, 2);
}

}  // namespace privsearch::searcher
