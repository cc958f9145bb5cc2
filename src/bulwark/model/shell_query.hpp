#pragma once
// Questions rules ask about parsed shell commands: which program really runs, with which options
// and operands. getopt conventions: "-abc" groups short options, "--name[=value]" is long, "--"
// ends options, "-" alone is an operand. An `argv` span always starts with the program (or
// subcommand) name, which is never an option or operand.
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bulwark/model/shell.hpp"

namespace bulwark::model::shell {

/// Options that take a value, spelled as written ("-o", "--option"), so that their values are not
/// mistaken for options or operands. A short one in a group takes the rest of the group or the next word.
using OptionList = std::initializer_list<std::string_view>;

/// An OptionList prepared once for many queries (a bitmap of its short options, its long names), for
/// long lists asked about often: `static const ValueOptions k = ValueOptions::of(list);` then pass
/// `k` where the OptionList would go. Answers exactly as the list would.
class ValueOptions {
  public:
    static ValueOptions of(OptionList takes_value);
    bool short_takes(char c) const {
        auto u = static_cast<unsigned char>(c);
        return ((m_short[u >> 6] >> (u & 63)) & 1) != 0;
    }
    /// `name` without dashes.
    bool long_takes(std::string_view name) const;

  private:
    struct Tag {};
    explicit ValueOptions(Tag) {}
    std::array<uint64_t, 4> m_short{};
    std::vector<std::string_view> m_long;  // without dashes
};

/// Last path component ("/usr/bin/apt-get" -> "apt-get").
std::string_view basename(std::string_view path);

/// Word `w` as text to paste into a command line of a fix, meaning what it means where it stands: a
/// literal value quoted as needed (util::shell_quote); an unquoted word with expansions as written
/// (its value is its text: `~/bin`, `$DIR/*.sh`), but without `keep_globs` (URLs, file names that
/// never glob) one with `*?[` quoted; any other with its `$` expansions kept and the `$` its author
/// quoted literal (shell_quote_expanding with Word::expansions: `"echo \$X $Y"` stays that).
std::string shell_text(const Word& w, bool keep_globs = true);

/// argv without leading wrappers and their options: sudo, doas, env (and NAME=value), nohup, nice,
/// ionice, time, command (not -v/-V), exec, builtin, stdbuf, timeout (and duration). When a wrapper
/// has no command after it, the span starts at that wrapper. Empty when argv is empty.
std::span<const Word> effective_argv(const Command& c);

/// Basename of effective_argv(c)[0] ("" without argv): the program that really runs.
std::string_view program(const Command& c);

/// True when program(c) is `name` ("apt-get" matches `sudo /usr/bin/apt-get ...`).
bool is_command(const Command& c, std::string_view name);

/// True for the builtins whose operands NAME=value set variables: export, readonly, declare,
/// typeset, local.
bool is_declaration_builtin(std::string_view name);

/// True when program(c) is one of `names`.
bool is_any_command(const Command& c, std::initializer_list<std::string_view> names);

/// True for the names of POSIX-like shells: sh, bash, dash, ash, zsh, ksh, mksh, busybox.
bool is_shell_name(std::string_view name);

/// True if argv[1..] (before "--") has a short option in `short_letters` ("-qy" has 'y') or a long
/// option in `long_names` (given without dashes; "--yes" and "--yes=x" both match).
bool has_option(std::span<const Word> argv, std::string_view short_letters,
                std::initializer_list<std::string_view> long_names, OptionList takes_value = {});

/// has_option with a prepared list.
bool has_option(std::span<const Word> argv, std::string_view short_letters,
                std::initializer_list<std::string_view> long_names, const ValueOptions& takes_value);

/// has_option on effective_argv(c).
bool has_option(const Command& c, std::string_view short_letters,
                std::initializer_list<std::string_view> long_names, OptionList takes_value = {});

/// Value of the last occurrence of the option: "-o V", "-oV", "-xo V", "--opt V", "--opt=V"
/// (the options named here always take a value); nullopt when absent or missing its value.
std::optional<std::string> option_value(std::span<const Word> argv, std::string_view short_letters,
                                        std::initializer_list<std::string_view> long_names,
                                        OptionList takes_value = {});

/// option_value with a prepared list.
std::optional<std::string> option_value(std::span<const Word> argv, std::string_view short_letters,
                                        std::initializer_list<std::string_view> long_names,
                                        const ValueOptions& takes_value);

/// option_value on effective_argv(c).
std::optional<std::string> option_value(const Command& c, std::string_view short_letters,
                                        std::initializer_list<std::string_view> long_names,
                                        OptionList takes_value = {});

/// Every value of a repeatable option (`-o A -o B` -> {"A", "B"}), in order.
std::vector<std::string> option_values(std::span<const Word> argv, std::string_view short_letters,
                                       std::initializer_list<std::string_view> long_names,
                                       OptionList takes_value = {});

/// The word that holds the last value of the option (the next word, or the option word itself for
/// "-oV"/"--opt=V"), for locations; nullptr when absent.
const Word* option_word(std::span<const Word> argv, std::string_view short_letters,
                        std::initializer_list<std::string_view> long_names, OptionList takes_value = {});

/// Every non-option word of argv[1..] (all words after "--"), in order: `rm -rf a b` -> {a, b}.
std::vector<const Word*> operands(std::span<const Word> argv, OptionList takes_value = {});

/// operands with a prepared list.
std::vector<const Word*> operands(std::span<const Word> argv, const ValueOptions& takes_value);

/// First operand: the subcommand ("install" in `apt-get -q install x`); "" when there is none.
std::string_view subcommand(std::span<const Word> argv, OptionList takes_value = {});

/// argv from the subcommand on (so subcommand options and operands can be queried); empty if none.
std::span<const Word> subcommand_argv(std::span<const Word> argv, OptionList takes_value = {});

/// Operands after the subcommand: `apt-get -y install curl git` -> {curl, git}.
std::vector<const Word*> subcommand_operands(std::span<const Word> argv, OptionList takes_value = {});

/// Commands of pipeline `pipeline`, in order (`curl ... | sh` -> {curl, sh}).
std::vector<const Command*> pipeline_commands(const Script& s, int pipeline);

/// The command whose output `index` pipes into (the next one in its pipeline), or nullptr.
const Command* piped_into(const Script& s, size_t index);

/// The commands that command `index` holds (those of substitutions in its words, of a nested `sh -c`
/// script, and theirs), as the index range [first, end) right after it; first == end for most.
std::pair<size_t, size_t> nested_commands(const Script& s, size_t index);

/// Indices of the outermost commands that the command substitutions in word `w` of command `index`
/// run, in order: {mktemp} for `cd "$(mktemp -d)"`.
std::vector<size_t> substitutions_in(const Script& s, size_t index, const Word& w);

/// Every command of `s` for which is_command(c, name) holds, in order.
std::vector<const Command*> commands_named(const Script& s, std::string_view name);

/// Index of `c` in s.commands (c must point into it), for parent/pipeline navigation.
size_t index_of(const Script& s, const Command& c);

/// Calls `f(word, name)` for each NAME=value that command `c` assigns (`NAME=v cmd`, `export NAME=v`,
/// `declare`/`local`/`readonly`/`typeset`); `name` is the word's text before its `=` (`NAME+` for
/// `NAME+=v`).
template <typename F>
void for_each_assignment(const Command& c, F&& f) {
    auto visit = [&](const Word& w) {
        size_t eq = w.value.find('=');
        if (eq != std::string::npos && eq > 0) {
            f(w, std::string_view(w.value).substr(0, eq));
        }
    };
    for (const Word& w : c.assignments) {
        visit(w);
    }
    if (is_declaration_builtin(command_name(c))) {
        for (size_t i = 1; i < c.argv.size(); ++i) {
            visit(c.argv[i]);
        }
    }
}

/// True when `s` is a shell variable name (letters, digits, `_`, not starting with a digit).
bool is_variable_name(std::string_view s);

/// Calls `f(name)` for each variable command `c` reads a value into (`read [-r] A B`) when `reads`,
/// or unsets (`unset A`, not `unset -f`) when not.
template <typename F>
void for_each_read_or_unset(const Command& c, bool reads, F&& f) {
    if (command_name(c) != (reads ? "read" : "unset")) {
        return;
    }
    std::span<const Word> argv(c.argv);
    if (!reads && has_option(argv, "f", {})) {
        return;  // functions
    }
    // Every other operand is a name (read's -a names an array, taken here as a name too).
    for (const Word* w : operands(argv, {"-p", "-d", "-n", "-N", "-t", "-u", "-i"})) {
        if (is_variable_name(w->value)) {
            f(std::string_view(w->value));
        }
    }
}

/// The variables `s` sets, reads into, unsets or loops over (for_each_assignment, `NAME+` as `NAME`;
/// for_each_read_or_unset; Script::loop_variables), each once, in the order first met: a
/// Dockerfile's ARG or ENV value of one of them need not be the value the script sees.
std::vector<std::string> script_variables(const Script& s);

/// For each command of `s`, the index in Script::functions of the function whose body holds it
/// (the innermost one), or -1 when it is in no function body.
std::vector<int> command_functions(const Script& s);

/// One run of a command, in the order a script runs them: a command outside function bodies
/// where it is written, a function body's commands where the function is called (once per call).
struct RunStep {
    uint32_t index = 0;         // into Script::commands
    int call = -1;              // the command that called the function holding it directly, -1 for none
    int function = -1;          // into Script::functions: the function holding it, -1 for none
    bool own = false;           // runs in the script's own shell (scope 0), and so does every call on the way
    bool in_branch = false;     // runs on some paths only: it, or a call on the way, is in_branch
    bool unknown_call = false;  // a call not followed (nested or repeated too much): its effect is unknown
};

/// The commands of `s` in the order they run: a call of a function defined before it (in a scope
/// the call sees) is followed by the function body's commands, each function's own, not those of
/// functions defined inside it, and not the body of a function that is never called. Calls are
/// followed 8 deep and for 4096 steps past the script's own commands.
std::vector<RunStep> run_steps(const Script& s);

}  // namespace bulwark::model::shell
