#pragma once
// Internal to the analyzer: shell bodies of RUN instructions and small helpers shared by its files.
#include <string_view>

#include "bulwark/model/dockerfile.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::input::dockerfile::analysis {

/// Fills `inst.shell` for a RUN (or an ONBUILD RUN trigger) from its arguments, heredocs or exec
/// form, given `inst.run_shell`. Nothing for other instructions.
void build_shell_bodies(const util::SourceFile& source, model::Instruction& inst);

/// A JSON string element as MappedText: decoded value, each byte mapped to where it is written
/// inside the quotes (approximate, linear from the opening quote, when the source does not decode
/// to the element's value).
model::MappedText json_string_text(const util::SourceFile& source, const model::JsonArg& arg);

/// True for USER values that mean root: "root", "0", optionally with any ":group", and
/// "ContainerAdministrator" (Windows).
bool is_root_user(std::string_view user);

}  // namespace bulwark::input::dockerfile::analysis
