#pragma once
// One result of one rule.
#include <string>

#include "bulwark/core/location.hpp"
#include "bulwark/core/severity.hpp"

namespace bulwark::core {

/// A rule's verdict at one place, with what to do about it.
struct Finding {
    std::string rule_id;
    Severity severity = Severity::info;
    std::string message;
    Location location;
    /// The source line(s) the finding is about, verbatim (for renderers and baselines).
    std::string evidence;
    /// A concrete fix for this occurrence (falls back to the rule's remediation when empty).
    std::string fix;
    /// Set when a suppression matched; suppressed findings are kept for reporting, not for exit codes.
    bool suppressed = false;
    std::string suppression;  // e.g. "inline: reason" or "config: path"
};

}  // namespace bulwark::core
