#pragma once
// .bulwark.yaml: discovery, trust and conversion into a core::Policy.
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/core/policy.hpp"
#include "bulwark/util/filesystem.hpp"

namespace bulwark::config {

/// How a config file may be used.
struct TrustOptions {
    std::optional<std::string> explicit_config;  // --config FILE: always trusted
    bool trust_found_config = false;  // --trust-config: configs found in the tree may disable checks
};

struct LoadedPolicy {
    core::Policy policy;                        // cli policy merged with the config
    std::string config_path;                    // the file used, empty when none
    std::vector<core::Diagnostic> diagnostics;  // YAML errors, unknown keys (with file:line:col)
    std::vector<std::string> notes;             // e.g. what an untrusted config was not allowed to do
};

/// Searches `.bulwark.yaml` / `.bulwark.yml` from `scanned_path` (a directory, or a file's directory;
/// "-" means the current directory) upward to the root. Relative input gives a path relative to the
/// current directory.
std::optional<std::string> find_config(const util::FileSystem& fs, const std::string& scanned_path);
/// find_config for many scanned paths: each directory's answer is remembered, so the directories of
/// one tree look their shared ancestors up once, not once per directory.
class ConfigFinder {
  public:
    explicit ConfigFinder(const util::FileSystem& fs);
    /// find_config(fs, scanned_path), given `directory` = search_directory(fs, scanned_path).
    std::optional<std::string> find(const std::string& directory, const std::string& scanned_path);

  private:
    const util::FileSystem& m_fs;
    std::string m_cwd;  // the current directory; empty when it cannot be known
    // By absolute, lexically normal directory: the absolute path of the config found from it upward.
    std::unordered_map<std::string, std::optional<std::string>> m_found;
    std::unordered_map<std::string, std::string> m_relative;  // a found config as shown for relative input
};

/// The directory find_config starts from for `scanned_path`: the path itself when it is a directory,
/// else its parent ("." for a bare name or stdin "-"). Paths with one search directory share a config.
std::string search_directory(const util::FileSystem& fs, const std::string& scanned_path);
/// search_directory() of a path known not to be a directory (no lookup on disk).
std::string search_directory_of_file(const std::string& scanned_path);

/// Loads the policy for inputs under `scanned_path`: the explicit config, else the one found upward
/// (untrusted unless allowed: it may raise severities, restrict registries and images and set build args
/// and target, never disable rules or categories, narrow with rules.enable, lower severities or add path
/// ignores; each refused setting is named in one note), merged over `cli` (command-line options win;
/// disabled rules and categories are unioned). Never throws: problems are diagnostics.
LoadedPolicy load_policy(const util::FileSystem& fs, const std::string& scanned_path,
                         const TrustOptions& trust, const core::Policy& cli);
/// load_policy with the config already found: `config_path` is trust.explicit_config or what
/// find_config answered (nullopt: no config, `cli` alone).
LoadedPolicy load_policy_from(const util::FileSystem& fs, const std::optional<std::string>& config_path,
                              const TrustOptions& trust, const core::Policy& cli);

}  // namespace bulwark::config
