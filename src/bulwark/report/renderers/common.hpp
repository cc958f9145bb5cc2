#pragma once
// Helpers shared by the built-in renderers (not part of the Renderer interface).
#include <array>
#include <map>
#include <string>
#include <string_view>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/core/finding.hpp"
#include "bulwark/report/renderer.hpp"
#include "bulwark/rules/rule.hpp"

namespace bulwark::report::detail {

/// Severities from most to least severe (the order summaries list them in).
inline constexpr std::array<core::Severity, 5> k_severities_desc = {
    core::Severity::critical, core::Severity::high, core::Severity::medium, core::Severity::low,
    core::Severity::info};

/// Rule metadata for `id` through options.rule_lookup (or rules::find_rule); nullptr when unknown.
const rules::Rule* lookup_rule(const RenderOptions& options, std::string_view id);
/// lookup_rule remembering its answers for one render (rules::find_rule walks the whole table).
class RuleLookup {
  public:
    explicit RuleLookup(const RenderOptions& options) : m_options(options) {}
    const rules::Rule* operator()(std::string_view id);

  private:
    const RenderOptions& m_options;
    std::map<std::string, const rules::Rule*, std::less<>> m_rules;
    const std::pair<const std::string, const rules::Rule*>* m_last = nullptr;
};
/// The finding's own fix, else the rule's remediation, else "".
std::string effective_fix(const core::Finding& finding, const rules::Rule* rule);
/// "critical".."info", or "none" for a threshold above critical (--fail-on none).
std::string_view fail_on_name(core::Severity fail_on);
/// "error", "warning" or "note".
std::string_view level_name(core::DiagLevel level);
/// Where a finding is, for people: "file", "file:line:col", and for a path inside an image
/// "image!/etc/shadow" or "image!/app/.env:3:7" (`fallback` when the location has no file).
std::string location_text(const core::Location& l, std::string_view fallback = {});
/// Text up to the first newline.
std::string_view first_line(std::string_view text);
/// Unsuppressed findings with severity >= `threshold`.
size_t count_at_or_above(const Report& report, core::Severity threshold);
/// Diagnostics of `level` in the whole report (files and report level).
size_t diagnostic_count(const Report& report, core::DiagLevel level);

/// Decodes one UTF-8 code point at `i` and advances `i`; returns -1 (advancing one byte) for an
/// invalid, overlong, surrogate or truncated sequence.
long decode_utf8(std::string_view s, size_t& i);
/// `s` as valid UTF-8: invalid bytes become U+FFFD; when `controls` is set, C0/C1 control characters
/// other than tab and newline become U+FFFD too (terminal-escape injection from scanned files).
std::string clean_utf8(std::string_view s, bool controls);

}  // namespace bulwark::report::detail
