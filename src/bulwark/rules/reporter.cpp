#include "bulwark/rules/rule.hpp"

namespace bulwark::rules {

Reporter::Reporter(const Rule& rule, const util::SourceFile& source, std::vector<core::Finding>& out)
    : m_rule(rule), m_source(source), m_out(out) {}

void Reporter::report(model::Range where, std::string message, std::string fix) {
    report(where, m_rule.severity, std::move(message), std::move(fix));
}

void Reporter::report(model::Range where, core::Severity severity, std::string message, std::string fix) {
    report_in(m_source, where, severity, std::move(message), std::move(fix));
}

void Reporter::report_in(const util::SourceFile& file, model::Range where, core::Severity severity,
                         std::string message, std::string fix) {
    util::Position b = file.position(where.begin);
    util::Position e = file.position(where.end > where.begin ? where.end - 1 : where.begin);
    // Built in place: a large scan reports tens of thousands of findings.
    core::Finding& f = m_out.emplace_back();
    f.rule_id = m_rule.id;
    f.severity = severity;
    f.message = std::move(message);
    f.fix = std::move(fix);
    f.location = core::Location{file.path(), b.line, b.column, e.line, e.column, {}};
    f.evidence = file.line_text(b.line);
}

void Reporter::report(const model::MappedText& text, size_t begin, size_t end, std::string message,
                      std::string fix) {
    report(text.source_range(begin, end), std::move(message), std::move(fix));
}

void Reporter::report(const model::Instruction& at, std::string message, std::string fix) {
    report(at.keyword_range, std::move(message), std::move(fix));
}

void Reporter::report(const model::Origin& at, core::Severity severity, std::string message,
                      std::string fix) {
    report_in(at.file != nullptr ? *at.file : m_source, at.range, severity, std::move(message),
              std::move(fix));
}

void Reporter::report(const model::Origin& at, std::string message, std::string fix) {
    report(at, m_rule.severity, std::move(message), std::move(fix));
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
