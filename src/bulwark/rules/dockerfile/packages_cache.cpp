// BD052: package manager caches left in a shipped layer.
#include <algorithm>

#include <fmt/format.h>

#include "bulwark/rules/dockerfile/packages_checks.hpp"
#include "bulwark/rules/dockerfile/packages_managers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace shell = model::shell;

namespace {

/// True when the environment of `c` sets `name` (a NAME=value prefix, `env NAME=value`, or an
/// ENV/ARG visible to the RUN).
bool env_set(const model::Instruction& ins, const RunCommand& c, std::string_view name) {
    std::string prefix = std::string(name) + "=";
    for (const shell::Word& a : c.command->assignments) {
        if (util::starts_with(a.value, prefix)) {
            return a.value.size() > prefix.size();
        }
    }
    for (const shell::Word& w : c.command->argv) {
        if (&w == c.argv.data()) {
            break;  // only the wrapper words before the real program (`env NAME=value pip ...`)
        }
        if (util::starts_with(w.value, prefix)) {
            return w.value.size() > prefix.size();
        }
    }
    if (ins.scope) {
        auto it = ins.scope->find(name);
        return it != ins.scope->end() && (!it->second.known || !it->second.text.empty());
    }
    return false;
}

/// True when `pc` writes to `m`'s cache.
bool fills_cache(const model::Instruction& ins, const PackageCommand& pc) {
    const PackageManager& m = *pc.manager;
    bool refresh = in_word_list(m.refresh, pc.subcommand);
    bool changes = pc.installs() || in_word_list(m.upgrade, pc.subcommand) ||
                   in_word_list(m.system_upgrade, pc.subcommand);
    switch (m.cache) {
        case CacheKind::apt_lists:
            return refresh;
        case CacheKind::apk:
            // --no-network installs from what is already on disk (e.g. a --virtual of local files).
            return refresh || (changes && !pc.has_option("", {"no-cache", "no-network"}));
        case CacheKind::rpm:
        case CacheKind::zypper:
            return refresh || changes;
        case CacheKind::pip:
            return pc.installs() && !pc.has_option("", {"no-cache-dir", "no-cache"}) &&
                   !env_set(ins, *pc.run, "PIP_NO_CACHE_DIR");
        case CacheKind::yarn:
            return pc.installs();
        case CacheKind::none:
            return false;
    }
    return false;
}

bool cache_mounted(const RunView& view, const PackageManager& m) {
    for (std::string_view dir : util::split(m.cache_dirs, ' ')) {
        if (!dir.empty() && view.mounted_away(dir)) {
            return true;
        }
    }
    return false;
}

std::string cleanup_fix(const PackageCommand& pc) {
    const PackageManager& m = *pc.manager;
    switch (m.cache) {
        case CacheKind::apt_lists:
            return "end the RUN with `&& rm -rf /var/lib/apt/lists/*`";
        case CacheKind::apk:
            return pc.installs() ? command_line(pc, "--no-cache")
                                 : "drop `apk update` and use `apk add --no-cache`";
        case CacheKind::rpm:
            return fmt::format("end the RUN with `&& {} clean all`", pc.run->program);
        case CacheKind::zypper:
            return "end the RUN with `&& zypper clean --all`";
        case CacheKind::pip:
            return command_line(pc, "--no-cache-dir");
        case CacheKind::yarn:
            return "end the RUN with `&& yarn cache clean`";
        case CacheKind::none:
            break;
    }
    return {};
}

std::string what_is_left(const PackageCommand& pc) {
    switch (pc.manager->cache) {
        case CacheKind::apt_lists:
            return "the package lists in /var/lib/apt/lists";
        case CacheKind::apk:
            return "the apk index in /var/cache/apk";
        case CacheKind::rpm:
            return fmt::format("{} metadata and packages in /var/cache/{}", pc.run->program,
                               pc.run->program == "yum" ? "yum" : "dnf");
        case CacheKind::zypper:
            return "zypper metadata and packages in /var/cache/zypp";
        case CacheKind::pip:
            return "downloaded wheels in ~/.cache/pip";
        case CacheKind::yarn:
            return "the yarn package cache";
        case CacheKind::none:
            break;
    }
    return {};
}

}  // namespace

void check_package_cache(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Instruction& ins : df.instructions) {
        if (ins.kind != model::InstructionKind::run || !in_shipped_image(df, ins)) {
            continue;
        }
        const RunView& view = run_view(df, ins);
        if (package_commands(view).empty()) {
            continue;  // every finding is at a package command
        }
        std::span<const RunCommand> cmds = view.commands();
        std::vector<std::string_view> reported;  // one finding per manager family and RUN
        for (size_t i = 0; i < cmds.size(); ++i) {
            const PackageCommand* pc = view.package_at(i);
            if (!pc || !fills_cache(ins, *pc)) {
                continue;
            }
            const PackageManager& m = *pc->manager;
            if (std::find(reported.begin(), reported.end(), m.family) != reported.end() ||
                cache_mounted(view, m)) {
                continue;
            }
            bool cleaned = false;
            for (size_t j = i + 1; j < cmds.size() && !cleaned; ++j) {
                const PackageCommand* later = view.package_at(j);
                cleaned = removes_cache(cmds[j], m) || (later && cleans_cache(*later, m));
            }
            if (cleaned) {
                continue;
            }
            reported.push_back(m.family);
            report_command(out, cmds[i], pc->subcommand_word,
                           fmt::format("`{} {}` leaves {} in the layer", cmds[i].program, pc->subcommand,
                                       what_is_left(*pc)),
                           cleanup_fix(*pc));
        }
    }
}

}  // namespace bulwark::rules::dockerfile
