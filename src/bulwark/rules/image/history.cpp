// The Dockerfile shell rules over an image's history: each rule's own check_dockerfile runs on
// the history rewritten as a Dockerfile, and its findings move to the history entries.
#include <fmt/format.h>

#include "bulwark/rules/image/checks.hpp"
#include "bulwark/rules/image/common.hpp"

namespace bulwark::rules::image {

namespace {

/// The kind of the instruction on `line` of `df`, or nullptr.
const model::Instruction* instruction_on_line(const model::Dockerfile& df, uint32_t line) {
    for (const model::Instruction& inst : df.instructions) {
        uint32_t first = df.source->position(inst.range.begin).line;
        uint32_t last =
            df.source->position(inst.range.end > inst.range.begin ? inst.range.end - 1 : inst.range.begin)
                .line;
        if (line >= first && line <= last) {
            return &inst;
        }
    }
    return nullptr;
}

void run_history(const ImageContext& ctx, Reporter& out, bool args_only) {
    const model::ImageSpec& img = ctx.image;
    const Rule& rule = out.rule();
    if (img.history_dockerfile == nullptr || rule.check_dockerfile == nullptr) {
        return;
    }
    const model::HistoryDockerfile& hd = *img.history_dockerfile;
    std::vector<core::Finding> found;
    Reporter sub(rule, *hd.dockerfile.source, found);
    rule.check_dockerfile(DockerfileContext{hd.dockerfile, ctx.policy}, sub);
    for (core::Finding& f : found) {
        uint32_t line = f.location.line;
        if (line >= hd.entry_of_line.size() || hd.entry_of_line[line] < 0 ||
            static_cast<size_t>(hd.entry_of_line[line]) >= img.history.size()) {
            continue;
        }
        if (args_only) {
            const model::Instruction* inst = instruction_on_line(hd.dockerfile, line);
            if (inst == nullptr || inst->kind != model::InstructionKind::arg) {
                continue;
            }
        }
        const model::ImageHistoryEntry& entry = img.history[static_cast<size_t>(hd.entry_of_line[line])];
        std::string where = entry.layer >= 0 ? layer_id(img, entry.layer)
                                             : fmt::format("entry {}, no layer", hd.entry_of_line[line]);
        out.report(entry.origin, f.severity, fmt::format("in the image history ({}): {}", where, f.message),
                   std::move(f.fix));
    }
}

}  // namespace

void check_history(const ImageContext& ctx, Reporter& out) {
    run_history(ctx, out, false);
}

void check_history_args(const ImageContext& ctx, Reporter& out) {
    run_history(ctx, out, true);
}

std::string_view image_check_summary(ImageCheck check) {
    struct Summary {
        ImageCheck check;
        std::string_view text;
    };
    static const Summary k_summaries[] = {
        {check_history,
         "the same check runs on the image history: each `created_by` is read as the instruction that wrote "
         "it "
         "(`/bin/sh -c X` as `RUN X`, BuildKit's `RUN ... # buildkit`, `|N NAME=value` build arguments as "
         "ARGs), "
         "and findings point at that history entry in the image config, naming its layer."},
        {check_no_user, "the image config's `User` is empty."},
        {check_root_user, "the image config's `User` is root, `0` or `0:<group>`."},
        {check_os_eol,
         "the operating system that `/etc/os-release` names (ID and VERSION_ID) is past its end of life, "
         "from the "
         "same table."},
        {check_secret_env,
         "`Env` entries and `Labels` of the image config with secret-like names and literal values, and "
         "secret "
         "build arguments recorded in the history (`|N NAME=value` prefixes of `created_by`)."},
        {check_ssh_port, "the image config's `ExposedPorts` includes `22/tcp`."},
        {check_ssh_server, "an SSH server (`/usr/sbin/sshd`, dropbear) is in the final filesystem."},
        {check_system_volume, "the image config declares `Volumes` on the same system paths."},
        {check_missing_healthcheck, "the image config has no `Healthcheck`, or its test is `[\"NONE\"]`."},
    };
    for (const Summary& s : k_summaries) {
        if (s.check == check) {
            return s.text;
        }
    }
    return {};
}

}  // namespace bulwark::rules::image
