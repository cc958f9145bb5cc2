#include "bulwark/input/dockerfile/analyzer.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "bulwark/data/base_images.hpp"
#include "bulwark/input/dockerfile/analyzer_detail.hpp"
#include "bulwark/model/expand.hpp"
#include "bulwark/model/mount.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::dockerfile {

namespace {

using model::InstructionKind;
using model::Value;
using model::VarScope;
using ScopePtr = std::shared_ptr<const VarScope>;

// BuildKit sets these for every build; their values depend on the builder, so they stay unknown.
constexpr std::array<std::string_view, 8> k_platform_args = {
    "BUILDPLATFORM",  "BUILDOS",  "BUILDARCH",  "BUILDVARIANT",
    "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
};

Value unknown_value(const std::string& name) {
    Value v;
    v.known = false;
    v.unknown_vars.push_back(name);
    return v;
}

/// A key after expansion (BuildKit expands ARG/ENV names too); as written when that fails.
std::string expand_key(const model::KeyValue& kv, const VarScope& scope, char escape) {
    const std::string& raw = kv.key_as_written();
    if (raw.find('$') == std::string::npos) {
        return kv.key;
    }
    Value v = model::expand(raw, scope, escape);
    return v.known ? v.text : kv.key;
}

/// What the analysis asks about a FROM reference, remembered per thread for each distinct text: the
/// files of one project share their base images, and parsing plus the table lookups cost far more
/// than a hash lookup. Each answer is a pure function of the text.
class BaseImageFacts {
  public:
    explicit BaseImageFacts(std::string_view text)
        : m_image(model::parse_image_ref(text)), m_windows(data::is_windows_image(text)) {}

    /// model::parse_image_ref(text).
    const std::optional<model::ImageRef>& image() const { return m_image; }
    /// data::is_windows_image(text).
    bool windows() const { return m_windows; }
    /// data::default_user(*image()) (asked only for stages without USER, so computed on demand).
    const std::optional<data::DefaultUser>& default_user() {
        if (!m_user_looked_up) {
            m_user = m_image ? data::default_user(*m_image) : std::nullopt;
            m_user_looked_up = true;
        }
        return m_user;
    }

  private:
    std::optional<model::ImageRef> m_image;
    bool m_windows = false;
    bool m_user_looked_up = false;
    std::optional<data::DefaultUser> m_user;
};

using BaseImageMemo = std::unordered_map<std::string, BaseImageFacts>;

/// This thread's memo. Entries are not moved while one file is analysed (pointers to them stay valid):
/// past its bound the memo is emptied only between files (forget_base_images_if_full).
BaseImageMemo& base_image_memo() {
    thread_local BaseImageMemo memo;
    return memo;
}

void forget_base_images_if_full() {
    constexpr size_t k_max_entries = 4096;
    if (BaseImageMemo& memo = base_image_memo(); memo.size() >= k_max_entries) {
        memo.clear();
    }
}

BaseImageFacts& base_image_facts(const std::string& text) {
    return base_image_memo().try_emplace(text, text).first->second;  // computed only when new
}

/// What the analyzer tracks while walking one stage.
struct StageState {
    // The names set by ENV (here or in a FROM <stage> ancestor), each once. Their values are the ones
    // `scope` shows (ENV wins over ARG), so only the names are kept: no second copy of every value.
    std::vector<std::string> env;
    ScopePtr scope;  // args overlaid by env (ENV wins over ARG)
    model::SharedArgv shell;
    bool has_arg = false;            // an ARG of this stage set a name (scope holds more than env)
    int last_user = -1;              // index of the last USER instruction
    BaseImageFacts* base = nullptr;  // for a FROM of a known reference (not a stage); in the memo

    bool sets_env(std::string_view name) const {
        return std::find(env.begin(), env.end(), name) != env.end();
    }
};

/// The scope at the start of a stage: no ARG yet, the ENVs `st` inherited from the final scope of
/// its FROM <stage> parent (`parent_scope`) if any.
ScopePtr stage_start_scope(const StageState& st, const VarScope* parent_scope) {
    if (st.env.empty()) {
        static const ScopePtr k_empty = std::make_shared<const VarScope>();  // immutable: shared
        return k_empty;
    }
    auto scope = std::make_shared<VarScope>();
    for (const std::string& name : st.env) {
        scope->set(name, parent_scope->at(name));
    }
    return scope;
}

/// Shared by every stage of every file that does not change it (argvs are immutable).
const model::SharedArgv& default_shell(bool windows) {
    static const model::SharedArgv k_windows(std::vector<std::string>{"cmd", "/S", "/C"});
    static const model::SharedArgv k_posix(std::vector<std::string>{"/bin/sh", "-c"});
    return windows ? k_windows : k_posix;
}

bool is_windows_shell(const std::vector<std::string>& shell) {
    if (shell.empty()) {
        return false;
    }
    std::string_view p = shell.front();
    size_t slash = p.find_last_of("/\\");
    std::string name = util::to_lower(slash == std::string_view::npos ? p : p.substr(slash + 1));
    if (util::ends_with(name, ".exe")) {
        name.resize(name.size() - 4);
    }
    return name == "powershell" || name == "pwsh" || name == "cmd";
}

class Analyzer {
  public:
    Analyzer(model::Dockerfile& df, const AnalyzeOptions& options)
        : m_df(df), m_options(options), m_escape(df.directives.escape) {}

    void run() {
        m_df.stages.clear();
        m_df.shipped_stage = -1;
        m_df.windows = m_escape == '`';
        init_meta_scope();
        size_t froms = static_cast<size_t>(
            std::count_if(m_df.instructions.begin(), m_df.instructions.end(),
                          [](const model::Instruction& i) { return i.kind == InstructionKind::from; }));
        m_df.stages.reserve(froms);
        m_states.reserve(froms);
        for (size_t i = 0; i < m_df.instructions.size(); ++i) {
            model::Instruction& inst = m_df.instructions[i];
            if (inst.kind == InstructionKind::from) {
                start_stage(static_cast<int>(i));
            } else if (m_df.stages.empty()) {
                global_instruction(inst);
            } else {
                stage_instruction(static_cast<int>(i), inst);
            }
        }
        if (!m_df.stages.empty()) {
            finish_stage();
        }
        m_df.global_scope = m_global;
        select_shipped();
        mark_feeds();
        for (const model::Stage& s : m_df.stages) {
            m_df.windows = m_df.windows || s.windows;
        }
    }

  private:
    ScopePtr make_meta_scope() const {
        auto meta = std::make_shared<VarScope>();
        for (std::string_view name : k_platform_args) {
            std::string n(name);
            auto it = m_options.build_args.find(n);
            (*meta)[n] =
                it != m_options.build_args.end() ? Value{it->second, true, {}, {}} : unknown_value(n);
        }
        return meta;
    }

    void init_meta_scope() {
        if (m_options.build_args.empty()) {
            // The same for every file without --build-arg: built once (scopes are immutable).
            static const ScopePtr k_default_meta = make_meta_scope();
            m_meta = k_default_meta;
        } else {
            m_meta = make_meta_scope();
        }
        m_global = std::make_shared<VarScope>();
    }

    /// ARGs before the first FROM: expanded with the earlier ones; --build-arg replaces the value.
    void global_instruction(model::Instruction& inst) {
        inst.stage = -1;
        inst.scope = m_global;
        if (inst.kind != InstructionKind::arg || inst.pairs.empty()) {
            return;
        }
        auto meta = std::make_shared<VarScope>(m_meta);
        auto global = std::make_shared<VarScope>(m_global);
        for (const model::KeyValue& kv : inst.pairs) {
            std::string name = expand_key(kv, *m_meta, m_escape);
            Value v;
            if (auto it = m_options.build_args.find(name); it != m_options.build_args.end()) {
                v = Value{it->second, true, {}, {}};
            } else if (kv.has_value) {
                v = model::expand(kv.value_as_written(), *m_meta, m_escape);
            } else {
                v = unknown_value(name);
            }
            meta->set(name, v);
            global->set(std::move(name), std::move(v));
        }
        m_meta = meta;
        m_global = global;
    }

    void start_stage(int index) {
        if (!m_df.stages.empty()) {
            finish_stage();
        }
        model::Instruction& from = m_df.instructions[static_cast<size_t>(index)];
        model::Stage& stage = m_df.stages.emplace_back();  // built in place: a Stage is costly to move
        stage.index = static_cast<int>(m_df.stages.size()) - 1;
        stage.from_instruction = index;
        // Its instructions run to the next FROM: one allocation, not one per doubling.
        size_t end = static_cast<size_t>(index) + 1;
        while (end < m_df.instructions.size() && m_df.instructions[end].kind != InstructionKind::from) {
            ++end;
        }
        stage.instructions.reserve(end - static_cast<size_t>(index));
        stage.instructions.push_back(index);
        from.stage = stage.index;
        from.scope = m_meta;

        if (!from.words.empty()) {
            stage.base = model::expand(from.words[0].as_written(), *m_meta, m_escape);
            if (!stage.base.error.empty()) {
                add_diagnostic(core::DiagLevel::error, from.words[0].range.begin,
                               "base image name: " + stage.base.error);
            }
        } else {
            stage.base = Value{"", false, {}, {}};
        }
        if (from.words.size() >= 3 && util::iequals(from.words[1].value, "as")) {
            stage.name = util::to_lower(from.words[2].value);
            for (const model::Stage& earlier : earlier_stages()) {
                if (earlier.name == stage.name) {
                    add_diagnostic(core::DiagLevel::error, from.words[2].range.begin,
                                   "duplicate stage name '" + stage.name + "'");
                    break;
                }
            }
        }
        StageState st;
        resolve_base(stage, from, st);

        const VarScope* parent_scope = nullptr;
        ScopePtr env_only_parent;  // the parent's final scope when it holds its ENVs and nothing else
        if (stage.base_stage >= 0) {
            const StageState& parent = m_states[static_cast<size_t>(stage.base_stage)];
            st.env = parent.env;
            st.shell = parent.shell;
            parent_scope = parent.scope.get();
            if (!parent.has_arg) {
                env_only_parent = parent.scope;
            }
            stage.windows = m_df.stages[static_cast<size_t>(stage.base_stage)].windows;
        } else {
            stage.windows = m_escape == '`' || (st.base != nullptr && st.base->windows());
            st.shell = default_shell(stage.windows);
        }
        // A parent without ARGs ends with a scope of exactly its ENVs: shared, not copied.
        st.scope =
            env_only_parent != nullptr ? std::move(env_only_parent) : stage_start_scope(st, parent_scope);
        m_states.push_back(std::move(st));
        from.run_shell = m_states.back().shell;
    }

    /// The stages before the one start_stage is building (the last one).
    std::span<const model::Stage> earlier_stages() const {
        return std::span<const model::Stage>(m_df.stages).first(m_df.stages.size() - 1);
    }

    void resolve_base(model::Stage& stage, const model::Instruction& from, StageState& st) {
        if (!stage.base.known) {
            return;
        }
        // Stage names are lower-cased: compared ignoring case, no lower-cased copy of the base.
        for (const model::Stage& earlier : earlier_stages()) {
            if (!earlier.name.empty() && util::iequals(earlier.name, stage.base.text)) {
                stage.base_stage = earlier.index;
                return;
            }
        }
        st.base = &base_image_facts(stage.base.text);
        if (util::iequals(stage.base.text, "scratch")) {
            stage.scratch = true;
            return;
        }
        stage.image = st.base->image();
        if (!stage.image && !from.words.empty()) {
            add_diagnostic(core::DiagLevel::warning, from.words[0].range.begin,
                           "'" + stage.base.text + "' is not a valid image reference");
        }
    }

    void stage_instruction(int index, model::Instruction& inst) {
        model::Stage& stage = m_df.stages.back();
        StageState& st = m_states.back();
        inst.stage = stage.index;
        stage.instructions.push_back(index);
        inst.scope = st.scope;
        inst.run_shell = st.shell;
        switch (inst.kind) {
            case InstructionKind::arg:
                stage_arg(inst, st);
                break;
            case InstructionKind::env:
                stage_env(inst, st);
                break;
            case InstructionKind::shell:
                if (inst.json_form && !inst.json.empty()) {
                    std::vector<std::string> argv;
                    argv.reserve(inst.json.size());
                    for (const model::JsonArg& a : inst.json) {
                        argv.push_back(a.value);
                    }
                    st.shell = model::SharedArgv(std::move(argv));
                    stage.windows = stage.windows || is_windows_shell(st.shell);
                }
                break;
            case InstructionKind::user:
                st.last_user = index;
                break;
            case InstructionKind::run:
                if (!stage.windows) {
                    analysis::build_shell_bodies(*m_df.source, inst);
                    report_unparsed_shell(inst);
                }
                break;
            case InstructionKind::onbuild:
                if (inst.trigger) {
                    model::Instruction& trigger = *inst.trigger;
                    trigger.stage = stage.index;
                    trigger.scope = st.scope;
                    trigger.run_shell = st.shell;
                    if (!stage.windows) {
                        analysis::build_shell_bodies(*m_df.source, trigger);
                        report_unparsed_shell(trigger);
                    }
                }
                break;
            case InstructionKind::copy:
            case InstructionKind::add:
                if (const model::Flag* f = inst.flag("from"); f != nullptr && f->has_value) {
                    add_copy_source(stage, f->value, *inst.scope);
                }
                break;
            default:
                break;
        }
        if (inst.kind == InstructionKind::run) {
            for (const model::Flag& f : inst.flags) {
                if (f.name != "mount") {
                    continue;
                }
                model::Mount m = model::parse_mount(f.value);
                if (!m.from().empty()) {
                    add_copy_source(stage, m.from(), *inst.scope);
                }
            }
        }
    }

    /// ARG inside a stage: --build-arg, else the default, else the global value re-imported.
    /// Every name and value is expanded with the variables as they were before this instruction.
    void stage_arg(const model::Instruction& inst, StageState& st) {
        if (inst.pairs.empty()) {
            return;
        }
        st.has_arg = true;
        const VarScope& before = *st.scope;
        // The new scope: the previous one with these names updated (an ENV of the same name wins).
        auto merged = std::make_shared<VarScope>(st.scope);
        for (const model::KeyValue& kv : inst.pairs) {
            std::string name = expand_key(kv, before, m_escape);
            Value v;
            if (auto it = m_options.build_args.find(name); it != m_options.build_args.end()) {
                v = Value{it->second, true, {}, {}};
            } else if (kv.has_value) {
                v = model::expand(kv.value_as_written(), before, m_escape);
            } else if (auto g = m_meta->find(name); g != m_meta->end()) {
                v = g->second;
            } else {
                v = unknown_value(name);
            }
            if (st.sets_env(name)) {
                Value env_value = before.at(name);  // an ENV of the same name wins
                merged->set(std::move(name), std::move(env_value));
            } else {
                merged->set(std::move(name), std::move(v));
            }
        }
        st.scope = std::move(merged);
    }

    /// ENV: every value is expanded with the variables as they were before this instruction.
    void stage_env(const model::Instruction& inst, StageState& st) {
        if (inst.pairs.empty()) {
            return;
        }
        const VarScope& before = *st.scope;
        auto merged = std::make_shared<VarScope>(st.scope);  // ENV wins over ARG
        for (const model::KeyValue& kv : inst.pairs) {
            std::string name = expand_key(kv, before, m_escape);
            if (!st.sets_env(name)) {
                st.env.push_back(name);
            }
            merged->set(std::move(name), model::expand(kv.value_as_written(), before, m_escape));
        }
        st.scope = std::move(merged);
    }

    /// COPY --from / RUN --mount from=: an earlier stage by name or index (else an image).
    void add_copy_source(model::Stage& stage, std::string_view raw, const VarScope& scope) {
        std::string_view ref = raw;
        Value expanded;
        if (ref.find('$') != std::string_view::npos) {
            expanded = model::expand(raw, scope, m_escape);
            if (!expanded.known) {
                return;
            }
            ref = expanded.text;
        }
        const model::Stage* source = nullptr;
        for (const model::Stage& s : m_df.stages) {
            if (s.index >= stage.index) {
                break;
            }
            if (!s.name.empty() && util::iequals(s.name, ref)) {  // names are lower-cased
                source = &s;
                break;
            }
        }
        if (source == nullptr && !ref.empty() &&
            std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            int idx = -1;
            if (ref.size() <= 6) {  // digits only: no overflow
                idx = 0;
                for (char c : ref) {
                    idx = idx * 10 + (c - '0');
                }
            }
            if (idx >= 0 && idx < stage.index) {
                source = &m_df.stages[static_cast<size_t>(idx)];
            }
        }
        if (source != nullptr && std::find(stage.copies_from.begin(), stage.copies_from.end(),
                                           source->index) == stage.copies_from.end()) {
            stage.copies_from.push_back(source->index);
        }
    }

    void finish_stage() {
        model::Stage& stage = m_df.stages.back();
        const StageState& st = m_states.back();
        stage.user = effective_user(stage, st);
    }

    model::EffectiveUser effective_user(const model::Stage& stage, const StageState& st) const {
        model::EffectiveUser u;
        if (st.last_user >= 0) {
            const model::Instruction& inst = m_df.instructions[static_cast<size_t>(st.last_user)];
            std::string raw =
                !inst.words.empty() ? inst.words[0].as_written() : std::string(util::trim(inst.args.value));
            Value v = model::expand(raw, *inst.scope, m_escape);
            u.source = model::EffectiveUser::Source::user_instruction;
            u.instruction = st.last_user;
            u.known = v.known && !v.text.empty();
            u.name = u.known ? v.text : raw;
            u.is_root = u.known && analysis::is_root_user(v.text);
            return u;
        }
        if (stage.base_stage >= 0) {
            u = m_df.stages[static_cast<size_t>(stage.base_stage)].user;
            u.source = u.known ? model::EffectiveUser::Source::inherited_stage
                               : model::EffectiveUser::Source::unknown;
            return u;
        }
        if (stage.image) {
            if (const std::optional<data::DefaultUser>& d = st.base->default_user()) {
                u.source = model::EffectiveUser::Source::base_image_default;
                u.name = std::string(d->name);
                u.is_root = d->is_root;
                return u;
            }
        }
        if (stage.image || stage.scratch) {
            u.source = model::EffectiveUser::Source::assumed_root;
            u.name = "root";
            u.is_root = true;
            return u;
        }
        u.source = model::EffectiveUser::Source::unknown;
        u.known = false;
        u.is_root = false;
        return u;
    }

    void select_shipped() {
        if (m_df.stages.empty()) {
            return;
        }
        int shipped = static_cast<int>(m_df.stages.size()) - 1;
        if (!m_options.target.empty()) {
            std::string target = util::to_lower(m_options.target);
            auto it = std::find_if(m_df.stages.begin(), m_df.stages.end(), [&](const model::Stage& s) {
                return !s.name.empty() && s.name == target;
            });
            if (it != m_df.stages.end()) {
                shipped = it->index;
            } else {
                const model::Instruction& first =
                    m_df.instructions[static_cast<size_t>(m_df.stages[0].from_instruction)];
                add_diagnostic(core::DiagLevel::error, first.keyword_range.begin,
                               "target stage '" + m_options.target + "' not found");
            }
        }
        m_df.shipped_stage = shipped;
        m_df.stages[static_cast<size_t>(shipped)].shipped = true;
        for (int s = shipped; s >= 0; s = m_df.stages[static_cast<size_t>(s)].base_stage) {
            m_df.stages[static_cast<size_t>(s)].in_shipped_image = true;
        }
    }

    /// Stages whose files reach the shipped image through COPY --from (or a mount), transitively,
    /// including the FROM ancestors of such stages.
    void mark_feeds() {
        std::vector<int> work;
        for (const model::Stage& s : m_df.stages) {
            if (s.in_shipped_image) {
                work.push_back(s.index);
            }
        }
        while (!work.empty()) {
            int w = work.back();
            work.pop_back();
            for (int c : m_df.stages[static_cast<size_t>(w)].copies_from) {
                for (int s = c; s >= 0; s = m_df.stages[static_cast<size_t>(s)].base_stage) {
                    model::Stage& fed = m_df.stages[static_cast<size_t>(s)];
                    if (fed.feeds_shipped) {
                        break;
                    }
                    fed.feeds_shipped = true;
                    work.push_back(s);
                }
            }
        }
    }

    /// A RUN body whose parse stopped early (script too long) hides the commands after that point
    /// from every rule, and one nested too deep gives them only approximated structure: a warning
    /// where that starts, once per body. Other syntax errors are not reported (bulwark is not a
    /// shell linter).
    void report_unparsed_shell(const model::Instruction& inst) {
        for (const model::ShellBody& body : inst.shell) {
            auto stop = std::find_if(
                body.script.errors.begin(), body.script.errors.end(),
                [](const model::shell::Script::Error& e) { return e.stops_parse || e.approximated; });
            if (stop != body.script.errors.end()) {
                add_diagnostic(core::DiagLevel::warning, body.text.to_source(stop->offset),
                               "shell: " + stop->message +
                                   (stop->stops_parse ? ", so no rule checks its commands"
                                                      : ": rules check its commands as simple commands that "
                                                        "may not run"));
            }
        }
    }

    void add_diagnostic(core::DiagLevel level, uint32_t offset, std::string message) {
        if (m_df.source) {
            m_df.diagnostics.push_back(
                core::make_diagnostic(level, *m_df.source, offset, std::move(message)));
        }
    }

    model::Dockerfile& m_df;
    const AnalyzeOptions& m_options;
    char m_escape;
    ScopePtr m_meta;    // platform ARGs and global ARGs: what FROM sees
    ScopePtr m_global;  // global ARGs only
    std::vector<StageState> m_states;
};

}  // namespace

void analyze(model::Dockerfile& dockerfile, const AnalyzeOptions& options) {
    dockerfile.rule_cache.reset();  // views of the model before this analysis
    forget_base_images_if_full();
    Analyzer(dockerfile, options).run();
}

}  // namespace bulwark::input::dockerfile
