#include "bulwark/engine/script_suppress.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bulwark/config/config_file.hpp"
#include "bulwark/engine/ignore_comment.hpp"
#include "bulwark/engine/suppress.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

namespace {

using Suppression = InlineSuppression;  // the Dockerfile's kind, over a script's lines

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
    if (!may_be_ignore_comment(text)) {
        return;
    }
    auto warn = [&](size_t offset, std::string message) {
        diagnostics.push_back(
            core::make_diagnostic(core::DiagLevel::warning, src, at + offset, std::move(message)));
    };
    std::optional<IgnoreRules> ir = read_ignore_comment(text, today, warn);
    if (!ir) {
        return;
    }
    uint32_t first = 0;
    uint32_t last = 0;
    if (!ir->whole_file) {
        std::tie(first, last) = command_lines(src, line);
        if (first == 0) {
            warn(0, "ignore comment is not followed by a command; it has no effect");
            return;
        }
    }
    for (IgnoreRules::Rule& r : ir->rules) {
        out.push_back(Suppression{std::move(r.id), std::move(r.label), ir->whole_file, first, last});
    }
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
