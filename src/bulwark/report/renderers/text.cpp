// Human-readable output: findings grouped by file, compiler style, then a summary.
#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "bulwark/report/renderers/common.hpp"
#include "bulwark/report/renderers/renderers.hpp"

namespace bulwark::report {

namespace {

using detail::clean_utf8;

/// ANSI styling that is a no-op when colour is off.
class Style {
  public:
    explicit Style(bool on) : m_on(on) {}
    std::string operator()(std::string_view codes, std::string_view text) const {
        return m_on ? fmt::format("\x1b[{}m{}\x1b[0m", codes, text) : std::string(text);
    }

  private:
    bool m_on;
};

std::string_view severity_codes(core::Severity s) {
    switch (s) {
        case core::Severity::critical:
            return "1;31";
        case core::Severity::high:
            return "31";
        case core::Severity::medium:
            return "33";
        case core::Severity::low:
            return "34";
        case core::Severity::info:
            return "36";
    }
    return "0";
}

std::string plural(size_t n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

/// The marker under `line`: the indent (tabs copied so it aligns) and `^` at the start column with
/// `~` up to the inclusive end column (or to the end of the line when the range goes on).
std::pair<std::string, std::string> underline(std::string_view line, const core::Location& l) {
    uint32_t last = l.column;
    if (l.end_line == l.line && l.end_column >= l.column) {
        last = l.end_column;
    } else if (l.end_line > l.line) {
        last = std::max(l.column, util::utf8_length(line));
    }
    std::string indent;
    uint32_t col = 1;
    for (size_t i = 0; i < line.size() && col < l.column; ++i) {
        auto c = static_cast<unsigned char>(line[i]);
        if ((c & 0xC0U) == 0x80U) {
            continue;
        }
        indent += c == '\t' ? '\t' : ' ';
        ++col;
    }
    indent.append(l.column - col, ' ');
    return {indent, "^" + std::string(last - l.column, '~')};
}

/// The first sentence of `text`'s first line: a '.' followed by a space or the end, outside `code`
/// and parentheses (so "e.g." inside a command or an aside does not cut it short).
std::string_view first_sentence(std::string_view text) {
    text = detail::first_line(text);
    bool code = false;
    int depth = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '`') {
            code = !code;
        } else if (!code && c == '(') {
            ++depth;
        } else if (!code && c == ')' && depth > 0) {
            --depth;
        } else if (!code && depth == 0 && c == '.' && i + 1 < text.size() && text[i + 1] == ' ') {
            return text.substr(0, i + 1);
        }
    }
    return text;
}

struct Entry {
    const core::Finding* finding = nullptr;
    const core::Diagnostic* diagnostic = nullptr;
    bool other_file = false;  // located in a file the scanned one pulled in (compose extends, override)
    std::string_view file;
    uint32_t line = 0;
    uint32_t column = 0;
};

class TextWriter {
  public:
    TextWriter(const Report& report, std::ostream& out, const RenderOptions& options)
        : m_report(report), m_out(out), m_options(options), m_style(options.color), m_rules(options) {}

    void write() {
        for (const core::Diagnostic& d : m_report.diagnostics) {
            write_diagnostic(d, m_report.source_of(d.location.file));
            m_out << "\n";
        }
        for (const FileResult& f : m_report.files) {
            write_file(f);
        }
        if (!m_options.quiet) {
            write_summary();
        }
    }

  private:
    bool shown(const core::Finding& x) const { return !x.suppressed || m_options.show_suppressed; }

    void write_file(const FileResult& f) {
        std::vector<Entry> entries;
        size_t findings = 0;
        size_t suppressed = 0;
        for (const core::Finding& x : f.findings) {
            if (shown(x)) {
                entries.push_back(Entry{&x, nullptr, x.location.file != f.path, x.location.file,
                                        x.location.line, x.location.column});
                (x.suppressed ? suppressed : findings) += 1;
            }
        }
        std::map<core::DiagLevel, size_t> levels;
        for (const core::Diagnostic& d : f.diagnostics) {
            entries.push_back(Entry{nullptr, &d, !d.location.file.empty() && d.location.file != f.path,
                                    d.location.file, d.location.line, d.location.column});
            ++levels[d.level];
        }
        if (entries.empty()) {
            return;
        }
        // The scanned file first, then each file it pulled in; diagnostics sort before findings on
        // the same position: they may explain them.
        std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
            auto key = [](const Entry& e) {
                return std::tuple(e.other_file, e.other_file ? e.file : std::string_view(), e.line, e.column,
                                  e.diagnostic == nullptr);
            };
            return key(a) < key(b);
        });
        if (!m_options.quiet) {
            std::vector<std::string> parts;
            if (findings > 0) {
                parts.push_back(plural(findings, "finding"));
            }
            if (suppressed > 0) {
                parts.push_back(fmt::format("{} suppressed", suppressed));
            }
            for (core::DiagLevel level :
                 {core::DiagLevel::error, core::DiagLevel::warning, core::DiagLevel::note}) {
                if (levels[level] > 0) {
                    parts.push_back(plural(levels[level], detail::level_name(level)));
                }
            }
            m_out << m_style("1", clean_utf8(f.path, true)) << " ("
                  << fmt::format("{}", fmt::join(parts, ", ")) << ")\n\n";
        }
        for (const Entry& e : entries) {
            if (e.finding != nullptr) {
                write_finding(*e.finding, f.source.get());
            } else {
                write_diagnostic(*e.diagnostic, f.source_for(e.diagnostic->location.file));
            }
            m_out << "\n";
        }
    }

    void write_diagnostic(const core::Diagnostic& d, const util::SourceFile* source) {
        std::string text = clean_utf8(core::format_diagnostic(d, source), true);
        if (m_options.color) {
            size_t eol = text.find('\n');
            text = m_style("1", text.substr(0, eol)) + text.substr(eol);
        }
        m_out << text;
    }

    void write_finding(const core::Finding& x, const util::SourceFile* source) {
        const core::Location& l = x.location;
        const rules::Rule* rule = m_rules(x.rule_id);
        std::string where = clean_utf8(detail::location_text(l), true);
        m_out << m_style("1", where + ":") << " "
              << m_style(severity_codes(x.severity), core::to_string(x.severity)) << " "
              << m_style("1", clean_utf8(x.rule_id, true)) << " " << clean_utf8(x.message, true) << "\n";
        std::string_view line;
        if (source != nullptr && source->path() == l.file && l.line > 0 && l.line <= source->line_count()) {
            line = source->line_text(l.line);
        } else if (l.line > 0) {
            line = detail::first_line(x.evidence);
        }
        if (l.line > 0 && !l.pointer.empty() && !line.empty()) {
            // A line of a file inside an image: the evidence describes it (redacted), so no caret.
            m_out << "  " << clean_utf8(line, true) << "\n";
        } else if (l.line > 0 && l.column > 0 && !line.empty()) {
            auto [indent, marker] = underline(line, l);
            m_out << clean_utf8(line, true) << "\n" << indent << m_style("32", marker) << "\n";
        }
        std::string fix = detail::effective_fix(x, rule);
        if (!fix.empty()) {
            // Later lines of a multi-line remediation line up under the first.
            std::string text = clean_utf8(fix, true);
            for (size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 8)) {
                text.insert(at + 1, "       ");
            }
            m_out << "  " << m_style("32", "fix:") << " " << text << "\n";
        }
        if (x.suppressed) {
            m_out << "  " << m_style("2", "suppressed: " + clean_utf8(x.suppression, true)) << "\n";
        }
    }

    struct Recommendation {
        std::string_view rule_id;
        core::Severity severity = core::Severity::info;
        size_t count = 0;
        const core::Finding* first = nullptr;
    };

    std::vector<Recommendation> recommendations() const {
        std::map<std::string_view, Recommendation> by_rule;
        for (const FileResult& f : m_report.files) {
            for (const core::Finding& x : f.findings) {
                if (x.suppressed) {
                    continue;
                }
                Recommendation& r = by_rule[x.rule_id];
                if (r.first == nullptr) {
                    r.rule_id = x.rule_id;
                    r.first = &x;
                    r.severity = x.severity;
                }
                r.severity = std::max(r.severity, x.severity);
                ++r.count;
            }
        }
        std::vector<Recommendation> out;
        for (auto& [id, r] : by_rule) {
            out.push_back(r);
        }
        std::stable_sort(out.begin(), out.end(), [](const Recommendation& a, const Recommendation& b) {
            return std::tie(b.severity, b.count) < std::tie(a.severity, a.count);
        });
        if (out.size() > 5) {
            out.resize(5);
        }
        return out;
    }

    void write_summary() {
        size_t listed = 0;
        for (const FileResult& f : m_report.files) {
            bool problems =
                !f.diagnostics.empty() || std::any_of(f.findings.begin(), f.findings.end(),
                                                      [](const core::Finding& x) { return !x.suppressed; });
            listed += problems ? 1 : 0;
        }
        std::map<core::Severity, size_t> counts = m_report.counts();
        std::vector<std::string> by_severity;
        for (core::Severity s : detail::k_severities_desc) {
            by_severity.push_back(fmt::format("{} {}", core::to_string(s), counts[s]));
        }
        m_out << m_style("1", "Summary") << "\n";
        m_out << fmt::format("  files scanned:  {} ({} clean)\n", m_report.files.size(),
                             m_report.files.size() - listed);
        m_out << fmt::format("  findings:       {} ({})\n", m_report.finding_count(),
                             fmt::join(by_severity, ", "));
        m_out << fmt::format("  suppressed:     {}\n", m_report.suppressed_count());
        m_out << fmt::format("  input errors:   {}\n",
                             detail::diagnostic_count(m_report, core::DiagLevel::error));
        if (size_t warnings = detail::diagnostic_count(m_report, core::DiagLevel::warning); warnings > 0) {
            m_out << fmt::format("  warnings:       {}\n", warnings);
        }
        for (const std::string& note : m_report.notes) {
            m_out << "  note: " << clean_utf8(note, true) << "\n";
        }

        std::vector<Recommendation> recs = recommendations();
        if (!recs.empty()) {
            m_out << "\n" << m_style("1", "Top recommendations") << "\n";
            size_t n = 0;
            for (const Recommendation& r : recs) {
                const rules::Rule* rule = detail::lookup_rule(m_options, r.rule_id);
                std::string title = rule != nullptr ? std::string(rule->title) : std::string();
                std::string advice = std::string(first_sentence(
                    rule != nullptr && !rule->remediation.empty() ? rule->remediation : r.first->fix));
                m_out << fmt::format("  {}. ", ++n) << m_style("1", clean_utf8(r.rule_id, true))
                      << (title.empty() ? "" : " ") << clean_utf8(title, true) << " ("
                      << m_style(severity_codes(r.severity), core::to_string(r.severity)) << ", "
                      << plural(r.count, "finding") << ")\n";
                if (!advice.empty()) {
                    m_out << "     " << clean_utf8(advice, true) << "\n";
                }
            }
        }

        std::string_view threshold = detail::fail_on_name(m_report.fail_on);
        std::string verdict;
        if (m_report.fail_on > core::Severity::critical) {
            verdict = m_style("1;32", "PASS:") + " no failure threshold (--fail-on none)";
        } else if (m_report.failed()) {
            size_t n = detail::count_at_or_above(m_report, m_report.fail_on);
            verdict =
                m_style("1;31", "FAIL:") + fmt::format(" {} at or above {}", plural(n, "finding"), threshold);
        } else {
            verdict = m_style("1;32", "PASS:") + fmt::format(" no finding at or above {}", threshold);
        }
        if (m_report.has_errors()) {
            verdict += fmt::format(
                "; {}", plural(detail::diagnostic_count(m_report, core::DiagLevel::error), "input error"));
        }
        m_out << "\n" << verdict << fmt::format(" (exit code {})\n", m_report.exit_code());
    }

    const Report& m_report;
    std::ostream& m_out;
    const RenderOptions& m_options;
    Style m_style;
    detail::RuleLookup m_rules;
};

class TextRenderer final : public Renderer {
  public:
    void render(const Report& report, std::ostream& out, const RenderOptions& options) const override {
        TextWriter(report, out, options).write();
    }
};

}  // namespace

std::unique_ptr<Renderer> make_text_renderer() {
    return std::make_unique<TextRenderer>();
}

}  // namespace bulwark::report
