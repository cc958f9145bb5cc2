#include "bulwark/input/dockerfile/parser.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bulwark/input/dockerfile/heredoc.hpp"
#include "bulwark/input/dockerfile/instruction.hpp"
#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/input/dockerfile/lines.hpp"
#include "bulwark/input/dockerfile/remembered.hpp"

namespace bulwark::input::dockerfile {

namespace {

using detail::LineReader;
using detail::LogicalLine;
using detail::ParseContext;
using detail::PhysicalLine;

/// Extends an instruction (and its ONBUILD trigger) to the end of what its logical line consumed.
void set_end(model::Instruction& inst, const LogicalLine& line) {
    inst.range.end = std::max(inst.range.end, line.end);
    inst.end_line = line.last_line;
    if (inst.trigger) {
        set_end(*inst.trigger, line);
    }
}

}  // namespace

model::Dockerfile parse(util::SourcePtr source) {
    model::Dockerfile df;
    df.source = std::move(source);
    if (!df.source) {
        return df;
    }
    const util::SourceFile& src = *df.source;
    std::string_view text = src.text();
    ParseContext ctx{src, df.diagnostics, '\\'};

    // A UTF-8 byte order mark before the first line is not part of it.
    uint32_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    LineReader reader(src, start);
    // At most one instruction per line: growing the vector would move every instruction again.
    df.instructions.reserve(std::min<size_t>(src.line_count(), 256));
    detail::DirectiveScanner directives;
    // Reused across files of this thread: its buffers stop growing after the first few files.
    static thread_local LogicalLine logical;
    if (logical.text.value.capacity() > (size_t{1} << 20)) {
        logical = LogicalLine{};  // an earlier file's huge line: do not keep that much
    }
    while (!reader.at_end()) {
        PhysicalLine pl = reader.next();
        auto content = static_cast<uint32_t>(detail::skip_blanks(text.substr(0, pl.content_end), pl.begin));
        if (directives.scan(ctx, text, pl, content, df.directives)) {
            continue;
        }
        if (content == pl.content_end) {
            continue;
        }
        if (text[content] == '#') {
            detail::add_comment(text, pl, content, df.comments);
            continue;
        }
        detail::read_logical_line(ctx, reader, pl, content, logical, df.comments);
        detail::TextView line = logical.view();
        if (detail::trim_blanks_end(line.value(), 0, line.value().size()) == 0) {
            continue;  // only an escape character and continuations: nothing to parse
        }
        // Built in place: moving a whole Instruction into the vector costs as much as parsing a short one.
        model::Instruction& inst = df.instructions.emplace_back();
        detail::LineHint hint{logical.first_line, logical.first_end, logical.last_line};
        detail::parse_instruction_remembered(ctx, line, inst, hint);
        model::Instruction& owner = detail::heredoc_owner(inst);
        if (detail::takes_heredocs(owner) && line.value().find("<<") != std::string_view::npos) {
            std::vector<detail::HeredocHeader> headers = detail::find_heredocs(line.value());
            bool is_file = owner.kind != model::InstructionKind::run;
            detail::read_heredoc_bodies(ctx, reader, headers, is_file, logical, owner.heredocs);
        }
        set_end(inst, logical);
        if (df.diagnostics.size() >= detail::k_max_diagnostics) {
            df.diagnostics.push_back(core::make_diagnostic(
                core::DiagLevel::note, src, reader.position(),
                fmt::format("too many problems ({}): the rest of the file is not parsed",
                            df.diagnostics.size())));
            return df;
        }
    }
    if (df.instructions.empty()) {
        ctx.error(0, "file with no instructions");
    }
    return df;
}

}  // namespace bulwark::input::dockerfile
