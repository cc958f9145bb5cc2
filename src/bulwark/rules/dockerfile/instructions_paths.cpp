// Path checks: WORKDIR, VOLUME, COPY/ADD destinations (BD070, BD071, BD081, BD083).
#include <optional>
#include <string>

#include <fmt/format.h>

#include "bulwark/rules/dockerfile/instructions_checks.hpp"
#include "bulwark/rules/dockerfile/instructions_common.hpp"
#include "bulwark/rules/judge.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile::checks {

namespace {

using model::Instruction;
using model::InstructionKind;

model::Range words_range(const Instruction& inst) {
    return model::Range{inst.words.front().range.begin, inst.words.back().range.end};
}

std::string join_path(std::string_view base, std::string_view rel, bool windows) {
    char sep = windows && base.find('\\') != std::string_view::npos ? '\\' : '/';
    std::string out(base);
    if (out.empty() || (out.back() != '/' && out.back() != '\\')) {
        out += sep;
    }
    std::string_view r = rel;
    while (util::starts_with(r, "./") || util::starts_with(r, ".\\")) {
        r.remove_prefix(2);
    }
    out += r;
    return out;
}

}  // namespace

void relative_workdir(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    std::vector<std::optional<std::string>> final_dir(df.stages.size());
    for (const model::Stage& stage : df.stages) {
        std::optional<std::string> cur;
        if (stage.base_stage >= 0 && stage.base_stage < stage.index) {
            cur = final_dir[static_cast<size_t>(stage.base_stage)];
        }
        for (int idx : stage.instructions) {
            const Instruction& inst = common::instruction_at(df, idx);
            if (inst.kind != InstructionKind::workdir || inst.words.empty()) {
                continue;
            }
            std::optional<std::string> path = common::resolve(df, inst, common::workdir_raw(inst));
            if (!path || path->empty()) {
                cur.reset();
                continue;
            }
            if (common::is_absolute_path(df, *path)) {
                cur = *path;
                continue;
            }
            std::string base = cur ? *cur : (df.windows ? "C:\\" : "/");
            std::string absolute = join_path(base, *path, df.windows);
            std::string where = cur ? fmt::format("the previous WORKDIR '{}'", *cur)
                                    : std::string("the base image's working directory");
            out.report(
                words_range(inst),
                fmt::format("WORKDIR '{}' is relative: it resolves against {} and silently moves if that "
                            "changes; write the absolute path",
                            *path, where),
                // Windows paths keep their backslashes: BuildKit reads WORKDIR C:\app as written.
                "WORKDIR " +
                    (df.windows ? absolute : common::instruction_text(absolute, df.directives.escape)));
            cur = absolute;
        }
        final_dir[static_cast<size_t>(stage.index)] = cur;
    }
}

namespace {

using judge::SystemPath;

SystemPath classify(std::string_view raw) {
    return judge::classify_system_path(common::normalize_path(raw));
}

/// A COPY/ADD of the whole build context (`COPY . .`) to a relative destination.
bool copies_context_here(const model::Dockerfile& df, const Instruction& inst) {
    if ((inst.kind != InstructionKind::copy && inst.kind != InstructionKind::add) ||
        inst.flag("from") != nullptr) {
        return false;
    }
    std::vector<common::Arg> args = common::arguments(inst);
    if (args.size() < 2) {
        return false;
    }
    bool whole_context = false;
    for (size_t i = 0; i + 1 < args.size(); ++i) {
        std::string_view s = args[i].value;
        whole_context = whole_context || s == "." || s == "./" || s == "*";
    }
    std::optional<std::string> dest = common::resolve(df, inst, args.back().raw);
    return whole_context && dest && !common::is_absolute_path(df, *dest);
}

}  // namespace

void system_path(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    if (df.windows) {
        return;
    }
    for (const model::Stage& stage : df.stages) {
        for (size_t k = 0; k < stage.instructions.size(); ++k) {
            const Instruction& inst = common::instruction_at(df, stage.instructions[k]);
            if (inst.kind == InstructionKind::volume) {
                for (const common::Arg& a : common::arguments(inst)) {
                    std::optional<std::string> path = common::resolve(df, inst, a.raw);
                    if (!path) {
                        continue;
                    }
                    switch (classify(*path)) {
                        case SystemPath::none:
                            break;
                        case SystemPath::virtual_fs:
                            out.report(a.range,
                                       fmt::format("VOLUME '{}' is inside a kernel or boot file system: the "
                                                   "volume hides what the runtime mounts there",
                                                   *path));
                            break;
                        case SystemPath::docker_socket:
                            out.report(
                                a.range,
                                fmt::format("VOLUME '{}' expects the Docker socket to be mounted: that "
                                            "gives the container root on the host",
                                            *path));
                            break;
                        case SystemPath::system_dir:
                            out.report(
                                a.range,
                                fmt::format("VOLUME '{}' turns a system directory into a volume: later "
                                            "changes to it are lost and the volume shadows the image's "
                                            "files, including security updates",
                                            *path));
                            break;
                    }
                }
                continue;
            }
            if (inst.kind != InstructionKind::workdir || inst.words.empty()) {
                continue;
            }
            std::optional<std::string> path = common::resolve(df, inst, common::workdir_raw(inst));
            if (!path) {
                continue;
            }
            SystemPath kind = classify(*path);
            if (kind == SystemPath::virtual_fs || kind == SystemPath::docker_socket) {
                out.report(words_range(inst), fmt::format("WORKDIR '{}' is a kernel, device or socket path: "
                                                          "files written there do not end up in the image",
                                                          *path));
                continue;
            }
            if (kind != SystemPath::system_dir) {
                continue;
            }
            // A system directory as WORKDIR only hurts when the build context is copied into it.
            for (size_t n = k + 1; n < stage.instructions.size(); ++n) {
                const Instruction& next = common::instruction_at(df, stage.instructions[n]);
                if (next.kind == InstructionKind::workdir) {
                    break;
                }
                if (copies_context_here(df, next)) {
                    out.report(
                        words_range(inst),
                        fmt::format("WORKDIR '{}' is a system directory and the {} at line {} copies the "
                                    "whole build context into it, over system files",
                                    *path, next.keyword, next.line),
                        "WORKDIR /app");
                    break;
                }
            }
        }
    }
}

void multi_source_copy(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const Instruction& inst : df.instructions) {
        if (inst.kind != InstructionKind::copy && inst.kind != InstructionKind::add) {
            continue;
        }
        std::vector<common::Arg> args = common::arguments(inst);
        if (args.size() < 3) {
            continue;
        }
        const common::Arg& dest = args.back();
        std::optional<std::string> resolved = common::resolve(df, inst, dest.raw);
        if (!resolved || resolved->empty()) {
            continue;
        }
        const std::string& d = *resolved;
        if (d.back() == '/' || (df.windows && d.back() == '\\') || d == "." || d == ".." ||
            util::ends_with(d, "/.")) {
            continue;
        }
        std::string written(common::source_text(df, dest.range));
        std::string fixed = written;
        if (!fixed.empty() && (fixed.back() == '"' || fixed.back() == '\'')) {
            fixed.insert(fixed.size() - 1, "/");
        } else {
            fixed += '/';
        }
        std::string fix = common::corrected_line(df, inst, dest.range, fixed);
        out.report(
            dest.range,
            fmt::format("{} with {} sources needs a directory destination ending in '/': '{}' would be "
                        "read as a file name",
                        util::to_upper(inst.keyword), args.size() - 1, d),
            fix.empty() ? fmt::format("end the destination with '/': {}", fixed) : fix);
    }
}

void relative_copy_without_workdir(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    std::vector<bool> workdir_set(df.stages.size(), false);
    for (const model::Stage& stage : df.stages) {
        bool set = stage.base_stage >= 0 && stage.base_stage < stage.index &&
                   workdir_set[static_cast<size_t>(stage.base_stage)];
        for (int idx : stage.instructions) {
            const Instruction& inst = common::instruction_at(df, idx);
            if (inst.kind == InstructionKind::workdir) {
                set = true;
                continue;
            }
            if (set || (inst.kind != InstructionKind::copy && inst.kind != InstructionKind::add)) {
                continue;
            }
            std::vector<common::Arg> args = common::arguments(inst);
            if (args.size() < 2 || util::starts_with(args.back().value, "$")) {
                continue;
            }
            std::optional<std::string> dest = common::resolve(df, inst, args.back().raw);
            if (!dest || dest->empty() || common::is_absolute_path(df, *dest)) {
                continue;
            }
            out.report(
                args.back().range,
                fmt::format("{} to the relative destination '{}' with no WORKDIR set in this stage: it "
                            "lands wherever the base image's working directory happens to be",
                            util::to_upper(inst.keyword), *dest),
                "set WORKDIR to an absolute path before it (e.g. WORKDIR /app), or use an absolute "
                "destination");
        }
        workdir_set[static_cast<size_t>(stage.index)] = set;
    }
}

}  // namespace bulwark::rules::dockerfile::checks
