#pragma once
// Scanning files that hold `docker run` lines (shell scripts, Makefiles, CI workflows, Markdown):
// the lines become a ContainerProject judged by the container rules.
#include "bulwark/engine/inputs.hpp"
#include "bulwark/input/run/script.hpp"
#include "bulwark/model/container.hpp"

namespace bulwark::engine {

/// Scans one script-like file (flavor by its path: input::run::flavor_for_path).
report::FileResult scan_script(util::SourcePtr source, const InputContext& ctx);
/// Judges a script already parsed with input::run::scan_script_file: its warnings, the container
/// rules, ignore comments (what scan_script does after parsing).
report::FileResult judge_script(const util::SourcePtr& source, const InputContext& ctx,
                                const input::run::ScriptScan& scan);
/// Scans one Markdown file's shell code blocks.
report::FileResult scan_markdown(util::SourcePtr source, const InputContext& ctx);

/// True for what the "script" input kind claims: *.sh, *.bash, Makefile, GNUmakefile, *.mk,
/// .gitlab-ci.yml and .github/workflows/*.yml|yaml.
bool claims_script(std::string_view path);
/// True for *.md and *.markdown.
bool claims_markdown(std::string_view path);

}  // namespace bulwark::engine
