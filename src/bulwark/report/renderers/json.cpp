// bulwark's own JSON report, schema docs/schema/bulwark-report-v1.schema.json.
#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <map>
#include <unordered_map>

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

// The files are written directly, in exactly the bytes nlohmann's dump(2, ' ', false, replace) gives
// (a DOM per finding cost more than scanning the file). Strings that need escaping or UTF-8 repair
// still go through nlohmann, so escaping cannot drift.

/// Whether any byte of the 8 in `w` needs escaping or UTF-8 handling: below 0x20, '"', '\\', or
/// 0x7f and above (SWAR: eight bytes per step, the common case is plain ASCII).
bool word_needs_care(uint64_t w) {
    constexpr uint64_t k_ones = 0x0101010101010101ULL;
    constexpr uint64_t k_high = 0x8080808080808080ULL;
    auto has_byte = [](uint64_t x, uint8_t b) {
        uint64_t v = x ^ (k_ones * b);
        return (v - k_ones) & ~v & k_high;
    };
    uint64_t below_space = (w - k_ones * 0x20) & ~w & k_high;               // bytes < 0x20 (high bit clear)
    uint64_t high_or_del = (w | ((w & ~k_high) + k_ones * 0x01)) & k_high;  // >= 0x80, or 0x7f
    return (below_space | high_or_del | has_byte(w, '"') | has_byte(w, '\\')) != 0;
}

bool plain_byte(char c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

/// `s` as a JSON string literal.
void put_string(std::string& out, std::string_view s) {
    // ASCII is escaped here as nlohmann escapes it; strings with other bytes (UTF-8, or invalid
    // bytes to replace) are left to nlohmann.
    size_t start = out.size();
    static constexpr std::string_view k_hex = "0123456789abcdef";
    out += '"';
    size_t plain = 0;  // start of the bytes not yet copied
    size_t i = 0;
    while (i < s.size()) {
        if (i + 8 <= s.size()) {
            uint64_t w = 0;
            std::memcpy(&w, s.data() + i, 8);
            if (!word_needs_care(w)) {
                i += 8;
                continue;
            }
        }
        char c = s[i];
        if (plain_byte(c)) {
            ++i;
            continue;
        }
        if (static_cast<unsigned char>(c) >= 0x7f) {
            out.resize(start);
            out += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
            return;
        }
        out.append(s.data() + plain, i - plain);
        plain = i + 1;
        ++i;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                out += "\\u00";
                out += k_hex[static_cast<unsigned char>(c) >> 4U];
                out += k_hex[static_cast<unsigned char>(c) & 0xfU];
                break;
        }
    }
    out.append(s.data() + plain, s.size() - plain);
    out += '"';
}

void put_newline(std::string& out, size_t indent) {
    out += '\n';
    out.append(indent, ' ');
}

/// A JSON object or array being written at `indent` (the indentation of its closing bracket).
class Container {
  public:
    Container(std::string& out, size_t indent, char open)
        : m_out(out), m_indent(indent), m_close(open == '{' ? '}' : ']') {
        m_out += open;
    }
    /// Starts the next member: `"key": ` (objects) and returns the output for its value. Keys are
    /// this file's own identifiers, written as they are.
    std::string& key(std::string_view k) {
        size_t indent = m_indent + 2;
        char buffer[128];  // `,` + newline + indentation + `"key": `, appended at once
        if (indent + k.size() + 7 > sizeof(buffer)) {
            element();  // deeper or longer than this file writes, but correct all the same
            m_out += '"';
            m_out += k;
            m_out += "\": ";
            return m_out;
        }
        size_t n = 0;
        if (!m_empty) {
            buffer[n++] = ',';
        }
        m_empty = false;
        buffer[n++] = '\n';
        std::memset(buffer + n, ' ', indent);
        n += indent;
        buffer[n++] = '"';
        std::memcpy(buffer + n, k.data(), k.size());
        n += k.size();
        std::memcpy(buffer + n, "\": ", 3);
        n += 3;
        m_out.append(buffer, n);
        return m_out;
    }
    /// Starts the next element (arrays).
    std::string& element() {
        if (!m_empty) {
            m_out += ',';
        }
        m_empty = false;
        put_newline(m_out, m_indent + 2);
        return m_out;
    }
    size_t inner() const { return m_indent + 2; }
    void close() {
        if (!m_empty) {
            put_newline(m_out, m_indent);
        }
        m_out += m_close;
    }

  private:
    std::string& m_out;
    size_t m_indent;
    char m_close;
    bool m_empty = true;
};

void put_number(std::string& out, uint64_t n) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), n);
    out.append(buffer, end);
}

void put_location(std::string& out, const core::Location& l, size_t indent) {
    Container o(out, indent, '{');
    put_string(o.key("file"), l.file);
    put_number(o.key("line"), l.line);
    put_number(o.key("column"), l.column);
    put_number(o.key("end_line"), l.end_line);
    put_number(o.key("end_column"), l.end_column);
    if (!l.pointer.empty()) {
        put_string(o.key("pointer"), l.pointer);  // a path inside an image
    }
    o.close();
}

void put_diagnostic(std::string& out, const core::Diagnostic& d, size_t indent) {
    Container o(out, indent, '{');
    put_string(o.key("level"), detail::level_name(d.level));
    put_string(o.key("message"), d.message);
    put_location(o.key("location"), d.location, o.inner());
    o.close();
}

void put_list(std::string& out, std::string_view field, size_t indent) {
    Container a(out, indent, '[');
    for (std::string_view id : rules::split_list(field)) {
        put_string(a.element(), id);
    }
    a.close();
}

/// A finding's "equivalents" object, its opening brace at `indent`.
std::string equivalents_text(const rules::Rule* rule, size_t indent) {
    std::string out;
    Container e(out, indent, '{');
    put_list(e.key("hadolint"), rule != nullptr ? rule->hadolint : "", e.inner());
    put_list(e.key("trivy"), rule != nullptr ? rule->trivy : "", e.inner());
    put_list(e.key("checkov"), rule != nullptr ? rule->checkov : "", e.inner());
    put_list(e.key("cis"), rule != nullptr ? rule->cis : "", e.inner());
    e.close();
    return out;
}

std::string string_text(std::string_view s) {
    std::string out;
    put_string(out, s);
    return out;
}

/// What a finding takes from its rule, looked up and rendered once per distinct id of a report
/// (rules' texts are the bulk of the output and the same for all their findings).
struct RuleText {
    RuleText(const rules::Rule* r, size_t member_indent)
        : rule(r),
          title(string_text(r != nullptr ? r->title : "")),
          category(string_text(r != nullptr ? r->category : "")),
          remediation(string_text(r != nullptr ? r->remediation : "")),
          equivalents(equivalents_text(r, member_indent)) {}
    const rules::Rule* rule;
    std::string title;  // as JSON string literals
    std::string category;
    std::string remediation;  // the fix of findings without their own
    std::string equivalents;  // rendered at a finding member's indentation
};

void put_finding(std::string& out, const core::Finding& x, const RuleText& rule, size_t indent) {
    Container o(out, indent, '{');
    put_string(o.key("rule_id"), x.rule_id);
    o.key("title") += rule.title;
    put_string(o.key("severity"), core::to_string(x.severity));
    o.key("category") += rule.category;
    put_string(o.key("message"), x.message);
    put_location(o.key("location"), x.location, o.inner());
    put_string(o.key("evidence"), x.evidence);
    if (!x.fix.empty() || rule.rule == nullptr) {
        put_string(o.key("fix"), x.fix);
    } else {
        o.key("fix") += rule.remediation;
    }
    put_string(o.key("fingerprint"), core::fingerprint(x));
    o.key("suppressed") += x.suppressed ? "true" : "false";
    if (x.suppressed) {
        put_string(o.key("suppression"), x.suppression);
    } else {
        o.key("suppression") += "null";
    }
    o.key("equivalents") += rule.equivalents;
    o.close();
}

class RuleCache {
  public:
    RuleCache(const RenderOptions& options, size_t member_indent)
        : m_options(options), m_member_indent(member_indent) {}
    const RuleText& get(const std::string& id) {
        auto it = m_rules.find(id);
        if (it == m_rules.end()) {
            it = m_rules.try_emplace(id, detail::lookup_rule(m_options, id), m_member_indent).first;
        }
        return it->second;
    }

  private:
    const RenderOptions& m_options;
    size_t m_member_indent;
    std::unordered_map<std::string, RuleText> m_rules;
};

/// The indentation of a finding's braces: files at 4, their "findings" members at 6, findings at 8.
constexpr size_t k_file_indent = 4;
constexpr size_t k_finding_indent = k_file_indent + 4;

/// One entry of "files", its opening brace at `k_file_indent`.
void put_file(std::string& out, const FileResult& f, RuleCache& rules) {
    const size_t indent = k_file_indent;
    Container o(out, indent, '{');
    put_string(o.key("path"), f.path);
    put_string(o.key("kind"), f.kind);
    Container findings(o.key("findings"), o.inner(), '[');
    for (const core::Finding& x : f.findings) {
        put_finding(findings.element(), x, rules.get(x.rule_id), findings.inner());
    }
    findings.close();
    Container diagnostics(o.key("diagnostics"), o.inner(), '[');
    for (const core::Diagnostic& d : f.diagnostics) {
        put_diagnostic(diagnostics.element(), d, diagnostics.inner());
    }
    diagnostics.close();
    o.close();
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
        RuleCache rules(options, k_finding_indent + 2);
        std::string text;
        for (size_t i = 0; i < report.files.size(); ++i) {
            text.assign(i == 0 ? "\n    " : ",\n    ");
            put_file(text, report.files[i], rules);
            out << text;
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
