#include "bulwark/engine/suppress.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bulwark/config/config_file.hpp"
#include "bulwark/engine/ignore_comment.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

namespace {

using Suppression = InlineSuppression;

/// Location of byte `offset` of a comment's text (falls back to the comment's line).
core::Location locate(const model::Dockerfile& df, const model::Comment& comment, size_t offset) {
    const util::SourceFile* src = df.source.get();
    if (src != nullptr && comment.range.begin < comment.range.end &&
        comment.range.end <= src->text().size()) {
        std::string_view raw = std::string_view(src->text())
                                   .substr(comment.range.begin, comment.range.end - comment.range.begin);
        if (size_t pos = raw.find(comment.text); pos != std::string_view::npos) {
            util::Position p = src->position(comment.range.begin + pos + offset);
            return core::Location{src->path(), p.line, p.column, 0, 0, {}};
        }
    }
    return core::Location{src != nullptr ? src->path() : std::string(), comment.line, 1, 0, 0, {}};
}

/// The instruction a next-instruction ignore on `line` covers: the one containing the line (a comment
/// inside a continued RUN), else the first one after it.
const model::Instruction* covered_instruction(const model::Dockerfile& df, uint32_t line) {
    for (const model::Instruction& ins : df.instructions) {
        uint32_t last = std::max(ins.line, ins.end_line);
        if (ins.line > line || last >= line) {
            return &ins;
        }
    }
    return nullptr;
}

/// Turns one comment into suppressions, reporting its problems.
void collect(const model::Dockerfile& df, const model::Comment& comment, const std::string& today,
             std::vector<Suppression>& out, std::vector<core::Diagnostic>& diagnostics) {
    if (!may_be_ignore_comment(comment.text)) {
        return;  // most comments: no warning callback built for them
    }
    auto warn = [&](size_t offset, std::string message) {
        diagnostics.push_back(
            core::Diagnostic{core::DiagLevel::warning, locate(df, comment, offset), std::move(message)});
    };
    std::optional<IgnoreRules> ir = read_ignore_comment(comment.text, today, warn);
    if (!ir) {
        return;
    }
    uint32_t first = 0;
    uint32_t last = 0;
    if (!ir->whole_file) {
        const model::Instruction* ins = covered_instruction(df, comment.line);
        if (ins == nullptr) {
            warn(0, "ignore comment is not followed by an instruction; it has no effect");
            return;
        }
        first = ins->line;
        last = std::max(ins->line, ins->end_line);
    }
    for (IgnoreRules::Rule& r : ir->rules) {
        out.push_back(Suppression{std::move(r.id), std::move(r.label), ir->whole_file, first, last});
    }
}

bool path_matches(std::string_view glob, std::string_view path) {
    while (util::starts_with(path, "./")) {
        path.remove_prefix(2);
    }
    if (util::glob_match(glob, path)) {
        return true;
    }
    // Like --skip: also every suffix that starts at a path component, so `legacy/*` matches a/legacy/x.
    for (size_t pos = path.find('/'); pos != std::string_view::npos; pos = path.find('/', pos + 1)) {
        if (util::glob_match(glob, path.substr(pos + 1))) {
            return true;
        }
    }
    return false;
}

}  // namespace

InlineSuppressions read_inline_suppressions(const model::Dockerfile& dockerfile, const std::string& today,
                                            std::vector<core::Diagnostic>& diagnostics) {
    InlineSuppressions suppressions;
    for (const model::Comment& comment : dockerfile.comments) {
        collect(dockerfile, comment, today, suppressions, diagnostics);
    }
    // The most specific suppression names the finding: next-instruction ones before whole-file ones.
    std::stable_partition(suppressions.begin(), suppressions.end(),
                          [](const Suppression& s) { return !s.whole_file; });
    return suppressions;
}

void apply_inline_suppressions(const InlineSuppressions& suppressions, std::vector<core::Finding>& findings) {
    if (suppressions.empty()) {
        return;
    }
    for (core::Finding& f : findings) {
        if (f.suppressed) {
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

void apply_inline_suppressions(const model::Dockerfile& dockerfile, const std::string& today,
                               std::vector<core::Finding>& findings,
                               std::vector<core::Diagnostic>& diagnostics) {
    apply_inline_suppressions(read_inline_suppressions(dockerfile, today, diagnostics), findings);
}

void apply_path_ignores(const core::Policy& policy, const std::string& path,
                        std::vector<core::Finding>& findings) {
    for (const core::PathIgnore& ignore : policy.path_ignores) {
        bool expired = !ignore.until.empty() && !policy.today.empty() && ignore.until < policy.today;
        if (expired || !path_matches(ignore.path_glob, path)) {
            continue;
        }
        std::string label = ignore.reason.empty()
                                ? fmt::format("config: {}", ignore.path_glob)
                                : fmt::format("config: {} {}", ignore.path_glob, ignore.reason);
        for (core::Finding& f : findings) {
            if (!f.suppressed && (ignore.rules.empty() || ignore.rules.count(f.rule_id) != 0)) {
                f.suppressed = true;
                f.suppression = label;
            }
        }
    }
}

}  // namespace bulwark::engine
