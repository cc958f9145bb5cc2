#pragma once
// Finding severities, ordered from least to most severe.
#include <optional>
#include <string_view>

namespace bulwark::core {

enum class Severity { info = 0, low = 1, medium = 2, high = 3, critical = 4 };

/// Lower-case name: "info", "low", "medium", "high", "critical".
std::string_view to_string(Severity s);
/// Parses a name (case-insensitive); nullopt when unknown.
std::optional<Severity> parse_severity(std::string_view name);

}  // namespace bulwark::core
