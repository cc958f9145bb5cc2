#pragma once
// Compose variable interpolation: ${VAR}, $VAR, ${VAR:-default}, ${VAR-default}, ${VAR:?error},
// ${VAR?error}, ${VAR:+alt}, ${VAR+alt}, $$ for a literal $; defaults may nest.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/compose/node.hpp"

namespace bulwark::input::compose {

/// Variables by name; a name absent from the map is unset (an empty value is set).
using Environment = std::map<std::string, std::string, std::less<>>;

struct Interpolated {
    struct Problem {
        size_t offset = 0;  // into the input text
        bool error = false;
        std::string message;
    };
    std::string value;
    bool known = true;  // false when a variable without a value was used
    std::vector<Problem> problems;
};

/// Interpolates `text`. A variable without a value makes the result unknown; `:?`/`?` with no value
/// is an error problem; an invalid `$` sequence is a warning problem and stays as written.
Interpolated interpolate(std::string_view text, const Environment& env);

/// Interpolates every scalar value (not keys) of `root` in place, adding located diagnostics.
void interpolate_tree(Node& root, const Environment& env, std::vector<core::Diagnostic>& diagnostics);

}  // namespace bulwark::input::compose
