// Image configuration checks: CMD/ENTRYPOINT/HEALTHCHECK, instruction order, ENV, EXPOSE and
// STOPSIGNAL values (BD073-BD076, BD078-BD080, BD082, BD086). HEALTHCHECK flag values are
// checked by the parser (BuildKit's own errors), not here.
#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "bulwark/model/expand.hpp"
#include "bulwark/rules/ascii.hpp"
#include "bulwark/rules/dockerfile/instructions_checks.hpp"
#include "bulwark/rules/dockerfile/instructions_common.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile::checks {

namespace {

using model::Instruction;
using model::InstructionKind;

/// Reports every `kind` instruction of a stage that a later one of the same stage overrides.
void report_overridden(const DockerfileContext& ctx, Reporter& out, InstructionKind kind) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Stage& stage : df.stages) {
        std::vector<const Instruction*> found;
        for (int idx : stage.instructions) {
            const Instruction& inst = common::instruction_at(df, idx);
            if (inst.kind == kind) {
                found.push_back(&inst);
            }
        }
        for (size_t i = 0; i + 1 < found.size(); ++i) {
            std::string_view name = model::keyword_name(kind);
            out.report(
                *found[i],
                fmt::format("{} at line {} has no effect: the {} at line {} of the same stage overrides "
                            "it (only the last one counts)",
                            name, found[i]->line, name, found.back()->line),
                fmt::format("remove this {} or merge it into the one at line {}", name, found.back()->line));
        }
    }
}

/// First whitespace-separated token of an instruction's arguments.
std::string_view first_token(const Instruction& inst) {
    std::string_view a = util::trim(inst.args.value);
    return a.substr(0, find_first_of(a, " \t\r\n"));
}

}  // namespace

void repeated_cmd(const DockerfileContext& ctx, Reporter& out) {
    report_overridden(ctx, out, InstructionKind::cmd);
}

void repeated_entrypoint(const DockerfileContext& ctx, Reporter& out) {
    report_overridden(ctx, out, InstructionKind::entrypoint);
}

void repeated_healthcheck(const DockerfileContext& ctx, Reporter& out) {
    report_overridden(ctx, out, InstructionKind::healthcheck);
}

namespace {

/// `CMD ["a", "b"]` for shell-form text `a b` (naive split; quoting is left to the author).
std::string exec_form_of(std::string_view keyword, std::string_view args) {
    std::string out = fmt::format("{} [", keyword);
    bool first = true;
    size_t i = 0;
    args = util::trim(args);
    while (i < args.size()) {
        size_t e = args.find_first_of(" \t", i);
        std::string_view tok = args.substr(i, e == std::string_view::npos ? std::string_view::npos : e - i);
        if (!tok.empty()) {
            out += fmt::format("{}{}", first ? "" : ", ", common::json_string(tok));
            first = false;
        }
        if (e == std::string_view::npos) {
            break;
        }
        i = e + 1;
    }
    return out + "]";
}

bool is_simple_command(std::string_view args) {
    return find_first_of(args, "|&;<>$`'\"*?(){}\\\n") == std::string_view::npos;
}

}  // namespace

void shell_form_command(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    if (df.windows || df.shipped_stage < 0 || df.shipped_stage >= static_cast<int>(df.stages.size()) ||
        df.stages[static_cast<size_t>(df.shipped_stage)].windows) {
        return;
    }
    // The CMD and ENTRYPOINT in effect in the shipped image. Setting ENTRYPOINT clears a CMD
    // inherited from an earlier stage (BuildKit resets it unless the same stage set CMD).
    const Instruction* cmd = nullptr;
    const Instruction* entrypoint = nullptr;
    for (int s : df.stage_chain(df.shipped_stage)) {
        bool cmd_set_here = false;
        for (int idx : df.stages[static_cast<size_t>(s)].instructions) {
            const Instruction& inst = common::instruction_at(df, idx);
            if (inst.kind == InstructionKind::cmd) {
                cmd = &inst;
                cmd_set_here = true;
            } else if (inst.kind == InstructionKind::entrypoint) {
                entrypoint = &inst;
                if (!cmd_set_here) {
                    cmd = nullptr;
                }
            }
        }
    }
    auto shell_form = [](const Instruction* inst) {
        return inst != nullptr && !inst->json_form && !util::trim(inst->args.value).empty() &&
               first_token(*inst) != "exec";
    };
    auto fix_for = [](const Instruction& inst) {
        std::string_view args = util::trim(inst.args.value);
        std::string kw = util::to_upper(inst.keyword);
        return is_simple_command(args)
                   ? exec_form_of(kw, args)
                   : fmt::format("{} [\"...\"] (exec form), or start the command with 'exec'", kw);
    };
    if (shell_form(entrypoint)) {
        out.report(
            *entrypoint,
            "ENTRYPOINT in shell form runs under '/bin/sh -c': the shell is PID 1, SIGTERM never reaches "
            "the program (no graceful shutdown) and CMD and 'docker run' arguments are ignored",
            fix_for(*entrypoint));
        return;
    }
    if (!shell_form(cmd)) {
        return;
    }
    if (entrypoint != nullptr) {
        out.report(
            *cmd,
            fmt::format("CMD in shell form is passed to the ENTRYPOINT (line {}) as '/bin/sh -c \"...\"' "
                        "arguments, so the shell, not the program, ends up as the process",
                        entrypoint->line),
            fix_for(*cmd));
        return;
    }
    out.report(
        *cmd,
        "CMD in shell form runs under '/bin/sh -c': the shell is PID 1 and does not forward SIGTERM, so the "
        "program is killed after the stop timeout instead of shutting down gracefully",
        fix_for(*cmd));
}

void maintainer(const DockerfileContext& ctx, Reporter& out) {
    for (const Instruction& inst : ctx.dockerfile.instructions) {
        if (inst.kind != InstructionKind::maintainer) {
            continue;
        }
        out.report(
            inst, "MAINTAINER is deprecated: the author belongs in the OCI label",
            "LABEL org.opencontainers.image.authors=" + util::double_quote(util::trim(inst.args.value)));
    }
}

void missing_healthcheck(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    if (df.shipped_stage < 0 || df.shipped_stage >= static_cast<int>(df.stages.size())) {
        return;
    }
    const Instruction* last = nullptr;
    bool runs_something = false;  // a CMD or ENTRYPOINT
    for (int idx : common::image_instructions(df, df.shipped_stage)) {
        const Instruction& inst = common::instruction_at(df, idx);
        if (inst.kind == InstructionKind::healthcheck) {
            last = &inst;
        }
        runs_something =
            runs_something || inst.kind == InstructionKind::cmd || inst.kind == InstructionKind::entrypoint;
    }
    const model::Stage& shipped = df.stages[static_cast<size_t>(df.shipped_stage)];
    if (last == nullptr) {
        if (shipped.from_instruction < 0) {
            return;
        }
        // FROM scratch with no CMD or ENTRYPOINT (here or in the stages it builds on): an artifact
        // export or a base layer, which starts no process for a health check to probe.
        if (!runs_something &&
            df.stages[static_cast<size_t>(df.stage_chain(shipped.index).front())].scratch) {
            return;
        }
        // Concatenated: most Dockerfiles of a large scan are reported.
        std::string message = "the shipped image (stage ";
        message += shipped.name.empty() ? std::to_string(shipped.index) : "'" + shipped.name + "'";
        message += ") has no HEALTHCHECK: the runtime cannot tell a hung container from a healthy one";
        out.report(common::instruction_at(df, shipped.from_instruction), std::move(message),
                   "HEALTHCHECK --interval=30s --timeout=3s CMD [\"/app/healthcheck\"]");
        return;
    }
    if (util::iequals(first_token(*last), "NONE")) {
        out.report(
            *last,
            "health check disabled: HEALTHCHECK NONE in the shipped image turns off any check inherited from "
            "the base image",
            "HEALTHCHECK --interval=30s --timeout=3s CMD [\"/app/healthcheck\"]");
    }
}

void first_not_from(const DockerfileContext& ctx, Reporter& out) {
    for (const Instruction& inst : ctx.dockerfile.instructions) {
        if (inst.kind == InstructionKind::from) {
            return;
        }
        if (inst.kind == InstructionKind::arg || inst.kind == InstructionKind::unknown) {
            continue;
        }
        out.report(
            inst,
            fmt::format("{} before the first FROM: a Dockerfile must start with FROM (only ARG, comments "
                        "and parser directives may come before it)",
                        util::to_upper(inst.keyword)),
            "move this instruction after FROM");
        return;
    }
}

namespace {

/// True when `kv`'s value expands the same with `setter`'s variable unset, as it is while the ENV
/// that sets both is expanded, and with the value `setter` gives it: `${X:-v}` where the ENV sets X
/// to v cannot give anything else. False when either expansion is not known.
bool expands_the_same_either_way(const model::Dockerfile& df, const Instruction& inst,
                                 const model::KeyValue& kv, const model::KeyValue& setter) {
    if (!inst.scope) {
        return false;
    }
    char escape = df.directives.escape;
    model::Value now = model::expand(kv.value_as_written(), *inst.scope, escape);
    model::Value set_to = model::expand(setter.value_as_written(), *inst.scope, escape);
    if (!now.known || !set_to.known) {
        return false;
    }
    auto with_var = std::make_shared<model::VarScope>(inst.scope);
    with_var->set(setter.key, std::move(set_to));
    model::Value meant = model::expand(kv.value_as_written(), *with_var, escape);
    return meant.known && meant.text == now.text;
}

}  // namespace

void env_self_reference(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Stage& stage : df.stages) {
        // Keys already defined (views into df); looked up only for ENVs setting several variables.
        std::vector<std::string_view> defined;
        auto is_defined = [&](std::string_view var) {
            return std::find(defined.begin(), defined.end(), var) != defined.end();
        };
        for (int idx : common::image_instructions(df, stage.index)) {
            const Instruction& inst = common::instruction_at(df, idx);
            if (inst.stage != stage.index && inst.kind == InstructionKind::env) {
                for (const model::KeyValue& kv : inst.pairs) {
                    defined.emplace_back(kv.key);
                }
                continue;
            }
            if (inst.stage != stage.index) {
                continue;
            }
            if (inst.kind == InstructionKind::arg) {
                for (const model::KeyValue& kv : inst.pairs) {
                    defined.emplace_back(kv.key);
                }
                continue;
            }
            if (inst.kind != InstructionKind::env) {
                continue;
            }
            for (size_t j = 0; j < inst.pairs.size() && inst.pairs.size() > 1; ++j) {
                const model::KeyValue& kv = inst.pairs[j];
                std::string_view raw = kv.value_as_written();
                for (const std::string& var : model::referenced_variables(raw, df.directives.escape)) {
                    // PATH and HOME always have a value before the ENV; using the old one is the intent.
                    if (var == kv.key || is_defined(var) || var == "PATH" || var == "HOME") {
                        continue;
                    }
                    auto same = std::find_if(inst.pairs.begin(), inst.pairs.end(),
                                             [&](const model::KeyValue& p) { return p.key == var; });
                    if (same == inst.pairs.end() || expands_the_same_either_way(df, inst, kv, *same)) {
                        continue;
                    }
                    out.report(
                        kv.value_range,
                        fmt::format("ENV {} refers to ${}, which this same ENV sets: values are expanded "
                                    "before the instruction runs, so ${} is still unset here",
                                    kv.key, var, var),
                        fmt::format("set {} in an earlier ENV instruction, then {} in a later one", var,
                                    kv.key));
                    break;
                }
            }
            for (const model::KeyValue& kv : inst.pairs) {
                defined.emplace_back(kv.key);
            }
        }
    }
}

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool known_signal_name(std::string_view upper) {
    static const std::set<std::string_view> k_names = {
        "ABRT", "ALRM", "BUS",  "CHLD", "CLD",  "CONT", "FPE",    "HUP",    "ILL",  "INT",  "IO",    "IOT",
        "KILL", "PIPE", "POLL", "PROF", "PWR",  "QUIT", "SEGV",   "STKFLT", "STOP", "SYS",  "TERM",  "TRAP",
        "TSTP", "TTIN", "TTOU", "URG",  "USR1", "USR2", "VTALRM", "WINCH",  "XCPU", "XFSZ", "RTMIN", "RTMAX"};
    if (k_names.count(upper) != 0) {
        return true;
    }
    for (std::string_view base : {std::string_view("RTMIN+"), std::string_view("RTMAX-")}) {
        if (util::starts_with(upper, base) && all_digits(upper.substr(base.size()))) {
            int n = std::stoi(std::string(upper.substr(base.size())));
            return n >= 1 && n <= 15 - (base == "RTMAX-" ? 1 : 0);
        }
    }
    return false;
}

}  // namespace

void invalid_stopsignal(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    if (df.windows) {
        return;
    }
    for (const Instruction& inst : df.instructions) {
        if (inst.kind != InstructionKind::stopsignal || inst.words.empty()) {
            continue;
        }
        const model::Word& w = inst.words.front();
        std::optional<std::string> value = common::resolve(df, inst, w.as_written());
        if (!value || value->empty()) {
            continue;
        }
        std::string upper = util::to_upper(*value);
        std::string name = util::starts_with(upper, "SIG") ? upper.substr(3) : upper;
        if (all_digits(*value)) {
            int n = value->size() > 3 ? 999 : std::stoi(*value);
            if (n < 1 || n > 64) {
                out.report(w.range, fmt::format("STOPSIGNAL {} is not a signal number (1-64)", *value),
                           "STOPSIGNAL SIGTERM");
                continue;
            }
            name = n == 9 ? "KILL" : n == 19 ? "STOP" : "";
        } else if (!known_signal_name(name)) {
            out.report(w.range, fmt::format("STOPSIGNAL {} is not a signal name", *value),
                       "STOPSIGNAL SIGTERM");
            continue;
        }
        if (name == "KILL" || name == "STOP") {
            out.report(w.range,
                       fmt::format("STOPSIGNAL {} cannot be caught: the program gets no chance to shut down "
                                   "cleanly (flush data, finish requests)",
                                   *value),
                       "STOPSIGNAL SIGTERM");
        }
    }
}

}  // namespace bulwark::rules::dockerfile::checks
