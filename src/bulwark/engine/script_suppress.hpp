#pragma once
// Inline suppressions in scripts, Makefiles, CI YAML and Markdown: a `# bulwark ignore=ID[,ID]
// [reason="..."] [until=YYYY-MM-DD]` comment line directly above a command suppresses those rules'
// findings on the command's lines (its `\` continuation lines included); `# bulwark ignore-file=...`
// the whole file. The comment syntax is engine/ignore_comment.hpp's.
#include <string>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/core/finding.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::engine {

/// Marks findings of `src` suppressed by its ignore comments; problems with the comments (unknown
/// ids, expired, bad dates) are warnings.
void apply_script_suppressions(const util::SourceFile& src, const std::string& today,
                               std::vector<core::Finding>& findings,
                               std::vector<core::Diagnostic>& diagnostics);

}  // namespace bulwark::engine
