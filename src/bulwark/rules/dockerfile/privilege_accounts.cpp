// BD046 (passwords set in RUN) and BD047 (useradd with a large UID and no -l).
#include <charconv>

#include <fmt/format.h>

#include "bulwark/rules/dockerfile/packages_commands.hpp"
#include "bulwark/rules/dockerfile/privilege_checks.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace shell = model::shell;

namespace {

/// useradd/usermod options that take a value.
const shell::OptionList k_useradd_values = {"-p",
                                            "--password",
                                            "-u",
                                            "--uid",
                                            "-g",
                                            "--gid",
                                            "-G",
                                            "--groups",
                                            "-d",
                                            "--home-dir",
                                            "--home",
                                            "-s",
                                            "--shell",
                                            "-c",
                                            "--comment",
                                            "-e",
                                            "--expiredate",
                                            "-f",
                                            "--inactive",
                                            "-k",
                                            "--skel",
                                            "-K",
                                            "--key",
                                            "-b",
                                            "--base-dir",
                                            "-R",
                                            "--root",
                                            "-P",
                                            "--prefix",
                                            "-Z",
                                            "--selinux-user",
                                            "-l" /* usermod: --login NAME */,
                                            "--login"};

/// Options taking a value for useradd (where -l is a flag, --no-log-init).
const shell::OptionList k_useradd_only_values = {
    "-p", "--password", "-u", "--uid",      "-g", "--gid",        "-G", "--groups",   "-d", "--home-dir",
    "-s", "--shell",    "-c", "--comment",  "-e", "--expiredate", "-f", "--inactive", "-k", "--skel",
    "-K", "--key",      "-b", "--base-dir", "-R", "--root",       "-P", "--prefix",   "-Z", "--selinux-user"};

/// True when `c` reads text written into the Dockerfile on its standard input: a pipe from
/// echo/printf, a here-string or a here-document.
bool fed_literal(const RunCommand& c) {
    for (const shell::Redirect& r : c.command->redirects) {
        if (r.op == "<<<" || r.op == "<<" || r.op == "<<-") {
            return true;
        }
    }
    const shell::Script& s = c.body->script;
    for (size_t j = 0; j < c.index; ++j) {
        if (shell::piped_into(s, j) == c.command &&
            shell::is_any_command(s.commands[j], {"echo", "printf"})) {
            return true;
        }
    }
    return false;
}

/// True for a password field that locks the account rather than setting a password.
bool locks_account(std::string_view v) {
    return v == "*" || v == "x" || util::starts_with(v, "!");
}

}  // namespace

void check_password_in_run(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Instruction& ins : df.instructions) {
        if (ins.kind != model::InstructionKind::run || !in_shipped_image(df, ins)) {
            continue;
        }
        const RunView& view = run_view(df, ins);
        for (const RunCommand& c : view.commands()) {
            if (c.argv.empty()) {
                continue;
            }
            const shell::Word& name = c.argv.front();
            if (c.program == "chpasswd" && fed_literal(c)) {
                report_words(
                    out, c, name, name,
                    "chpasswd sets a password written in the Dockerfile: it stays readable in the image "
                    "history and crackable in /etc/shadow",
                    "lock the account (passwd -l) and pass credentials at run time");
            } else if (c.program == "passwd") {
                if (shell::has_option(c.argv, "d", {"delete"})) {
                    report_words(out, c, name, name, "passwd -d leaves the account with an empty password",
                                 "passwd -l <user>");
                } else if (!shell::has_option(c.argv, "lSeuwxni", {"lock", "status", "expire", "unlock"}) &&
                           fed_literal(c)) {
                    report_words(
                        out, c, name, name,
                        "passwd reads a password written in the Dockerfile: it stays readable in the image "
                        "history and crackable in /etc/shadow",
                        "lock the account (passwd -l) and pass credentials at run time");
                }
            } else if (c.program == "useradd" || c.program == "usermod") {
                shell::OptionList takes = c.program == "useradd" ? k_useradd_only_values : k_useradd_values;
                auto value = shell::option_value(c.argv, "p", {"password"}, takes);
                if (!value || locks_account(*value)) {
                    continue;
                }
                const shell::Word* w = shell::option_word(c.argv, "p", {"password"}, takes);
                report_words(
                    out, c, *w, *w,
                    value->empty()
                        ? fmt::format("{} -p '' gives the account an empty password", c.program)
                        : fmt::format("{} -p bakes a password hash into the image history and /etc/shadow",
                                      c.program),
                    fmt::format("drop -p from {} (the account stays locked)", c.program));
            }
        }
    }
}

void check_useradd_large_uid(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Instruction& ins : df.instructions) {
        if (ins.kind != model::InstructionKind::run) {
            continue;
        }
        const RunView& view = run_view(df, ins);
        for (const RunCommand& c : view.commands()) {
            if (c.program != "useradd" ||
                shell::has_option(c.argv, "l", {"no-log-init"}, k_useradd_only_values)) {
                continue;
            }
            auto raw = shell::option_value(c.argv, "u", {"uid"}, k_useradd_only_values);
            const shell::Word* w = shell::option_word(c.argv, "u", {"uid"}, k_useradd_only_values);
            if (!raw || w == nullptr) {
                continue;
            }
            std::optional<std::string> uid_text = w->dynamic ? resolve_value(df, ins, *raw) : raw;
            if (!uid_text) {
                continue;
            }
            unsigned long long uid = 0;
            std::string_view t = util::trim(*uid_text);
            auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), uid);
            if (ec != std::errc() || ptr != t.data() + t.size() || uid < 100000) {
                continue;
            }
            // lastlog holds one 292-byte record per UID up to the highest one.
            double bytes = static_cast<double>(uid + 1) * 292.0;
            std::string size =
                bytes >= 1e9 ? fmt::format("{:.0f} GB", bytes / 1e9) : fmt::format("{:.0f} MB", bytes / 1e6);
            report_words(
                out, c, *w, *w,
                fmt::format("useradd -u {} without -l: /var/log/lastlog grows to about {}, stored in full "
                            "in the layer",
                            uid, size),
                fmt::format("useradd -l -u {} ...", uid));
        }
    }
}

}  // namespace bulwark::rules::dockerfile
