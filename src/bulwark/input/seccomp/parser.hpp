#pragma once
// A Docker seccomp profile (JSON) -> model::SeccompProfile. Malformed profiles (bad JSON, no
// defaultAction, unknown action or operator names, syscall entries without names) are located
// errors; what can be read is kept. No judgement, no I/O.
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/model/seccomp.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::input::seccomp {

struct ParseResult {
    model::SeccompProfile profile;
    std::vector<core::Diagnostic> diagnostics;
    bool ok = true;  // false when the file could not be read at all (bad JSON): rules do not run
};

/// Parses a seccomp profile. Never throws.
ParseResult parse_profile(const util::SourcePtr& source);

/// True for the action names runc and Docker accept (SCMP_ACT_ALLOW, SCMP_ACT_ERRNO ...).
bool is_known_action(std::string_view action);

}  // namespace bulwark::input::seccomp
