// SARIF 2.1.0 (OASIS), as read by GitHub code scanning and other code-scanning UIs.
#include <algorithm>
#include <cctype>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bulwark/core/fingerprint.hpp"
#include "bulwark/report/renderers/common.hpp"
#include "bulwark/report/renderers/renderers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view k_sarif_schema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/// Absolute project URL for driver.informationUri; left out of the log while empty.
constexpr std::string_view k_information_uri = "";

std::string_view sarif_level(core::Severity s) {
    if (s >= core::Severity::high) {
        return "error";
    }
    return s == core::Severity::medium ? "warning" : "note";
}

/// GitHub's security-severity scale (0.0-10.0; >= 9.0 critical, >= 7.0 high, >= 4.0 medium).
std::string_view security_severity(core::Severity s) {
    switch (s) {
        case core::Severity::critical:
            return "9.5";
        case core::Severity::high:
            return "8.0";
        case core::Severity::medium:
            return "5.5";
        case core::Severity::low:
            return "3.0";
        case core::Severity::info:
            return "1.0";
    }
    return "1.0";
}

/// "Base image uses latest tag" -> "BaseImageUsesLatestTag".
std::string camel_case(std::string_view title) {
    std::string out;
    bool upper = true;
    for (char c : title) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
            upper = true;
            continue;
        }
        out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
        upper = false;
    }
    return out;
}

/// A URI reference for a display path: relative paths stay relative (to %SRCROOT%), absolute ones
/// become file:// URIs. Everything but unreserved characters and '/' is percent-encoded, so names
/// with ':' or spaces cannot be misread as a scheme or break the URI.
std::string artifact_uri(std::string_view path, bool& absolute) {
    absolute = util::starts_with(path, "/");
    while (util::starts_with(path, "./")) {
        path.remove_prefix(2);
    }
    std::string out = absolute ? "file://" : "";
    for (char c : path) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) != 0 || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += c;
        } else {
            out += fmt::format("%{:02X}", u);
        }
    }
    return out;
}

Json artifact_location(std::string_view path) {
    bool absolute = false;
    Json j = Json::object();
    j["uri"] = artifact_uri(path, absolute);
    if (!absolute) {
        j["uriBaseId"] = "%SRCROOT%";
    }
    return j;
}

/// SARIF end columns are exclusive; bulwark's are inclusive.
Json region_json(const core::Location& l, std::string_view snippet) {
    Json r = Json::object();
    r["startLine"] = l.line;
    if (l.column > 0) {
        r["startColumn"] = l.column;
    }
    if (l.end_column > 0 && (l.end_line > l.line || (l.end_line == l.line && l.end_column >= l.column))) {
        r["endLine"] = l.end_line;
        r["endColumn"] = l.end_column + 1;
    }
    if (!snippet.empty()) {
        r["snippet"] = Json{{"text", snippet}};
    }
    return r;
}

/// A path inside an image (`pointer`) is part of the artifact: "image.tar!/etc/shadow"
/// (percent-encoded), with the path again as a logical location.
Json location_json(const core::Location& l, std::string_view fallback_file, std::string_view snippet) {
    Json physical = Json::object();
    std::string file(l.file.empty() ? fallback_file : std::string_view(l.file));
    physical["artifactLocation"] = artifact_location(l.pointer.empty() ? file : file + "!" + l.pointer);
    if (l.line > 0) {
        physical["region"] = region_json(l, snippet);
    }
    Json out = Json{{"physicalLocation", std::move(physical)}};
    if (!l.pointer.empty()) {
        out["logicalLocations"] =
            Json::array({Json{{"fullyQualifiedName", l.pointer}, {"kind", "resource"}}});
    }
    return out;
}

Json rule_descriptor(std::string_view id, const rules::Rule* rule) {
    Json d = Json::object();
    d["id"] = id;
    if (rule == nullptr) {
        return d;
    }
    d["name"] = camel_case(rule->title);
    d["shortDescription"] = Json{{"text", rule->title}};
    d["fullDescription"] = Json{{"text", rule->rationale.empty() ? rule->title : rule->rationale}};
    std::string text(rule->remediation);
    std::string markdown(rule->remediation);
    if (!rule->bad_example.empty()) {
        text += fmt::format("\n\nProblem:\n{}", rule->bad_example);
        markdown += fmt::format("\n\n**Problem**\n\n```dockerfile\n{}\n```", rule->bad_example);
    }
    if (!rule->good_example.empty()) {
        text += fmt::format("\n\nCorrected:\n{}", rule->good_example);
        markdown += fmt::format("\n\n**Corrected**\n\n```dockerfile\n{}\n```", rule->good_example);
    }
    d["help"] = Json{{"text", text}, {"markdown", markdown}};
    d["defaultConfiguration"] = Json{{"level", sarif_level(rule->severity)}};
    Json tags = Json::array({"security"});
    auto add_tag = [&tags](std::string_view t) {
        if (!t.empty() && std::find(tags.begin(), tags.end(), Json(t)) == tags.end()) {
            tags.push_back(t);
        }
    };
    add_tag(rule->category);
    for (std::string_view t : rules::split_list(rule->tags)) {
        add_tag(t);
    }
    d["properties"] = Json{{"tags", std::move(tags)},
                           {"security-severity", security_severity(rule->severity)},
                           {"precision", "high"}};
    return d;
}

Json notification_json(const core::Diagnostic& d) {
    Json n = Json::object();
    n["level"] = detail::level_name(d.level);
    n["message"] = Json{{"text", d.message}};
    if (!d.location.file.empty()) {
        n["locations"] = Json::array({location_json(d.location, d.location.file, "")});
    }
    return n;
}

class SarifRenderer final : public Renderer {
  public:
    void render(const Report& report, std::ostream& out, const RenderOptions& options) const override {
        // Descriptors for the rules that have results, sorted by id; results point at them by index.
        std::map<std::string, size_t> rule_index;
        for (const FileResult& f : report.files) {
            for (const core::Finding& x : f.findings) {
                rule_index.emplace(x.rule_id, 0);
            }
        }
        Json rules_json = Json::array();
        for (auto& [id, index] : rule_index) {
            index = rules_json.size();
            rules_json.push_back(rule_descriptor(id, detail::lookup_rule(options, id)));
        }

        Json results = Json::array();
        for (const FileResult& f : report.files) {
            for (const core::Finding& x : f.findings) {
                results.push_back(result_json(f, x, rule_index.at(x.rule_id), options));
            }
        }

        Json notifications = Json::array();
        for (const core::Diagnostic& d : report.diagnostics) {
            notifications.push_back(notification_json(d));
        }
        for (const FileResult& f : report.files) {
            for (const core::Diagnostic& d : f.diagnostics) {
                Json n = notification_json(d);
                if (d.location.file.empty()) {
                    n["locations"] = Json::array({location_json(d.location, f.path, "")});
                }
                notifications.push_back(std::move(n));
            }
        }
        for (const std::string& note : report.notes) {
            notifications.push_back(Json{{"level", "note"}, {"message", Json{{"text", note}}}});
        }

        Json driver = Json::object();
        driver["name"] = "bulwark";
        if (!report.tool_version.empty()) {
            driver["version"] = report.tool_version;
            driver["semanticVersion"] = report.tool_version;
        }
        if (!k_information_uri.empty()) {
            driver["informationUri"] = k_information_uri;
        }
        driver["rules"] = std::move(rules_json);

        Json invocation = Json::object();
        invocation["executionSuccessful"] = !report.has_errors();
        invocation["exitCode"] = report.exit_code();
        invocation["toolExecutionNotifications"] = std::move(notifications);

        Json run = Json::object();
        run["tool"] = Json{{"driver", std::move(driver)}};
        run["invocations"] = Json::array({std::move(invocation)});
        run["columnKind"] = "unicodeCodePoints";
        run["results"] = std::move(results);

        Json doc = Json::object();
        doc["$schema"] = k_sarif_schema;
        doc["version"] = "2.1.0";
        doc["runs"] = Json::array({std::move(run)});
        out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << "\n";
    }

  private:
    static Json result_json(const FileResult& f, const core::Finding& x, size_t index,
                            const RenderOptions& options) {
        const rules::Rule* rule = detail::lookup_rule(options, x.rule_id);
        std::string text = x.message;
        if (std::string fix = detail::effective_fix(x, rule); !fix.empty()) {
            bool stop = !text.empty() && (text.back() == '.' || text.back() == '!' || text.back() == '?');
            text += fmt::format("{}Fix: {}", text.empty() ? "" : (stop ? " " : ". "), fix);
        }
        Json r = Json::object();
        r["ruleId"] = x.rule_id;
        r["ruleIndex"] = index;
        r["level"] = sarif_level(x.severity);
        r["message"] = Json{{"text", text}};
        // A region's snippet is the artifact's text; evidence of a file inside an image is a redacted
        // description of its line, not a snippet.
        std::string_view snippet =
            x.location.pointer.empty() ? detail::first_line(x.evidence) : std::string_view();
        r["locations"] = Json::array({location_json(x.location, f.path, snippet)});
        r["partialFingerprints"] = Json{{"bulwark/v1", core::fingerprint(x)}};
        if (x.suppressed) {
            bool inline_ignore = util::starts_with(x.suppression, "inline");
            r["suppressions"] = Json::array(
                {Json{{"kind", inline_ignore ? "inSource" : "external"}, {"justification", x.suppression}}});
        }
        r["properties"] = Json{{"severity", core::to_string(x.severity)},
                               {"security-severity", security_severity(x.severity)}};
        return r;
    }
};

}  // namespace

std::unique_ptr<Renderer> make_sarif_renderer() {
    return std::make_unique<SarifRenderer>();
}

}  // namespace bulwark::report
