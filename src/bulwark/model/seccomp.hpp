#pragma once
// A seccomp profile in Docker's JSON format (`--security-opt seccomp=profile.json`,
// daemon.json `seccomp-profile`): the default action and the syscall rules, each with where it
// was written.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/container.hpp"  // Origin, Setting

namespace bulwark::model {

/// One `args` condition of a syscall rule.
struct SeccompArg {
    uint64_t index = 0;
    uint64_t value = 0;
    uint64_t value_two = 0;
    std::string op;  // SCMP_CMP_EQ, SCMP_CMP_MASKED_EQ ...
};

/// One entry of `syscalls`.
struct SeccompRule {
    std::vector<Setting<std::string>> names;  // `names` (or the legacy single `name`)
    Setting<std::string> action;              // SCMP_ACT_ALLOW, SCMP_ACT_ERRNO ...
    std::vector<SeccompArg> args;             // all must match for the action to apply
    std::vector<std::string> include_caps;    // applies only when the container has one of these
    std::vector<std::string> include_arches;  // applies only on these architectures
    std::string include_min_kernel;           // applies only on this kernel or newer ("4.8")
    std::vector<std::string> exclude_caps;    // does not apply when the container has one of these
    std::vector<std::string> exclude_arches;
    Origin origin;  // the whole entry
};

struct SeccompProfile {
    Setting<std::string> default_action;  // what every syscall no rule names gets
    std::vector<SeccompRule> syscalls;
    Origin origin;  // the top-level `{`
};

/// True for the actions that let a syscall run: SCMP_ACT_ALLOW and SCMP_ACT_LOG.
inline bool seccomp_action_allows(std::string_view action) {
    return action == "SCMP_ACT_ALLOW" || action == "SCMP_ACT_LOG";
}

}  // namespace bulwark::model
