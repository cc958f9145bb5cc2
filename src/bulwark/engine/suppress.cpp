#include "bulwark/engine/suppress.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bulwark/config/config_file.hpp"
#include "bulwark/engine/ignore_comment.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

namespace {

/// One rule suppressed over a line range (or the whole file).
struct Suppression {
    std::string rule_id;
    std::string label;
    bool whole_file = false;
    uint32_t first_line = 0;
    uint32_t last_line = 0;
};

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

std::string label_for(const IgnoreComment& ic, const std::string& written) {
    if (ic.tool == IgnoreComment::Tool::hadolint) {
        return "hadolint: " + written;
    }
    std::string kind = ic.whole_file ? "file" : "inline";
    return ic.reason.empty() ? kind : fmt::format("{}: {}", kind, ic.reason);
}

/// Turns one comment into suppressions, reporting its problems.
void collect(const model::Dockerfile& df, const model::Comment& comment, const std::string& today,
             std::vector<Suppression>& out, std::vector<core::Diagnostic>& diagnostics) {
    std::optional<IgnoreComment> ic = parse_ignore_comment(comment.text);
    if (!ic) {
        return;
    }
    auto warn = [&](size_t offset, std::string message) {
        diagnostics.push_back(
            core::Diagnostic{core::DiagLevel::warning, locate(df, comment, offset), std::move(message)});
    };
    for (const IgnoreComment::Token& p : ic->problems) {
        warn(p.offset, p.text);
    }
    std::vector<Suppression> found;
    std::vector<std::string> written;
    for (const IgnoreComment::Token& id : ic->ids) {
        if (util::iequals(id.text, "all")) {
            warn(id.offset,
                 "'all' is not accepted in an ignore: name the rule ids (an ignore-all would also "
                 "hide rules added later)");
            continue;
        }
        std::vector<std::string> ids = config::resolve_rule_id(id.text);
        if (ids.empty()) {
            // hadolint ids bulwark has no equivalent for are normal in a file linted by both tools.
            if (ic->tool == IgnoreComment::Tool::bulwark ||
                util::starts_with(util::to_upper(id.text), "BD")) {
                warn(id.offset, fmt::format("unknown rule id '{}' in ignore comment", id.text));
            }
            continue;
        }
        written.push_back(id.text);
        for (std::string& rule_id : ids) {
            found.push_back(Suppression{std::move(rule_id), label_for(*ic, id.text), ic->whole_file, 0, 0});
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
            std::string ids;
            for (const std::string& w : written) {
                ids += ids.empty() ? "" : ", ";
                ids += w;
            }
            warn(ic->until.offset, fmt::format("ignore for {} expired on {}; the finding is reported again",
                                               ids, ic->until.text));
            return;
        }
    }
    if (!ic->whole_file) {
        const model::Instruction* ins = covered_instruction(df, comment.line);
        if (ins == nullptr) {
            warn(0, "ignore comment is not followed by an instruction; it has no effect");
            return;
        }
        for (Suppression& s : found) {
            s.first_line = ins->line;
            s.last_line = std::max(ins->line, ins->end_line);
        }
    }
    out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
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

void apply_inline_suppressions(const model::Dockerfile& dockerfile, const std::string& today,
                               std::vector<core::Finding>& findings,
                               std::vector<core::Diagnostic>& diagnostics) {
    std::vector<Suppression> suppressions;
    for (const model::Comment& comment : dockerfile.comments) {
        collect(dockerfile, comment, today, suppressions, diagnostics);
    }
    // The most specific suppression names the finding: next-instruction ones before whole-file ones.
    std::stable_partition(suppressions.begin(), suppressions.end(),
                          [](const Suppression& s) { return !s.whole_file; });
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
