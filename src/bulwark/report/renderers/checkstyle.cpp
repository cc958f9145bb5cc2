// Checkstyle XML (version 4.3), understood by most CI annotation tools.
#include <algorithm>
#include <charconv>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "bulwark/report/renderers/common.hpp"
#include "bulwark/report/renderers/renderers.hpp"
#include "bulwark/report/renderers/xml.hpp"

namespace bulwark::report {

namespace {

using detail::xml_escape;

std::string_view checkstyle_severity(core::Severity s) {
    if (s >= core::Severity::high) {
        return "error";
    }
    return s == core::Severity::medium ? "warning" : "info";
}

std::string_view checkstyle_severity(core::DiagLevel level) {
    return level == core::DiagLevel::note ? "info" : detail::level_name(level);  // checkstyle has no "note"
}

/// line/column attributes; checkstyle has no "unknown", so 0 leaves them out.
std::string position_attributes(const core::Location& l) {
    std::string out;
    if (l.line > 0) {
        char buffer[24];
        out += " line=\"";
        out.append(buffer, std::to_chars(buffer, buffer + sizeof(buffer), l.line).ptr);
        out += '"';
        if (l.column > 0) {
            out += " column=\"";
            out.append(buffer, std::to_chars(buffer, buffer + sizeof(buffer), l.column).ptr);
            out += '"';
        }
    }
    return out;
}

std::string diagnostic_element(const core::Diagnostic& d) {
    return fmt::format("    <error{} severity=\"{}\" message=\"{}\" source=\"bulwark.parse\"/>\n",
                       position_attributes(d.location), checkstyle_severity(d.level),
                       xml_escape(d.message, true));
}

std::string finding_element(const core::Finding& x) {
    std::string e = "    <error";
    e += position_attributes(x.location);
    e += " severity=\"";
    e += x.suppressed ? "ignore" : checkstyle_severity(x.severity);
    e += "\" message=\"";
    if (x.location.pointer.empty()) {
        detail::append_xml_escaped(e, x.message, true);
    } else {
        detail::append_xml_escaped(e, x.location.pointer + ": " + x.message, true);
    }
    e += "\" source=\"bulwark.";
    detail::append_xml_escaped(e, x.rule_id, true);
    e += "\"/>\n";
    return e;
}

void write_file(std::ostream& out, std::string_view name, std::string_view body) {
    if (body.empty()) {
        out << fmt::format("  <file name=\"{}\"/>\n", xml_escape(name, true));
    } else {
        out << fmt::format("  <file name=\"{}\">\n{}  </file>\n", xml_escape(name, true), body);
    }
}

class CheckstyleRenderer final : public Renderer {
  public:
    void render(const Report& report, std::ostream& out, const RenderOptions& options) const override {
        out << detail::k_xml_declaration << "<checkstyle version=\"4.3\">\n";
        // Report-level diagnostics (bad config, missing path) grouped by the file they name.
        std::vector<std::pair<std::string, std::string>> loose;
        for (const core::Diagnostic& d : report.diagnostics) {
            auto it = std::find_if(loose.begin(), loose.end(),
                                   [&](const auto& p) { return p.first == d.location.file; });
            if (it == loose.end()) {
                loose.emplace_back(d.location.file, std::string());
                it = std::prev(loose.end());
            }
            it->second += diagnostic_element(d);
        }
        for (const auto& [name, body] : loose) {
            write_file(out, name, body);
        }
        for (const FileResult& f : report.files) {
            // Diagnostics and findings in line order, diagnostics first on the same line.
            std::vector<std::pair<uint32_t, std::string>> elements;
            for (const core::Diagnostic& d : f.diagnostics) {
                elements.emplace_back(d.location.line, diagnostic_element(d));
            }
            for (const core::Finding& x : f.findings) {
                if (x.suppressed && !options.show_suppressed) {
                    continue;
                }
                elements.emplace_back(x.location.line, finding_element(x));
            }
            std::stable_sort(elements.begin(), elements.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            std::string body;
            for (const auto& e : elements) {
                body += e.second;
            }
            write_file(out, f.path, body);
        }
        out << "</checkstyle>\n";
    }
};

}  // namespace

std::unique_ptr<Renderer> make_checkstyle_renderer() {
    return std::make_unique<CheckstyleRenderer>();
}

}  // namespace bulwark::report
