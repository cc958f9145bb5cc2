#pragma once
// Helpers shared by the shell parser tests: compact views of parsed commands.
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/input/shell/parser.hpp"
#include "bulwark/model/shell.hpp"

namespace shell_test {

namespace sh = bulwark::model::shell;

/// argv values joined with single spaces ("apt-get install -y curl").
inline std::string joined(const sh::Command& c) {
    std::string out;
    for (const sh::Word& w : c.argv) {
        if (!out.empty()) {
            out += ' ';
        }
        out += w.value;
    }
    return out;
}

/// joined() of every command, in order.
inline std::vector<std::string> commands(const sh::Script& s) {
    std::vector<std::string> out;
    for (const sh::Command& c : s.commands) {
        out.push_back(joined(c));
    }
    return out;
}

/// commands() of parse(text).
inline std::vector<std::string> commands(std::string_view text) {
    return commands(bulwark::input::shell::parse(text));
}

/// The source text a range covers.
inline std::string_view slice(std::string_view text, uint32_t begin, uint32_t end) {
    return text.substr(begin, end - begin);
}

/// Error messages, in order.
inline std::vector<std::string> error_messages(const sh::Script& s) {
    std::vector<std::string> out;
    for (const sh::Script::Error& e : s.errors) {
        out.push_back(e.message);
    }
    return out;
}

}  // namespace shell_test
