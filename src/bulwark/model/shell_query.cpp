#include "bulwark/model/shell_query.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "bulwark/util/strings.hpp"

namespace bulwark::model::shell {

namespace {

bool contains(std::initializer_list<std::string_view> list, std::string_view s) {
    for (std::string_view x : list) {
        if (x == s) {
            return true;
        }
    }
    return false;
}

// Which options take a value: the caller's list ("-o", "--option") plus, for option_value, the
// options being asked about.
struct ValueSpec {
    OptionList takes_value;
    std::string_view letters = {};
    std::initializer_list<std::string_view> longs = {};
    const ValueOptions* prepared = nullptr;  // replaces takes_value when set

    bool short_takes(char c) const {
        if (letters.find(c) != std::string_view::npos) {
            return true;
        }
        if (prepared != nullptr) {
            return prepared->short_takes(c);
        }
        for (std::string_view x : takes_value) {
            if (x.size() == 2 && x[0] == '-' && x[1] == c) {
                return true;
            }
        }
        return false;
    }
    bool long_takes(std::string_view name) const {
        if (contains(longs, name)) {
            return true;
        }
        if (prepared != nullptr) {
            return prepared->long_takes(name);
        }
        for (std::string_view x : takes_value) {
            if (x.size() == name.size() + 2 && x.substr(0, 2) == "--" && x.substr(2) == name) {
                return true;
            }
        }
        return false;
    }
};

enum class ArgKind { short_opt, long_opt, operand };

struct Arg {
    ArgKind kind = ArgKind::operand;
    char letter = 0;
    std::string_view name;  // long option name without dashes
    bool has_value = false;
    std::string_view value;
    const Word* value_word = nullptr;  // word holding the value
    size_t index = 0;                  // index in argv of the option or operand word
};

// Walks argv[1..] with getopt_long conventions (options may follow operands; "--" ends them).
// `visit` returns false to stop.
template <class Visit>
void scan_args(std::span<const Word> argv, const ValueSpec& spec, Visit&& visit) {
    const size_t n = argv.size();
    for (size_t i = 1; i < n; ++i) {
        std::string_view v = argv[i].value;
        Arg a;
        a.index = i;
        if (v == "--") {
            for (size_t j = i + 1; j < n; ++j) {
                Arg o;
                o.index = j;
                if (!visit(o)) {
                    return;
                }
            }
            return;
        }
        if (v.size() > 2 && v[0] == '-' && v[1] == '-') {
            a.kind = ArgKind::long_opt;
            std::string_view name = v.substr(2);
            size_t eq = name.find('=');
            if (eq != std::string_view::npos) {
                a.name = name.substr(0, eq);
                a.has_value = true;
                a.value = name.substr(eq + 1);
                a.value_word = &argv[i];
            } else {
                a.name = name;
                if (spec.long_takes(name) && i + 1 < n) {
                    a.has_value = true;
                    a.value = argv[i + 1].value;
                    a.value_word = &argv[i + 1];
                    ++i;
                }
            }
            if (!visit(a)) {
                return;
            }
            continue;
        }
        if (v.size() > 1 && v[0] == '-') {
            bool consumed_next = false;
            for (size_t j = 1; j < v.size(); ++j) {
                Arg s;
                s.kind = ArgKind::short_opt;
                s.letter = v[j];
                s.index = i;
                bool takes = spec.short_takes(v[j]);
                if (takes) {
                    if (j + 1 < v.size()) {
                        s.has_value = true;
                        s.value = v.substr(j + 1);
                        s.value_word = &argv[i];
                    } else if (i + 1 < n) {
                        s.has_value = true;
                        s.value = argv[i + 1].value;
                        s.value_word = &argv[i + 1];
                        consumed_next = true;
                    }
                }
                if (!visit(s)) {
                    return;
                }
                if (takes) {
                    break;
                }
            }
            if (consumed_next) {
                ++i;
            }
            continue;
        }
        if (!visit(a)) {
            return;
        }
    }
}

// A command that runs the command after its options (and after some positional words).
struct Wrapper {
    std::string_view name;
    std::string_view short_with_value;
    std::string_view long_with_value;  // " name name " (space separated, padded)
    bool assignments;                  // NAME=value words before the command
    int positional;                    // operands before the command (timeout's duration)
};

constexpr Wrapper k_wrappers[] = {
    {"sudo", "CDgpRrtTUu",
     " close-from chdir group host prompt chroot role type command-timeout other-user user ", true, 0},
    {"doas", "uC", "", false, 0},
    {"env", "uCS", " unset chdir split-string ", true, 0},
    {"nohup", "", "", false, 0},
    {"nice", "n", " adjustment ", false, 0},
    {"ionice", "cnpPu", " class classdata pid pgid uid ", false, 0},
    {"time", "fo", " format output ", false, 0},
    {"command", "", "", false, 0},
    {"exec", "a", "", false, 0},
    {"builtin", "", "", false, 0},
    {"stdbuf", "ioe", " input output error ", false, 0},
    {"timeout", "ks", " kill-after signal ", false, 1},
};

/// First letters of the wrapper names: most commands are not wrappers and stop at this test.
constexpr std::array<bool, 256> k_wrapper_first = [] {
    std::array<bool, 256> m{};
    for (const Wrapper& w : k_wrappers) {
        m[static_cast<unsigned char>(w.name[0])] = true;
    }
    return m;
}();

bool is_assignment_word(std::string_view v) {
    if (v.empty() || !(v[0] == '_' || (v[0] >= 'A' && v[0] <= 'Z') || (v[0] >= 'a' && v[0] <= 'z'))) {
        return false;
    }
    for (size_t i = 1; i < v.size(); ++i) {
        char c = v[i];
        if (c == '=') {
            return true;
        }
        if (!(c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            return false;
        }
    }
    return false;
}

bool long_listed(std::string_view padded, std::string_view name) {
    if (name.empty() || padded.empty()) {
        return false;
    }
    size_t at = padded.find(name);
    while (at != std::string_view::npos) {
        if (at > 0 && padded[at - 1] == ' ' && at + name.size() < padded.size() &&
            padded[at + name.size()] == ' ') {
            return true;
        }
        at = padded.find(name, at + 1);
    }
    return false;
}

// Index of the wrapped command in `a`, or 0 when a[0] is not a wrapper or nothing follows it.
size_t wrapped_index(std::span<const Word> a) {
    std::string_view name = basename(a[0].value);
    if (name.empty() || !k_wrapper_first[static_cast<unsigned char>(name[0])]) {
        return 0;
    }
    const Wrapper* w = nullptr;
    for (const Wrapper& x : k_wrappers) {
        if (x.name == name) {
            w = &x;
            break;
        }
    }
    if (w == nullptr) {
        return 0;
    }
    size_t i = 1;
    const size_t n = a.size();
    // Wrappers stop at their first operand (the command), unlike getopt permutation.
    while (i < n) {
        std::string_view v = a[i].value;
        if (v == "--") {
            ++i;
            break;
        }
        if (v.size() < 2 || v[0] != '-') {
            if (v == "-" && w->name == "env") {
                ++i;
                continue;
            }
            break;
        }
        if (w->name == "command" &&
            (v.find('v') != std::string_view::npos || v.find('V') != std::string_view::npos)) {
            return 0;  // `command -v x` looks x up, it does not run it
        }
        if (v[1] == '-') {
            std::string_view opt = v.substr(2);
            bool takes = opt.find('=') == std::string_view::npos && long_listed(w->long_with_value, opt);
            i += takes ? 2 : 1;
            continue;
        }
        size_t skip = 1;
        for (size_t j = 1; j < v.size(); ++j) {
            if (w->short_with_value.find(v[j]) != std::string_view::npos) {
                if (j + 1 == v.size()) {
                    skip = 2;
                }
                break;
            }
        }
        i += skip;
    }
    if (w->assignments) {
        while (i < n && is_assignment_word(a[i].value)) {
            ++i;
        }
    }
    i += static_cast<size_t>(w->positional);
    return i < n ? i : 0;
}

}  // namespace

std::string shell_text(const Word& w, bool keep_globs) {
    if (!w.dynamic) {
        return util::shell_quote(w.value);
    }
    // Unquoted, the value is the text as written: `~/bin`, `${URL}`, `*.sh` mean there what they meant.
    if (!w.quoted && (keep_globs || w.value.find_first_of("*?[") == std::string::npos)) {
        return w.value;
    }
    // A quoted value no longer says which of its `$` expand: the parser noted those that do.
    return w.expansions.empty() ? util::shell_quote_expanding(w.value)
                                : util::shell_quote_expanding(w.value, w.expansions.ranges());
}

std::string_view basename(std::string_view path) {
    if (path.empty()) {
        return path;
    }
    const void* slash = memrchr(path.data(), '/', path.size());
    return slash == nullptr
               ? path
               : path.substr(static_cast<size_t>(static_cast<const char*>(slash) - path.data()) + 1);
}

std::span<const Word> effective_argv(const Command& c) {
    std::span<const Word> a(c.argv);
    // Bounded: each step drops at least one word.
    while (!a.empty()) {
        size_t skip = wrapped_index(a);
        if (skip == 0) {
            break;
        }
        a = a.subspan(skip);
    }
    return a;
}

std::string_view program(const Command& c) {
    std::span<const Word> a = effective_argv(c);
    return a.empty() ? std::string_view{} : basename(a[0].value);
}

bool is_declaration_builtin(std::string_view name) {
    return name == "export" || name == "readonly" || name == "declare" || name == "typeset" ||
           name == "local";
}

bool is_command(const Command& c, std::string_view name) {
    return !name.empty() && program(c) == name;
}

bool is_any_command(const Command& c, std::initializer_list<std::string_view> names) {
    std::string_view p = program(c);
    return !p.empty() && contains(names, p);
}

bool is_shell_name(std::string_view name) {
    return contains({"sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "busybox"}, name);
}

namespace {

bool has_option_in(std::span<const Word> argv, std::string_view short_letters,
                   std::initializer_list<std::string_view> long_names, const ValueSpec& spec) {
    bool found = false;
    scan_args(argv, spec, [&](const Arg& a) {
        if ((a.kind == ArgKind::short_opt && short_letters.find(a.letter) != std::string_view::npos) ||
            (a.kind == ArgKind::long_opt && contains(long_names, a.name))) {
            found = true;
        }
        return !found;
    });
    return found;
}

}  // namespace

ValueOptions ValueOptions::of(OptionList takes_value) {
    ValueOptions out{Tag{}};
    for (std::string_view x : takes_value) {
        if (x.size() == 2 && x[0] == '-') {
            auto u = static_cast<unsigned char>(x[1]);
            out.m_short[u >> 6] |= uint64_t{1} << (u & 63);
        } else if (x.size() > 2 && x[0] == '-' && x[1] == '-') {
            out.m_long.push_back(x.substr(2));
        }
    }
    std::sort(out.m_long.begin(), out.m_long.end());  // curl's and wget's lists are ~60 names long
    return out;
}

bool ValueOptions::long_takes(std::string_view name) const {
    return std::binary_search(m_long.begin(), m_long.end(), name);
}

bool has_option(std::span<const Word> argv, std::string_view short_letters,
                std::initializer_list<std::string_view> long_names, OptionList takes_value) {
    return has_option_in(argv, short_letters, long_names, ValueSpec{takes_value});
}

bool has_option(std::span<const Word> argv, std::string_view short_letters,
                std::initializer_list<std::string_view> long_names, const ValueOptions& takes_value) {
    return has_option_in(argv, short_letters, long_names, ValueSpec{{}, {}, {}, &takes_value});
}

bool has_option(const Command& c, std::string_view short_letters,
                std::initializer_list<std::string_view> long_names, OptionList takes_value) {
    return has_option(effective_argv(c), short_letters, long_names, takes_value);
}

namespace {

template <class Visit>
void scan_values(std::span<const Word> argv, std::string_view short_letters,
                 std::initializer_list<std::string_view> long_names, OptionList takes_value, Visit&& visit,
                 const ValueOptions* prepared = nullptr) {
    scan_args(argv, ValueSpec{takes_value, short_letters, long_names, prepared}, [&](const Arg& a) {
        bool match =
            (a.kind == ArgKind::short_opt && short_letters.find(a.letter) != std::string_view::npos) ||
            (a.kind == ArgKind::long_opt && contains(long_names, a.name));
        if (match && a.has_value) {
            visit(a);
        }
        return true;
    });
}

}  // namespace

std::optional<std::string> option_value(std::span<const Word> argv, std::string_view short_letters,
                                        std::initializer_list<std::string_view> long_names,
                                        OptionList takes_value) {
    std::optional<std::string> out;
    scan_values(argv, short_letters, long_names, takes_value,
                [&](const Arg& a) { out = std::string(a.value); });
    return out;
}

std::optional<std::string> option_value(std::span<const Word> argv, std::string_view short_letters,
                                        std::initializer_list<std::string_view> long_names,
                                        const ValueOptions& takes_value) {
    std::optional<std::string> out;
    scan_values(
        argv, short_letters, long_names, {}, [&](const Arg& a) { out = std::string(a.value); }, &takes_value);
    return out;
}

std::optional<std::string> option_value(const Command& c, std::string_view short_letters,
                                        std::initializer_list<std::string_view> long_names,
                                        OptionList takes_value) {
    return option_value(effective_argv(c), short_letters, long_names, takes_value);
}

std::vector<std::string> option_values(std::span<const Word> argv, std::string_view short_letters,
                                       std::initializer_list<std::string_view> long_names,
                                       OptionList takes_value) {
    std::vector<std::string> out;
    scan_values(argv, short_letters, long_names, takes_value,
                [&](const Arg& a) { out.emplace_back(a.value); });
    return out;
}

const Word* option_word(std::span<const Word> argv, std::string_view short_letters,
                        std::initializer_list<std::string_view> long_names, OptionList takes_value) {
    const Word* out = nullptr;
    scan_values(argv, short_letters, long_names, takes_value, [&](const Arg& a) { out = a.value_word; });
    return out;
}

namespace {

std::vector<const Word*> operands_in(std::span<const Word> argv, const ValueSpec& spec) {
    std::vector<const Word*> out;
    scan_args(argv, spec, [&](const Arg& a) {
        if (a.kind == ArgKind::operand) {
            out.push_back(&argv[a.index]);
        }
        return true;
    });
    return out;
}

}  // namespace

std::vector<const Word*> operands(std::span<const Word> argv, OptionList takes_value) {
    return operands_in(argv, ValueSpec{takes_value});
}

std::vector<const Word*> operands(std::span<const Word> argv, const ValueOptions& takes_value) {
    return operands_in(argv, ValueSpec{{}, {}, {}, &takes_value});
}

std::span<const Word> subcommand_argv(std::span<const Word> argv, OptionList takes_value) {
    size_t at = 0;
    scan_args(argv, ValueSpec{takes_value}, [&](const Arg& a) {
        if (a.kind == ArgKind::operand) {
            at = a.index;
            return false;
        }
        return true;
    });
    return at == 0 ? std::span<const Word>{} : argv.subspan(at);
}

std::string_view subcommand(std::span<const Word> argv, OptionList takes_value) {
    std::span<const Word> sub = subcommand_argv(argv, takes_value);
    return sub.empty() ? std::string_view{} : std::string_view(sub[0].value);
}

std::vector<const Word*> subcommand_operands(std::span<const Word> argv, OptionList takes_value) {
    std::span<const Word> sub = subcommand_argv(argv, takes_value);
    if (sub.empty()) {
        return {};
    }
    // Options before the subcommand were already skipped; the rest keeps getopt conventions.
    std::vector<const Word*> out;
    scan_args(sub, ValueSpec{takes_value}, [&](const Arg& a) {
        if (a.kind == ArgKind::operand) {
            out.push_back(&sub[a.index]);
        }
        return true;
    });
    return out;
}

std::vector<const Command*> pipeline_commands(const Script& s, int pipeline) {
    std::vector<const Command*> out;
    for (const Command& c : s.commands) {
        if (c.pipeline == pipeline) {
            out.push_back(&c);
        }
    }
    return out;
}

const Command* piped_into(const Script& s, size_t index) {
    if (index >= s.commands.size() || s.commands[index].next != Connector::pipe) {
        return nullptr;
    }
    int id = s.commands[index].pipeline;
    for (size_t i = index + 1; i < s.commands.size(); ++i) {
        if (s.commands[i].pipeline == id) {
            return &s.commands[i];
        }
    }
    return nullptr;
}

std::pair<size_t, size_t> nested_commands(const Script& s, size_t index) {
    // Nested commands follow their parent, so they are the commands after it whose parent is it
    // or one of them.
    size_t end = index + 1;
    while (end < s.commands.size() && s.commands[end].parent >= static_cast<int>(index)) {
        ++end;
    }
    return {std::min(index + 1, end), end};
}

std::vector<size_t> substitutions_in(const Script& s, size_t index, const Word& w) {
    std::vector<size_t> out;
    auto [first, end] = nested_commands(s, index);
    for (size_t j = first; j < end; ++j) {
        const Command& c = s.commands[j];
        if (c.parent == static_cast<int>(index) && c.in_substitution && c.begin >= w.begin &&
            c.begin < w.end) {
            out.push_back(j);
        }
    }
    return out;
}

std::vector<const Command*> commands_named(const Script& s, std::string_view name) {
    std::vector<const Command*> out;
    for (const Command& c : s.commands) {
        if (is_command(c, name)) {
            out.push_back(&c);
        }
    }
    return out;
}

size_t index_of(const Script& s, const Command& c) {
    return static_cast<size_t>(&c - s.commands.data());
}

bool is_variable_name(std::string_view s) {
    auto name_char = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    };
    return !s.empty() && !(s[0] >= '0' && s[0] <= '9') && std::all_of(s.begin(), s.end(), name_char);
}

std::vector<std::string> script_variables(const Script& s) {
    std::vector<std::string> names;
    auto add = [&](std::string_view name) {
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            names.emplace_back(name);
        }
    };
    for (const Command& c : s.commands) {
        for_each_assignment(c, [&](const Word&, std::string_view name) {
            if (name.back() == '+') {
                name.remove_suffix(1);
            }
            add(name);
        });
        for_each_read_or_unset(c, true, add);
        for_each_read_or_unset(c, false, add);
    }
    for (const Script::LoopVariable& v : s.loop_variables) {
        add(v.name);
    }
    return names;
}

std::vector<int> command_functions(const Script& s) {
    std::vector<int> owner(s.commands.size(), -1);
    if (s.functions.empty()) {
        return owner;
    }
    for (size_t k = 0; k < s.commands.size(); ++k) {
        const Command& c = s.commands[k];
        if (!c.in_function) {
            continue;
        }
        // Bodies nest: the innermost holding the command starts last (a later definition wins a tie).
        for (size_t f = 0; f < s.functions.size(); ++f) {
            const Script::Function& fn = s.functions[f];
            if (c.begin >= fn.body_begin && c.begin < fn.body_end &&
                (owner[k] < 0 || fn.body_begin >= s.functions[static_cast<size_t>(owner[k])].body_begin)) {
                owner[k] = static_cast<int>(f);
            }
        }
    }
    return owner;
}

namespace {

/// Builds run_steps(): the script's own commands, each call followed by its function's body.
class RunSteps {
  public:
    explicit RunSteps(const Script& s) : m_script(s), m_bodies(s.functions.size()) {
        m_budget = s.commands.size() + k_max_extra;
        std::vector<int> owner = command_functions(s);
        for (size_t k = 0; k < s.commands.size(); ++k) {
            if (owner[k] >= 0) {
                m_bodies[static_cast<size_t>(owner[k])].push_back(static_cast<uint32_t>(k));
            }
        }
        for (size_t k = 0; k < s.commands.size(); ++k) {
            if (owner[k] < 0) {
                const Command& c = s.commands[k];
                add({static_cast<uint32_t>(k), -1, -1, c.scope == 0, c.in_branch, false}, c.begin, 0);
            }
        }
    }

    std::vector<RunStep> take() { return std::move(m_steps); }

  private:
    static constexpr size_t k_max_depth = 8;
    static constexpr size_t k_max_extra = 4096;

    /// Adds `step`, and when it calls a function, that function's body. `at` is the offset of the
    /// outermost call (a function defined after it is not defined yet), `depth` the calls on the way.
    void add(RunStep step, uint32_t at, size_t depth) {
        m_steps.push_back(step);
        const Command& c = m_script.commands[step.index];
        const int f = called_function(c, at);
        if (f < 0) {
            return;
        }
        const Script::Function& fn = m_script.functions[static_cast<size_t>(f)];
        if (depth >= k_max_depth || m_steps.size() >= m_budget) {
            m_steps.back().unknown_call = true;
            return;
        }
        for (uint32_t k : m_bodies[static_cast<size_t>(f)]) {
            const Command& b = m_script.commands[k];
            // A `{ }` body runs in the caller's shell; a `( )` body, or a part of it in a
            // subshell, in a scope of its own.
            add({k, static_cast<int>(step.index), f, step.own && b.scope == fn.scope,
                 step.in_branch || b.in_branch, false},
                at, depth + 1);
        }
    }

    /// The function command `c` calls: the last one of its name defined before offset `at` in
    /// `c`'s scope or one holding it; -1 when `c` calls none.
    int called_function(const Command& c, uint32_t at) const {
        if (c.argv.empty() || c.argv[0].dynamic || m_script.functions.empty()) {
            return -1;
        }
        int found = -1;
        for (size_t f = 0; f < m_script.functions.size(); ++f) {
            const Script::Function& fn = m_script.functions[f];
            if (fn.name == c.argv[0].value && fn.begin < at && sees(c.scope, fn.scope)) {
                found = static_cast<int>(f);
            }
        }
        return found;
    }

    /// True when a command in scope `scope` sees the functions scope `outer` defines: it is `outer`
    /// or a subshell inside it (a new shell process, `sh -c`, starts without them).
    bool sees(int scope, int outer) const {
        int s = scope;
        for (size_t up = 0; s >= 0 && up <= m_script.scopes.size(); ++up) {
            if (s == outer) {
                return true;
            }
            if (static_cast<size_t>(s) >= m_script.scopes.size() ||
                !m_script.scopes[static_cast<size_t>(s)].inherits) {
                break;
            }
            s = m_script.scopes[static_cast<size_t>(s)].parent;
        }
        return false;
    }

    const Script& m_script;
    std::vector<std::vector<uint32_t>> m_bodies;  // per function, its body's commands in order
    std::vector<RunStep> m_steps;
    size_t m_budget = 0;
};

}  // namespace

std::vector<RunStep> run_steps(const Script& s) {
    return RunSteps(s).take();
}

}  // namespace bulwark::model::shell
