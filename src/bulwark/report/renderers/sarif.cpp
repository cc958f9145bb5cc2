// SARIF 2.1.0 (OASIS), as read by GitHub code scanning and other code-scanning UIs.
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstring>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bulwark/core/fingerprint.hpp"
#include "bulwark/report/renderers/common.hpp"
#include "bulwark/report/renderers/json_writer.hpp"
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

// Results are the bulk of a log and are written directly, in the bytes nlohmann's dump gives (see
// json_writer.hpp), one at a time: a DOM of the whole log cost several times its size in memory.

using detail::JsonContainer;
using detail::put_json_number;
using detail::put_json_string;

/// Output is written in pieces of about this size.
constexpr size_t k_chunk = size_t{64} * 1024;

struct RuleEntry {
    size_t index = 0;  // in driver.rules
    const rules::Rule* rule = nullptr;
    std::string head;  // a result's text up to its "level" value
};

/// Per severity: `"level"`'s value and the result's text from its "properties" to its end.
struct SeverityText {
    std::string level;
    std::string properties;
};

const SeverityText& severity_text(core::Severity s) {
    static const std::array<SeverityText, 5> k_texts = [] {
        std::array<SeverityText, 5> texts;
        for (size_t i = 0; i < texts.size(); ++i) {
            auto severity = static_cast<core::Severity>(i);
            texts[i].level = detail::json_string(sarif_level(severity));
            std::string& p = texts[i].properties;
            p = "\n          \"properties\": {\n            \"severity\": ";
            put_json_string(p, core::to_string(severity));
            p += ",\n            \"security-severity\": ";
            put_json_string(p, security_severity(severity));
            p += "\n          }\n        }";
        }
        return texts;
    }();
    return k_texts.at(static_cast<size_t>(s));
}

/// Appends the constant `text` and a decimal number.
template <size_t N>
void put_field(std::string& out, const char (&text)[N], uint64_t value) {
    char buffer[N + 20];
    std::memcpy(buffer, text, N - 1);
    char* end = std::to_chars(buffer + N - 1, buffer + sizeof(buffer), value).ptr;
    out.append(buffer, end);
}

/// Writes results (as result_json would build them); remembers the last artifact location, since a
/// file's results share it. A result's layout is fixed, so its keys and indentation are constant.
class ResultWriter {
  public:
    void put_result(std::string& out, const FileResult& f, const core::Finding& x, const RuleEntry& rule) {
        const SeverityText& severity = severity_text(x.severity);
        out += rule.head;
        out += severity.level;
        out += ",\n          \"message\": {\n            \"text\": ";
        m_text.assign(x.message);
        std::string_view fix = !x.fix.empty() ? std::string_view(x.fix)
                                              : (rule.rule != nullptr ? rule.rule->remediation
                                                                      : std::string_view());  // effective_fix
        if (!fix.empty()) {
            bool stop =
                !m_text.empty() && (m_text.back() == '.' || m_text.back() == '!' || m_text.back() == '?');
            m_text += m_text.empty() ? "" : (stop ? " " : ". ");
            m_text += "Fix: ";
            m_text += fix;
        }
        put_json_string(out, m_text);
        out += "\n          },\n          \"locations\": [\n            ";
        // A region's snippet is the artifact's text; evidence of a file inside an image is a redacted
        // description of its line, not a snippet.
        std::string_view snippet =
            x.location.pointer.empty() ? detail::first_line(x.evidence) : std::string_view();
        put_location(out, x.location, f.path, snippet);
        out += "\n          ],\n          \"partialFingerprints\": {\n            \"bulwark/v1\": ";
        out += '"';
        out += core::fingerprint_text(x).view();  // hex digits: nothing to escape
        out += "\"\n          },";
        if (x.suppressed) {
            bool inline_ignore = util::starts_with(x.suppression, "inline");
            out += inline_ignore ? std::string_view(
                                       "\n          \"suppressions\": [\n            {\n              "
                                       "\"kind\": \"inSource\",\n              \"justification\": ")
                                 : std::string_view(
                                       "\n          \"suppressions\": [\n            {\n              "
                                       "\"kind\": \"external\",\n              \"justification\": ");
            put_json_string(out, x.suppression);
            out += "\n            }\n          ],";
        }
        out += severity.properties;
    }

  private:
    /// As location_json, its opening brace at indentation 12.
    void put_location(std::string& out, const core::Location& l, std::string_view fallback_file,
                      std::string_view snippet) {
        out += "{\n              \"physicalLocation\": {\n                \"artifactLocation\": ";
        put_artifact_location(out, l.file.empty() ? fallback_file : l.file, l.pointer);
        if (l.line > 0) {
            put_field(out, ",\n                \"region\": {\n                  \"startLine\": ", l.line);
            if (l.column > 0) {
                put_field(out, ",\n                  \"startColumn\": ", l.column);
            }
            // SARIF end columns are exclusive; bulwark's are inclusive.
            if (l.end_column > 0 &&
                (l.end_line > l.line || (l.end_line == l.line && l.end_column >= l.column))) {
                put_field(out, ",\n                  \"endLine\": ", l.end_line);
                put_field(out,
                          ",\n                  \"endColumn\": ", static_cast<uint32_t>(l.end_column + 1U));
            }
            if (!snippet.empty()) {
                out += ",\n                  \"snippet\": {\n                    \"text\": ";
                put_json_string(out, snippet);
                out += "\n                  }";
            }
            out += "\n                }";
        }
        out += "\n              }";
        if (!l.pointer.empty()) {
            out +=
                ",\n              \"logicalLocations\": [\n                {\n                  "
                "\"fullyQualifiedName\": ";
            put_json_string(out, l.pointer);
            out += ",\n                  \"kind\": \"resource\"\n                }\n              ]";
        }
        out += "\n            }";
    }

    /// As artifact_location for `file` (and `pointer`, a path inside it), its brace at indentation 16.
    void put_artifact_location(std::string& out, std::string_view file, std::string_view pointer) {
        if (m_cached && file == m_artifact_file && pointer == m_artifact_pointer) {
            out += m_artifact_text;
            return;
        }
        m_artifact_file.assign(file);
        m_artifact_pointer.assign(pointer);
        m_cached = true;
        m_artifact_text.clear();
        bool absolute = false;
        JsonContainer a(m_artifact_text, 16, '{');
        put_json_string(
            a.key("uri"),
            artifact_uri(pointer.empty() ? m_artifact_file : m_artifact_file + "!" + m_artifact_pointer,
                         absolute));
        if (!absolute) {
            put_json_string(a.key("uriBaseId"), "%SRCROOT%");
        }
        a.close();
        out += m_artifact_text;
    }

    std::string m_text;  // scratch: a result's message
    bool m_cached = false;
    std::string m_artifact_file;
    std::string m_artifact_pointer;
    std::string m_artifact_text;
};

class SarifRenderer final : public Renderer {
  public:
    void render(const Report& report, std::ostream& out, const RenderOptions& options) const override {
        // Descriptors for the rules that have results, sorted by id; results point at them by index.
        std::map<std::string, RuleEntry, std::less<>> rule_index;
        for (const FileResult& f : report.files) {
            for (const core::Finding& x : f.findings) {
                rule_index.emplace(x.rule_id, RuleEntry{});
            }
        }
        Json rules_json = Json::array();
        for (auto& [id, entry] : rule_index) {
            entry.index = rules_json.size();
            entry.rule = detail::lookup_rule(options, id);
            entry.head = "{\n          \"ruleId\": ";
            put_json_string(entry.head, id);
            put_field(entry.head, ",\n          \"ruleIndex\": ", entry.index);
            entry.head += ",\n          \"level\": ";
            rules_json.push_back(rule_descriptor(id, entry.rule));
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

        // The log without its results; they are written in place of the empty array, which is the
        // last member of the run (a key's quotes cannot occur unescaped inside a string).
        Json run = Json::object();
        run["tool"] = Json{{"driver", std::move(driver)}};
        run["invocations"] = Json::array({std::move(invocation)});
        run["columnKind"] = "unicodeCodePoints";
        run["results"] = Json::array();

        Json doc = Json::object();
        doc["$schema"] = k_sarif_schema;
        doc["version"] = "2.1.0";
        doc["runs"] = Json::array({std::move(run)});
        std::string skeleton;
        detail::put_json_dom(skeleton, doc, 0);
        constexpr std::string_view k_results = "\"results\": []";
        size_t at = skeleton.rfind(k_results) + k_results.size() - 1;  // at the closing ']'

        std::string text;
        text.reserve(k_chunk + k_chunk / 2);
        text.append(skeleton, 0, at);
        ResultWriter writer;
        bool any = false;
        const std::pair<const std::string, RuleEntry>* last = nullptr;
        for (const FileResult& f : report.files) {
            for (const core::Finding& x : f.findings) {
                if (last == nullptr || last->first != x.rule_id) {
                    last = &*rule_index.find(x.rule_id);
                }
                text += any ? std::string_view(",\n        ") : std::string_view("\n        ");
                any = true;
                writer.put_result(text, f, x, last->second);
                if (text.size() >= k_chunk) {
                    out.write(text.data(), static_cast<std::streamsize>(text.size()));
                    text.clear();
                }
            }
        }
        if (any) {
            text += "\n      ";
        }
        text.append(skeleton, at, std::string::npos);
        text += '\n';
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
};

}  // namespace

std::unique_ptr<Renderer> make_sarif_renderer() {
    return std::make_unique<SarifRenderer>();
}

}  // namespace bulwark::report
