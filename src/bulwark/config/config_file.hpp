#pragma once
// One .bulwark.yaml parsed and validated, before trust and the command line are applied.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/core/policy.hpp"
#include "bulwark/core/severity.hpp"

namespace bulwark::config {

/// Where a setting was written (1-based; 0 when unknown).
struct Mark {
    uint32_t line = 0;
    uint32_t column = 0;
};

/// A rule id as written and the bulwark rules it names (a hadolint id may name several).
struct RuleRef {
    std::string written;
    std::vector<std::string> ids;
    Mark mark;
};

/// `rules.severity` entry.
struct SeveritySetting {
    RuleRef rule;
    core::Severity severity = core::Severity::info;
};

/// `ignore[index]` entry.
struct IgnoreSetting {
    core::PathIgnore ignore;
    size_t index = 0;  // position in the file's `ignore` list
    Mark mark;         // the list item
    Mark until_mark;
};

/// What a config file asks for. Only valid settings are kept; problems are in `diagnostics`.
struct ConfigFile {
    std::string path;                         // display path
    std::vector<RuleRef> disabled_rules;      // rules.disable
    std::vector<RuleRef> enabled_rules;       // rules.enable
    std::vector<SeveritySetting> severities;  // rules.severity
    std::vector<std::string> disabled_categories;
    std::vector<std::string> trusted_registries;
    std::vector<std::string> allowed_images;
    std::vector<IgnoreSetting> ignores;
    std::map<std::string, std::string> build_args;
    std::optional<std::string> target;
    std::vector<core::Diagnostic> diagnostics;  // invalid YAML, unknown keys and ids, bad values
};

/// Parses the YAML `text` of config file `path`. Never throws; an unusable file gives an empty
/// ConfigFile with an error diagnostic at the offending line:col.
ConfigFile parse_config(const std::string& path, const std::string& text);

/// True for a real calendar date written YYYY-MM-DD.
bool is_date(std::string_view text);

/// The bulwark rule ids `written` names: itself (any case) or, for another tool's id such as hadolint's
/// "DL3008", the rules listing it as an equivalent. Empty when it names none.
std::vector<std::string> resolve_rule_id(std::string_view written);

/// The candidate closest to `word` when it is a plausible misspelling of it, for "did you mean".
std::optional<std::string_view> closest_word(std::string_view word,
                                             std::span<const std::string_view> candidates);

}  // namespace bulwark::config
