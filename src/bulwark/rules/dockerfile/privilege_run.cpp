// BD040 (sudo in RUN) and BD044 (SSH server installed).
#include <fmt/format.h>

#include "bulwark/rules/dockerfile/packages_managers.hpp"
#include "bulwark/rules/dockerfile/privilege_checks.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace shell = model::shell;

namespace {

std::string words_text(std::span<const shell::Word> words) {
    std::string out;
    for (const shell::Word& w : words) {
        out += (out.empty() ? "" : " ") + shell::shell_text(w);
    }
    return out;
}

}  // namespace

void check_sudo(const DockerfileContext& ctx, Reporter& out) {
    for (const model::Instruction& ins : ctx.dockerfile.instructions) {
        if (ins.kind != model::InstructionKind::run) {
            continue;
        }
        const RunView& view = run_view(ctx.dockerfile, ins);
        for (const RunCommand& c : view.commands()) {
            if (c.argv.empty()) {
                continue;
            }
            // The wrapper words before the real program, and the program itself (`sudo -v`, `xargs sudo`).
            const std::vector<shell::Word>& all = c.command->argv;
            for (const shell::Word& w : all) {
                // Only words ending in "sudo" or "doas" can name them: skip the others cheaply.
                std::string_view v = w.value;
                std::string_view name;
                if (v.size() >= 4 && (v.back() == 'o' || v.back() == 's')) {
                    name = shell::basename(v);
                }
                if (name == "sudo" || name == "doas") {
                    std::span<const shell::Word> rest = c.argv;
                    if (!rest.empty() && &rest.front() == &w) {
                        rest = rest.subspan(1);
                    }
                    report_words(
                        out, c, w, w,
                        fmt::format("`{}` in RUN: switch users with USER instead of carrying a setuid "
                                    "helper and a sudoers rule in the image",
                                    name),
                        rest.empty() ? std::string("USER root") : words_text(rest));
                }
                if (&w == c.argv.data()) {
                    break;
                }
            }
        }
    }
}

void check_ssh_server(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Instruction& ins : df.instructions) {
        if (ins.kind != model::InstructionKind::run || !in_shipped_image(df, ins)) {
            continue;
        }
        const RunView& view = run_view(df, ins);
        for (const PackageCommand& pc : package_commands(view)) {
            const PackageManager& m = *pc.manager;
            if (m.ssh_servers.empty() || !pc.installs()) {
                continue;
            }
            for (const shell::Word* op : pc.operands) {
                // Every ssh_servers name contains "ssh" or "dropbear" (a test of the table checks it)
                // and package_name() is a prefix of the operand: most operands stop here.
                if (!may_name_ssh_server(op->value)) {
                    continue;
                }
                std::string_view name = package_name(m, op->value);
                if (!in_word_list(m.ssh_servers, name)) {
                    continue;
                }
                report_words(out, *pc.run, *op, *op,
                             fmt::format("`{} {}` installs an SSH server ({}) in the shipped image",
                                         pc.run->program, pc.subcommand, name),
                             fmt::format("remove {} and use docker exec / kubectl exec for access", name));
            }
        }
    }
}

}  // namespace bulwark::rules::dockerfile
