#include "bulwark/input/dockerfile/instruction.hpp"

#include <array>
#include <vector>

#include "bulwark/input/dockerfile/arguments.hpp"
#include "bulwark/input/dockerfile/flags.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::dockerfile::detail {

namespace {

using model::InstructionKind;

constexpr std::array k_kinds = {
    InstructionKind::from,       InstructionKind::run,         InstructionKind::cmd,
    InstructionKind::label,      InstructionKind::maintainer,  InstructionKind::expose,
    InstructionKind::env,        InstructionKind::add,         InstructionKind::copy,
    InstructionKind::entrypoint, InstructionKind::volume,      InstructionKind::user,
    InstructionKind::workdir,    InstructionKind::arg,         InstructionKind::onbuild,
    InstructionKind::stopsignal, InstructionKind::healthcheck, InstructionKind::shell,
};

}  // namespace

InstructionKind kind_of(std::string_view keyword) {
    if (keyword.size() < 3 || keyword.size() > 11) {
        return InstructionKind::unknown;
    }
    // keyword_name() of every kind, looked up once.
    static const std::array<std::string_view, k_kinds.size()> k_names = [] {
        std::array<std::string_view, k_kinds.size()> names{};
        for (size_t i = 0; i < k_kinds.size(); ++i) {
            names[i] = model::keyword_name(k_kinds[i]);
        }
        return names;
    }();
    for (size_t i = 0; i < k_kinds.size(); ++i) {
        if (k_names[i].size() == keyword.size() && util::iequals(keyword, k_names[i])) {
            return k_kinds[i];
        }
    }
    return InstructionKind::unknown;
}

model::Instruction parse_instruction(const ParseContext& ctx, const model::MappedText& line, int depth) {
    std::string_view text = line.value;
    size_t kw_begin = skip_blanks(text, 0);
    size_t kw_end = kw_begin;
    while (kw_end < text.size() && !is_blank(text[kw_end])) {
        ++kw_end;
    }
    size_t text_end = trim_blanks_end(text, kw_begin, text.size());

    model::Instruction inst;
    inst.keyword.assign(text.substr(kw_begin, kw_end - kw_begin));
    inst.kind = kind_of(inst.keyword);
    inst.keyword_range = line.source_range(kw_begin, kw_end);
    inst.range = line.source_range(kw_begin, text_end);
    inst.line = ctx.source.line_of(inst.keyword_range.begin);
    inst.end_line = ctx.source.line_of(inst.range.end);

    std::vector<RawFlag> raw_flags;
    size_t args_begin = extract_flags(text.substr(0, text_end), kw_end, raw_flags);
    inst.args = slice(line, args_begin, text_end);

    if (inst.kind == InstructionKind::unknown) {
        std::vector<std::string_view> names;
        for (InstructionKind k : k_kinds) {
            names.push_back(model::keyword_name(k));
        }
        ctx.error(inst.keyword_range.begin,
                  with_suggestion("unknown instruction: " + inst.keyword, suggest(inst.keyword, names)));
        for (const RawFlag& r : raw_flags) {
            inst.flags.push_back(model::Flag{r.name, r.value, r.has_value, line.source_range(r.begin, r.end),
                                             line.source_range(r.value_begin, r.end)});
        }
        return inst;
    }
    inst.flags = check_flags(ctx, inst.kind, line, raw_flags);
    parse_arguments(ctx, inst, depth);
    return inst;
}

model::Instruction& heredoc_owner(model::Instruction& inst) {
    if (inst.kind == InstructionKind::onbuild && inst.trigger) {
        return *inst.trigger;
    }
    return inst;
}

bool takes_heredocs(const model::Instruction& owner) {
    return !owner.json_form && (owner.kind == InstructionKind::run || owner.kind == InstructionKind::copy ||
                                owner.kind == InstructionKind::add);
}

}  // namespace bulwark::input::dockerfile::detail
