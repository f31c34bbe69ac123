// Terminal colours for the text printer, off unless chosen (--color, NO_COLOR).
#pragma once
#include <string>
#include <string_view>

namespace privsearch::searcher {

class Style {
public:
    explicit Style(bool color) : color_(color) {}
    std::string title(std::string_view s) const { return paint(s, "1"); }
    std::string meta(std::string_view s) const { return paint(s, "2"); }
    std::string match(std::string_view s) const { return paint(s, "1;31"); }
    std::string label(std::string_view s) const { return paint(s, "1;36"); }
    std::string warn(std::string_view s) const { return paint(s, "33"); }

private:
    std::string paint(std::string_view s, std::string_view code) const {
        if (!color_ || s.empty()) return std::string(s);
        return "\033[" + std::string(code) + "m" + std::string(s) + "\033[0m";
    }
    bool color_;
};

// --color=auto|always|never against the terminal and NO_COLOR (no-color.org).
bool use_color(std::string_view choice, bool stdout_is_tty);

}  // namespace privsearch::searcher
