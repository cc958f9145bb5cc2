#include "bulwark/rules/dockerfile/packages_commands.hpp"

#include <algorithm>
#include <array>
#include <functional>
#include <unordered_map>

#include "bulwark/model/expand.hpp"
#include "bulwark/model/mount.hpp"
#include "bulwark/rules/dockerfile/packages_managers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace shell = model::shell;

namespace {

/// A synthetic shell body for an exec-form RUN: the arguments joined by spaces, each mapped back
/// to its JSON string in the source.
model::ShellBody exec_form_body(const model::Instruction& run) {
    model::ShellBody body;
    shell::Command cmd;
    for (const model::JsonArg& arg : run.json) {
        if (!body.text.value.empty()) {
            body.text.value += ' ';
        }
        auto begin = static_cast<uint32_t>(body.text.value.size());
        body.text.pieces.push_back({begin, arg.range.begin + 1});  // + 1: past the opening quote
        body.text.value += arg.value;
        shell::Word w;
        w.value = arg.value;
        w.begin = begin;
        w.end = static_cast<uint32_t>(body.text.value.size());
        w.quoted = true;
        cmd.argv.push_back(std::move(w));
    }
    cmd.end = static_cast<uint32_t>(body.text.value.size());
    if (!cmd.argv.empty()) {
        body.script.commands.push_back(std::move(cmd));
    }
    return body;
}

bool is_python(std::string_view name) {
    if (!name.starts_with("python")) {
        return false;
    }
    std::string_view rest = name.substr(6);
    return rest.find_first_not_of("0123456789.") == std::string_view::npos;
}

/// `xargs [options] prog args` -> `prog args`; empty when nothing follows the options.
std::span<const shell::Word> after_xargs(std::span<const shell::Word> argv) {
    size_t i = 1;
    while (i < argv.size()) {
        std::string_view w = argv[i].value;
        if (w == "--") {
            ++i;
            break;
        }
        if (w.size() < 2 || w[0] != '-') {
            break;
        }
        bool takes_next =
            (w.size() == 2 && std::string_view("adEILnPs").find(w[1]) != std::string_view::npos) ||
            (util::starts_with(w, "--") && w.find('=') == std::string_view::npos &&
             (w == "--arg-file" || w == "--delimiter" || w == "--max-args" || w == "--max-procs" ||
              w == "--max-lines" || w == "--max-chars" || w == "--process-slot-var"));
        i += takes_next ? 2 : 1;
    }
    return i < argv.size() ? argv.subspan(i) : std::span<const shell::Word>{};
}

/// `sudo [-u user] prog`, `env [NAME=value] prog` after xargs (effective_argv only sees the front).
std::span<const shell::Word> skip_simple_wrappers(std::span<const shell::Word> argv) {
    while (argv.size() > 1) {
        std::string_view name = shell::basename(argv[0].value);
        if (name != "sudo" && name != "doas" && name != "env") {
            break;
        }
        size_t i = 1;
        while (i < argv.size() && (util::starts_with(argv[i].value, "-") ||
                                   (name == "env" && argv[i].value.find('=') != std::string::npos))) {
            std::string_view w = argv[i].value;
            bool takes_next = name != "env" && w.size() == 2 &&
                              std::string_view("ugCDhprtU").find(w[1]) != std::string_view::npos;
            i += takes_next ? 2 : 1;
        }
        if (i >= argv.size()) {
            break;
        }
        argv = argv.subspan(i);
    }
    return argv;
}

/// `rc` with the program behind `xargs` and `python -m pip`, and pip3/pip3.12 named "pip".
[[gnu::noinline]] void unwrap_program(RunCommand& rc) {
    if (rc.program == "xargs") {
        std::span<const shell::Word> rest = skip_simple_wrappers(after_xargs(rc.argv));
        if (!rest.empty()) {
            rc.argv = rest;
            rc.program = shell::basename(rc.argv[0].value);
            rc.via_xargs = true;
        }
    }
    // `python3 -m pip install x` is pip.
    if (is_python(rc.program) && rc.argv.size() >= 3 && rc.argv[1].value == "-m" &&
        (rc.argv[2].value == "pip" || rc.argv[2].value == "pip3")) {
        rc.argv = rc.argv.subspan(2);
        rc.program = "pip";
    }
    if (rc.program.starts_with("pip") && rc.program.size() > 3 &&
        rc.program.substr(3).find_first_not_of("0123456789.") == std::string_view::npos) {
        rc.program = "pip";  // pip3, pip3.12
    }
}

/// Sets `rc` to command `index` of `body`; `facts` are its command_facts(), or null (a synthetic
/// exec-form body).
inline void make_command(RunCommand& rc, const model::ShellBody& body, size_t index,
                         const CommandFacts* facts) {
    rc.body = &body;
    rc.index = index;
    rc.command = &body.script.commands[index];
    if (facts != nullptr) {
        rc.argv = facts->argv;
        rc.program = facts->program;
    } else {
        rc.argv = shell::effective_argv(*rc.command);
        if (!rc.argv.empty()) {
            rc.program = shell::basename(rc.argv[0].value);
        }
    }
    // Only xargs, python* and pip* change: most commands stop at their first letter.
    if (!rc.argv.empty() && !rc.program.empty() && (rc.program[0] == 'x' || rc.program[0] == 'p')) {
        unwrap_program(rc);
    }
}

std::string normalize_path(std::string_view p) {
    std::string s(p);
    // Home directories are compared as "~": the cache of root and of a named user alike.
    for (std::string_view home : {"${HOME}", "$HOME", "/root"}) {
        if (util::starts_with(s, home) && (s.size() == home.size() || s[home.size()] == '/')) {
            s = "~" + s.substr(home.size());
        }
    }
    if (util::starts_with(s, "/home/")) {
        size_t slash = s.find('/', 6);
        s = "~" + (slash == std::string::npos ? std::string() : s.substr(slash));
    }
    bool changed = true;
    while (changed && s.size() > 1) {
        changed = false;
        for (std::string_view tail : {"/*", "/.", "/"}) {
            if (s.size() > tail.size() && util::ends_with(s, tail)) {
                s.resize(s.size() - tail.size());
                changed = true;
            }
        }
    }
    return s;
}

}  // namespace

void RunView::read_mounts() {
    for (const model::Flag& flag : m_run->flags) {
        if (flag.name != "mount") {
            continue;  // flags_named() without its vector: most RUNs have no flag at all
        }
        model::Mount m = model::parse_mount(flag.value);
        if (m.error.empty() && (m.type == "cache" || m.type == "tmpfs") && !m.target().empty()) {
            m_scratch_mounts.emplace_back(m.target());
        }
    }
}

RunView::RunView(const model::Dockerfile& df, const model::Instruction& run) : m_run(&run) {
    read_mounts();
    if (df.windows) {
        return;
    }
    const std::vector<model::ShellBody>* bodies = &run.shell;
    if (run.shell.empty() && run.json_form && !run.json.empty()) {
        m_exec.push_back(exec_form_body(run));
        bodies = &m_exec;
    }
    size_t count = 0;
    for (const model::ShellBody& body : *bodies) {
        count += body.script.commands.size();
    }
    m_own_commands.reserve(count);
    // The facts' programs have their bits already (all bits for bodies outside df's instructions):
    // only programs make_command() changed (xargs, python -m pip) and exec forms are hashed here.
    m_programs = bodies == &run.shell ? program_bits(df, run) : 0;
    for (const model::ShellBody& body : *bodies) {
        std::span<const CommandFacts> facts;
        if (bodies == &run.shell) {
            facts = command_facts(df, run, body);
        }
        for (size_t i = 0; i < body.script.commands.size(); ++i) {
            const CommandFacts* f = facts.empty() ? nullptr : &facts[i];
            make_command(m_own_commands.emplace_back(), body, i, f);
            std::string_view program = m_own_commands.back().program;
            if (f == nullptr || program.data() != f->program.data() || program.size() != f->program.size()) {
                m_programs |= program_bit(program);
            }
        }
    }
    m_commands = m_own_commands;
}

RunView::RunView(Shared /*tag*/, const model::Instruction& run, std::span<const RunCommand> commands,
                 uint64_t programs)
    : m_run(&run), m_commands(commands), m_programs(programs) {
    read_mounts();
}

RunView::RunView(RunView&&) noexcept = default;
RunView::~RunView() = default;

namespace {

/// The views of one Dockerfile, kept in Dockerfile::rule_cache.
struct RunViews {
    const model::Dockerfile* owner = nullptr;  // a copied or moved model builds its own
    // run_view() of df's RUN instructions, built at once: their commands in one array, the views in
    // instruction order, and by instruction position the index of its view (or -1).
    std::vector<RunCommand> run_commands;
    std::vector<RunView> own_views;
    std::vector<int32_t> view_at;                                                   // empty until built
    std::unordered_map<const model::Instruction*, std::unique_ptr<RunView>> views;  // ONBUILD triggers
    std::array<std::shared_ptr<void>, cache_slot::count> slots;                     // rule_cache_slot()
    // command_facts(): the commands of every shell body of df's instructions in order, with the
    // offset of each instruction's first one; other bodies (ONBUILD triggers, exec forms) by address.
    std::vector<CommandFacts> facts;
    std::vector<uint32_t> first_fact;  // by instruction position; empty until first use
    std::vector<uint64_t> programs;    // program_bits() by instruction position, built with first_fact
    uint64_t all_programs = 0;         // program_bits(df)
    std::unordered_map<const model::ShellBody*, std::vector<CommandFacts>> other_facts;
};

RunViews& cache_of(const model::Dockerfile& df) {
    auto* cache = static_cast<RunViews*>(df.rule_cache.get());
    if (cache == nullptr || cache->owner != &df) {
        auto fresh = std::make_shared<RunViews>();
        fresh->owner = &df;
        cache = fresh.get();
        df.rule_cache = std::move(fresh);
    }
    return *cache;
}

constexpr size_t k_not_own = static_cast<size_t>(-1);

/// The index of `inst` in df.instructions, or k_not_own when it is not one of them (rules may ask
/// about an instruction of another model). std::less: comparing unrelated pointers with < is not
/// defined.
size_t index_in(const model::Dockerfile& df, const model::Instruction& inst) {
    const model::Instruction* first = df.instructions.data();
    std::less<const model::Instruction*> before;
    return !df.instructions.empty() && !before(&inst, first) && before(&inst, first + df.instructions.size())
               ? static_cast<size_t>(&inst - first)
               : k_not_own;
}

/// Whether `body` is one of `inst`'s shell bodies.
bool owns_body(const model::Instruction& inst, const model::ShellBody& body) {
    const model::ShellBody* bodies = inst.shell.data();
    std::less<const model::ShellBody*> before;
    return !before(&body, bodies) && before(&body, bodies + inst.shell.size());
}

/// Where the facts of `body`, a body of df.instructions[index], start in RunViews::facts.
size_t first_fact_of(const RunViews& cache, size_t index, const model::Instruction& inst,
                     const model::ShellBody& body) {
    size_t at = cache.first_fact[index];
    for (const model::ShellBody* b = inst.shell.data(); b != &body; ++b) {
        at += b->script.commands.size();
    }
    return at;
}

}  // namespace

namespace {

CommandFacts facts_of(const shell::Command& c) {
    CommandFacts f;
    f.argv = shell::effective_argv(c);
    if (!f.argv.empty()) {
        // shell::basename() inline: every command of every file asks.
        std::string_view path = f.argv[0].value;
        size_t slash = path.rfind('/');
        f.program = slash == std::string_view::npos ? path : path.substr(slash + 1);
    }
    return f;
}

}  // namespace

namespace {

/// The facts of every command of `df`'s instructions, at once and in order (every rule walks every
/// command), with the program bits of each instruction.
void build_facts(RunViews& cache, const model::Dockerfile& df) {
    if (cache.first_fact.size() == df.instructions.size() &&
        cache.programs.size() == df.instructions.size()) {
        return;
    }
    cache.first_fact.clear();
    cache.facts.clear();
    cache.programs.clear();
    cache.all_programs = 0;
    cache.first_fact.reserve(df.instructions.size());
    cache.programs.reserve(df.instructions.size());
    size_t count = 0;
    for (const model::Instruction& i : df.instructions) {
        for (const model::ShellBody& b : i.shell) {
            count += b.script.commands.size();
        }
    }
    cache.facts.reserve(count);
    for (const model::Instruction& i : df.instructions) {
        cache.first_fact.push_back(static_cast<uint32_t>(cache.facts.size()));
        uint64_t bits = 0;
        for (const model::ShellBody& b : i.shell) {
            for (const shell::Command& c : b.script.commands) {
                cache.facts.push_back(facts_of(c));
                bits |= program_bit(cache.facts.back().program);
            }
        }
        cache.programs.push_back(bits);
        cache.all_programs |= bits;
    }
}

/// command_facts() when the facts are not built yet or `body` is not one of df's instructions'.
[[gnu::noinline]] std::span<const CommandFacts> command_facts_slow(const model::Dockerfile& df,
                                                                   const model::Instruction& inst,
                                                                   const model::ShellBody& body) {
    RunViews& cache = cache_of(df);
    const size_t index = index_in(df, inst);
    if (index == k_not_own || !owns_body(inst, body)) {
        auto [it, fresh] = cache.other_facts.try_emplace(&body);
        if (fresh) {
            it->second.reserve(body.script.commands.size());
            for (const shell::Command& c : body.script.commands) {
                it->second.push_back(facts_of(c));
            }
        }
        return it->second;
    }
    build_facts(cache, df);
    return std::span<const CommandFacts>(cache.facts)
        .subspan(first_fact_of(cache, index, inst, body), body.script.commands.size());
}

}  // namespace

std::span<const CommandFacts> command_facts(const model::Dockerfile& df, const model::Instruction& inst,
                                            const model::ShellBody& body) {
    // Several rules ask for every shell body: the common case without a call or a stack frame.
    const auto* cache = static_cast<const RunViews*>(df.rule_cache.get());
    const size_t index = index_in(df, inst);
    if (cache == nullptr || cache->owner != &df || cache->first_fact.size() != df.instructions.size() ||
        index == k_not_own || !owns_body(inst, body)) {
        return command_facts_slow(df, inst, body);
    }
    return {cache->facts.data() + first_fact_of(*cache, index, inst, body), body.script.commands.size()};
}

namespace {

/// df's rule cache with the command facts and program bits built (the common case without a call).
const RunViews& built_facts(const model::Dockerfile& df) {
    const auto* cache = static_cast<const RunViews*>(df.rule_cache.get());
    if (cache != nullptr && cache->owner == &df && cache->programs.size() == df.instructions.size()) {
        return *cache;
    }
    RunViews& fresh = cache_of(df);
    build_facts(fresh, df);
    return fresh;
}

}  // namespace

uint64_t program_bits(const model::Dockerfile& df, const model::Instruction& inst) {
    const size_t index = index_in(df, inst);
    return index == k_not_own ? ~uint64_t{0} : built_facts(df).programs[index];
}

uint64_t program_bits(const model::Dockerfile& df) {
    return df.instructions.empty() ? 0 : built_facts(df).all_programs;
}

std::span<const uint64_t> instruction_program_bits(const model::Dockerfile& df) {
    return built_facts(df).programs;
}

std::shared_ptr<void>& rule_cache_slot(const model::Dockerfile& df, size_t slot) {
    return cache_of(df).slots.at(slot);
}

/// Builds the views of every RUN of a Dockerfile at once (a friend of RunView).
struct RunViewBuilder {
    /// Fills cache.run_commands, own_views and view_at for `df`, whose facts `cache` holds.
    static void build(RunViews& cache, const model::Dockerfile& df);
};

void RunViewBuilder::build(RunViews& cache, const model::Dockerfile& df) {
    cache.own_views.clear();
    cache.run_commands.clear();
    cache.view_at.assign(df.instructions.size(), -1);
    // The commands of every shell-form RUN come from the facts, by position (no command_facts()
    // lookups); exec forms and Windows images build their own in the RunView constructor.
    auto shared = [&](const model::Instruction& ins) {
        return ins.kind == model::InstructionKind::run && !df.windows && !ins.shell.empty();
    };
    auto fact_count = [&](size_t n) {
        return (n + 1 < df.instructions.size() ? cache.first_fact[n + 1] : cache.facts.size()) -
               cache.first_fact[n];
    };
    size_t runs = 0;
    size_t commands = 0;
    for (size_t n = 0; n < df.instructions.size(); ++n) {
        runs += df.instructions[n].kind == model::InstructionKind::run ? 1 : 0;
        commands += shared(df.instructions[n]) ? fact_count(n) : 0;
    }
    cache.run_commands.reserve(commands);
    for (size_t n = 0; n < df.instructions.size(); ++n) {
        const model::Instruction& ins = df.instructions[n];
        if (!shared(ins)) {
            continue;
        }
        const CommandFacts* f = cache.facts.data() + cache.first_fact[n];
        for (const model::ShellBody& body : ins.shell) {
            for (size_t i = 0; i < body.script.commands.size(); ++i, ++f) {
                make_command(cache.run_commands.emplace_back(), body, i, f);
            }
        }
    }
    // The views, once the commands array has its final address.
    cache.own_views.reserve(runs);
    const std::span<const RunCommand> all(cache.run_commands);
    size_t first = 0;
    for (size_t n = 0; n < df.instructions.size(); ++n) {
        const model::Instruction& ins = df.instructions[n];
        if (ins.kind != model::InstructionKind::run) {
            continue;
        }
        cache.view_at[n] = static_cast<int32_t>(cache.own_views.size());
        if (!shared(ins)) {
            cache.own_views.emplace_back(df, ins);
            continue;
        }
        std::span<const RunCommand> cmds = all.subspan(first, fact_count(n));
        first += cmds.size();
        // The facts' programs have their bits already: only programs make_command() changed
        // (xargs, python -m pip) are hashed here.
        uint64_t bits = cache.programs[n];
        const CommandFacts* f = cache.facts.data() + cache.first_fact[n];
        for (const RunCommand& c : cmds) {
            if (c.program.data() != f->program.data() || c.program.size() != f->program.size()) {
                bits |= program_bit(c.program);
            }
            ++f;
        }
        cache.own_views.emplace_back(RunView::Shared{}, ins, cmds, bits);
    }
}

namespace {

[[gnu::noinline]] const RunView& run_view_slow(const model::Dockerfile& df, const model::Instruction& run) {
    RunViews& cache = cache_of(df);
    // Every rule asks for the views of every RUN: those of df's are built at once, on first use.
    const size_t index = index_in(df, run);
    if (index != k_not_own) {
        if (cache.view_at.size() != df.instructions.size()) {
            build_facts(cache, df);
            RunViewBuilder::build(cache, df);
        }
        if (int32_t at = cache.view_at[index]; at >= 0) {
            return cache.own_views[static_cast<size_t>(at)];
        }
    }
    std::unique_ptr<RunView>& view = cache.views[&run];
    if (!view) {
        view = std::make_unique<RunView>(df, run);
    }
    return *view;
}

}  // namespace

const RunView& run_view(const model::Dockerfile& df, const model::Instruction& run) {
    // Every rule asks for the views of every RUN: the common case without a call or a stack frame.
    const auto* cache = static_cast<const RunViews*>(df.rule_cache.get());
    const size_t index = index_in(df, run);
    if (cache != nullptr && cache->owner == &df && cache->view_at.size() == df.instructions.size() &&
        index != k_not_own) {
        if (int32_t at = cache->view_at[index]; at >= 0) {
            return cache->own_views[static_cast<size_t>(at)];
        }
    }
    return run_view_slow(df, run);
}

bool RunView::mounted_away(std::string_view path) const {
    for (const std::string& target : m_scratch_mounts) {
        if (path_covers(target, path)) {
            return true;
        }
    }
    return false;
}

void report_words(Reporter& out, const RunCommand& c, const shell::Word& first, const shell::Word& last,
                  std::string message, std::string fix) {
    out.report(c.body->text, first.begin, std::max(first.end, last.end), std::move(message), std::move(fix));
}

void report_words(Reporter& out, const RunCommand& c, const shell::Word& first, const shell::Word& last,
                  core::Severity severity, std::string message, std::string fix) {
    out.report(c.body->text.source_range(first.begin, std::max(first.end, last.end)), severity,
               std::move(message), std::move(fix));
}

void report_command(Reporter& out, const RunCommand& c, const shell::Word* through, std::string message,
                    std::string fix) {
    const shell::Word& first = c.argv.front();
    report_words(out, c, first, through != nullptr ? *through : first, std::move(message), std::move(fix));
}

const model::Stage* stage_of(const model::Dockerfile& df, const model::Instruction& ins) {
    if (ins.stage < 0 || static_cast<size_t>(ins.stage) >= df.stages.size()) {
        return nullptr;
    }
    return &df.stages[static_cast<size_t>(ins.stage)];
}

bool in_shipped_image(const model::Dockerfile& df, const model::Instruction& ins) {
    const model::Stage* s = stage_of(df, ins);
    return s != nullptr && s->in_shipped_image;
}

bool reaches_shipped_image(const model::Dockerfile& df, const model::Instruction& ins) {
    const model::Stage* s = stage_of(df, ins);
    return s != nullptr && (s->in_shipped_image || s->feeds_shipped);
}

std::optional<std::string> resolve_value(const model::Dockerfile& df, const model::Instruction& at,
                                         std::string_view text) {
    static const model::VarScope k_empty;
    const model::VarScope& scope = at.scope ? *at.scope : k_empty;
    char escape = df.directives.escape;
    for (const std::string& name : model::referenced_variables(text, escape)) {
        if (scope.find(name) == scope.end()) {
            return std::nullopt;
        }
    }
    model::Value v = model::expand(text, scope, escape);
    if (!v.known || !v.error.empty()) {
        return std::nullopt;
    }
    return v.text;
}

bool path_covers(std::string_view path, std::string_view dir) {
    std::string p = normalize_path(path);
    std::string d = normalize_path(dir);
    if (p.empty() || p == "/" || p == "~" || d.empty()) {
        return p == d && !p.empty() && p != "/";
    }
    return d == p || (util::starts_with(d, p) && d[p.size()] == '/');
}

bool in_word_list(std::string_view list, std::string_view word) {
    if (word.empty()) {
        return false;
    }
    // Without allocating: this runs for every word of every package command.
    for (size_t at = list.find(word); at != std::string_view::npos; at = list.find(word, at + 1)) {
        bool starts = at == 0 || list[at - 1] == ' ';
        size_t end = at + word.size();
        if (starts && (end == list.size() || list[end] == ' ')) {
            return true;
        }
    }
    return false;
}

}  // namespace bulwark::rules::dockerfile
