#pragma once
// A stable identity for a finding that survives unrelated edits (used by baselines and SARIF).
#include <string>
#include <string_view>

#include "bulwark/core/finding.hpp"

namespace bulwark::core {

/// A fingerprint's 16 hex digits, without a heap allocation (a report writes one per finding).
struct FingerprintText {
    char hex[16];
    std::string_view view() const { return std::string_view(hex, sizeof(hex)); }
};

/// 16 hex digits from rule id, file path and the whitespace-trimmed evidence line (not the line number,
/// so inserting lines above does not change it). Identical findings on identical lines collide on
/// purpose; baselines count them.
std::string fingerprint(const Finding& finding);
/// The same digits as fingerprint(), in a fixed buffer.
FingerprintText fingerprint_text(const Finding& finding);

}  // namespace bulwark::core
