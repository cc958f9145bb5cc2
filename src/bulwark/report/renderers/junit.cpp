// JUnit XML: a test suite per scanned file, a failing test case per finding.
#include <charconv>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bulwark/report/renderers/common.hpp"
#include "bulwark/report/renderers/renderers.hpp"
#include "bulwark/report/renderers/xml.hpp"

namespace bulwark::report {

namespace {

using detail::append_xml_escaped;
using detail::xml_escape;

struct Suite {
    std::string name;
    std::string classname;  // the name as an attribute value, once it is needed
    std::string body;       // the <testcase> elements
    std::string system_err;
    size_t tests = 0;
    size_t failures = 0;
    size_t errors = 0;
    size_t skipped = 0;
};

void add_error_case(Suite& s, const core::Diagnostic& d, const util::SourceFile* source) {
    std::string name =
        d.location.line > 0 ? fmt::format("input error (line {})", d.location.line) : "input error";
    std::string classname = d.location.file.empty() ? s.name : d.location.file;
    s.body += fmt::format(
        "    <testcase classname=\"{}\" name=\"{}\">\n"
        "      <error message=\"{}\" type=\"input\">{}</error>\n"
        "    </testcase>\n",
        xml_escape(classname, true), xml_escape(name, true), xml_escape(d.message, true),
        xml_escape(core::format_diagnostic(d, source), false));
    ++s.tests;
    ++s.errors;
}

void add_diagnostics(Suite& s, const std::vector<core::Diagnostic>& diagnostics, const FileResult* file) {
    for (const core::Diagnostic& d : diagnostics) {
        const util::SourceFile* source = file != nullptr ? file->source_for(d.location.file) : nullptr;
        if (d.level == core::DiagLevel::error) {
            add_error_case(s, d, source);
        } else {
            s.system_err += core::format_diagnostic(d, source);
        }
    }
}

/// Appends `n` in decimal.
void append_number(std::string& out, uint64_t n) {
    char buffer[24];
    out.append(buffer, std::to_chars(buffer, buffer + sizeof(buffer), n).ptr);
}

/// A failing (or, suppressed, skipped) case. Built by appending: one is written per finding.
void add_finding_case(Suite& s, const core::Finding& x, detail::RuleLookup& rules) {
    const rules::Rule* rule = rules(x.rule_id);
    if (s.classname.empty()) {
        s.classname = xml_escape(s.name, true);
    }
    std::string name = x.rule_id;
    if (rule != nullptr && !rule->title.empty()) {
        name += ": ";
        name += rule->title;
    }
    if (x.location.line > 0) {
        name += " (line ";
        append_number(name, x.location.line);
        name += ')';
    }
    std::string_view severity = core::to_string(x.severity);
    std::string& body = s.body;
    body += "    <testcase classname=\"";
    body += s.classname;
    body += "\" name=\"";
    append_xml_escaped(body, name, true);
    body += "\">\n";
    if (x.suppressed) {
        body += "      <skipped message=\"";
        append_xml_escaped(body, "suppressed: " + x.suppression, true);
        body += "\"/>\n";
        ++s.skipped;
    } else {
        std::string text = detail::location_text(x.location, s.name);
        text += ": ";
        text += severity;
        text += ' ';
        text += x.rule_id;
        text += ' ';
        text += x.message;
        text += '\n';
        if (!x.evidence.empty()) {
            text += "evidence: ";
            text += detail::first_line(x.evidence);
            text += '\n';
        }
        std::string_view fix = !x.fix.empty() ? std::string_view(x.fix)
                                              : (rule != nullptr ? rule->remediation : std::string_view());
        if (!fix.empty()) {  // effective_fix
            text += "fix: ";
            text += fix;
            text += '\n';
        }
        body += "      <failure message=\"";
        append_xml_escaped(body, x.message, true);
        body += "\" type=\"";
        body += severity;
        body += "\">";
        append_xml_escaped(body, text, false);
        body += "</failure>\n";
        ++s.failures;
    }
    body += "    </testcase>\n";
    ++s.tests;
}

/// The totals of all suites, counted without rendering them (as add_diagnostics and
/// add_finding_case count), so suites can be written one at a time after the <testsuites> line.
Suite count_totals(const Report& report, const RenderOptions& options) {
    Suite total;
    auto add_errors = [&total](const std::vector<core::Diagnostic>& diagnostics) {
        size_t errors = 0;
        for (const core::Diagnostic& d : diagnostics) {
            errors += d.level == core::DiagLevel::error ? 1 : 0;
        }
        total.tests += errors;
        total.errors += errors;
        return errors;
    };
    add_errors(report.diagnostics);
    for (const FileResult& f : report.files) {
        size_t errors = add_errors(f.diagnostics);
        size_t failures = 0;
        for (const core::Finding& x : f.findings) {
            if (!x.suppressed || options.show_suppressed) {
                ++total.tests;
                failures += x.suppressed ? 0 : 1;
            }
        }
        total.failures += failures;
        total.tests += (failures == 0 && errors == 0) ? 1 : 0;  // the passing "bulwark" case
    }
    return total;
}

void write_suite(std::ostream& out, const Suite& s) {
    out << fmt::format(
               "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n",
               xml_escape(s.name, true), s.tests, s.failures, s.errors, s.skipped)
        << s.body;
    if (!s.system_err.empty()) {
        out << "    <system-err>" << xml_escape(s.system_err, false) << "</system-err>\n";
    }
    out << "  </testsuite>\n";
}

class JunitRenderer final : public Renderer {
  public:
    void render(const Report& report, std::ostream& out, const RenderOptions& options) const override {
        // Suites are written as they are built: all of them at once cost several times the output's
        // size in memory on large scans.
        Suite total = count_totals(report, options);
        detail::RuleLookup rules(options);
        out << detail::k_xml_declaration;
        // No `skipped` here: the common JUnit schema (Jenkins, GitLab) allows it on <testsuite> only.
        out << fmt::format("<testsuites name=\"bulwark\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
                           total.tests, total.failures, total.errors);
        if (!report.diagnostics.empty()) {
            Suite s;
            s.name = "bulwark";
            add_diagnostics(s, report.diagnostics, nullptr);
            write_suite(out, s);
        }
        for (const FileResult& f : report.files) {
            Suite s;
            s.name = f.path;
            add_diagnostics(s, f.diagnostics, &f);
            for (const core::Finding& x : f.findings) {
                if (!x.suppressed || options.show_suppressed) {
                    add_finding_case(s, x, rules);
                }
            }
            if (s.failures == 0 && s.errors == 0) {
                s.body += fmt::format("    <testcase classname=\"{}\" name=\"bulwark\"/>\n",
                                      xml_escape(s.name, true));
                ++s.tests;
            }
            write_suite(out, s);
        }
        out << "</testsuites>\n";
    }
};

}  // namespace

std::unique_ptr<Renderer> make_junit_renderer() {
    return std::make_unique<JunitRenderer>();
}

}  // namespace bulwark::report
