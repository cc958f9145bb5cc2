// BD030 (ADD where COPY does) and BD031 (ADD of a URL without a checksum).
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bulwark/model/expand.hpp"
#include "bulwark/rules/dockerfile/supply_chain_checks.hpp"
#include "bulwark/rules/dockerfile/supply_chain_common.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile::supply {

namespace {

struct Source {
    std::string value;
    model::Range range;
};

/// The sources of a COPY/ADD (every argument but the last), in shell or exec form.
std::vector<Source> sources_of(const model::Instruction& inst) {
    std::vector<Source> args;
    if (inst.json_form) {
        for (const model::JsonArg& j : inst.json) {
            args.push_back({j.value, j.range});
        }
    } else {
        for (const model::Word& w : inst.words) {
            args.push_back({w.value, w.range});
        }
    }
    if (!args.empty()) {
        args.pop_back();
    }
    return args;
}

bool is_url(std::string_view s) {
    return s.find("://") != std::string_view::npos || util::starts_with(s, "git@");
}

bool is_git_url(std::string_view s) {
    std::string_view base = s.substr(0, s.find('#'));
    return util::starts_with(s, "git@") || util::starts_with(s, "git://") || util::ends_with(base, ".git") ||
           util::ends_with(base, ".git/");
}

bool is_hex(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

/// Archives that ADD extracts (as hadolint's DL3020 list them).
bool is_archive(std::string_view path) {
    std::string p = util::to_lower(path);
    for (std::string_view ext :
         {".tar",  ".tar.gz", ".tgz", ".tar.bz2",  ".tbz",   ".tbz2", ".tb2", ".tar.xz",
          ".txz",  ".tar.lz", ".tlz", ".tar.lzma", ".tar.z", ".tz",   ".tpz", ".tar.zst",
          ".tzst", ".gz",     ".bz2", ".xz",       ".zst",   ".lz",   ".lzma"}) {
        if (util::ends_with(p, ext)) {
            return true;
        }
    }
    return false;
}

}  // namespace

void check_add_local(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Instruction& inst : df.instructions) {
        if (inst.kind != model::InstructionKind::add) {
            continue;
        }
        std::vector<Source> sources = sources_of(inst);
        if (sources.empty()) {
            continue;
        }
        bool copy_does = true;
        std::string names;
        for (const Source& s : sources) {
            std::string value = s.value;
            if (util::starts_with(value, "<<")) {
                names += (names.empty() ? "" : ", ") + std::string("a heredoc");
                continue;
            }
            if (value.find('$') != std::string::npos && inst.scope != nullptr) {
                model::Value v = model::expand(value, *inst.scope, df.directives.escape);
                if (!v.known) {
                    copy_does = false;
                    break;
                }
                value = v.text;
            }
            if (is_url(value) || is_archive(value)) {
                copy_does = false;
                break;
            }
            names += (names.empty() ? "" : ", ") + value;
        }
        if (!copy_does) {
            continue;
        }
        out.report(
            inst,
            fmt::format("ADD copies {}: COPY does the same without ADD's implicit URL downloads and archive "
                        "extraction",
                        names),
            corrected_line(*df.source, inst, inst.keyword_range, "COPY"));
    }
}

void check_add_remote(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Instruction& inst : df.instructions) {
        if (inst.kind != model::InstructionKind::add || inst.flag("checksum") != nullptr) {
            continue;
        }
        for (const Source& s : sources_of(inst)) {
            if (!is_url(s.value)) {
                continue;
            }
            if (is_git_url(s.value)) {
                size_t hash = s.value.find('#');
                std::string_view ref = hash == std::string::npos ? std::string_view()
                                                                 : std::string_view(s.value).substr(hash + 1);
                ref = ref.substr(0, ref.find(':'));
                if ((ref.size() == 40 || ref.size() == 64) && is_hex(ref)) {
                    continue;
                }
                std::string base = s.value.substr(0, hash);
                out.report(s.range,
                           fmt::format("ADD clones {} at {}: a branch or tag can be moved, so the build gets "
                                       "whatever the remote serves",
                                       base, ref.empty() ? "its default branch" : fmt::format("`{}`", ref)),
                           corrected_line(*df.source, inst, s.range, base + "#<commit sha>"));
                continue;
            }
            out.report(
                s.range,
                fmt::format("ADD downloads {} without --checksum: a changed or tampered file goes into the "
                            "image unnoticed",
                            s.value),
                corrected_line(*df.source, inst, model::Range{inst.keyword_range.end, inst.keyword_range.end},
                               " --checksum=sha256:<sha256 of the file>"));
        }
    }
}

}  // namespace bulwark::rules::dockerfile::supply
