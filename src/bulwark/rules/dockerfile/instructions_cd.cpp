// BD072: a `cd` in RUN that WORKDIR could replace. Only a cd in the RUN's own shell is one: a cd in
// a subshell, a pipeline or an `sh -c` script ends with it, one in a branch (if, case, loop, after
// `||`) runs on some paths only, and a temporary directory (one the RUN removes, or makes with
// mktemp) cannot be a WORKDIR.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "bulwark/model/expand.hpp"
#include "bulwark/model/shell_query.hpp"
#include "bulwark/rules/dockerfile/instructions_checks.hpp"
#include "bulwark/rules/dockerfile/instructions_common.hpp"
#include "bulwark/rules/dockerfile/packages_commands.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile::checks {

namespace {

using model::Instruction;
using model::InstructionKind;
namespace sh = model::shell;

/// A directory as the RUN's shell sees it, spelled one way: absolute ("/usr/src"), under home
/// ("~/x"), under a variable ("${tmp}/x": `$tmp` is spelled `${tmp}`), or relative to the directory
/// the RUN starts in ("build"; "" is that directory). nullopt when it is not known.
using Dir = std::optional<std::string>;

/// The directories the RUN's shell may be in at one point, one per way through the branches before
/// it, each once. More than k_max_ways are not followed: the directory is then not known.
using Dirs = std::vector<Dir>;
constexpr size_t k_max_ways = 8;

/// `ways` with the ways of `more` added.
Dirs joined(Dirs ways, const Dirs& more) {
    for (const Dir& d : more) {
        if (std::find(ways.begin(), ways.end(), d) == ways.end()) {
            ways.push_back(d);
        }
    }
    return ways.size() <= k_max_ways ? ways : Dirs{Dir()};
}

/// Spelled by `cd "$(mktemp -d)"`: a directory no other word names.
constexpr std::string_view k_mktemp = "$(mktemp -d)";

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/// True when `s` refers to a positional parameter: `$1`, `${2}`, `$@`, `$*`, `$#`.
bool has_positional_parameter(std::string_view s) {
    for (size_t i = 0; i + 1 < s.size(); ++i) {
        if (s[i] != '$') {
            continue;
        }
        char next = s[i + 1] == '{' && i + 2 < s.size() ? s[i + 2] : s[i + 1];
        if ((next >= '1' && next <= '9') || next == '@' || next == '*' || next == '#') {
            return true;
        }
    }
    return false;
}

/// `$NAME` spelled `${NAME}`, so that the two spellings of a variable compare equal.
std::string braced_variables(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '$' || i + 1 >= s.size() || !is_name_char(s[i + 1]) ||
            (s[i + 1] >= '0' && s[i + 1] <= '9')) {
            out += s[i];
            continue;
        }
        size_t end = i + 1;
        while (end < s.size() && is_name_char(s[end])) {
            ++end;
        }
        out.append("${").append(s.substr(i + 1, end - i - 1)).append("}");
        i = end - 1;
    }
    return out;
}

/// `path` joined to `cwd` when it is relative, with ".", ".." and repeated or trailing slashes
/// applied; nullopt when a relative path meets an unknown `cwd` or ".." leaves a directory that is
/// not absolute.
Dir resolve(const Dir& cwd, std::string_view path) {
    if (path.empty()) {
        return std::nullopt;
    }
    std::string text = braced_variables(path);
    std::string_view rest = text;
    std::string root;  // "/", "~", "${VAR}" or "" (the starting directory)
    std::vector<std::string> parts;
    auto push_parts = [&](std::string_view p) {
        for (std::string_view part : util::split(p, '/')) {
            if (part.empty() || part == ".") {
                continue;
            }
            if (part != "..") {
                parts.emplace_back(part);
            } else if (!parts.empty()) {
                parts.pop_back();
            } else if (root != "/") {
                return false;  // above a directory whose parent is not known
            }
        }
        return true;
    };
    if (rest[0] == '/') {
        root = "/";
    } else if (rest == "~" || util::starts_with(rest, "~/")) {
        root = "~";
        rest.remove_prefix(1);
    } else if (rest[0] == '$') {
        size_t slash = rest.find('/');
        root = std::string(rest.substr(0, slash));
        rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
        if (root == "${HOME}") {
            root = "~";
        }
    } else {
        if (!cwd) {
            return std::nullopt;
        }
        std::string_view base = *cwd;
        if (!base.empty() && base[0] == '/') {
            root = "/";
        } else if (!base.empty() && (base[0] == '~' || base[0] == '$')) {
            size_t slash = base.find('/');
            root = std::string(base.substr(0, slash));
            base = slash == std::string_view::npos ? std::string_view() : base.substr(slash);
        }
        if (!push_parts(base)) {
            return std::nullopt;
        }
    }
    if (!push_parts(rest)) {
        return std::nullopt;
    }
    std::string out = root;
    for (const std::string& p : parts) {
        if (!out.empty() && out.back() != '/') {
            out += '/';
        }
        out += p;
    }
    return out;
}

/// True when `dir` is `base` or under it.
bool is_within(std::string_view dir, std::string_view base) {
    if (dir == base) {
        return true;
    }
    if (base.empty()) {
        return !dir.empty() && dir[0] != '/' && dir[0] != '~' && dir[0] != '$';  // under the start
    }
    return util::starts_with(dir, base) && (base.back() == '/' || dir[base.size()] == '/');
}

/// True when command `j` of `s` is `mktemp -d`.
bool is_mktemp_dir(const sh::Script& s, size_t j) {
    const sh::Command& c = s.commands[j];
    return sh::program(c) == "mktemp" &&
           sh::has_option(sh::effective_argv(c), "d", {"directory"}, {"-p", "--suffix"});
}

/// True when a command substitution in word `w` of command `index` runs `mktemp -d`.
bool holds_mktemp(const sh::Script& s, size_t index, const sh::Word& w) {
    for (size_t j : sh::substitutions_in(s, index, w)) {
        if (is_mktemp_dir(s, j)) {
            return true;
        }
    }
    return false;
}

/// A path that a command removes (`rm -r`, `rmdir`), as a Dir, and whether it is a glob pattern.
struct Removal {
    size_t step = 0;  // when it runs (into sh::run_steps())
    std::string path;
    bool glob = false;
};

/// What one shell body does with directories: its top-level cds and the directories it removes.
class Directories {
  public:
    /// The directories of `body`, a shell body of RUN `run` in `df`, whose command facts are `facts`.
    Directories(const model::Dockerfile& df, const Instruction& run, const sh::Script& s,
                std::span<const CommandFacts> facts)
        : m_df(df), m_run(run), m_script(s) {
        note_assigned_variables();
        Dir start = start_directory(df, run);
        m_start = start ? *start : std::string();
        Dirs cwd{m_start};
        Dirs previous{Dir()};  // for `cd -`
        size_t loops = 0;      // loop variables whose loop has started
        // In the order the commands run: a function's body where it is called, not where it is
        // defined (a function runs in the caller's shell, so its cd outlasts the call).
        const std::vector<sh::RunStep> steps = sh::run_steps(s);
        for (size_t n = 0; n < steps.size(); ++n) {
            const sh::RunStep& step = steps[n];
            const size_t k = step.index;
            const sh::Command& c = s.commands[k];
            if (step.function < 0) {
                // A loop's variable takes each of its words: no value is known from the loop on.
                for (; loops < s.loop_variables.size() && s.loop_variables[loops].begin <= c.begin; ++loops) {
                    forget(s.loop_variables[loops].name);
                }
            } else {
                forget_loop_variables(s.functions[static_cast<size_t>(step.function)]);
            }
            note_temporary_variables(k);
            std::string_view prog = facts[k].program;
            if (prog == "rm" || prog == "rmdir") {
                for (const Dir& d : step.own ? cwd : Dirs{Dir()}) {
                    note_removals(n, k, prog, facts[k].argv, d);
                }
            } else if (prog == "cd" && step.own) {
                Cd cd{k, n, step.call, step.function, {}, goes_up(facts[k].argv), step.in_branch};
                Dirs to;
                for (const Dir& from : cwd) {
                    for (const Dir& target : cd_targets(step, facts[k].argv, from, previous)) {
                        cd.ways.push_back({from, target});
                        to = joined(std::move(to), {target});
                    }
                }
                // A cd on some paths only leaves the shell in either directory afterwards.
                previous = step.in_branch ? joined(std::move(previous), cwd) : cwd;
                cwd = step.in_branch ? joined(std::move(cwd), to) : to;
                m_cds.push_back(std::move(cd));
            } else if (step.unknown_call && step.own) {
                previous = cwd;  // a function not followed may cd anywhere
                cwd = {Dir()};
            }
            note_local_values(k);
        }
    }

    /// One way a cd may go: where the shell was and where it goes.
    struct Move {
        Dir from;
        Dir to;
    };

    /// A cd of the RUN's own shell, once per time it runs.
    struct Cd {
        size_t index = 0;        // the command
        size_t step = 0;         // when it runs (into sh::run_steps())
        int call = -1;           // the call of the function holding it, -1 when it is in none
        int function = -1;       // that function (into sh::Script::functions)
        std::vector<Move> ways;  // one per directory the shell may be in before it
        bool up = false;         // `cd ..`, `cd ../..`: to a directory holding `from`
        bool in_branch = false;  // runs on some paths only (sh::Command::in_branch, or its call's)
    };
    const std::vector<Cd>& cds() const { return m_cds; }

    /// True when the cd `cd` may go into a temporary directory, or only leave one (for `/`, home,
    /// the directory the RUN started in (its WORKDIR), or one holding it, `cd ..`), on some way.
    bool temporary_way(const Cd& cd) const {
        return std::any_of(cd.ways.begin(), cd.ways.end(), [&](const Move& m) {
            return temporary(m.to, cd.step) || leaves_temporary(m, cd);
        });
    }

    /// True when move `m` of `cd` only leaves a temporary directory.
    bool leaves_temporary(const Move& m, const Cd& cd) const {
        if (!temporary(m.from, cd.step) || temporary(m.to, cd.step)) {
            return false;
        }
        if (cd.up) {
            return true;
        }
        if (!m.from || !m.to) {
            return false;
        }
        const std::string& to = *m.to;
        return to == "/" || to == "~" || to == m_start || to.empty() ||
               (to != *m.from && is_within(*m.from, to));
    }

    /// True when `dir`, entered at step `step`, is temporary: made by `mktemp -d` or removed,
    /// itself or a directory holding it, by a later step.
    bool temporary(const Dir& dir, size_t step) const {
        if (!dir) {
            return false;
        }
        const std::string& d = *dir;
        if (d == k_mktemp || util::starts_with(d, std::string(k_mktemp) + "/")) {
            return true;
        }
        for (const std::string& v : m_mktemp_variables) {
            if (is_within(d, v)) {
                return true;
            }
        }
        for (const Removal& r : m_removals) {
            if (r.step > step && removes(r, d)) {
                return true;
            }
        }
        return false;
    }

  private:
    /// The directory RUN `run` starts in: its stage's last WORKDIR before it (FROM <stage>
    /// ancestors included); nullopt when that is the base image's or not known.
    static Dir start_directory(const model::Dockerfile& df, const Instruction& run) {
        const Instruction* first = df.instructions.data();
        if (run.stage < 0 || &run < first || &run >= first + df.instructions.size()) {
            return std::nullopt;  // an ONBUILD trigger
        }
        const int self = static_cast<int>(&run - first);
        Dir dir;
        for (int i : common::image_instructions(df, run.stage)) {
            if (i == self) {
                return dir && !dir->empty() && (*dir)[0] == '/' ? dir : std::nullopt;
            }
            const Instruction& w = common::instruction_at(df, i);
            if (w.kind != InstructionKind::workdir || w.words.empty()) {
                continue;
            }
            std::optional<std::string> path = common::resolve(df, w, common::workdir_raw(w));
            dir = path && !path->empty() && (*path)[0] != '$' && (*path)[0] != '~' ? resolve(dir, *path)
                                                                                   : std::nullopt;
        }
        return std::nullopt;
    }

    /// `w`'s value with the Dockerfile's ARG and ENV values put in, and the values the RUN's shell
    /// gave its own variables so far (m_values); as written when it refers to a variable the RUN
    /// sets with no value known here.
    std::string expanded(const sh::Word& w) const { return expanded(w.value, w.dynamic); }

    std::string expanded(const std::string& text, bool dynamic) const {
        if (!dynamic || text.find('$') == std::string::npos) {
            return text;
        }
        const char escape = m_df.directives.escape;
        std::vector<std::string> names = model::referenced_variables(text, escape);
        bool local = false;
        for (const std::string& name : names) {
            if (std::find(m_assigned.begin(), m_assigned.end(), name) != m_assigned.end()) {
                if (m_values.find(name) == m_values.end() && !m_unset.contains(name)) {
                    return text;
                }
                local = true;
            }
        }
        if (!local) {
            std::optional<std::string> v = resolve_value(m_df, m_run, text);
            return v ? *v : text;
        }
        // Only the names `text` refers to: an unset one is missing (expands to nothing, or to the
        // word of `${V-word}`), though the RUN's ARG/ENV scope has it.
        model::VarScope scope;
        for (const std::string& name : names) {
            if (auto it = m_values.find(name); it != m_values.end()) {
                model::Value v;
                v.text = it->second;
                scope.set(name, std::move(v));
            } else if (m_unset.contains(name)) {
                continue;
            } else if (m_run.scope && m_run.scope->contains(name)) {
                scope.set(name, m_run.scope->at(name));
            } else {
                return text;
            }
        }
        model::Value v = model::expand(text, scope, escape);
        return v.known && v.error.empty() ? v.text : text;
    }

    /// True for `cd ..`, `cd ../..`.
    static bool goes_up(std::span<const sh::Word> argv) {
        std::vector<const sh::Word*> ops = sh::operands(argv);
        if (ops.empty() || ops.front()->dynamic) {
            return false;
        }
        for (std::string_view part : util::split(ops.front()->value, '/')) {
            if (part != ".." && !part.empty()) {
                return false;
            }
        }
        return true;
    }

    /// Remembers the names of the variables the body sets, reads into, unsets or loops over,
    /// whose Dockerfile values do not apply.
    void note_assigned_variables() { m_assigned = sh::script_variables(m_script); }

    /// Forgets the variables of the loops in the body of `fn`, which runs again at each call.
    void forget_loop_variables(const sh::Script::Function& fn) {
        for (const sh::Script::LoopVariable& v : m_script.loop_variables) {
            if (v.begin >= fn.body_begin && v.begin < fn.body_end) {
                forget(v.name);
            }
        }
    }

    /// No value of `name` is known from here on.
    void forget(std::string_view name) {
        if (auto it = m_values.find(name); it != m_values.end()) {
            m_values.erase(it);
        }
        if (auto it = m_unset.find(name); it != m_unset.end()) {
            m_unset.erase(it);
        }
    }

    static bool removes(const Removal& r, std::string_view dir) {
        if (!r.glob) {
            return r.path != "/" && is_within(dir, r.path);
        }
        // `rm -rf /tmp/*` removes /tmp/build and what is under it, not /tmp.
        for (size_t end = 1; end <= dir.size(); ++end) {
            if ((end == dir.size() || dir[end] == '/') &&
                util::glob_match(r.path, dir.substr(0, end), true)) {
                return true;
            }
        }
        return false;
    }

    /// Remembers the variables command `k` sets to a `mktemp -d` directory: `d="$(mktemp -d)"`,
    /// `export TMP=$(mktemp -d)`.
    void note_temporary_variables(size_t k) {
        sh::for_each_assignment(m_script.commands[k], [&](const sh::Word& w, std::string_view name) {
            if (holds_mktemp(m_script, k, w)) {
                m_mktemp_variables.push_back("${" + std::string(name) + "}");
            }
        });
    }

    /// Remembers the value command `k` gives each variable it sets in the RUN's own shell on every
    /// path (`D=/x`, `export D=/x`); a variable it sets otherwise (in a subshell, a branch, for one
    /// command, to a command's output) has no known value after it.
    void note_local_values(size_t k) {
        const sh::Command& c = m_script.commands[k];
        const bool lasts = c.scope == 0 && !c.in_branch && !c.in_function &&
                           (c.argv.empty() || sh::is_declaration_builtin(sh::command_name(c)));
        sh::for_each_assignment(c, [&](const sh::Word& w, std::string_view name) {
            std::string value = w.value.substr(name.size() + 1);
            if (name.back() == '+') {
                name.remove_suffix(1);  // appends to a value this walk may not know
            } else if (lasts && sh::substitutions_in(m_script, k, w).empty()) {
                value = expanded(value, w.dynamic);
                if (value.find('$') == std::string::npos) {
                    forget(name);
                    m_values.insert_or_assign(std::string(name), std::move(value));
                    return;
                }
            }
            forget(name);
        });
        // `read` gives a value not known here; `unset` leaves none in the RUN's own shell.
        sh::for_each_read_or_unset(c, true, [&](std::string_view name) { forget(name); });
        sh::for_each_read_or_unset(c, false, [&](std::string_view name) {
            forget(name);
            if (c.scope == 0 && !c.in_branch && !c.in_function) {
                m_unset.emplace(name);
            }
        });
    }

    /// Remembers the directories command `k` (`rm` or `rmdir`, run at step `step` in `cwd`) removes.
    void note_removals(size_t step, size_t k, std::string_view prog, std::span<const sh::Word> argv,
                       const Dir& cwd) {
        if (prog == "rm" && !sh::has_option(argv, "rR", {"recursive"})) {
            return;  // files only
        }
        for (const sh::Word* op : sh::operands(argv)) {
            if (!sh::substitutions_in(m_script, k, *op).empty()) {
                continue;
            }
            Dir d = resolve(cwd, expanded(*op));
            if (d && !d->empty()) {
                bool glob = op->dynamic && d->find_first_of("*?[") != std::string::npos;
                m_removals.push_back({step, *d, glob});
            }
        }
    }

    /// Where the cd at step `step` may go from `cwd` (`previous` is where `cd -` goes).
    Dirs cd_targets(const sh::RunStep& step, std::span<const sh::Word> argv, const Dir& cwd,
                    const Dirs& previous) const {
        const size_t k = step.index;
        std::vector<const sh::Word*> ops = sh::operands(argv);
        if (ops.empty()) {
            return {std::string("~")};
        }
        const sh::Word& w = *ops.front();
        if (w.value == "-") {
            return previous;
        }
        if (holds_mktemp(m_script, k, w)) {
            return {std::string(k_mktemp)};
        }
        if (!sh::substitutions_in(m_script, k, w).empty() ||
            (step.function >= 0 && w.dynamic && has_positional_parameter(w.value))) {
            return {Dir()};  // a function's `$1` is its call's argument
        }
        return {resolve(cwd, expanded(w))};
    }

    const model::Dockerfile& m_df;
    const Instruction& m_run;
    const sh::Script& m_script;
    std::string m_start;                  // the directory the RUN starts in, "" when not known
    std::vector<std::string> m_assigned;  // variables the body sets
    std::map<std::string, std::string, std::less<>> m_values;  // those with a value known at this point
    std::set<std::string, std::less<>> m_unset;                // those unset at this point
    std::vector<Cd> m_cds;
    std::vector<Removal> m_removals;
    std::vector<std::string> m_mktemp_variables;
};

/// Where command `call` of `body` calls a function, for a message: "called at line 7".
std::string called_at(const model::Dockerfile& df, const model::ShellBody& body, int call) {
    if (call < 0 || df.source == nullptr) {
        return "called in this RUN";
    }
    const uint32_t offset = body.text.to_source(body.script.commands[static_cast<size_t>(call)].begin);
    return fmt::format("called at line {}", df.source->line_of(offset));
}

/// Reports the first cd of `body` (a shell body of RUN `run`) that WORKDIR could replace; false
/// when there is none.
bool report_first_cd(const model::Dockerfile& df, const Instruction& run, const model::ShellBody& body,
                     Reporter& out) {
    std::span<const CommandFacts> facts = command_facts(df, run, body);
    if (std::none_of(facts.begin(), facts.end(), [](const CommandFacts& f) { return f.program == "cd"; })) {
        return false;
    }
    Directories dirs(df, run, body.script, facts);
    for (const Directories::Cd& cd : dirs.cds()) {
        // WORKDIR cannot replace a cd that runs on some paths only.
        if (cd.in_branch || dirs.temporary_way(cd)) {
            continue;
        }
        std::span<const sh::Word> argv = facts[cd.index].argv;
        std::vector<const sh::Word*> ops = sh::operands(argv);
        std::string dir = ops.empty() ? std::string() : ops.front()->value;
        bool literal_abs = !ops.empty() && !ops.front()->dynamic && util::starts_with(dir, "/");
        std::string cd_text = dir.empty() ? std::string("'cd'") : fmt::format("'cd {}'", dir);
        std::string message =
            cd.function < 0
                ? cd_text + (dir.empty()
                                 ? " in RUN changes directory only for the rest of this RUN; use WORKDIR"
                                 : " in RUN changes directory only for the rest of this RUN; use "
                                   "WORKDIR so every instruction agrees on it")
                : fmt::format(
                      "{} in function '{}', {}, changes directory for the rest of this RUN (a "
                      "function runs in its caller's shell); use WORKDIR so every instruction agrees "
                      "on it",
                      cd_text, body.script.functions[static_cast<size_t>(cd.function)].name,
                      called_at(df, body, cd.call));
        out.report(body.text, argv.front().begin, argv.back().end, std::move(message),
                   literal_abs ? "WORKDIR " + common::instruction_text(dir, df.directives.escape)
                               : std::string("WORKDIR <absolute directory> before this RUN"));
        return true;
    }
    return false;
}

}  // namespace

void cd_in_run(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    constexpr uint64_t k_cd = program_bit("cd");
    if (df.windows || (program_bits(df) & k_cd) == 0) {
        return;
    }
    std::span<const uint64_t> bits = instruction_program_bits(df);
    for (size_t n = 0; n < df.instructions.size(); ++n) {
        const Instruction& inst = df.instructions[n];
        if (inst.kind != InstructionKind::run || (bits[n] & k_cd) == 0) {
            continue;
        }
        for (const model::ShellBody& body : inst.shell) {
            if (report_first_cd(df, inst, body, out)) {
                break;  // one finding per RUN
            }
        }
    }
}

}  // namespace bulwark::rules::dockerfile::checks
