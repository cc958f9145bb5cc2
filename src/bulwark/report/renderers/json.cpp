// bulwark's own JSON report, schema docs/schema/bulwark-report-v1.schema.json.
#include <map>

#include <nlohmann/json.hpp>

#include "bulwark/core/fingerprint.hpp"
#include "bulwark/report/renderers/common.hpp"
#include "bulwark/report/renderers/renderers.hpp"

namespace bulwark::report {

namespace {

using Json = nlohmann::ordered_json;

/// Additive changes bump the minor version; removals or meaning changes bump the major.
constexpr std::string_view k_schema_version = "1.0.0";

Json location_json(const core::Location& l) {
    return Json{{"file", l.file},
                {"line", l.line},
                {"column", l.column},
                {"end_line", l.end_line},
                {"end_column", l.end_column}};
}

Json diagnostic_json(const core::Diagnostic& d) {
    return Json{{"level", detail::level_name(d.level)},
                {"message", d.message},
                {"location", location_json(d.location)}};
}

Json list_json(std::string_view field) {
    Json out = Json::array();
    for (std::string_view id : rules::split_list(field)) {
        out.push_back(id);
    }
    return out;
}

Json finding_json(const core::Finding& x, const RenderOptions& options) {
    const rules::Rule* rule = detail::lookup_rule(options, x.rule_id);
    Json equivalents = Json::object();
    equivalents["hadolint"] = list_json(rule != nullptr ? rule->hadolint : "");
    equivalents["trivy"] = list_json(rule != nullptr ? rule->trivy : "");
    equivalents["checkov"] = list_json(rule != nullptr ? rule->checkov : "");
    equivalents["cis"] = list_json(rule != nullptr ? rule->cis : "");
    Json j = Json::object();
    j["rule_id"] = x.rule_id;
    j["title"] = rule != nullptr ? rule->title : "";
    j["severity"] = core::to_string(x.severity);
    j["category"] = rule != nullptr ? rule->category : "";
    j["message"] = x.message;
    j["location"] = location_json(x.location);
    j["evidence"] = x.evidence;
    j["fix"] = detail::effective_fix(x, rule);
    j["fingerprint"] = core::fingerprint(x);
    j["suppressed"] = x.suppressed;
    j["suppression"] = x.suppressed ? Json(x.suppression) : Json(nullptr);
    j["equivalents"] = std::move(equivalents);
    return j;
}

class JsonRenderer final : public Renderer {
  public:
    void render(const Report& report, std::ostream& out, const RenderOptions& options) const override {
        std::map<core::Severity, size_t> counts = report.counts();
        Json by_severity = Json::object();
        for (core::Severity s : detail::k_severities_desc) {
            by_severity[std::string(core::to_string(s))] = counts[s];
        }
        Json summary = Json::object();
        summary["files"] = report.files.size();
        summary["findings"] = report.finding_count();
        summary["by_severity"] = std::move(by_severity);
        summary["suppressed"] = report.suppressed_count();
        summary["errors"] = detail::diagnostic_count(report, core::DiagLevel::error);
        summary["warnings"] = detail::diagnostic_count(report, core::DiagLevel::warning);
        summary["fail_on"] = detail::fail_on_name(report.fail_on);
        summary["failed"] = report.failed();
        summary["exit_code"] = report.exit_code();

        // Streamed one file at a time (the same bytes as dumping one document): a DOM of the whole
        // report would cost several times the output's size in memory on large scans.
        // Scanned files may hold invalid UTF-8; JSON output must stay valid, so replace it (U+FFFD).
        auto dump = [](const Json& j, std::string_view indent) {
            std::string text = j.dump(2, ' ', false, Json::error_handler_t::replace);
            std::string indented;
            indented.reserve(text.size() + text.size() / 8);
            for (char c : text) {
                indented += c;
                if (c == '\n') {
                    indented += indent;  // JSON strings never hold a raw newline
                }
            }
            return indented;
        };
        Json head = Json::object();
        head["schema_version"] = k_schema_version;
        head["tool"] = Json{{"name", "bulwark"}, {"version", report.tool_version}};
        head["summary"] = std::move(summary);
        std::string head_text = dump(head, "");
        out << head_text.substr(0, head_text.size() - 2);  // without "\n}"
        out << ",\n  \"files\": [";
        for (size_t i = 0; i < report.files.size(); ++i) {
            const FileResult& f = report.files[i];
            Json findings = Json::array();
            for (const core::Finding& x : f.findings) {
                findings.push_back(finding_json(x, options));
            }
            Json diagnostics = Json::array();
            for (const core::Diagnostic& d : f.diagnostics) {
                diagnostics.push_back(diagnostic_json(d));
            }
            Json file{{"path", f.path},
                      {"kind", f.kind},
                      {"findings", std::move(findings)},
                      {"diagnostics", std::move(diagnostics)}};
            out << (i == 0 ? "\n    " : ",\n    ") << dump(file, "    ");
        }
        out << (report.files.empty() ? "]" : "\n  ]");
        Json diagnostics = Json::array();
        for (const core::Diagnostic& d : report.diagnostics) {
            diagnostics.push_back(diagnostic_json(d));
        }
        Json tail = Json::object();
        tail["diagnostics"] = std::move(diagnostics);
        tail["notes"] = report.notes;
        std::string tail_text = dump(tail, "");
        out << ",\n" << tail_text.substr(2) << "\n";  // without "{\n"
    }
};

}  // namespace

std::unique_ptr<Renderer> make_json_renderer() {
    return std::make_unique<JsonRenderer>();
}

}  // namespace bulwark::report
