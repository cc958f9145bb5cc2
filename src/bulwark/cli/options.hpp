#pragma once
// Option handling shared by the commands that scan and render (scan, check-run).
#include <optional>
#include <string>
#include <vector>

#include "bulwark/core/policy.hpp"
#include "bulwark/core/severity.hpp"

namespace bulwark::cli {

/// The severity named by `value` for option `flag`; sets `error` when it is not one. `--fail-on`
/// also accepts "none" (a threshold above critical: nothing fails).
std::optional<core::Severity> severity_arg(const std::string& value, const char* flag, std::string& error);

/// Adds the rules named by --ignore and --only (bulwark ids, or hadolint/trivy/checkov ids through
/// their equivalents) to the policy; the error message for an unknown id, or empty.
std::string add_rule_selection(const std::vector<std::string>& ignore, const std::vector<std::string>& only,
                               core::Policy& policy);

/// The error message for a --color value other than auto, always or never, or empty.
std::string check_color_arg(const std::string& color);

/// Whether to colour output: `--color always`, or `auto` on a terminal without NO_COLOR; never with
/// --no-color or `--color never`.
bool use_color(const std::string& color, bool no_color, bool to_stdout);

}  // namespace bulwark::cli
