// BD055: packages installed without a version.
#include <initializer_list>
#include <string>
#include <string_view>

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

/// The parts joined, in one allocation.
std::string concat(std::initializer_list<std::string_view> parts) {
    size_t size = 0;
    for (std::string_view p : parts) {
        size += p.size();
    }
    std::string out;
    out.reserve(size);
    for (std::string_view p : parts) {
        out += p;
    }
    return out;
}

/// Appends `name` with the version syntax of `m` ("curl=<version>") to `out`.
void append_pin_hint(std::string& out, const PackageManager& m, std::string_view name) {
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
                if (!names.empty()) {
                    names += ", ";
                    hints += ' ';
                }
                names += w->value;
                append_pin_hint(hints, m, package_name(m, w->value));
            }
            // Plain concatenation: this rule reports thousands of commands in a large scan.
            std::string command = concat({pc.run->program, " ", pc.subcommand});
            std::string message = concat({"`", command, "` without a version for ", names});
            std::string fix = concat({"pin versions: ", command, " ", hints});
            report_words(out, *pc.run, *unpinned.front(), *unpinned.front(), std::move(message),
                         std::move(fix));
        }
    }
}

}  // namespace bulwark::rules::dockerfile
