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
    // The first letter (either case) picks the candidates; iequals() decides.
    auto is = [&](InstructionKind k) {
        return util::iequals(keyword, model::keyword_name(k)) ? k : InstructionKind::unknown;
    };
    // `| 0x20` lower-cases a letter and maps nothing else onto one.
    switch (static_cast<char>(keyword[0] | 0x20)) {
        case 'f':
            return is(InstructionKind::from);
        case 'r':
            return is(InstructionKind::run);
        case 'c':
            return is(keyword.size() == 3 ? InstructionKind::cmd : InstructionKind::copy);
        case 'l':
            return is(InstructionKind::label);
        case 'm':
            return is(InstructionKind::maintainer);
        case 'e':
            return is(keyword.size() == 3   ? InstructionKind::env
                      : keyword.size() == 6 ? InstructionKind::expose
                                            : InstructionKind::entrypoint);
        case 'a':
            if (keyword.size() == 3 && (keyword[1] | 0x20) == 'd') {
                return is(InstructionKind::add);
            }
            return is(InstructionKind::arg);
        case 'v':
            return is(InstructionKind::volume);
        case 'u':
            return is(InstructionKind::user);
        case 'w':
            return is(InstructionKind::workdir);
        case 'o':
            return is(InstructionKind::onbuild);
        case 's':
            return is(keyword.size() == 5 ? InstructionKind::shell : InstructionKind::stopsignal);
        case 'h':
            return is(InstructionKind::healthcheck);
        default:
            return InstructionKind::unknown;
    }
}

void parse_instruction(const ParseContext& ctx, TextView line, model::Instruction& inst, int depth,
                       const LineHint* hint) {
    std::string_view text = line.value();
    size_t kw_begin = skip_blanks(text, 0);
    size_t kw_end = kw_begin;
    while (kw_end < text.size() && !is_blank(text[kw_end])) {
        ++kw_end;
    }
    size_t text_end = trim_blanks_end(text, kw_begin, text.size());

    inst.keyword.assign(text.substr(kw_begin, kw_end - kw_begin));
    inst.kind = kind_of(inst.keyword);
    inst.keyword_range = line.source_range(kw_begin, kw_end);
    inst.range = line.source_range(kw_begin, text_end);
    if (hint != nullptr) {
        // The keyword is on the first physical line in all but odd files (`\` alone on it).
        inst.line = inst.keyword_range.begin < hint->first_end ? hint->first_line
                                                               : ctx.source.line_of(inst.keyword_range.begin);
        inst.end_line = hint->last_line;
    } else {
        inst.line = ctx.source.line_of(inst.keyword_range.begin);
        inst.end_line = ctx.source.line_of(inst.range.end);
    }

    // Reused per thread: an ONBUILD trigger's parse (in parse_arguments) starts after these are used.
    static thread_local std::vector<RawFlag> raw_flags;
    raw_flags.clear();
    size_t args_begin = extract_flags(text.substr(0, text_end), kw_end, raw_flags);
    slice_into(line, args_begin, text_end, inst.args);

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
        return;
    }
    if (!raw_flags.empty()) {
        inst.flags = check_flags(ctx, inst.kind, line, raw_flags);
    }
    parse_arguments(ctx, inst, depth);
}

model::Instruction parse_instruction(const ParseContext& ctx, const model::MappedText& line, int depth) {
    model::Instruction inst;
    parse_instruction(ctx, line, inst, depth, nullptr);
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
