#pragma once
// One instruction: keyword, flags, then the arguments parsed the way its keyword wants them
// (exec-form JSON, words, key=value pairs, an ONBUILD trigger).
#include <string_view>

#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::input::dockerfile::detail {

/// The kind for `keyword` in any case; InstructionKind::unknown if it is not one.
model::InstructionKind kind_of(std::string_view keyword);

/// Parses `line` (an instruction's text, continuations joined) into an instruction without its
/// heredoc bodies. `range.end` and `end_line` cover `line` only; the caller extends them.
/// `depth` is 1 for an ONBUILD trigger (whose own trigger is then not parsed).
model::Instruction parse_instruction(const ParseContext& ctx, const model::MappedText& line, int depth = 0);

/// Where a top-level instruction's logical line lies in the source (saves line look-ups).
struct LineHint {
    uint32_t first_line = 0;  // 1-based line where the logical line starts
    uint32_t first_end = 0;   // source offset where that line's content ends
    uint32_t last_line = 0;   // last line of the logical line
};

/// parse_instruction() into `inst`, a default-constructed instruction (built in place, e.g. in
/// the model's vector). With `hint`, `line` and `end_line` come from it where possible.
void parse_instruction(const ParseContext& ctx, TextView line, model::Instruction& inst, int depth,
                       const LineHint* hint);

/// The instruction whose heredocs a logical line carries: `inst`, or its ONBUILD trigger.
model::Instruction& heredoc_owner(model::Instruction& inst);

/// True when the heredoc owner's kind may carry heredocs (RUN, COPY, ADD in shell form).
bool takes_heredocs(const model::Instruction& owner);

}  // namespace bulwark::input::dockerfile::detail
