#pragma once
// A stable identity for a finding that survives unrelated edits (used by baselines and SARIF).
#include <string>

#include "bulwark/core/finding.hpp"

namespace bulwark::core {

/// 16 hex digits from rule id, file path and the whitespace-trimmed evidence line (not the line number,
/// so inserting lines above does not change it). Identical findings on identical lines collide on
/// purpose; baselines count them.
std::string fingerprint(const Finding& finding);

}  // namespace bulwark::core
