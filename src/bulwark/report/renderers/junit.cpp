// JUnit XML: a test suite per scanned file, a failing test case per finding.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bulwark/report/renderers/common.hpp"
#include "bulwark/report/renderers/renderers.hpp"
#include "bulwark/report/renderers/xml.hpp"

namespace bulwark::report {

namespace {

using detail::xml_escape;

struct Suite {
    std::string name;
    std::string body;  // the <testcase> elements
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

void add_finding_case(Suite& s, const core::Finding& x, const RenderOptions& options) {
    const rules::Rule* rule = detail::lookup_rule(options, x.rule_id);
    std::string name = x.rule_id;
    if (rule != nullptr && !rule->title.empty()) {
        name += fmt::format(": {}", rule->title);
    }
    if (x.location.line > 0) {
        name += fmt::format(" (line {})", x.location.line);
    }
    std::string where = detail::location_text(x.location, s.name);
    std::string text =
        fmt::format("{}: {} {} {}\n", where, core::to_string(x.severity), x.rule_id, x.message);
    if (!x.evidence.empty()) {
        text += fmt::format("evidence: {}\n", detail::first_line(x.evidence));
    }
    if (std::string fix = detail::effective_fix(x, rule); !fix.empty()) {
        text += fmt::format("fix: {}\n", fix);
    }
    std::string inner;
    if (x.suppressed) {
        inner = fmt::format("      <skipped message=\"{}\"/>\n",
                            xml_escape("suppressed: " + x.suppression, true));
        ++s.skipped;
    } else {
        inner =
            fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n",
                        xml_escape(x.message, true), core::to_string(x.severity), xml_escape(text, false));
        ++s.failures;
    }
    s.body += fmt::format("    <testcase classname=\"{}\" name=\"{}\">\n{}    </testcase>\n",
                          xml_escape(s.name, true), xml_escape(name, true), inner);
    ++s.tests;
}

class JunitRenderer final : public Renderer {
  public:
    void render(const Report& report, std::ostream& out, const RenderOptions& options) const override {
        std::vector<Suite> suites;
        if (!report.diagnostics.empty()) {
            Suite s;
            s.name = "bulwark";
            add_diagnostics(s, report.diagnostics, nullptr);
            suites.push_back(std::move(s));
        }
        for (const FileResult& f : report.files) {
            Suite s;
            s.name = f.path;
            add_diagnostics(s, f.diagnostics, &f);
            for (const core::Finding& x : f.findings) {
                if (!x.suppressed || options.show_suppressed) {
                    add_finding_case(s, x, options);
                }
            }
            if (s.failures == 0 && s.errors == 0) {
                s.body += fmt::format("    <testcase classname=\"{}\" name=\"bulwark\"/>\n",
                                      xml_escape(s.name, true));
                ++s.tests;
            }
            suites.push_back(std::move(s));
        }

        Suite total;
        for (const Suite& s : suites) {
            total.tests += s.tests;
            total.failures += s.failures;
            total.errors += s.errors;
        }
        out << detail::k_xml_declaration;
        // No `skipped` here: the common JUnit schema (Jenkins, GitLab) allows it on <testsuite> only.
        out << fmt::format("<testsuites name=\"bulwark\" tests=\"{}\" failures=\"{}\" errors=\"{}\">\n",
                           total.tests, total.failures, total.errors);
        for (const Suite& s : suites) {
            out << fmt::format(
                "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\">\n{}",
                xml_escape(s.name, true), s.tests, s.failures, s.errors, s.skipped, s.body);
            if (!s.system_err.empty()) {
                out << "    <system-err>" << xml_escape(s.system_err, false) << "</system-err>\n";
            }
            out << "  </testsuite>\n";
        }
        out << "</testsuites>\n";
    }
};

}  // namespace

std::unique_ptr<Renderer> make_junit_renderer() {
    return std::make_unique<JunitRenderer>();
}

}  // namespace bulwark::report
