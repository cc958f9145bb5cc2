// bulwark's own JSON report, schema docs/schema/bulwark-report-v1.schema.json.
#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <map>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "bulwark/core/fingerprint.hpp"
#include "bulwark/report/renderers/common.hpp"
#include "bulwark/report/renderers/json_writer.hpp"
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

// The files are written directly, in exactly the bytes nlohmann's dump(2, ' ', false, replace) gives
// (a DOM per finding cost more than scanning the file). A finding's layout is fixed, so its keys and
// indentation are constant text, and what comes from its rule is rendered once per rule.

using detail::JsonContainer;
using detail::put_json_number;
using detail::put_json_string;

void put_location(std::string& out, const core::Location& l, size_t indent) {
    JsonContainer o(out, indent, '{');
    put_json_string(o.key("file"), l.file);
    put_json_number(o.key("line"), l.line);
    put_json_number(o.key("column"), l.column);
    put_json_number(o.key("end_line"), l.end_line);
    put_json_number(o.key("end_column"), l.end_column);
    if (!l.pointer.empty()) {
        put_json_string(o.key("pointer"), l.pointer);  // a path inside an image
    }
    o.close();
}

void put_diagnostic(std::string& out, const core::Diagnostic& d, size_t indent) {
    JsonContainer o(out, indent, '{');
    put_json_string(o.key("level"), detail::level_name(d.level));
    put_json_string(o.key("message"), d.message);
    put_location(o.key("location"), d.location, o.inner());
    o.close();
}

void put_list(std::string& out, std::string_view field, size_t indent) {
    JsonContainer a(out, indent, '[');
    for (std::string_view id : rules::split_list(field)) {
        put_json_string(a.element(), id);
    }
    a.close();
}

/// The indentation of a finding's braces: files at 4, their "findings" members at 6, findings at 8
/// (members at 10, location members at 12).
constexpr size_t k_file_indent = 4;
constexpr size_t k_finding_indent = k_file_indent + 4;

/// A finding's "equivalents" object, its opening brace at a finding member's indentation.
std::string equivalents_text(const rules::Rule* rule) {
    std::string out;
    JsonContainer e(out, k_finding_indent + 2, '{');
    put_list(e.key("hadolint"), rule != nullptr ? rule->hadolint : "", e.inner());
    put_list(e.key("trivy"), rule != nullptr ? rule->trivy : "", e.inner());
    put_list(e.key("checkov"), rule != nullptr ? rule->checkov : "", e.inner());
    put_list(e.key("cis"), rule != nullptr ? rule->cis : "", e.inner());
    e.close();
    return out;
}

/// What a finding takes from its rule, looked up and rendered once per distinct id of a report
/// (rules' texts are the bulk of the output and the same for all their findings).
struct RuleText {
    RuleText(std::string_view id, const rules::Rule* r) : rule(r) {
        std::string_view none;
        head = "{\n          \"rule_id\": ";
        put_json_string(head, id);
        head += ",\n          \"title\": ";
        put_json_string(head, r != nullptr ? r->title : none);
        head += ",\n          \"severity\": ";
        category = ",\n          \"category\": ";
        put_json_string(category, r != nullptr ? r->category : none);
        category += ",\n          \"message\": ";
        remediation = detail::json_string(r != nullptr ? r->remediation : none);
        std::string equivalents = equivalents_text(r);
        suppressed_tail = ",\n          \"equivalents\": " + equivalents + "\n        }";
        unsuppressed_tail =
            ",\n          \"suppressed\": false,\n          \"suppression\": null" + suppressed_tail;
    }
    const rules::Rule* rule;
    std::string head;               // `{` through `"severity": `
    std::string category;           // `,` "category" through `"message": `
    std::string remediation;        // the fix of findings without their own, as a JSON string literal
    std::string suppressed_tail;    // `,` "equivalents" through the closing brace
    std::string unsuppressed_tail;  // "suppressed": false, "suppression": null and suppressed_tail
};

class RuleCache {
  public:
    explicit RuleCache(const RenderOptions& options) : m_options(options), m_by_number(1000, nullptr) {}
    const RuleText& get(const std::string& id) {
        // Ids are "BD" and three digits: those index an array instead of hashing the string.
        const int number = id_number(id);
        if (number >= 0 && m_by_number[static_cast<size_t>(number)] != nullptr) {
            return *m_by_number[static_cast<size_t>(number)];
        }
        auto it = m_rules.find(id);
        if (it == m_rules.end()) {
            it = m_rules.try_emplace(id, id, detail::lookup_rule(m_options, id)).first;
        }
        if (number >= 0) {
            m_by_number[static_cast<size_t>(number)] = &it->second;
        }
        return it->second;
    }

  private:
    /// nnn of "BDnnn", else -1.
    static int id_number(std::string_view id) {
        auto digit = [&](size_t i) { return id[i] >= '0' && id[i] <= '9'; };
        if (id.size() != 5 || id[0] != 'B' || id[1] != 'D' || !digit(2) || !digit(3) || !digit(4)) {
            return -1;
        }
        return (id[2] - '0') * 100 + (id[3] - '0') * 10 + (id[4] - '0');
    }

    const RenderOptions& m_options;
    std::unordered_map<std::string, RuleText> m_rules;  // node-based: m_by_number's pointers stay valid
    std::vector<const RuleText*> m_by_number;           // by nnn of "BDnnn", once looked up
};

/// A finding's bytes, written through a pointer into room for all of them and appended to the
/// output at once: a finding is a dozen constant pieces and a few strings, and an append to a
/// std::string costs more than the few bytes most of them add.
class Cursor {
  public:
    explicit Cursor(char* at) : m_at(at) {}
    void put(std::string_view text) {
        std::memcpy(m_at, text.data(), text.size());
        m_at += text.size();
    }
    void put_string(std::string_view s) { m_at = detail::write_json_string(m_at, s); }
    void put_number(uint64_t n) { m_at = std::to_chars(m_at, m_at + k_max_number, n).ptr; }
    char* at() const { return m_at; }

    static constexpr size_t k_max_number = 20;  // digits of the largest uint64_t

  private:
    char* m_at;
};

/// The severity's name as a JSON string literal.
std::string_view severity_literal(core::Severity s, std::string& other) {
    static const std::array<std::string, 5> k_literals = [] {
        std::array<std::string, 5> literals;
        for (size_t i = 0; i < literals.size(); ++i) {
            literals[i] = detail::json_string(core::to_string(static_cast<core::Severity>(i)));
        }
        return literals;
    }();
    auto i = static_cast<size_t>(s);
    if (i < k_literals.size()) {
        return k_literals[i];
    }
    other = detail::json_string(core::to_string(s));
    return other;
}

// The constant text between a finding's values.
constexpr std::string_view k_location = ",\n          \"location\": {\n            \"file\": ";
constexpr std::string_view k_line = ",\n            \"line\": ";
constexpr std::string_view k_column = ",\n            \"column\": ";
constexpr std::string_view k_end_line = ",\n            \"end_line\": ";
constexpr std::string_view k_end_column = ",\n            \"end_column\": ";
constexpr std::string_view k_pointer = ",\n            \"pointer\": ";  // a path inside an image
constexpr std::string_view k_evidence = "\n          },\n          \"evidence\": ";
constexpr std::string_view k_fix = ",\n          \"fix\": ";
constexpr std::string_view k_fingerprint = ",\n          \"fingerprint\": \"";
constexpr std::string_view k_suppressed = ",\n          \"suppressed\": true,\n          \"suppression\": ";
constexpr size_t k_constant_text = k_location.size() + k_line.size() + k_column.size() + k_end_line.size() +
                                   k_end_column.size() + k_pointer.size() + k_evidence.size() + k_fix.size() +
                                   k_fingerprint.size() + sizeof(core::FingerprintText::hex) + 1 +
                                   k_suppressed.size() + 4 * Cursor::k_max_number;

/// `path_json` is the JSON literal of the file's path, which most findings' locations name;
/// `scratch` is room reused from finding to finding.
void put_finding(std::string& out, const core::Finding& x, const RuleText& rule, std::string_view path,
                 std::string_view path_json, std::vector<char>& scratch) {
    using detail::json_string_bound;
    const core::Location& l = x.location;
    const bool own_file = l.file == path;
    const bool own_fix = !x.fix.empty() || rule.rule == nullptr;
    std::string other_severity;
    const std::string_view severity = severity_literal(x.severity, other_severity);
    const size_t bound = k_constant_text + rule.head.size() + severity.size() + rule.category.size() +
                         json_string_bound(x.message) +
                         (own_file ? path_json.size() : json_string_bound(l.file)) +
                         json_string_bound(l.pointer) + json_string_bound(x.evidence) +
                         (own_fix ? json_string_bound(x.fix) : rule.remediation.size()) +
                         json_string_bound(x.suppression) + rule.unsuppressed_tail.size();
    if (scratch.size() < bound) {
        scratch.resize(std::max(bound, 2 * scratch.size()));
    }
    Cursor c(scratch.data());
    c.put(rule.head);
    c.put(severity);
    c.put(rule.category);
    c.put_string(x.message);
    c.put(k_location);
    if (own_file) {
        c.put(path_json);
    } else {
        c.put_string(l.file);
    }
    c.put(k_line);
    c.put_number(l.line);
    c.put(k_column);
    c.put_number(l.column);
    c.put(k_end_line);
    c.put_number(l.end_line);
    c.put(k_end_column);
    c.put_number(l.end_column);
    if (!l.pointer.empty()) {
        c.put(k_pointer);
        c.put_string(l.pointer);
    }
    c.put(k_evidence);
    c.put_string(x.evidence);
    c.put(k_fix);
    if (own_fix) {
        c.put_string(x.fix);
    } else {
        c.put(rule.remediation);
    }
    c.put(k_fingerprint);
    c.put(core::fingerprint_text(x).view());  // hex digits: nothing to escape
    c.put("\"");
    if (x.suppressed) {
        c.put(k_suppressed);
        c.put_string(x.suppression);
        c.put(rule.suppressed_tail);
    } else {
        c.put(rule.unsuppressed_tail);
    }
    out.append(scratch.data(), static_cast<size_t>(c.at() - scratch.data()));
}

/// One entry of "files", its opening brace at `k_file_indent`. `path_json` and `scratch` are
/// scratch space.
void put_file(std::string& out, const FileResult& f, RuleCache& rules, std::string& path_json,
              std::vector<char>& scratch) {
    path_json.clear();
    put_json_string(path_json, f.path);
    out += "{\n      \"path\": ";
    out += path_json;
    out += ",\n      \"kind\": ";
    put_json_string(out, f.kind);
    out += ",\n      \"findings\": ";
    if (f.findings.empty()) {
        out += "[]";
    } else {
        std::string_view separator = "[\n        ";
        for (const core::Finding& x : f.findings) {
            out += separator;
            separator = ",\n        ";
            put_finding(out, x, rules.get(x.rule_id), f.path, path_json, scratch);
        }
        out += "\n      ]";
    }
    JsonContainer diagnostics(out += ",\n      \"diagnostics\": ", k_file_indent + 2, '[');
    for (const core::Diagnostic& d : f.diagnostics) {
        put_diagnostic(diagnostics.element(), d, diagnostics.inner());
    }
    diagnostics.close();
    out += "\n    }";
}

/// Output is written in pieces of about this size.
constexpr size_t k_chunk = size_t{64} * 1024;

/// The report's head, files and tail: the files as they come, the summary after them (it counts them).
class JsonWriter final : public ReportWriter {
  public:
    JsonWriter(std::ostream& out, std::string_view tool_version, const RenderOptions& options)
        : m_out(out), m_rules(options) {
        // Written a few files at a time (the same bytes as dumping one document): a DOM of the whole
        // report would cost several times the output's size in memory on large scans.
        Json head = Json::object();
        head["schema_version"] = k_schema_version;
        head["tool"] = Json{{"name", "bulwark"}, {"version", tool_version}};
        m_text.reserve(k_chunk + k_chunk / 2);
        detail::put_json_dom(m_text, head, 0);
        m_text.resize(m_text.size() - 2);  // without "\n}"
        m_text += ",\n  \"files\": [";
    }

    void file(const FileResult& f) override {
        m_text += m_files == 0 ? std::string_view("\n    ") : std::string_view(",\n    ");
        ++m_files;
        put_file(m_text, f, m_rules, m_path_json, m_scratch);
        if (m_text.size() >= k_chunk) {
            m_out.write(m_text.data(), static_cast<std::streamsize>(m_text.size()));
            m_text.clear();
        }
    }

    void finish(const Report& report) override {
        m_text += m_files == 0 ? "]" : "\n  ]";
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
        Json diagnostics = Json::array();
        for (const core::Diagnostic& d : report.diagnostics) {
            diagnostics.push_back(diagnostic_json(d));
        }
        // Scanned files may hold invalid UTF-8; JSON output must stay valid, so replace it (U+FFFD).
        Json tail = Json::object();
        tail["summary"] = std::move(summary);
        tail["diagnostics"] = std::move(diagnostics);
        tail["notes"] = report.notes;
        std::string tail_text;
        detail::put_json_dom(tail_text, tail, 0);
        m_text += ",\n";
        m_text.append(tail_text, 2, std::string::npos);  // without "{\n"
        m_text += '\n';
        m_out.write(m_text.data(), static_cast<std::streamsize>(m_text.size()));
        m_text.clear();
    }

  private:
    std::ostream& m_out;
    RuleCache m_rules;
    std::string m_text;  // written out every k_chunk bytes
    std::string m_path_json;
    std::vector<char> m_scratch;
    size_t m_files = 0;
};

class JsonRenderer final : public Renderer {
  public:
    void render(const Report& report, std::ostream& out, const RenderOptions& options) const override {
        JsonWriter writer(out, report.tool_version, options);
        for (const FileResult& f : report.files) {
            writer.file(f);
        }
        writer.finish(report);
    }
    std::unique_ptr<ReportWriter> start(std::ostream& out, std::string_view tool_version,
                                        const RenderOptions& options) const override {
        return std::make_unique<JsonWriter>(out, tool_version, options);
    }
};

}  // namespace

std::unique_ptr<Renderer> make_json_renderer() {
    return std::make_unique<JsonRenderer>();
}

}  // namespace bulwark::report
