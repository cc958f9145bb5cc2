#pragma once
// Variable expansion in Dockerfile instructions, as BuildKit's shell lexer does it (not a shell:
// no command substitution, no globbing, no word splitting).
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/dockerfile.hpp"

namespace bulwark::model {

/// Expands `text` like BuildKit's ProcessWord: removes quotes ('...' literal, "..." expanding),
/// resolves `escape` (`\$` stays a literal `$`), and substitutes $v, ${v}, ${v:-x}, ${v-x},
/// ${v:+x}, ${v+x}, ${v:?msg}, ${v?msg}, ${v#p}, ${v##p}, ${v%p}, ${v%%p}, ${v/p/r}, ${v//p/r}
/// (nested in the words). A name missing from `scope` expands to empty; a name whose Value is
/// unknown makes the result unknown and is listed in unknown_vars. Syntax errors and ${v?msg} on an
/// unset name set Value::error (known is then false and text is `text` unchanged).
Value expand(std::string_view text, const VarScope& scope, char escape = '\\');

/// True when `text` has a variable reference that expand() would substitute ($name or ${...}
/// outside single quotes and not escaped).
bool refers_to_variables(std::string_view text, char escape = '\\');

/// The variable names `text` refers to (outermost and nested), in order of appearance, each once.
std::vector<std::string> referenced_variables(std::string_view text, char escape = '\\');

}  // namespace bulwark::model
