// Checks that read RUN shell programs through the shell model: pipes without pipefail, /bin/sh
// replaced by a symlink (BD077, BD084; BD072, cd, is in instructions_cd.cpp). Windows images have
// no shell bodies.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bulwark/data/base_images.hpp"
#include "bulwark/model/shell_query.hpp"
#include "bulwark/rules/dockerfile/instructions_checks.hpp"
#include "bulwark/rules/dockerfile/instructions_common.hpp"
#include "bulwark/rules/dockerfile/packages_commands.hpp"
#include "bulwark/rules/dockerfile/supply_chain_common.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile::checks {

namespace {

using model::Instruction;
using model::InstructionKind;
namespace sh = model::shell;

std::vector<std::string> json_values(const Instruction& inst) {
    std::vector<std::string> out;
    for (const model::JsonArg& a : inst.json) {
        out.push_back(a.value);
    }
    return out;
}

/// True when the program running this RUN's shell body already has pipefail on.
bool pipefail_from_launcher(const Instruction& run) {
    return run.json_form ? model::shell_enables_pipefail(json_values(run)) : run.pipefail_by_shell();
}

/// True when a SHELL instruction runs this shell-form RUN with a program that is not a POSIX shell
/// (PowerShell, cmd), where the check does not apply.
bool not_posix_shell(const Instruction& run) {
    return !run.json_form && !run.run_shell.empty() && !model::is_posix_shell_program(run.run_shell.front());
}

/// The fix for a pipe without pipefail in `run`. `set -o pipefail` only where the RUN's shell is
/// known to have it: bash, zsh or ksh (by SHELL or exec form), busybox ash (/bin/sh of Alpine and
/// busybox images). Otherwise a SHELL with bash: dash, /bin/sh of Debian and Ubuntu, rejects it.
std::string pipefail_fix(const model::Dockerfile& df, const Instruction& run) {
    std::string_view program;
    if (run.json_form) {
        program = run.json.empty() ? std::string_view() : std::string_view(run.json.front().value);
    } else if (!run.run_shell.empty()) {
        program = run.run_shell.front();
    }
    program = sh::basename(program);
    if (program == "bash" || program == "zsh" || program == "ksh" || program == "mksh" || program == "ash") {
        return run.json_form
                   ? "add \"-o\", \"pipefail\" before \"-c\" in this RUN's exec form"
                   : "start this RUN with 'set -o pipefail &&', or add \"-o\", \"pipefail\" to the SHELL "
                     "instruction";
    }
    if (program == "sh" && run.stage >= 0 && static_cast<size_t>(run.stage) < df.stages.size()) {
        const model::Stage* root = supply::root_stage(df, df.stages[static_cast<size_t>(run.stage)]);
        if (root != nullptr && root->image && data::sh_is_busybox_ash(*root->image)) {
            return "start this RUN with 'set -o pipefail &&' (busybox ash, /bin/sh of this image, has it)";
        }
    }
    return "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before this RUN, with bash installed ('set "
           "-o "
           "pipefail' fails in dash, /bin/sh of Debian and Ubuntu)";
}

/// True when the printf format `f` has only %s, %b and %c conversions (with flags, a width and a
/// precision written as numbers), which take any argument: printf then fails only if it cannot write.
bool safe_printf_format(std::string_view f) {
    for (size_t i = 0; i < f.size(); ++i) {
        if (f[i] != '%') {
            continue;
        }
        ++i;
        while (i < f.size() && std::string_view("-+ #0123456789.").find(f[i]) != std::string_view::npos) {
            ++i;
        }
        if (i >= f.size() || std::string_view("%sbc").find(f[i]) == std::string_view::npos) {
            return false;
        }
    }
    return true;
}

/// True when command `c` only prints its arguments: the shell builtin `echo`, or `printf` with a
/// literal format safe_printf_format() accepts, with no assignment or redirection. It fails only
/// when it cannot write, that is when the reader exited before reading all: no error of its own,
/// so pipefail could only add a spurious failure, and every real failure is the reader's, whose
/// status the pipeline has anyway. (A command substitution in its arguments is judged by
/// element_feed().)
bool only_prints(const sh::Command& c) {
    if (c.argv.empty() || !c.assignments.empty() || !c.redirects.empty() || c.argv.front().dynamic) {
        return false;
    }
    const std::string& name = c.argv.front().value;
    if (name == "echo") {
        return true;
    }
    return name == "printf" && c.argv.size() >= 2 && !c.argv[1].dynamic && !c.argv[1].value.empty() &&
           c.argv[1].value.front() != '-' && safe_printf_format(c.argv[1].value);
}

/// How a pipeline element feeds its pipe.
enum class Feed : uint8_t {
    can_fail,             // a command that can fail: pipefail would make the pipeline fail
    prints,               // only echo/printf of words: pipefail changes nothing
    prints_substitution,  // echo/printf of a $(...) whose failure pipefail does not see either
};

/// How the element that ends with command `index` feeds its pipe (`echo "$SHA  f"` and
/// `{ echo a; printf '%s\n' "$b"; }` only print). For prints_substitution, `substituted` is the
/// index of the first command a substitution runs.
Feed element_feed(const sh::Script& s, size_t index, size_t& substituted) {
    Feed feed = Feed::prints;
    size_t k = index - std::min<size_t>(index, s.commands[index].element_before);
    while (k <= index) {
        if (!only_prints(s.commands[k])) {
            return Feed::can_fail;
        }
        auto [first, end] = sh::nested_commands(s, k);
        if (first != end && feed == Feed::prints) {
            feed = Feed::prints_substitution;
            substituted = first;
        }
        k = std::max(k + 1, end);
    }
    return feed;
}

}  // namespace

void pipe_without_pipefail(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const Instruction& inst : df.instructions) {
        if (inst.kind != InstructionKind::run || inst.shell.empty()) {
            continue;
        }
        // Most RUNs have no pipe: look for one before asking how the shell was launched.
        bool piped = false;
        for (const model::ShellBody& body : inst.shell) {
            for (const sh::Command& c : body.script.commands) {
                piped = piped || c.next == sh::Connector::pipe;
            }
        }
        if (!piped || not_posix_shell(inst)) {
            continue;
        }
        const bool launcher_pipefail = pipefail_from_launcher(inst);
        bool reported = false;
        for (const model::ShellBody& body : inst.shell) {
            const sh::Script& script = body.script;
            for (size_t i = 0; i < script.commands.size() && !reported; ++i) {
                const sh::Command& c = script.commands[i];
                if (c.next != sh::Connector::pipe) {
                    continue;
                }
                // An element that only prints has no failure for pipefail to report; the first
                // element that can fail is the one to name. With pipefail on, only a printed
                // command substitution is left: its failure is not the element's.
                const bool pipefail = launcher_pipefail || script.pipefail_before(i);
                size_t substituted = 0;
                Feed feed = element_feed(script, i, substituted);
                if (feed == Feed::prints || (pipefail && feed == Feed::can_fail)) {
                    continue;
                }
                // The last command of the pipeline (sh::pipeline_commands(script, c.pipeline).back(),
                // without its vector).
                const sh::Command* last = &c;
                for (const sh::Command& later : script.commands) {
                    if (later.pipeline == c.pipeline) {
                        last = &later;
                    }
                }
                // `{ a; b; } | tee f`: the whole group feeds the pipe; point at its first command (and
                // not at earlier commands of the list, such as those of a `bash -c` before it).
                const sh::Command* first = &script.commands[i - std::min<size_t>(i, c.element_before)];
                std::string_view first_name = sh::program(*first);
                std::string_view last_name = sh::program(*last);
                if (first_name.empty()) {
                    first_name = "the first command";
                }
                if (last_name.empty()) {
                    last_name = "the last command";
                }
                if (feed == Feed::prints_substitution) {
                    // echo always exits 0: pipefail cannot see a failure inside its $(...).
                    std::string_view inner = sh::program(script.commands[substituted]);
                    if (inner.empty()) {
                        inner = "the command";
                    }
                    std::string fix = fmt::format(
                        "run '{}' where its failure stops the RUN, then pipe its "
                        "output: out=\"$({} ...)\" && echo \"$out\" | {} (an "
                        "assignment's status is its substitution's)",
                        inner, inner, last_name);
                    if (pipefail) {
                        // With pipefail on, piping the command itself is checked too.
                        fix += fmt::format(", or pipe it directly if '{}' prints nothing else: {} ... | {}",
                                           first_name, inner, last_name);
                    }
                    out.report(body.text, first->begin, last->end,
                               pipefail
                                   ? fmt::format("pipe with pipefail: '{}' prints the output of '{}' from "
                                                 "a command substitution; if '{}' fails, the RUN still "
                                                 "succeeds when '{}' exits 0, because pipefail does not "
                                                 "see a failure inside $(...)",
                                                 first_name, inner, inner, last_name)
                                   : fmt::format("pipe without pipefail: '{}' prints the output of '{}' "
                                                 "from a command substitution; if '{}' fails, the RUN "
                                                 "still succeeds when '{}' exits 0, and pipefail would "
                                                 "not see it either",
                                                 first_name, inner, inner, last_name),
                               std::move(fix));
                    reported = true;
                    continue;
                }
                // Plain concatenation: thousands of RUNs of a large scan pipe without pipefail.
                std::string message;
                message.reserve(128 + first_name.size() + last_name.size());
                message.append("pipe without pipefail: if '").append(first_name);
                message.append("' fails, the RUN still succeeds when '").append(last_name);
                message.append("' exits 0, and the image is built from partial output");
                out.report(body.text, first->begin, last->end, std::move(message), pipefail_fix(df, inst));
                reported = true;
            }
        }
    }
}

void symlinked_shell(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    if (df.windows) {
        return;
    }
    for (const Instruction& inst : df.instructions) {
        if (inst.kind != InstructionKind::run) {
            continue;
        }
        for (const model::ShellBody& body : inst.shell) {
            for (const CommandFacts& f : command_facts(df, inst, body)) {
                if (f.program != "ln") {
                    continue;
                }
                std::span<const sh::Word> argv = f.argv;
                if (sh::has_option(argv, "t", {"target-directory"},
                                   {"-t", "--target-directory", "-S", "--suffix"})) {
                    continue;
                }
                std::vector<const sh::Word*> ops = sh::operands(argv, {"-S", "--suffix"});
                if (ops.size() < 2) {
                    continue;
                }
                std::string link = common::normalize_path(ops.back()->value);
                if (link != "/bin/sh" && link != "/usr/bin/sh") {
                    continue;
                }
                std::string target = ops.front()->value;
                std::string fix = fmt::format("SHELL [{}, {}\"-c\"]", common::json_string(target),
                                              sh::basename(target) == "bash" ? "\"-o\", \"pipefail\", " : "");
                out.report(
                    body.text, ops.back()->begin, ops.back()->end,
                    fmt::format("'ln' replaces {} with {} for every program in the image; use SHELL to "
                                "change the shell of RUN instead",
                                link, target),
                    fix);
            }
        }
    }
}

}  // namespace bulwark::rules::dockerfile::checks
