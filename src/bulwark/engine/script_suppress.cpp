#include "bulwark/engine/script_suppress.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bulwark/config/config_file.hpp"
#include "bulwark/engine/ignore_comment.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

namespace {

struct Suppression {
    std::string rule_id;
    std::string label;
    bool whole_file = false;
    uint32_t first_line = 0;
    uint32_t last_line = 0;
};

/// The command after comment line `line`: its first line (the next one that is neither blank nor
/// a comment) and its last (following `\` continuations). {0, 0} when there is none.
std::pair<uint32_t, uint32_t> command_lines(const util::SourceFile& src, uint32_t line) {
    for (uint32_t l = line + 1; l <= src.line_count(); ++l) {
        std::string_view t = util::trim(src.line_text(l));
        if (t.empty() || t[0] == '#') {
            continue;
        }
        uint32_t last = l;
        while (last < src.line_count() && util::ends_with(util::trim(src.line_text(last)), "\\")) {
            ++last;
        }
        return {l, last};
    }
    return {0, 0};
}

void collect(const util::SourceFile& src, uint32_t line, size_t at, std::string_view text,
             const std::string& today, std::vector<Suppression>& out,
             std::vector<core::Diagnostic>& diagnostics) {
    std::optional<IgnoreComment> ic = parse_ignore_comment(text);
    if (!ic) {
        return;
    }
    auto warn = [&](size_t offset, std::string message) {
        diagnostics.push_back(
            core::make_diagnostic(core::DiagLevel::warning, src, at + offset, std::move(message)));
    };
    for (const IgnoreComment::Token& p : ic->problems) {
        warn(p.offset, p.text);
    }
    std::string label = ic->whole_file ? "file" : "inline";
    if (!ic->reason.empty()) {
        label += ": " + ic->reason;
    }
    std::vector<Suppression> found;
    for (const IgnoreComment::Token& id : ic->ids) {
        if (util::iequals(id.text, "all")) {
            warn(id.offset,
                 "'all' is not accepted in an ignore: name the rule ids (an ignore-all would also "
                 "hide rules added later)");
            continue;
        }
        std::vector<std::string> ids = config::resolve_rule_id(id.text);
        if (ids.empty()) {
            if (ic->tool == IgnoreComment::Tool::bulwark) {
                warn(id.offset, fmt::format("unknown rule id '{}' in ignore comment", id.text));
            }
            continue;
        }
        for (std::string& rule_id : ids) {
            found.push_back(Suppression{std::move(rule_id), label, ic->whole_file, 0, 0});
        }
    }
    if (found.empty()) {
        return;
    }
    if (!ic->until.text.empty()) {
        if (!config::is_date(ic->until.text)) {
            warn(ic->until.offset,
                 fmt::format("until={} is not a date (YYYY-MM-DD); the ignore is not applied",
                             ic->until.text));
            return;
        }
        if (!today.empty() && ic->until.text < today) {
            warn(ic->until.offset,
                 fmt::format("ignore expired on {}; the finding is reported again", ic->until.text));
            return;
        }
    }
    if (!ic->whole_file) {
        auto [first, last] = command_lines(src, line);
        if (first == 0) {
            warn(0, "ignore comment is not followed by a command; it has no effect");
            return;
        }
        for (Suppression& s : found) {
            s.first_line = first;
            s.last_line = last;
        }
    }
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
}

}  // namespace

void apply_script_suppressions(const util::SourceFile& src, const std::string& today,
                               std::vector<core::Finding>& findings,
                               std::vector<core::Diagnostic>& diagnostics) {
    std::vector<Suppression> suppressions;
    for (uint32_t line = 1; line <= src.line_count(); ++line) {
        std::string_view text = src.line_text(line);
        size_t hash = text.find_first_not_of(" \t");
        if (hash == std::string_view::npos || text[hash] != '#') {
            continue;
        }
        size_t at = src.line_offset(line) + hash + 1;
        collect(src, line, at, text.substr(hash + 1), today, suppressions, diagnostics);
    }
    std::stable_partition(suppressions.begin(), suppressions.end(),
                          [](const Suppression& s) { return !s.whole_file; });
    for (core::Finding& f : findings) {
        if (f.suppressed || f.location.file != src.path()) {
            continue;
        }
        for (const Suppression& s : suppressions) {
            bool in_scope =
                s.whole_file || (f.location.line >= s.first_line && f.location.line <= s.last_line);
            if (in_scope && s.rule_id == f.rule_id) {
                f.suppressed = true;
                f.suppression = s.label;
                break;
            }
        }
    }
}

}  // namespace bulwark::engine
