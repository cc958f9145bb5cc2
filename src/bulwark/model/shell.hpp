#pragma once
// A shell script as a list of simple commands: what rules reason about instead of substrings.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::model::shell {

/// One word after quote removal. `begin`/`end` are byte offsets in the parsed script text.
struct Word {
    std::string value;       // quotes and escapes resolved; expansions left as written ("$HOME")
    uint32_t begin = 0;
    uint32_t end = 0;
    bool quoted = false;     // any part was quoted
    bool dynamic = false;    // contains an unexpanded $var, $(...), `...` or glob that changes its value
};

struct Redirect {
    std::string op;          // ">", ">>", "<", "2>", "&>", "<<<", ">&" ...
    Word target;
};

/// How a command is joined to the next one in its list.
enum class Connector { none, and_if, or_if, pipe, seq, background };

/// A simple command: assignments, argv and redirections.
struct Command {
    std::vector<Word> assignments;   // NAME=value prefixes
    std::vector<Word> argv;          // argv[0] is the command name as written
    std::vector<Redirect> redirects;
    uint32_t begin = 0;              // offsets in the script text
    uint32_t end = 0;
    Connector next = Connector::none;
    int pipeline = 0;                // commands joined by '|' share this id
    int depth = 0;                   // 0 top level; +1 inside `sh -c '...'`/`bash -c`, subshells, $(...)
    bool in_substitution = false;    // inside $(...) or backticks
    bool in_condition = false;       // in the condition of if/while/until or the left of || / &&
};

/// A parsed script: every simple command in source order (nested ones after their parent).
struct Script {
    std::vector<Command> commands;
    /// Problems found while parsing (unterminated quote, ...): offset in the script and message.
    struct Error {
        uint32_t offset = 0;
        std::string message;
    };
    std::vector<Error> errors;
    /// True if `set -o pipefail` (or `set -eo pipefail`, `-euxo pipefail` ...) is in effect before
    /// command `index`.
    bool pipefail_before(size_t index) const;
};

/// Basename of argv[0] ("/usr/bin/apt-get" -> "apt-get"); empty when there is no argv.
std::string_view command_name(const Command& c);

}  // namespace bulwark::model::shell
