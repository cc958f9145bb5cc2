#include "bulwark/input/dockerfile/arguments.hpp"

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bulwark/input/dockerfile/heredoc.hpp"
#include "bulwark/input/dockerfile/instruction.hpp"
#include "bulwark/input/dockerfile/json_form.hpp"
#include "bulwark/input/dockerfile/words.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::dockerfile::detail {

namespace {

using model::InstructionKind;

enum class Form { exec, shell, rejected };

/// The exec form of args[from..]: fills `inst.json` when it is a JSON array of strings. A '['
/// that does not start valid JSON falls back to the shell form (with a warning when `warn`).
Form exec_form(const ParseContext& ctx, model::Instruction& inst, size_t from, bool warn) {
    std::string_view s = std::string_view(inst.args.value).substr(from);
    if (s.empty() || s[0] != '[') {
        return Form::shell;
    }
    static thread_local std::vector<JsonElement> elements;  // reused: no allocation per instruction
    std::string reason;
    uint32_t bracket = inst.args.to_source(from);
    switch (parse_json_array(s, elements, reason)) {
        case JsonArray::strings:
            inst.json_form = true;
            inst.json.reserve(elements.size());
            for (JsonElement& e : elements) {
                inst.json.push_back(
                    model::JsonArg{std::move(e.value), inst.args.source_range(from + e.begin, from + e.end)});
            }
            return Form::exec;
        case JsonArray::not_strings:
            ctx.error(bracket, "when using JSON array syntax, arrays must be comprised of strings only");
            return Form::rejected;
        case JsonArray::not_json:
            if (warn && !looks_like_shell_test(s)) {
                ctx.warning(
                    bracket,
                    fmt::format("not a valid JSON array ({}): Docker runs this in shell form", reason));
            }
            return Form::shell;
    }
    return Form::shell;
}

void words_from_json(model::Instruction& inst) {
    inst.words.reserve(inst.words.size() + inst.json.size());
    for (const model::JsonArg& j : inst.json) {
        inst.words.push_back(model::Word{j.value, j.range, {}});  // raw: the same as value
    }
}

void split_into_words(const ParseContext& ctx, model::Instruction& inst, size_t from, bool unquote_values) {
    std::string_view text = std::string_view(inst.args.value).substr(from);
    static thread_local std::vector<Span> spans;  // reused: no allocation per instruction
    split_blanks(text, ctx.escape, spans);
    inst.words.reserve(inst.words.size() + spans.size());
    for (Span s : spans) {
        Span word{from + s.begin, from + s.end, from + s.first_quote};
        make_word(ctx, inst.args, word, unquote_values, inst.words.emplace_back());
    }
}

std::string upper_keyword(const model::Instruction& inst) {
    return std::string(model::keyword_name(inst.kind));
}

bool valid_stage_name(std::string_view name) {
    if (name.empty() || name[0] < 'a' || name[0] > 'z') {
        return false;
    }
    for (char c : name) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
        if (!ok) {
            return false;
        }
    }
    return true;
}

void parse_from(const ParseContext& ctx, model::Instruction& inst) {
    split_into_words(ctx, inst, 0, true);
    const auto& w = inst.words;
    if (w.size() == 3 && util::iequals(w[1].as_written(), "as")) {
        if (!valid_stage_name(util::to_lower(w[2].as_written()))) {
            ctx.error(w[2].range.begin,
                      fmt::format("invalid name for build stage: {}, name can't start with a "
                                  "number or contain symbols",
                                  util::double_quote(w[2].as_written())));
        }
    } else if (w.size() != 1) {
        ctx.error(inst.keyword_range.begin, "FROM requires either one or three arguments");
    }
}

void parse_copy(const ParseContext& ctx, model::Instruction& inst) {
    Form form = exec_form(ctx, inst, 0, true);
    if (form == Form::exec) {
        words_from_json(inst);
    } else {
        split_into_words(ctx, inst, 0, true);
    }
    if (form == Form::rejected) {
        return;
    }
    if (inst.words.size() < 2) {
        ctx.error(
            inst.keyword_range.begin,
            fmt::format("{} requires at least two arguments, but only one was provided. Destination could "
                        "not be determined",
                        upper_keyword(inst)));
    } else if (!inst.json_form && is_heredoc_word(inst.words.back().as_written())) {
        ctx.error(inst.words.back().range.begin,
                  fmt::format("{} cannot accept a heredoc as a destination", upper_keyword(inst)));
    }
}

void parse_volume(const ParseContext& ctx, model::Instruction& inst) {
    Form form = exec_form(ctx, inst, 0, true);
    if (form == Form::exec) {
        words_from_json(inst);
        for (const model::Word& w : inst.words) {
            if (util::trim(w.value).empty()) {
                ctx.error(w.range.begin, "VOLUME specified can not be an empty string");
            }
        }
    } else {
        split_into_words(ctx, inst, 0, true);
    }
    if (inst.args.value.empty()) {
        ctx.error(inst.keyword_range.begin, "VOLUME requires at least one argument");
    }
}

void parse_single(const ParseContext& ctx, model::Instruction& inst, bool unquote_value) {
    if (inst.args.value.empty()) {
        ctx.error(inst.keyword_range.begin,
                  fmt::format("{} requires exactly one argument", upper_keyword(inst)));
        return;
    }
    inst.words.push_back(make_word(ctx, inst.args, {0, inst.args.value.size()}, unquote_value));
}

void parse_healthcheck(const ParseContext& ctx, model::Instruction& inst) {
    std::string_view text = inst.args.value;
    if (text.empty()) {
        ctx.error(inst.keyword_range.begin, "HEALTHCHECK requires at least one argument");
        return;
    }
    size_t sep = 0;
    while (sep < text.size() && !is_blank(text[sep])) {
        ++sep;
    }
    inst.words.push_back(make_word(ctx, inst.args, {0, sep}, false));
    size_t rest = skip_blanks(text, sep);
    std::string type = util::to_upper(text.substr(0, sep));
    if (type == "NONE") {
        if (rest < text.size()) {
            ctx.error(inst.args.to_source(rest), "HEALTHCHECK NONE takes no arguments");
        }
        return;
    }
    if (type != "CMD") {
        ctx.error(inst.words[0].range.begin, fmt::format("Unknown type {} in HEALTHCHECK (try CMD)",
                                                         util::double_quote(text.substr(0, sep))));
        return;
    }
    Form form = exec_form(ctx, inst, rest, true);
    if (form == Form::exec) {
        words_from_json(inst);
    } else {
        split_into_words(ctx, inst, rest, false);
    }
    if (rest == text.size() || (form == Form::exec && inst.json.empty())) {
        ctx.error(inst.words[0].range.begin, "Missing command after HEALTHCHECK CMD");
    }
}

void parse_onbuild(const ParseContext& ctx, model::Instruction& inst, int depth) {
    if (inst.args.value.empty()) {
        ctx.error(inst.keyword_range.begin, "ONBUILD requires at least one argument");
        return;
    }
    if (depth > 0) {
        return;  // ONBUILD ONBUILD: reported by the outer ONBUILD; no deeper recursion
    }
    inst.trigger = std::make_shared<model::Instruction>();
    parse_instruction(ctx, inst.args, *inst.trigger, depth + 1, nullptr);
    const model::Instruction& t = *inst.trigger;
    if (t.kind == InstructionKind::onbuild) {
        ctx.error(t.keyword_range.begin, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
    } else if (t.kind == InstructionKind::from || t.kind == InstructionKind::maintainer) {
        ctx.error(t.keyword_range.begin,
                  fmt::format("{} isn't allowed as an ONBUILD trigger", upper_keyword(t)));
    }
}

void require_some(const ParseContext& ctx, const model::Instruction& inst) {
    if (inst.args.value.empty()) {
        ctx.error(inst.keyword_range.begin,
                  fmt::format("{} requires at least one argument", upper_keyword(inst)));
    }
}

}  // namespace

void parse_arguments(const ParseContext& ctx, model::Instruction& inst, int depth) {
    switch (inst.kind) {
        case InstructionKind::from:
            parse_from(ctx, inst);
            break;
        case InstructionKind::run:
        case InstructionKind::cmd:
        case InstructionKind::entrypoint:
            exec_form(ctx, inst, 0, true);
            break;
        case InstructionKind::shell:
            if (exec_form(ctx, inst, 0, false) == Form::shell) {
                if (inst.args.value.empty()) {
                    ctx.error(inst.keyword_range.begin, "SHELL requires at least one argument");
                } else {
                    ctx.error(inst.args.to_source(0), "SHELL requires the arguments to be in JSON form");
                }
            } else if (inst.json_form && inst.json.empty()) {
                ctx.error(inst.keyword_range.begin, "SHELL requires at least one argument");
            }
            break;
        case InstructionKind::copy:
        case InstructionKind::add:
            parse_copy(ctx, inst);
            break;
        case InstructionKind::volume:
            parse_volume(ctx, inst);
            break;
        case InstructionKind::expose:
            require_some(ctx, inst);
            split_into_words(ctx, inst, 0, true);
            break;
        case InstructionKind::user:
        case InstructionKind::workdir:
        case InstructionKind::stopsignal:
            parse_single(ctx, inst, true);
            break;
        case InstructionKind::maintainer:
            parse_single(ctx, inst, false);
            break;
        case InstructionKind::env:
        case InstructionKind::label:
            require_some(ctx, inst);
            parse_name_values(ctx, model::keyword_name(inst.kind), inst.args, inst.pairs);
            break;
        case InstructionKind::arg:
            require_some(ctx, inst);
            parse_arg_names(ctx, inst.args, inst.pairs);
            break;
        case InstructionKind::healthcheck:
            parse_healthcheck(ctx, inst);
            break;
        case InstructionKind::onbuild:
            parse_onbuild(ctx, inst, depth);
            break;
        case InstructionKind::unknown:
            break;
    }
}

}  // namespace bulwark::input::dockerfile::detail
