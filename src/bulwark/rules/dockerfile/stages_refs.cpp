// References between stages: COPY --from, RUN --mount=from=, FROM <stage>, stage names
// (BD090-BD093).
#include <charconv>
#include <map>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "bulwark/rules/ascii.hpp"
#include "bulwark/rules/dockerfile/instructions_common.hpp"
#include "bulwark/rules/dockerfile/stages_checks.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile::checks {

namespace {

using model::Instruction;
using model::InstructionKind;

/// A stage reference made by an instruction: `COPY --from=x` or `RUN --mount=...,from=x`.
struct StageRef {
    const Instruction* inst = nullptr;
    std::string value;      // after expansion
    model::Range range;     // the flag
    std::string_view what;  // "COPY --from" / "RUN --mount from"
};

/// Every stage reference of stage `s` whose value is known.
std::vector<StageRef> stage_refs(const model::Dockerfile& df, const model::Stage& s) {
    std::vector<StageRef> out;
    for (int idx : s.instructions) {
        const Instruction& inst = common::instruction_at(df, idx);
        if (inst.kind == InstructionKind::copy || inst.kind == InstructionKind::add) {
            if (const model::Flag* f = inst.flag("from"); f != nullptr && f->has_value) {
                if (std::optional<std::string> v = common::resolve(df, inst, f->value); v && !v->empty()) {
                    out.push_back(
                        StageRef{&inst, *v, f->range,
                                 inst.kind == InstructionKind::copy ? "COPY --from" : "ADD --from"});
                }
            }
        } else if (inst.kind == InstructionKind::run) {
            for (const common::Mount& m : common::mounts_of(inst)) {
                // BuildKit does not expand variables in a mount's from= (the analyzer reports it).
                if (m.from.empty() || m.from.find('$') != std::string::npos || m.type == "secret" ||
                    m.type == "ssh" || m.type == "tmpfs") {
                    continue;
                }
                out.push_back(StageRef{&inst, m.from, m.flag->range, "RUN --mount from"});
            }
        }
    }
    return out;
}

std::optional<int> as_index(std::string_view v) {
    int n = -1;
    auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || ptr != v.data() + v.size()) {
        return std::nullopt;
    }
    return n;
}

/// Stage named `name` (case-insensitive), or nullptr.
const model::Stage* stage_named(const model::Dockerfile& df, std::string_view name) {
    std::string lower = util::to_lower(name);
    for (const model::Stage& s : df.stages) {
        if (!s.name.empty() && s.name == lower) {
            return &s;
        }
    }
    return nullptr;
}

std::string describe(const model::Stage& s) {
    return s.name.empty() ? fmt::format("stage {}", s.index) : fmt::format("stage '{}'", s.name);
}

int from_line(const model::Dockerfile& df, const model::Stage& s) {
    return s.from_instruction < 0 ? 0 : static_cast<int>(common::instruction_at(df, s.from_instruction).line);
}

}  // namespace

void copy_from_own_stage(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Stage& s : df.stages) {
        for (const StageRef& r : stage_refs(df, s)) {
            std::optional<int> index = as_index(r.value);
            bool self = index ? *index == s.index : (!s.name.empty() && util::iequals(r.value, s.name));
            if (self) {
                out.report(r.range,
                           fmt::format("{}={} refers to the stage it is in ({}): a stage cannot read its own "
                                       "result, the build fails or reads something else",
                                       r.what, r.value, describe(s)),
                           "name the earlier stage that produces these files");
            }
        }
    }
}

void copy_from_undefined(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Stage& s : df.stages) {
        for (const StageRef& r : stage_refs(df, s)) {
            if (std::optional<int> index = as_index(r.value)) {
                if (*index > s.index) {
                    std::string why = *index < static_cast<int>(df.stages.size())
                                          ? fmt::format("stage {} comes after this one (line {})", *index,
                                                        from_line(df, df.stages[static_cast<size_t>(*index)]))
                                          : fmt::format("there are only {} stages", df.stages.size());
                    out.report(r.range,
                               fmt::format("{}={} does not name an earlier stage: {}", r.what, r.value, why));
                }
                continue;
            }
            if (const model::Stage* target = stage_named(df, r.value)) {
                if (target->index > s.index) {
                    out.report(
                        r.range,
                        fmt::format("{}={} refers to a stage defined later (line {}): define stages before "
                                    "the stages that read from them",
                                    r.what, r.value, from_line(df, *target)),
                        "move the stage above this one");
                }
                continue;
            }
            // An explicit image reference (registry, namespace, tag or digest) is a deliberate image copy.
            if (find_first_of(r.value, "/:@") != std::string::npos) {
                continue;
            }
            std::optional<model::ImageRef> image = model::parse_image_ref(r.value);
            std::string pulled =
                image ? fmt::format("{}/{}:latest", image->registry, image->repository) : r.value;
            std::string names;
            for (const model::Stage& other : df.stages) {
                if (!other.name.empty() && other.index < s.index) {
                    names += (names.empty() ? "" : ", ") + other.name;
                }
            }
            out.report(
                r.range,
                fmt::format("{}={}: no stage is named '{}', so the builder pulls the image '{}' from the "
                            "registry instead{}",
                            r.what, r.value, r.value, pulled,
                            names.empty() ? std::string() : fmt::format(" (stages defined: {})", names)),
                "name a stage defined earlier with FROM ... AS <name>, or write a full image reference");
        }
    }
}

namespace {

/// The alias word of a FROM instruction (`AS name`), or nullptr.
const model::Word* alias_word(const Instruction& from) {
    for (size_t i = 0; i + 1 < from.words.size(); ++i) {
        if (util::iequals(from.words[i].value, "AS")) {
            return &from.words[i + 1];
        }
    }
    return nullptr;
}

}  // namespace

void duplicate_stage_name(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    std::map<std::string, const model::Stage*> seen;
    for (const model::Stage& s : df.stages) {
        if (s.name.empty() || s.from_instruction < 0) {
            continue;
        }
        auto [it, inserted] = seen.emplace(s.name, &s);
        if (inserted) {
            continue;
        }
        const Instruction& from = common::instruction_at(df, s.from_instruction);
        const model::Word* alias = alias_word(from);
        std::string message = fmt::format(
            "stage name '{}' is already used by the stage at line {}: references "
            "to it become ambiguous and may copy from the wrong stage",
            s.name, from_line(df, *it->second));
        std::string fix = fmt::format("give this stage a unique name, e.g. AS {}-{}", s.name, s.index);
        if (alias != nullptr) {
            out.report(alias->range, std::move(message), std::move(fix));
        } else {
            out.report(from, std::move(message), std::move(fix));
        }
    }
}

void from_later_stage(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Stage& s : df.stages) {
        if (s.from_instruction < 0 || s.base_stage >= 0 || !s.base.known || s.base.text.empty()) {
            continue;
        }
        // `FROM gcc AS gcc` names the image on purpose: a stage never refers to itself.
        const model::Stage* target = stage_named(df, s.base.text);
        if (target == nullptr || target->index <= s.index) {
            continue;
        }
        const Instruction& from = common::instruction_at(df, s.from_instruction);
        std::optional<model::ImageRef> image = model::parse_image_ref(s.base.text);
        std::string pulled =
            image ? fmt::format("{}/{}:latest", image->registry, image->repository) : s.base.text;
        std::string message = fmt::format(
            "FROM {} refers to the stage defined later (line {}): only earlier stages can be used as a "
            "base, so the image '{}' is pulled from the registry instead",
            s.base.text, from_line(df, *target), pulled);
        if (!from.words.empty()) {
            out.report(from.words.front().range, std::move(message), "move the base stage above this one");
        } else {
            out.report(from, std::move(message), "move the base stage above this one");
        }
    }
}

}  // namespace bulwark::rules::dockerfile::checks
