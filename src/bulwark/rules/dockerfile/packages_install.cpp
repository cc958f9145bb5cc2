// BD050 (prompts), BD051 (recommends), BD053 (index refresh alone), BD054 (upgrades), BD056 (apt).
#include <fmt/format.h>
#include <charconv>

#include "bulwark/rules/ascii.hpp"
#include "bulwark/rules/dockerfile/packages_checks.hpp"
#include "bulwark/rules/dockerfile/packages_managers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace shell = model::shell;

namespace {

template <typename F>
void for_each_run(const model::Dockerfile& df, F&& f) {
    for (const model::Instruction& ins : df.instructions) {
        if (ins.kind == model::InstructionKind::run) {
            f(ins);
        }
    }
}

bool is_true_word(std::string_view v) {
    std::string l = util::to_lower(v);
    return l == "true" || l == "yes" || l == "1" || l == "on";
}

bool is_false_word(std::string_view v) {
    std::string l = util::to_lower(v);
    return l == "false" || l == "no" || l == "0" || l == "off";
}

/// Value of an apt configuration item set with `-o Key=Value`, or nullopt.
std::optional<std::string> apt_config(const PackageCommand& pc, std::string_view key) {
    std::optional<std::string> found;
    for (const std::string& v : shell::option_values(pc.argv, "o", {"option"}, pc.manager->value_options)) {
        size_t eq = v.find('=');
        if (eq != std::string::npos && util::iequals(util::trim(std::string_view(v).substr(0, eq)), key)) {
            found = std::string(util::trim(std::string_view(v).substr(eq + 1)));
        }
    }
    return found;
}

/// apt's quiet level: -q counts one per letter, -qq two, -q=2 / --quiet=2 set it.
int apt_quiet_level(const PackageCommand& pc) {
    int level = 0;
    for (size_t i = 1; i < pc.argv.size(); ++i) {
        std::string_view w = pc.argv[i].value;
        if (w == "--") {
            break;
        }
        auto number = [](std::string_view s) {
            int n = 0;
            std::from_chars(s.data(), s.data() + s.size(), n);
            return n;
        };
        if (util::starts_with(w, "--quiet")) {
            level = w.size() > 8 && w[7] == '=' ? number(w.substr(8)) : level + 1;
        } else if (util::starts_with(w, "-q=")) {
            level = number(w.substr(3));
        } else if (w.size() > 1 && w[0] == '-' && w[1] != '-') {
            for (char ch : w.substr(1)) {
                if (ch == 'q') {
                    ++level;
                } else if (ch == 'o' || ch == 'c' || ch == 't' || ch == 'a') {
                    break;  // the rest is that option's value
                }
            }
        }
    }
    return level;
}

/// True when `c` reads its standard input from `yes`, `echo` or `printf` through a pipe.
bool answered_through_pipe(const RunCommand& c) {
    const shell::Script& s = c.body->script;
    for (size_t j = 0; j < c.index; ++j) {
        if (shell::piped_into(s, j) == c.command &&
            shell::is_any_command(s.commands[j], {"yes", "echo", "printf"})) {
            return true;
        }
    }
    return false;
}

/// True for `apt-get -s` and its aliases: apt only prints what it would do.
bool simulated(const PackageCommand& pc) {
    return pc.manager->family == "apt" &&
           pc.has_option("s", {"simulate", "dry-run", "just-print", "no-act", "recon"});
}

bool answers_yes(const PackageCommand& pc) {
    const PackageManager& m = *pc.manager;
    if (pc.has_option(m.yes_short, m.yes_long)) {
        return true;
    }
    if (m.family == "apt") {
        if (apt_quiet_level(pc) >= 2) {
            return true;  // quiet level 2 implies -y
        }
        if (auto v = apt_config(pc, "APT::Get::Assume-Yes"); v && is_true_word(*v)) {
            return true;
        }
    }
    return answered_through_pipe(*pc.run);
}

/// True when a RUN command writes apt configuration that turns recommends off
/// (`echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/...`).
bool disables_recommends(const RunCommand& c) {
    if (c.program != "echo" && c.program != "printf") {
        return false;
    }
    for (size_t i = 1; i < c.argv.size(); ++i) {
        // Compared ignoring case, without lower-casing every word.
        std::string_view l = c.argv[i].value;
        size_t at = find_lower(l, "apt::install-recommends");
        if (at == std::string_view::npos) {
            continue;
        }
        std::string_view rest = l.substr(at + 23);
        if (find_lower(rest, "false") != std::string_view::npos ||
            rest.find("\"0\"") != std::string_view::npos || rest.find(" 0") != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

bool recommends_off(const PackageCommand& pc) {
    if (pc.has_option("", {"no-install-recommends"})) {
        return true;
    }
    if (pc.manager->name == "aptitude" && pc.has_option("R", {"without-recommends"})) {
        return true;
    }
    if (auto v = shell::option_value(pc.argv, "", {"install-recommends"}, pc.manager->value_options);
        v && is_false_word(*v)) {
        return true;
    }
    auto v = apt_config(pc, "APT::Install-Recommends");
    return v && is_false_word(*v);
}

/// True when `c` might install packages in ways this rule cannot see: a script, a sourced file, a
/// shell reading a program from a pipe, or a known installer wrapper.
bool opaque_installer(const RunCommand& c) {
    if (c.argv.empty()) {
        return false;
    }
    std::string_view arg0 = c.argv[0].value;
    if (c.program == "." || c.program == "source" || c.program == "make" ||
        util::ends_with(c.program, ".sh") || util::starts_with(arg0, "./") ||
        util::starts_with(arg0, "/usr/local/") || util::starts_with(arg0, "/opt/") ||
        util::starts_with(arg0, "/tmp/") || arg0.find('$') != std::string_view::npos) {
        return true;
    }
    if (c.program == "install_packages" || c.program == "install-php-extensions" ||
        c.program == "docker-php-ext-install" || c.program == "apt-install") {
        return true;
    }
    return shell::is_shell_name(c.program) && !shell::has_option(c.argv, "c", {});
}

bool uses_index(const PackageCommand& pc) {
    const PackageManager& m = *pc.manager;
    return pc.installs() || in_word_list(m.upgrade, pc.subcommand) ||
           in_word_list(m.system_upgrade, pc.subcommand) ||
           in_word_list("download source build-dep", pc.subcommand);
}

std::string_view apt_replacement(std::string_view subcommand) {
    if (in_word_list("search show showsrc policy depends rdepends madison showpkg", subcommand)) {
        return "apt-cache";
    }
    if (subcommand == "list") {
        return "dpkg-query -W";
    }
    return "apt-get";
}

}  // namespace

void check_noninteractive(const DockerfileContext& ctx, Reporter& out) {
    for_each_run(ctx.dockerfile, [&](const model::Instruction& ins) {
        const RunView& view = run_view(ctx.dockerfile, ins);
        for (const PackageCommand& pc : package_commands(view)) {
            const PackageManager& m = *pc.manager;
            if (!in_word_list(m.prompting, pc.subcommand) || simulated(pc) || answers_yes(pc)) {
                continue;
            }
            report_command(
                out, *pc.run, pc.subcommand_word,
                fmt::format("`{} {}` without {} stops at a confirmation prompt the build cannot answer",
                            pc.run->program, pc.subcommand, m.fix_yes),
                command_line(pc, m.fix_yes));
        }
    });
}

void check_no_recommends(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    // Stages whose apt configuration turns recommends off (inherited through FROM <stage>).
    std::vector<bool> configured(df.stages.size(), false);
    for (const model::Stage& st : df.stages) {
        if (st.base_stage >= 0 && static_cast<size_t>(st.base_stage) < configured.size()) {
            configured[static_cast<size_t>(st.index)] = configured[static_cast<size_t>(st.base_stage)];
        }
        for (int idx : st.instructions) {
            const model::Instruction& ins = df.instructions[static_cast<size_t>(idx)];
            if (ins.kind != model::InstructionKind::run) {
                continue;
            }
            const RunView& view = run_view(df, ins);
            // Only echo/printf (disables_recommends) and package commands matter below.
            constexpr uint64_t k_writers = program_bit("echo") | program_bit("printf");
            if ((view.programs() & k_writers) == 0 && package_commands(view).empty()) {
                continue;
            }
            std::span<const RunCommand> cmds = view.commands();
            for (size_t i = 0; i < cmds.size(); ++i) {
                const RunCommand& c = cmds[i];
                if (disables_recommends(c)) {
                    configured[static_cast<size_t>(st.index)] = true;
                }
                if (!st.in_shipped_image || configured[static_cast<size_t>(st.index)]) {
                    continue;
                }
                const PackageCommand* pc = view.package_at(i);
                if (!pc || pc->manager->family != "apt" || pc->subcommand != "install" || simulated(*pc) ||
                    recommends_off(*pc)) {
                    continue;
                }
                std::string_view flag =
                    pc->manager->name == "aptitude" ? "--without-recommends" : "--no-install-recommends";
                report_command(out, c, pc->subcommand_word,
                               fmt::format("`{} install` without {} also installs every recommended package",
                                           c.program, flag),
                               command_line(*pc, flag));
            }
        }
    }
}

void check_update_alone(const DockerfileContext& ctx, Reporter& out) {
    for_each_run(ctx.dockerfile, [&](const model::Instruction& ins) {
        const RunView& view = run_view(ctx.dockerfile, ins);
        if (package_commands(view).empty()) {
            return;  // every finding is at a package command
        }
        std::span<const RunCommand> cmds = view.commands();
        for (size_t i = 0; i < cmds.size(); ++i) {
            const PackageCommand* pc = view.package_at(i);
            if (!pc || !in_word_list(pc->manager->refresh, pc->subcommand)) {
                continue;
            }
            bool used = false;
            for (size_t j = i + 1; j < cmds.size() && !used; ++j) {
                const PackageCommand* later = view.package_at(j);
                // An index deleted again in the same RUN is not reused by later ones either.
                used = (later && later->manager->family == pc->manager->family &&
                        (uses_index(*later) || cleans_cache(*later, *pc->manager))) ||
                       removes_cache(cmds[j], *pc->manager) || opaque_installer(cmds[j]);
            }
            if (used) {
                continue;
            }
            std::string_view install = pc->manager->family == "apk"      ? "apk add --no-cache <packages>"
                                       : pc->manager->family == "rpm"    ? "yum install -y <packages>"
                                       : pc->manager->family == "zypper" ? "zypper -n install <packages>"
                                                                         : "apt-get install -y <packages>";
            report_command(
                out, cmds[i], pc->subcommand_word,
                fmt::format("`{} {}` in a RUN that installs nothing: later RUNs reuse this cached, "
                            "aging index",
                            cmds[i].program, pc->subcommand),
                fmt::format("{} && {}", command_line(*pc), install));
        }
    });
}

void check_upgrade(const DockerfileContext& ctx, Reporter& out) {
    for_each_run(ctx.dockerfile, [&](const model::Instruction& ins) {
        const RunView& view = run_view(ctx.dockerfile, ins);
        for (const PackageCommand& pc : package_commands(view)) {
            const PackageManager& m = *pc.manager;
            bool whole = in_word_list(m.system_upgrade, pc.subcommand) ||
                         (in_word_list(m.upgrade, pc.subcommand) && pc.operands.empty());
            if (!whole) {
                continue;
            }
            report_command(
                out, *pc.run, pc.subcommand_word,
                fmt::format("`{} {}` upgrades every installed package to whatever the mirror serves at "
                            "build time",
                            pc.run->program, pc.subcommand),
                "rebuild from an updated base image instead, or upgrade named packages only");
        }
    });
}

void check_apt_in_scripts(const DockerfileContext& ctx, Reporter& out) {
    for_each_run(ctx.dockerfile, [&](const model::Instruction& ins) {
        const RunView& view = run_view(ctx.dockerfile, ins);
        for (const RunCommand& c : view.commands()) {
            if (c.program != "apt") {
                continue;
            }
            auto pc = package_command(c);
            std::string_view sub = pc ? pc->subcommand : std::string_view{};
            std::string_view tool = apt_replacement(sub);
            std::string fix = pc ? command_line(*pc) : std::string("apt");
            fix = std::string(tool) +
                  fix.substr(fix.find(' ') == std::string::npos ? fix.size() : fix.find(' '));
            if (tool == "apt-get" && sub == "full-upgrade") {
                fix = "apt-get dist-upgrade";
            }
            report_words(out, c, c.argv.front(), c.argv.front(),
                         fmt::format("`apt {}` in a script: apt has no stable command-line interface; use {}",
                                     sub, tool),
                         fix);
        }
    });
}

}  // namespace bulwark::rules::dockerfile
