#pragma once
// Helpers shared by the instruction and stage rule families (rules/dockerfile/instructions*.cpp,
// stages*.cpp): stage chains, value resolution, mount options, corrected-line fixes.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/dockerfile.hpp"
#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::dockerfile::common {

/// Instruction `index` of `df`.
inline const model::Instruction& instruction_at(const model::Dockerfile& df, int index) {
    return df.instructions[static_cast<size_t>(index)];
}

/// Instruction indices of the image built by `stage`: those of its FROM <stage> ancestors first,
/// then its own, in build order.
std::vector<int> image_instructions(const model::Dockerfile& df, int stage);

/// `raw` (as written: quotes kept, `$VAR` unexpanded) expanded with the variables visible at `at`;
/// nullopt when it depends on a variable with no known value or one the Dockerfile never declares
/// (it may come from the base image's ENV).
std::optional<std::string> resolve(const model::Dockerfile& df, const model::Instruction& at,
                                   std::string_view raw);

/// WORKDIR's path as written: its words joined (BuildKit reads the rest of the line as one path).
std::string workdir_raw(const model::Instruction& inst);

/// `value` as the argument text of an instruction that expands variables (WORKDIR, ENV, LABEL):
/// `$`, quotes and the escape character `escape` escaped with it, so BuildKit reads back `value`.
std::string instruction_text(std::string_view value, char escape);

/// `value` as a JSON string with its quotes (nlohmann's escaping; invalid UTF-8 as U+FFFD), for
/// exec-form (`CMD ["..."]`) and SHELL fixes.
std::string json_string(std::string_view value);

/// True for `C:\x`, `c:/x` (a drive letter path).
bool is_windows_drive_path(std::string_view path);

/// True when `path` is absolute for the image (`/x`; on Windows images also `C:\x` and `\x`).
bool is_absolute_path(const model::Dockerfile& df, std::string_view path);

/// One `--mount=` of a RUN instruction, its comma-separated options split.
struct Mount {
    std::string type = "bind";  // BuildKit's default
    std::string id;
    std::string target;
    std::string from;
    std::string env;
    const model::Flag* flag = nullptr;
};

/// Every `--mount` of `run`.
std::vector<Mount> mounts_of(const model::Instruction& run);

/// A COPY/ADD/VOLUME argument: its value and source range, from the JSON array or the words.
struct Arg {
    std::string_view value;  // quotes removed
    std::string_view raw;    // as written: the input for resolve()
    model::Range range;
};

/// The arguments of `inst` whether it is written in exec (JSON) or shell form.
std::vector<Arg> arguments(const model::Instruction& inst);

/// The instruction's source text with bytes [where.begin, where.end) replaced by `replacement`, when
/// the instruction is one line; empty otherwise (a multi-line fix would be unreadable).
std::string corrected_line(const model::Dockerfile& df, const model::Instruction& inst, model::Range where,
                           std::string_view replacement);

/// Source text of `r`.
std::string_view source_text(const model::Dockerfile& df, model::Range r);

/// `path` without trailing slashes ("/" stays "/"), repeated slashes and "/./" collapsed.
std::string normalize_path(std::string_view path);

}  // namespace bulwark::rules::dockerfile::common
