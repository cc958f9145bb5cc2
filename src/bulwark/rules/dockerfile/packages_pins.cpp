// BD055: packages installed without a version.
#include <fmt/format.h>

#include "bulwark/rules/dockerfile/packages_checks.hpp"
#include "bulwark/rules/dockerfile/packages_managers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace shell = model::shell;

namespace {

/// True when the install names packages on its command line that should carry versions.
bool checks_operands(const PackageCommand& pc) {
    const PackageManager& m = *pc.manager;
    if (m.pin == PinStyle::none || !pc.installs() ||
        in_word_list("groupinstall localinstall build-dep satisfy reinstall source-install si",
                     pc.subcommand)) {
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

std::string pin_hint(const PackageManager& m, std::string_view name) {
    switch (m.pin) {
        case PinStyle::equals:
            return fmt::format("{}=<version>", name);
        case PinStyle::rpm:
            return fmt::format("{}-<version>", name);
        case PinStyle::pip:
            return fmt::format("{}==<version>", name);
        case PinStyle::npm:
            return fmt::format("{}@<version>", name);
        case PinStyle::gem:
            return fmt::format("{}:<version>", name);
        case PinStyle::go:
            return fmt::format("{}@<version>", name);
        case PinStyle::none:
            break;
    }
    return std::string(name);
}

}  // namespace

void check_unpinned(const DockerfileContext& ctx, Reporter& out) {
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
            std::vector<const shell::Word*> unpinned;
            for (const shell::Word* op : pc.operands) {
                // A word from a variable or substitution names packages this rule cannot see.
                if (op->dynamic || op->value.empty() || util::starts_with(op->value, "-") ||
                    is_pinned(m, op->value)) {
                    continue;
                }
                unpinned.push_back(op);
            }
            if (unpinned.empty()) {
                continue;
            }
            std::string names;
            std::string hints;
            for (const shell::Word* w : unpinned) {
                names += (names.empty() ? "" : ", ") + w->value;
                hints += (hints.empty() ? "" : " ") + pin_hint(m, package_name(m, w->value));
            }
            report_words(
                out, *pc.run, *unpinned.front(), *unpinned.front(),
                fmt::format("`{} {}` without a version for {}", pc.run->program, pc.subcommand, names),
                fmt::format("pin versions: {} {} {}", pc.run->program, pc.subcommand, hints));
        }
    }
}

}  // namespace bulwark::rules::dockerfile
