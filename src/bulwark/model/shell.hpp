#pragma once
// A shell script as a list of simple commands: what rules reason about instead of substrings.
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/util/strings.hpp"

namespace bulwark::model::shell {

/// Where a quoted word's value holds its `$` and backquote expansions as written, which tells them
/// from a `$` or backquote the author quoted (`"\$X $Y"`: value `$X $Y`, one expansion). Empty costs
/// one null pointer (most words have none); copies are deep.
class Expansions {
  public:
    Expansions() = default;
    Expansions(const Expansions& other)
        : m_ranges(other.m_ranges ? std::make_unique<std::vector<util::ByteRange>>(*other.m_ranges)
                                  : nullptr) {}
    Expansions& operator=(const Expansions& other) {
        if (this != &other) {
            m_ranges =
                other.m_ranges ? std::make_unique<std::vector<util::ByteRange>>(*other.m_ranges) : nullptr;
        }
        return *this;
    }
    Expansions(Expansions&&) noexcept = default;
    Expansions& operator=(Expansions&&) noexcept = default;
    ~Expansions() = default;

    /// The byte ranges of the value, in order; empty when none were recorded.
    std::span<const util::ByteRange> ranges() const {
        return m_ranges ? std::span<const util::ByteRange>(*m_ranges) : std::span<const util::ByteRange>();
    }
    bool empty() const { return !m_ranges; }
    /// Records `ranges` (none: empty).
    void assign(std::span<const util::ByteRange> ranges) {
        m_ranges = ranges.empty()
                       ? nullptr
                       : std::make_unique<std::vector<util::ByteRange>>(ranges.begin(), ranges.end());
    }
    void clear() { m_ranges.reset(); }

  private:
    std::unique_ptr<std::vector<util::ByteRange>> m_ranges;
};

/// One word after quote removal. `begin`/`end` are byte offsets in the parsed script text.
struct Word {
    std::string value;  // quotes and escapes resolved; expansions left as written ("$HOME")
    uint32_t begin = 0;
    uint32_t end = 0;
    bool quoted = false;   // any part was quoted (quotes or a backslash escape)
    bool dynamic = false;  // contains an unexpanded $var, $(...), `...` or glob that changes its value
    /// Set by the parser for a quoted word with `$`/backquote expansions: their ranges in `value`
    /// (any other word's value is as written, or expands nothing).
    Expansions expansions{};
};

struct Redirect {
    std::string op;    // ">", ">>", "<", "2>", "&>", "<<<", ">&", "<<", "<<-" ... (with its fd number)
    Word target;       // file, fd ("1" in 2>&1), here-string, or here-document delimiter
    int heredoc = -1;  // index into Script::heredocs for "<<" and "<<-", else -1
};

/// How a command is joined to the next one in its list.
enum class Connector : uint8_t { none, and_if, or_if, pipe, seq, background };

/// A simple command: assignments, argv and redirections.
struct Command {
    std::vector<Word> assignments;  // NAME=value prefixes
    std::vector<Word> argv;         // argv[0] is the command name as written
    std::vector<Redirect> redirects;
    uint32_t begin = 0;  // offsets in the script text
    uint32_t end = 0;
    Connector next = Connector::none;  // `;` and newline are `seq`; the last command of a list has `none`
    /// With next == pipe, the commands before this one that belong to the same pipeline element: 0 for
    /// a simple command, the rest of the compound command it ends (`{ a; b; } | tee`, `(...)`, `if`,
    /// with their nested commands) otherwise, so that element's first command is this index minus
    /// it (at most 65535).
    uint16_t element_before = 0;
    int pipeline = 0;              // commands joined by '|' share this id; every other command has its own
    int depth = 0;                 // 0 top level; +1 per enclosing compound command ((), {}, if, for,
                                   // while, case, function), $(...) and `sh -c '...'` script
    bool in_substitution = false;  // inside $(...), backticks or <(...)
    bool in_condition = false;     // in the condition of if/while/until or the left of || / &&
    bool negated = false;          // in a pipeline negated with `!`
    bool in_function = false;      // in a function body (runs only when the function is called)
    int parent = -1;               // index of the command whose word holds this one (the `sh -c` or
                                   // the command with the $(...) argument), -1 if none
    int scope = 0;                 // index into Script::scopes: the shell environment it runs in
    /// Runs on some paths of its shell only: in a branch of an if (then, elif, else), a case arm, a
    /// loop (condition and body), after `||` (`x || cd /y`, not `cd /y || exit 1`), or after `&&`
    /// following a test (`[ -d x ] && cd x`) unless the script ends with that list (a false test
    /// then fails the script). A failure of any other command is taken as the build's error, so
    /// `a && cd /x` is not in a branch.
    bool in_branch = false;
};

/// A here-document: the lines after `<<EOF` up to the delimiter line (not parsed as commands).
struct Heredoc {
    std::string delimiter;  // quotes removed
    std::string body;       // tabs stripped for `<<-`
    uint32_t begin = 0;     // the body's range in the script text
    uint32_t end = 0;
    bool quoted = false;      // delimiter quoted: no expansion in the body
    bool strip_tabs = false;  // `<<-`
};

/// A shell environment: the top-level shell, a subshell ((...), $(...), each command of a pipeline
/// of several, an asynchronous `... &` list) or a new shell process (`sh -c`). Shell options, the
/// working directory and variables set in one apply to it and the subshells it starts later.
struct Scope {
    int parent = -1;        // enclosing scope, -1 for the top level
    bool inherits = true;   // false for a new shell process, which does not inherit `set -o`
    bool pipefail = false;  // pipefail on from the start (`bash -o pipefail -c ...`)
};

/// The commands of a Script. Reads like a const std::vector<Command> (and converts to one); copies
/// share one vector, so a copied Script (an answer of the parse memo) allocates nothing for its
/// commands. Writes (push_back, clear, assignment, mutate) first copy a vector other scripts share.
class Commands {
  public:
    using value_type = Command;
    using const_iterator = std::vector<Command>::const_iterator;
    using iterator = const_iterator;

    Commands() = default;
    Commands(std::vector<Command> commands)  // NOLINT(google-explicit-constructor): drop-in for the vector
        : m_commands(commands.empty() ? nullptr
                                      : std::make_shared<std::vector<Command>>(std::move(commands))) {}

    const std::vector<Command>& get() const { return m_commands ? *m_commands : empty_commands(); }
    operator const std::vector<Command>&() const { return get(); }  // NOLINT(google-explicit-constructor)
    bool empty() const { return get().empty(); }
    size_t size() const { return get().size(); }
    const Command* data() const { return get().data(); }
    const Command& operator[](size_t i) const { return get()[i]; }
    const Command& at(size_t i) const { return get().at(i); }
    const Command& front() const { return get().front(); }
    const Command& back() const { return get().back(); }
    const_iterator begin() const { return get().begin(); }
    const_iterator end() const { return get().end(); }

    /// The vector to change, no longer shared with any other script.
    std::vector<Command>& mutate();
    void push_back(Command c) { mutate().push_back(std::move(c)); }
    void clear() { m_commands.reset(); }

  private:
    static const std::vector<Command>& empty_commands();
    std::shared_ptr<std::vector<Command>> m_commands;  // immutable while shared (use_count() > 1)
};

/// A parsed script: every simple command in source order (nested ones after their parent).
struct Script {
    Commands commands;
    /// Problems found while parsing (unterminated quote, ...): offset in the script and message.
    struct Error {
        uint32_t offset = 0;
        std::string message;
        /// Parsing stopped here (script too long): the commands after it are missing.
        bool stops_parse = false;
        /// Nesting went too deep here: the commands past it are read as simple commands, with
        /// their structure approximated (each in a branch, in a nested scope).
        bool approximated = false;
    };
    std::vector<Error> errors;
    std::vector<Heredoc> heredocs;  // in source order; referenced by Redirect::heredoc
    std::vector<Scope> scopes;      // scopes[0] is the top-level shell (may be empty: one scope)
    /// A variable a `for` or `select` loop sets to each of its words (no simple command sets it).
    struct LoopVariable {
        std::string name;
        uint32_t begin = 0;  // offset of the name in the script text
    };
    std::vector<LoopVariable> loop_variables;  // in source order
    /// A function definition (`name() { ...; }`, `function name { ...; }`). Its body's commands
    /// are emitted where it is defined, with in_function, but run where it is called: they are the
    /// commands whose offset is in [body_begin, body_end) and in no function defined inside it.
    struct Function {
        std::string name;         // as written; empty when it is not a plain word
        uint32_t begin = 0;       // offset of the name (or of `function`)
        uint32_t body_begin = 0;  // the body's range in the script text
        uint32_t body_end = 0;
        int scope = 0;  // the shell environment the definition runs in (a `{ }` body runs in the caller's)
    };
    std::vector<Function> functions;  // in source order
    /// True if `set -o pipefail` (or `set -eo pipefail`, `-euxo pipefail` ...) is in effect before
    /// command `index`, in that command's shell environment.
    bool pipefail_before(size_t index) const;
};

/// Basename of argv[0] ("/usr/bin/apt-get" -> "apt-get"); empty when there is no argv.
std::string_view command_name(const Command& c);

/// Applies a `set` command's arguments to the shell option `name` (short flag `letter`, or '\0' when
/// it has none): `-o NAME`, `-eo NAME`, `+o NAME`, `-e`, `-eux`, `+e` ... Other commands leave `on`
/// unchanged.
void apply_set_option(const Command& c, std::string_view name, char letter, bool& on);

/// apply_set_option() for pipefail (`-o pipefail`, `-eo pipefail`, `+o pipefail` ...).
void apply_set_pipefail(const Command& c, bool& pipefail);

}  // namespace bulwark::model::shell
