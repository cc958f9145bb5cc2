#pragma once
// Instructions parsed recently on this thread, reused when the same text comes again: the
// Dockerfiles of one project repeat most of their instructions (over the corpus 33,000
// instructions are 9,100 distinct texts), and a scan meets them close together.
#include "bulwark/input/dockerfile/instruction.hpp"
#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::input::dockerfile::detail {

/// parse_instruction(ctx, line, inst, 0, &hint) for a top-level instruction: when this thread
/// parsed the same text with the same layout (continuation pieces) and escape character before,
/// without a diagnostic, `inst` is a copy of that parse with its source offsets moved to where
/// `line` is; otherwise it is parsed, and remembered. RUN and ONBUILD are always parsed (a RUN's
/// parse is a copy of its text already; ONBUILD holds a trigger).
void parse_instruction_remembered(const ParseContext& ctx, TextView line, model::Instruction& inst,
                                  const LineHint& hint);

}  // namespace bulwark::input::dockerfile::detail
