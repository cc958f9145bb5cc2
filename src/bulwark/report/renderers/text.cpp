// Human-readable output: findings grouped by file, compiler style, then a summary.
#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "bulwark/report/renderers/ascii_scan.hpp"
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

/// Output is written in pieces of about this size.
constexpr size_t k_chunk = size_t{64} * 1024;

/// The report's diagnostics not tied to a file, the files as they come, then the summary (counted
/// while the files went by).
class TextWriter final : public ReportWriter {
  public:
    TextWriter(std::ostream& out, const RenderOptions& options)
        : m_out(out), m_options(options), m_style(options.color), m_rules(options) {
        m_text.reserve(k_chunk + k_chunk / 2);
    }

    /// The report-level diagnostics known before the first file (a bad config, a missing path).
    void begin(const Report& head) override { write_report_diagnostics(head); }

    void file(const FileResult& f) override {
        write_file(f);
        flush_if_full();
        count(f);
    }

    void finish(const Report& report) override {
        write_report_diagnostics(report);  // any that came after begin()
        flush();
        if (!m_options.quiet) {
            write_summary(report);
        }
    }

  private:
    void write_report_diagnostics(const Report& report) {
        for (; m_report_diagnostics < report.diagnostics.size(); ++m_report_diagnostics) {
            const core::Diagnostic& d = report.diagnostics[m_report_diagnostics];
            write_diagnostic(d, report.source_of(d.location.file));
            m_text += '\n';
            flush_if_full();
        }
    }

    bool shown(const core::Finding& x) const { return !x.suppressed || m_options.show_suppressed; }

    void flush() {
        m_out.write(m_text.data(), static_cast<std::streamsize>(m_text.size()));
        m_text.clear();
    }
    void flush_if_full() {
        if (m_text.size() >= k_chunk) {
            flush();
        }
    }

    /// Appends `s` as clean_utf8(s, true) does (printable ASCII, the usual case, as it is).
    void put_clean(std::string_view s) {
        if (detail::first_unplain<>(s) == s.size()) {
            m_text += s;
        } else {
            m_text += clean_utf8(s, true);
        }
    }
    void put_number(size_t n) {
        char buffer[24];
        m_text.append(buffer, std::to_chars(buffer, buffer + sizeof(buffer), n).ptr);
    }
    /// The start and the end of a styled span (nothing when colour is off).
    void open(std::string_view codes) {
        if (m_options.color) {
            m_text += "\x1b[";
            m_text += codes;
            m_text += 'm';
        }
    }
    void close() {
        if (m_options.color) {
            m_text += "\x1b[0m";
        }
    }
    void put_plural(size_t n, std::string_view word) {
        put_number(n);
        m_text += ' ';
        m_text += word;
        if (n != 1) {
            m_text += 's';
        }
    }

    void write_file(const FileResult& f) {
        std::vector<Entry>& entries = m_entries;
        entries.clear();
        size_t findings = 0;
        size_t suppressed = 0;
        for (const core::Finding& x : f.findings) {
            if (shown(x)) {
                entries.push_back(Entry{&x, nullptr, x.location.file != f.path, x.location.file,
                                        x.location.line, x.location.column});
                (x.suppressed ? suppressed : findings) += 1;
            }
        }
        std::array<size_t, 3> levels{};  // error, warning, note
        for (const core::Diagnostic& d : f.diagnostics) {
            entries.push_back(Entry{nullptr, &d, !d.location.file.empty() && d.location.file != f.path,
                                    d.location.file, d.location.line, d.location.column});
            ++levels[level_index(d.level)];
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
            open("1");
            put_clean(f.path);
            close();
            m_text += " (";
            bool first = true;
            auto separate = [&] {
                if (!first) {
                    m_text += ", ";
                }
                first = false;
            };
            if (findings > 0) {
                separate();
                put_plural(findings, "finding");
            }
            if (suppressed > 0) {
                separate();
                put_number(suppressed);
                m_text += " suppressed";
            }
            for (core::DiagLevel level :
                 {core::DiagLevel::error, core::DiagLevel::warning, core::DiagLevel::note}) {
                if (size_t n = levels[level_index(level)]; n > 0) {
                    separate();
                    put_plural(n, detail::level_name(level));
                }
            }
            m_text += ")\n\n";
        }
        for (const Entry& e : entries) {
            if (e.finding != nullptr) {
                write_finding(*e.finding, f.source.get());
            } else {
                write_diagnostic(*e.diagnostic, f.source_for(e.diagnostic->location.file));
            }
            m_text += '\n';
        }
    }

    static size_t level_index(core::DiagLevel level) {
        switch (level) {
            case core::DiagLevel::error:
                return 0;
            case core::DiagLevel::warning:
                return 1;
            case core::DiagLevel::note:
                return 2;
        }
        return 2;
    }

    void write_diagnostic(const core::Diagnostic& d, const util::SourceFile* source) {
        std::string text = clean_utf8(core::format_diagnostic(d, source), true);
        if (m_options.color) {
            size_t eol = text.find('\n');
            text = m_style("1", text.substr(0, eol)) + text.substr(eol);
        }
        m_text += text;
    }

    /// Appends the marker under `line`: the indent (tabs copied so it aligns) and `^` at the start
    /// column with `~` up to the inclusive end column (or to the end of the line when the range goes on).
    void put_underline(std::string_view line, const core::Location& l) {
        uint32_t last = l.column;
        if (l.end_line == l.line && l.end_column >= l.column) {
            last = l.end_column;
        } else if (l.end_line > l.line) {
            last = std::max(l.column, util::utf8_length(line));
        }
        uint32_t col = 1;
        for (size_t i = 0; i < line.size() && col < l.column; ++i) {
            auto c = static_cast<unsigned char>(line[i]);
            if ((c & 0xC0U) == 0x80U) {
                continue;
            }
            m_text += c == '\t' ? '\t' : ' ';
            ++col;
        }
        m_text.append(l.column - col, ' ');
        open("32");
        m_text += '^';
        m_text.append(last - l.column, '~');
        close();
    }

    /// Appends clean_utf8(fix, true) with later lines of a multi-line remediation lined up under the
    /// first.
    static void put_fix_text(std::string& out, std::string_view fix) {
        std::string cleaned;
        if (detail::first_unplain<>(fix) != fix.size()) {
            cleaned = clean_utf8(fix, true);
            fix = cleaned;
        }
        for (size_t at = fix.find('\n'); at != std::string_view::npos; at = fix.find('\n')) {
            out.append(fix.data(), at + 1);
            out.append(7, ' ');
            fix.remove_prefix(at + 1);
        }
        out += fix;
    }

    void write_finding(const core::Finding& x, const util::SourceFile* source) {
        const core::Location& l = x.location;
        open("1");
        put_clean(l.file);
        if (!l.pointer.empty()) {
            m_text += '!';
            put_clean(l.pointer);
        }
        if (l.line > 0) {
            m_text += ':';
            put_number(l.line);
            m_text += ':';
            put_number(l.column);
        }
        m_text += ':';
        close();
        m_text += ' ';
        open(severity_codes(x.severity));
        m_text += core::to_string(x.severity);
        close();
        m_text += ' ';
        open("1");
        put_clean(x.rule_id);
        close();
        m_text += ' ';
        put_clean(x.message);
        m_text += '\n';
        std::string_view line;
        if (source != nullptr && source->path() == l.file && l.line > 0 && l.line <= source->line_count()) {
            line = source->line_text(l.line);
        } else if (l.line > 0) {
            line = detail::first_line(x.evidence);
        }
        if (l.line > 0 && !l.pointer.empty() && !line.empty()) {
            // A line of a file inside an image: the evidence describes it (redacted), so no caret.
            m_text += "  ";
            put_clean(line);
            m_text += '\n';
        } else if (l.line > 0 && l.column > 0 && !line.empty()) {
            put_clean(line);
            m_text += '\n';
            put_underline(line, l);
            m_text += '\n';
        }
        if (!x.fix.empty()) {
            put_fix_prefix();
            put_fix_text(m_text, x.fix);
            m_text += '\n';
        } else if (const rules::Rule* rule = m_rules(x.rule_id);
                   rule != nullptr && !rule->remediation.empty()) {
            // The rule's remediation, prepared once per rule.
            if (rule != m_last_rule) {
                auto [it, added] = m_fixes.try_emplace(rule);
                if (added) {
                    put_fix_text(it->second, rule->remediation);
                }
                m_last_rule = rule;
                m_last_fix = &it->second;
            }
            put_fix_prefix();
            m_text += *m_last_fix;
            m_text += '\n';
        }
        if (x.suppressed) {
            m_text += "  ";
            open("2");
            m_text += "suppressed: ";
            put_clean(x.suppression);
            close();
            m_text += '\n';
        }
    }

    void put_fix_prefix() {
        m_text += "  ";
        open("32");
        m_text += "fix:";
        close();
        m_text += ' ';
    }

    struct Recommendation {
        std::string rule_id;
        core::Severity severity = core::Severity::info;
        size_t count = 0;
        std::string first_fix;  // the fix of the rule's first finding (advice when the rule has none)
    };

    /// What the summary needs of a file, taken while it goes by (a streamed report drops the findings).
    void count(const FileResult& f) {
        bool problems = !f.diagnostics.empty();
        for (const core::Finding& x : f.findings) {
            if (x.suppressed) {
                continue;
            }
            problems = true;
            // Hashed while counting (one look-up per finding), ranked at the end.
            auto [it, added] = m_recommendation_index.try_emplace(x.rule_id, m_recommendations.size());
            if (added) {
                m_recommendations.push_back(Recommendation{x.rule_id, x.severity, 0, x.fix});
            }
            Recommendation& r = m_recommendations[it->second];
            r.severity = std::max(r.severity, x.severity);
            ++r.count;
        }
        m_listed += problems ? 1 : 0;
    }

    /// The five rules to fix first: by worst severity, then count, then rule id.
    std::vector<Recommendation> recommendations() const {
        std::vector<Recommendation> out = m_recommendations;
        std::sort(out.begin(), out.end(),
                  [](const Recommendation& a, const Recommendation& b) { return a.rule_id < b.rule_id; });
        std::stable_sort(out.begin(), out.end(), [](const Recommendation& a, const Recommendation& b) {
            return std::tie(b.severity, b.count) < std::tie(a.severity, a.count);
        });
        if (out.size() > 5) {
            out.resize(5);
        }
        return out;
    }

    void write_summary(const Report& report) {
        std::map<core::Severity, size_t> counts = report.counts();
        std::vector<std::string> by_severity;
        for (core::Severity s : detail::k_severities_desc) {
            by_severity.push_back(fmt::format("{} {}", core::to_string(s), counts[s]));
        }
        m_out << m_style("1", "Summary") << "\n";
        m_out << fmt::format("  files scanned:  {} ({} clean)\n", report.files.size(),
                             report.files.size() - m_listed);
        m_out << fmt::format("  findings:       {} ({})\n", report.finding_count(),
                             fmt::join(by_severity, ", "));
        m_out << fmt::format("  suppressed:     {}\n", report.suppressed_count());
        m_out << fmt::format("  input errors:   {}\n",
                             detail::diagnostic_count(report, core::DiagLevel::error));
        if (size_t warnings = detail::diagnostic_count(report, core::DiagLevel::warning); warnings > 0) {
            m_out << fmt::format("  warnings:       {}\n", warnings);
        }
        for (const std::string& note : report.notes) {
            m_out << "  note: " << clean_utf8(note, true) << "\n";
        }

        std::vector<Recommendation> recs = recommendations();
        if (!recs.empty()) {
            m_out << "\n" << m_style("1", "Top recommendations") << "\n";
            size_t n = 0;
            for (const Recommendation& r : recs) {
                const rules::Rule* rule = detail::lookup_rule(m_options, r.rule_id);
                std::string title = rule != nullptr ? std::string(rule->title) : std::string();
                std::string advice = std::string(first_sentence(rule != nullptr && !rule->remediation.empty()
                                                                    ? std::string_view(rule->remediation)
                                                                    : r.first_fix));
                m_out << fmt::format("  {}. ", ++n) << m_style("1", clean_utf8(r.rule_id, true))
                      << (title.empty() ? "" : " ") << clean_utf8(title, true) << " ("
                      << m_style(severity_codes(r.severity), core::to_string(r.severity)) << ", "
                      << plural(r.count, "finding") << ")\n";
                if (!advice.empty()) {
                    m_out << "     " << clean_utf8(advice, true) << "\n";
                }
            }
        }

        std::string_view threshold = detail::fail_on_name(report.fail_on);
        std::string verdict;
        if (report.fail_on > core::Severity::critical) {
            verdict = m_style("1;32", "PASS:") + " no failure threshold (--fail-on none)";
        } else if (report.failed()) {
            size_t n = detail::count_at_or_above(report, report.fail_on);
            verdict =
                m_style("1;31", "FAIL:") + fmt::format(" {} at or above {}", plural(n, "finding"), threshold);
        } else {
            verdict = m_style("1;32", "PASS:") + fmt::format(" no finding at or above {}", threshold);
        }
        if (report.has_errors()) {
            verdict += fmt::format(
                "; {}", plural(detail::diagnostic_count(report, core::DiagLevel::error), "input error"));
        }
        m_out << "\n" << verdict << fmt::format(" (exit code {})\n", report.exit_code());
    }

    std::ostream& m_out;
    const RenderOptions& m_options;
    Style m_style;
    detail::RuleLookup m_rules;
    std::string m_text;                                           // output not yet written
    std::vector<Entry> m_entries;                                 // write_file's, kept for its capacity
    std::unordered_map<const rules::Rule*, std::string> m_fixes;  // remediation text per rule
    const rules::Rule* m_last_rule = nullptr;
    const std::string* m_last_fix = nullptr;
    size_t m_report_diagnostics = 0;  // report.diagnostics written
    size_t m_listed = 0;              // files with a diagnostic or an unsuppressed finding
    std::vector<Recommendation> m_recommendations;
    std::unordered_map<std::string, size_t> m_recommendation_index;
};

class TextRenderer final : public Renderer {
  public:
    void render(const Report& report, std::ostream& out, const RenderOptions& options) const override {
        TextWriter writer(out, options);
        writer.begin(report);
        for (const FileResult& f : report.files) {
            writer.file(f);
        }
        writer.finish(report);
    }
    std::unique_ptr<ReportWriter> start(std::ostream& out, std::string_view /*tool_version*/,
                                        const RenderOptions& options) const override {
        return std::make_unique<TextWriter>(out, options);
    }
};

}  // namespace

std::unique_ptr<Renderer> make_text_renderer() {
    return std::make_unique<TextRenderer>();
}

}  // namespace bulwark::report
