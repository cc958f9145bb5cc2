#pragma once
// Per-instruction argument parsing (BuildKit's line parsers plus the argument checks of its
// instructions package).
#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::input::dockerfile::detail {

/// Fills `inst.json`, `json_form`, `words`, `pairs` and `trigger` from `inst.args` according to
/// `inst.kind`, reporting what BuildKit rejects (argument counts, bad names, SHELL not JSON ...).
/// At `depth` > 0 (inside ONBUILD) an ONBUILD's own trigger is not parsed: chaining is an error.
void parse_arguments(const ParseContext& ctx, model::Instruction& inst, int depth);

}  // namespace bulwark::input::dockerfile::detail
