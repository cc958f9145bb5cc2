#pragma once
// Suppressions: inline comments, config path ignores and baselines, applied after the rules ran.
#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "bulwark/core/finding.hpp"
#include "bulwark/core/policy.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::engine {

/// Marks findings suppressed by `# bulwark ignore=ID[,ID] [reason=...] [until=YYYY-MM-DD]` (next
/// instruction, or the instruction the comment sits in), `# bulwark ignore-file=...` / `# bulwark global
/// ignore=...` (whole file) and `# hadolint [global] ignore=DLxxxx` (through the rules' equivalents).
/// Expired ignores (until < today) do not suppress; they add a warning diagnostic. Unknown ids and `all`
/// in an ignore add a warning diagnostic.
void apply_inline_suppressions(const model::Dockerfile& dockerfile, const std::string& today,
                               std::vector<core::Finding>& findings,
                               std::vector<core::Diagnostic>& diagnostics);

/// One rule suppressed by an inline comment over a line range (or the whole file).
struct InlineSuppression {
    std::string rule_id;
    std::string label;
    bool whole_file = false;
    uint32_t first_line = 0;
    uint32_t last_line = 0;
};
/// The inline suppressions of one Dockerfile, most specific first: read once, applied to the
/// findings of every pass over the file (its rules, then its build context's).
using InlineSuppressions = std::vector<InlineSuppression>;

/// Reads the ignore comments of `dockerfile` as apply_inline_suppressions() does, adding their
/// problems to `diagnostics`.
InlineSuppressions read_inline_suppressions(const model::Dockerfile& dockerfile, const std::string& today,
                                            std::vector<core::Diagnostic>& diagnostics);
/// Marks the findings that `suppressions` (from read_inline_suppressions()) suppress.
void apply_inline_suppressions(const InlineSuppressions& suppressions, std::vector<core::Finding>& findings);

/// Marks findings of file `path` suppressed by the policy's unexpired path ignores (the glob is matched
/// against the path and each suffix of it that starts at a path component).
void apply_path_ignores(const core::Policy& policy, const std::string& path,
                        std::vector<core::Finding>& findings);

/// Fingerprints of the findings in a saved JSON report; error text on failure.
struct Baseline {
    std::multiset<std::string> fingerprints;
    std::string error;
    uint32_t line = 0;  // where in the JSON text the error is (1-based; 0 when not positional)
    uint32_t column = 0;
};
/// Reads bulwark's JSON report: each finding's "fingerprint", or one computed from "rule_id",
/// "location"."file" and "evidence" when absent.
Baseline load_baseline(const std::string& json_text);

/// Drops (not just marks) findings present in the baseline. Each matching entry is consumed, so with one
/// Baseline passed for every file of a run, each entry matches at most once in the whole run.
void apply_baseline(Baseline& baseline, std::vector<core::Finding>& findings);

}  // namespace bulwark::engine
