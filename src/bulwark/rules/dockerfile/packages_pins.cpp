// BD055: packages installed without a version.
#include <algorithm>
#include <initializer_list>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/shell_query.hpp"
#include "bulwark/rules/dockerfile/packages_checks.hpp"
#include "bulwark/rules/dockerfile/packages_managers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace shell = model::shell;

namespace {

/// True when the install names packages on its command line that should carry versions.
bool checks_operands(const PackageCommand& pc) {
    const PackageManager& m = *pc.manager;
    // Subcommands that install groups, local files or build dependencies, not named packages.
    static constexpr std::string_view k_not_named[] = {
        "groupinstall", "localinstall", "build-dep", "satisfy", "reinstall", "source-install", "si"};
    if (m.pin == PinStyle::none || !pc.installs() ||
        std::find(std::begin(k_not_named), std::end(k_not_named), pc.subcommand) != std::end(k_not_named)) {
        return false;
    }
    if (m.pin == PinStyle::npm && m.name == "yarn" && pc.subcommand != "add") {
        return false;
    }
    if (m.pin == PinStyle::gem && pc.has_option("vg", {"version", "file"})) {
        return false;  // one -v pins the gem; -g installs from a gem dependencies file
    }
    if (m.family == "zypper") {
        auto type = shell::option_value(pc.argv, "t", {"type"}, m.value_options);
        if (type && *type != "package") {
            return false;  // patterns, patches, products
        }
    }
    return true;
}

/// Appends the operand `op` with the version syntax of `m` ("curl=<version>") to `out`.
void append_pin_hint(std::string& out, const PackageManager& m, std::string_view op) {
    if (m.family == "apt") {
        out += op;  // with its architecture: `libc6:i386=<version>`
        out += "=<version>";
        return;
    }
    if (m.pin == PinStyle::pip && op.find("://") != std::string_view::npos) {
        out += op;  // a VCS URL pins a revision: `git+https://host/repo.git@<revision>`
        out += "@<revision>";
        return;
    }
    std::string_view name = package_name(m, op);
    if (m.pin == PinStyle::pip && op.size() > name.size() && op[name.size()] == '[') {
        size_t close = op.find(']', name.size());
        if (close != std::string_view::npos) {
            name = op.substr(0, close + 1);  // the extras stay: `requests[security]==<version>`
        }
    }
    out += name;
    switch (m.pin) {
        case PinStyle::equals:
            out += "=<version>";
            break;
        case PinStyle::rpm:
            out += "-<version>";
            break;
        case PinStyle::pip:
            out += "==<version>";
            break;
        case PinStyle::npm:
        case PinStyle::go:
            out += "@<version>";
            break;
        case PinStyle::gem:
            out += ":<version>";
            break;
        case PinStyle::none:
            break;
    }
}

/// The longest version syntax append_pin_hint() adds after a name.
constexpr size_t k_longest_pin_hint = std::string_view("@<revision>").size();

}  // namespace

void check_unpinned(const DockerfileContext& ctx, Reporter& out) {
    std::vector<const shell::Word*> unpinned;  // of one command; one buffer for the whole file
    for (const model::Instruction& ins : ctx.dockerfile.instructions) {
        if (ins.kind != model::InstructionKind::run) {
            continue;
        }
        const RunView& view = run_view(ctx.dockerfile, ins);
        for (const PackageCommand& pc : package_commands(view)) {
            if (!checks_operands(pc)) {
                continue;
            }
            const PackageManager& m = *pc.manager;
            unpinned.clear();
            size_t names_size = 0;
            for (const shell::Word* op : pc.operands) {
                // A word from a variable or substitution names packages this rule cannot see.
                if (op->dynamic || op->value.empty() || util::starts_with(op->value, "-") ||
                    is_pinned(m, op->value)) {
                    continue;
                }
                unpinned.push_back(op);
                names_size += op->value.size();
            }
            if (unpinned.empty()) {
                continue;
            }
            // Built straight into the strings the finding keeps, each allocated once: this rule
            // reports thousands of commands in a large scan.
            const size_t command_size = pc.run->program.size() + 1 + pc.subcommand.size();
            std::string message;
            message.reserve(32 + command_size + names_size + 2 * unpinned.size());
            message.append("`").append(pc.run->program).append(" ").append(pc.subcommand);
            message.append("` without a version for ");
            for (size_t i = 0; i < unpinned.size(); ++i) {
                if (i > 0) {
                    message += ", ";
                }
                message += unpinned[i]->value;
            }
            // The fix is the command line with each unpinned name pinned; the placeholder is quoted
            // (`'curl=<version>'`), as `<version>` unquoted is a redirection to sh.
            size_t fix_size = unpinned.size() * (2 + k_longest_pin_hint);
            for (const shell::Word& w : pc.argv) {
                fix_size += 1 + w.value.size();
            }
            std::string fix;
            fix.reserve(fix_size);
            std::string hint;
            size_t next = 0;  // the operands are in command-line order
            for (const shell::Word& w : pc.argv) {
                if (!fix.empty()) {
                    fix += ' ';
                }
                if (next == unpinned.size() || unpinned[next] != &w) {
                    fix += shell::shell_text(w);
                    continue;
                }
                ++next;
                hint.clear();
                append_pin_hint(hint, m, w.value);
                fix += util::shell_quote(hint);
            }
            report_words(out, *pc.run, *unpinned.front(), *unpinned.front(), std::move(message),
                         std::move(fix));
        }
    }
}

}  // namespace bulwark::rules::dockerfile
