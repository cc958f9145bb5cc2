#pragma once
// Suppressions: inline comments, config path ignores and baselines, applied after the rules ran.
#include <set>
#include <string>
#include <vector>

#include "bulwark/core/finding.hpp"
#include "bulwark/core/policy.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::engine {

/// Marks findings suppressed by `# bulwark ignore=ID[,ID] [reason=...] [until=YYYY-MM-DD]` (next
/// instruction), `# bulwark ignore-file=...` (whole file) and `# hadolint ignore=DLxxxx` (through the
/// rules' equivalents). Expired ignores do not suppress; they add a warning diagnostic. Unknown ids
/// in an ignore add a warning diagnostic.
void apply_inline_suppressions(const model::Dockerfile& dockerfile, const std::string& today,
                               std::vector<core::Finding>& findings, std::vector<core::Diagnostic>& diagnostics);

/// Marks findings suppressed by the policy's path ignores.
void apply_path_ignores(const core::Policy& policy, const std::string& path, std::vector<core::Finding>& findings);

/// Fingerprints of the findings in a saved JSON report; error text on failure.
struct Baseline {
    std::multiset<std::string> fingerprints;
    std::string error;
};
Baseline load_baseline(const std::string& json_text);

/// Drops (not just marks) findings present in the baseline, each baseline entry matching once.
void apply_baseline(Baseline baseline, std::vector<core::Finding>& findings);

}  // namespace bulwark::engine
