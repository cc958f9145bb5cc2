#pragma once
// What every input kind does with the rules: pick the enabled ones, run them, apply the policy's
// severity overrides and path ignores, and sort the findings.
#include <span>
#include <vector>

#include "bulwark/core/finding.hpp"
#include "bulwark/core/policy.hpp"
#include "bulwark/model/container.hpp"
#include "bulwark/report/report.hpp"
#include "bulwark/rules/rule.hpp"

namespace bulwark::engine {

/// True when the policy lets `rule` run (--only/--ignore, config rules and categories).
bool rule_enabled(const rules::Rule& rule, const core::Policy& policy);
/// True when the policy restricts no rule (no --only/--ignore, rules or categories): then
/// rule_enabled() is true for every rule, and a caller asking for many rules need not ask.
bool enables_every_rule(const core::Policy& policy);

/// The rules with a check_dockerfile, and those with a check_context, in all_rules() order.
std::span<const rules::Rule* const> dockerfile_rules();
std::span<const rules::Rule* const> context_rules();

/// Applies severity overrides and path ignores to `result.findings` and sorts them by line,
/// column and rule id: the last step of every input kind's scan.
void finish_findings(const core::Policy& policy, report::FileResult& result);
/// Finishes `more` (findings of a later pass over the same input, such as its build context's) as
/// finish_findings() does and merges them into the finished `result.findings`: the same findings in
/// the same order as appending them and calling finish_findings() again, without sorting it all again.
void finish_more_findings(const core::Policy& policy, report::FileResult& result,
                          std::vector<core::Finding>&& more);

/// Runs every enabled container rule on every container of `project`, adding to `result.findings`
/// (findings in files other than `main` keep their own path). Callers then call finish_findings.
void run_container_rules(const model::ContainerProject& project, const core::Policy& policy,
                         const util::SourceFile& main, report::FileResult& result);

/// Runs every enabled daemon rule on `daemon` (from daemon.json or a dockerd command line in
/// `main`), adding to `result.findings`. Callers then call finish_findings.
void run_daemon_rules(const model::DaemonSpec& daemon, const core::Policy& policy,
                      const util::SourceFile& main, report::FileResult& result);

/// Runs every enabled image rule on `image`, reporting config and history findings in
/// `image.config_source` and file findings at paths inside the image. Callers then call
/// finish_findings.
void run_image_rules(const model::ImageSpec& image, const core::Policy& policy, report::FileResult& result);

/// Runs every enabled seccomp rule on `profile` (read from `main`), adding to `result.findings`.
void run_seccomp_rules(const model::SeccompProfile& profile, const core::Policy& policy,
                       const util::SourceFile& main, report::FileResult& result);

}  // namespace bulwark::engine
