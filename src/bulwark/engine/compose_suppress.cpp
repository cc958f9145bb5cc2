#include "bulwark/engine/compose_suppress.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bulwark/config/config_file.hpp"
#include "bulwark/engine/ignore_comment.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

namespace {

struct Suppression {
    std::string file;
    std::string rule_id;
    std::string label;
    bool whole_file = false;
    uint32_t first_line = 0;
    uint32_t last_line = 0;
};

/// The first line after `line` that is neither blank nor a comment, or 0.
uint32_t next_content_line(const util::SourceFile& src, uint32_t line) {
    for (uint32_t l = line + 1; l <= src.line_count(); ++l) {
        std::string_view t = util::trim(src.line_text(l));
        if (!t.empty() && t[0] != '#') {
            return l;
        }
    }
    return 0;
}

/// Suppressions of one comment line (text after '#' starting at byte `at` of `src`).
void collect(const util::SourceFile& src, uint32_t line, size_t at, std::string_view text,
             const input::compose::LoadResult& loaded, const std::string& today,
             std::vector<Suppression>& out, std::vector<core::Diagnostic>& diagnostics) {
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
    uint32_t key_line = 0;
    uint32_t last = 0;
    if (!ir->whole_file) {
        key_line = next_content_line(src, line);
        for (const input::compose::KeySpan& span : loaded.key_spans) {
            if (span.file == &src && span.first_line == key_line) {
                last = std::max(last, span.last_line);
            }
        }
        if (key_line == 0 || last == 0) {
            warn(0, "ignore comment is not followed by a key; it has no effect");
            return;
        }
    }
    for (IgnoreRules::Rule& r : ir->rules) {
        out.push_back(
            Suppression{src.path(), std::move(r.id), std::move(r.label), ir->whole_file, key_line, last});
    }
}

}  // namespace

void apply_compose_suppressions(const input::compose::LoadResult& loaded, const std::string& today,
                                std::vector<core::Finding>& findings,
                                std::vector<core::Diagnostic>& diagnostics) {
    std::vector<Suppression> suppressions;
    for (const util::SourcePtr& src : loaded.project.files) {
        bool has_keys = std::any_of(loaded.key_spans.begin(), loaded.key_spans.end(),
                                    [&](const input::compose::KeySpan& s) { return s.file == src.get(); });
        if (!has_keys) {
            continue;  // env files and .env: not YAML
        }
        for (uint32_t line = 1; line <= src->line_count(); ++line) {
            std::string_view text = src->line_text(line);
            size_t hash = text.find_first_not_of(" \t");
            if (hash == std::string_view::npos || text[hash] != '#') {
                continue;
            }
            size_t at = src->line_offset(line) + hash + 1;
            collect(*src, line, at, text.substr(hash + 1), loaded, today, suppressions, diagnostics);
        }
    }
    // Key-scoped suppressions name the finding before whole-file ones.
    std::stable_partition(suppressions.begin(), suppressions.end(),
                          [](const Suppression& s) { return !s.whole_file; });
    for (core::Finding& f : findings) {
        if (f.suppressed) {
            continue;
        }
        for (const Suppression& s : suppressions) {
            bool in_scope =
                s.file == f.location.file &&
                (s.whole_file || (f.location.line >= s.first_line && f.location.line <= s.last_line));
            if (in_scope && s.rule_id == f.rule_id) {
                f.suppressed = true;
                f.suppression = s.label;
                break;
            }
        }
    }
}

}  // namespace bulwark::engine
