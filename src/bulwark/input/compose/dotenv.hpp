#pragma once
// The `.env` / `env_file` format: NAME=VALUE lines, `export` prefixes, # comments, quoted values
// (single quotes literal, double quotes with escapes), interpolation of unquoted and double-quoted
// values from earlier lines and the environment.
#include <string>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/compose/interpolate.hpp"
#include "bulwark/model/dockerfile.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::input::compose {

struct DotenvEntry {
    std::string name;
    std::string value;
    bool has_value = false;  // false for a bare NAME line (taken from the environment)
    bool known = true;       // false when the value used a variable without a value
    model::Range name_range;
    model::Range range;  // the whole line
};

/// Parses an env file. `env` resolves variables in values (earlier lines of the file win over it).
/// Malformed lines are warnings in `diagnostics`.
std::vector<DotenvEntry> parse_dotenv(const util::SourceFile& file, const Environment& env,
                                      std::vector<core::Diagnostic>& diagnostics);

}  // namespace bulwark::input::compose
