#pragma once
// What the user asked for: which rules run, how severe they are, and rule options.
// A plain value built by config/ from .bulwark.yaml and the command line; rules only read it.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "bulwark/core/severity.hpp"

namespace bulwark::core {

/// Rule ids or category names, looked up by string_view for every rule of every file.
using NameSet = std::set<std::string, std::less<>>;

/// Suppress `rules` (all when empty) on files matching `path_glob`, until `until` (inclusive).
struct PathIgnore {
    std::string path_glob;
    std::set<std::string> rules;
    std::string reason;  // shown with suppressed findings; may be empty
    std::string until;   // YYYY-MM-DD, last day the ignore applies; empty: no expiry
};

struct Policy {
    NameSet disabled_rules;  // rule ids
    NameSet enabled_rules;   // if non-empty, only these run
    NameSet disabled_categories;
    std::map<std::string, Severity, std::less<>> severity_overrides;
    /// Registries that FROM may pull from (empty: any). Entries like "docker.io", "ghcr.io/myorg".
    std::vector<std::string> trusted_registries;
    /// Base images allowed (globs over the short name, e.g. "debian:*", "gcr.io/distroless/*"); empty: any.
    std::vector<std::string> allowed_images;
    std::vector<PathIgnore> path_ignores;
    /// --build-arg values and --target.
    std::map<std::string, std::string> build_args;
    std::string target;
    /// Today's date as YYYY-MM-DD (the clock seam: tests set it; used for EOL and ignore expiry).
    std::string today;
    /// Images built more than this many days before `today` are reported as stale (`bulwark image`).
    int image_max_age_days = 90;
};

}  // namespace bulwark::core
