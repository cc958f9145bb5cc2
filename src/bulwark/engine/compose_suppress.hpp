#pragma once
// Inline suppressions in compose files: a `# bulwark ignore=ID[,ID] [reason="..."] [until=...]`
// comment line directly above a key suppresses those rules' findings within the key's lines;
// `# bulwark ignore-file=...` (or `global ignore=`) the whole file. The comment syntax is
// engine/ignore_comment.hpp's.
#include <string>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/core/finding.hpp"
#include "bulwark/input/compose/loader.hpp"

namespace bulwark::engine {

/// Marks findings suppressed by the ignore comments of every compose file of `loaded`; problems with
/// the comments (unknown ids, expired, not above a key) are warnings.
void apply_compose_suppressions(const input::compose::LoadResult& loaded, const std::string& today,
                                std::vector<core::Finding>& findings,
                                std::vector<core::Diagnostic>& diagnostics);

}  // namespace bulwark::engine
