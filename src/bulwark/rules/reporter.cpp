#include "bulwark/rules/rule.hpp"

#include <algorithm>
#include <string_view>

namespace bulwark::rules {

namespace {

/// file.position() of the last byte of `where`, given `b`, the position of its first: counted
/// from `b` when no line break lies between them (most findings are on one line).
util::Position end_position(const util::SourceFile& file, model::Range where, util::Position b) {
    size_t last = where.end > where.begin ? where.end - 1 : where.begin;
    const std::string& text = file.text();
    size_t from = std::min<size_t>(where.begin, text.size());
    size_t to = std::min(last, text.size());
    if (to < from) {
        return file.position(last);
    }
    std::string_view between = std::string_view(text).substr(from, to - from);
    if (between.find('\n') != std::string_view::npos) {
        return file.position(last);
    }
    return util::Position{b.line, b.column + util::utf8_length(between)};
}

}  // namespace

Reporter::Reporter(const Rule& rule, const util::SourceFile& source, std::vector<core::Finding>& out)
    : m_rule(rule), m_source(source), m_out(out) {}

// The overloads call report_in() directly: each hop would move both strings once more.
void Reporter::report(model::Range where, std::string message, std::string fix) {
    report_in(m_source, where, m_rule.severity, std::move(message), std::move(fix));
}

void Reporter::report(model::Range where, core::Severity severity, std::string message, std::string fix) {
    report_in(m_source, where, severity, std::move(message), std::move(fix));
}

void Reporter::report_in(const util::SourceFile& file, model::Range where, core::Severity severity,
                         std::string message, std::string fix) {
    util::Position b = file.position(where.begin);
    util::Position e = end_position(file, where, b);
    if (m_out.capacity() == 0) {
        m_out.reserve(16);  // most files have a few findings: no regrowth (and moves) for them
    }
    // Built in place: a large scan reports tens of thousands of findings.
    core::Finding& f = m_out.emplace_back();
    f.rule_id = m_rule.id;
    f.severity = severity;
    f.message = std::move(message);
    f.fix = std::move(fix);
    f.location.file = file.path();
    f.location.line = b.line;
    f.location.column = b.column;
    f.location.end_line = e.line;
    f.location.end_column = e.column;
    f.evidence = file.line_text(b.line);
}

void Reporter::report(const model::MappedText& text, size_t begin, size_t end, std::string message,
                      std::string fix) {
    report_in(m_source, text.source_range(begin, end), m_rule.severity, std::move(message), std::move(fix));
}

void Reporter::report(const model::Instruction& at, std::string message, std::string fix) {
    report_in(m_source, at.keyword_range, m_rule.severity, std::move(message), std::move(fix));
}

void Reporter::report(const model::Origin& at, core::Severity severity, std::string message,
                      std::string fix) {
    report_in(at.file != nullptr ? *at.file : m_source, at.range, severity, std::move(message),
              std::move(fix));
}

void Reporter::report(const model::Origin& at, std::string message, std::string fix) {
    report_in(at.file != nullptr ? *at.file : m_source, at.range, m_rule.severity, std::move(message),
              std::move(fix));
}

void Reporter::report_at(core::Location where, core::Severity severity, std::string message, std::string fix,
                         std::string evidence) {
    core::Finding f;
    f.rule_id = std::string(m_rule.id);
    f.severity = severity;
    f.message = std::move(message);
    f.fix = std::move(fix);
    f.location = std::move(where);
    f.evidence = std::move(evidence);
    m_out.push_back(std::move(f));
}

}  // namespace bulwark::rules
