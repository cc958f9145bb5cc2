#include "bulwark/report/renderers/common.hpp"

#include <charconv>

#include "bulwark/report/renderers/ascii_scan.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::report::detail {

const rules::Rule* lookup_rule(const RenderOptions& options, std::string_view id) {
    return options.rule_lookup != nullptr ? options.rule_lookup(id) : rules::find_rule(id);
}

const rules::Rule* RuleLookup::operator()(std::string_view id) {
    if (m_last == nullptr || m_last->first != id) {
        auto it = m_rules.find(id);
        if (it == m_rules.end()) {
            it = m_rules.emplace(std::string(id), lookup_rule(m_options, id)).first;
        }
        m_last = &*it;
    }
    return m_last->second;
}

std::string effective_fix(const core::Finding& finding, const rules::Rule* rule) {
    if (!finding.fix.empty()) {
        return finding.fix;
    }
    return rule != nullptr ? std::string(rule->remediation) : std::string();
}

std::string_view fail_on_name(core::Severity fail_on) {
    return fail_on > core::Severity::critical ? "none" : core::to_string(fail_on);
}

std::string_view level_name(core::DiagLevel level) {
    switch (level) {
        case core::DiagLevel::error:
            return "error";
        case core::DiagLevel::warning:
            return "warning";
        case core::DiagLevel::note:
            return "note";
    }
    return "error";
}

std::string location_text(const core::Location& l, std::string_view fallback) {
    std::string out(l.file.empty() ? fallback : std::string_view(l.file));
    if (!l.pointer.empty()) {
        out += "!";
        out += l.pointer;
    }
    if (l.line > 0) {
        char buffer[24];
        buffer[0] = ':';
        char* end = std::to_chars(buffer + 1, buffer + 11, l.line).ptr;  // at most 10 digits
        *end++ = ':';
        end = std::to_chars(end, buffer + sizeof(buffer), l.column).ptr;
        out.append(buffer, end);
    }
    return out;
}

std::string_view first_line(std::string_view text) {
    return text.substr(0, text.find('\n'));
}

size_t count_at_or_above(const Report& report, core::Severity threshold) {
    size_t n = 0;
    for (const auto& [severity, count] : report.counts()) {  // streamed findings too
        n += severity >= threshold ? count : 0;
    }
    return n;
}

size_t diagnostic_count(const Report& report, core::DiagLevel level) {
    size_t n = 0;
    for (const core::Diagnostic& d : report.diagnostics) {
        n += d.level == level ? 1 : 0;
    }
    for (const FileResult& f : report.files) {
        for (const core::Diagnostic& d : f.diagnostics) {
            n += d.level == level ? 1 : 0;
        }
    }
    return n;
}

long decode_utf8(std::string_view s, size_t& i) {
    auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) {
        ++i;
        return c;
    }
    size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((c & 0xE0U) == 0xC0U) {
        len = 2;
        cp = c & 0x1FU;
        min = 0x80;
    } else if ((c & 0xF0U) == 0xE0U) {
        len = 3;
        cp = c & 0x0FU;
        min = 0x800;
    } else if ((c & 0xF8U) == 0xF0U) {
        len = 4;
        cp = c & 0x07U;
        min = 0x10000;
    } else {
        ++i;
        return -1;
    }
    if (i + len > s.size()) {
        ++i;
        return -1;
    }
    for (size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0U) != 0x80U) {
            ++i;
            return -1;
        }
        cp = (cp << 6U) | (byte(i + k) & 0x3FU);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++i;
        return -1;
    }
    i += len;
    return static_cast<long>(cp);
}

std::string clean_utf8(std::string_view s, bool controls) {
    std::string out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        // Runs of printable ASCII are copied at once.
        size_t run = first_unplain<>(s.substr(i));
        out.append(s.data() + i, run);
        i += run;
        if (i == s.size()) {
            break;
        }
        size_t start = i;
        long cp = decode_utf8(s, i);
        bool control = cp >= 0 && ((cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0));
        if (cp < 0 || (controls && control)) {
            util::append_utf8(out, 0xFFFD);
        } else {
            out.append(s.substr(start, i - start));
        }
    }
    return out;
}

}  // namespace bulwark::report::detail
