#pragma once
// Finding `docker run` / `docker create` lines in files that hold shell: shell scripts, Makefile
// recipes, GitHub Actions `run:` steps, GitLab CI `script:` entries and Markdown code blocks. Each
// embedded script is shell-parsed on its own with offsets mapped back to the file.
#include <string_view>
#include <vector>

#include "bulwark/input/run/parser.hpp"
#include "bulwark/model/container.hpp"
#include "bulwark/model/dockerfile.hpp"  // model::MappedText

namespace bulwark::input::run {

/// How a file holds its shell.
enum class ScriptFlavor { shell, makefile, github_actions, gitlab_ci, markdown };

/// The flavor a path names: Makefile/GNUmakefile/*.mk, .gitlab-ci.yml, .github/workflows/*.y(a)ml,
/// *.md/*.markdown; anything else is a shell script.
ScriptFlavor flavor_for_path(std::string_view path);

/// The docker run lines of a file, as a project, and the problems met on the way.
struct ScriptScan {
    model::ContainerProject project;
    std::vector<RunWarning> warnings;  // unknown flags, shell syntax errors, YAML errors (file offsets)
};

/// Extracts every docker run/create line of `file` read as `flavor`. Never throws.
ScriptScan scan_script_file(const util::SourcePtr& file, ScriptFlavor flavor);

/// The docker run/create lines of one shell script `script` (mapped into `file`). Variables assigned
/// at the top level of the script with literal values are resolved; anything else that depends on
/// an expansion is left unknown.
void runs_in_shell(const model::MappedText& script, const util::SourcePtr& file, ScriptScan& out);

/// The shell scripts embedded in a file, mapped to its offsets (empty for `shell`: the whole file).
std::vector<model::MappedText> makefile_recipes(std::string_view text);
std::vector<model::MappedText> markdown_blocks(std::string_view text);
/// `run:` steps (GitHub Actions) or `script:`/`before_script:`/`after_script:` entries (GitLab CI).
/// A YAML syntax error is added to `warnings`.
std::vector<model::MappedText> ci_scripts(std::string_view text, bool gitlab,
                                          std::vector<RunWarning>& warnings);

/// The source text of a YAML scalar whose value is `value` and whose node starts at byte `pos` of
/// `text`: a plain or quoted scalar, or a block scalar (`run: |`) whose lines follow; when it
/// cannot be located exactly, the text maps to `pos`.
model::MappedText locate_scalar(std::string_view text, size_t pos, const std::string& value);

/// The containers GitHub Actions jobs run their steps in (`container:`) and next to (`services:`),
/// each read as a `docker create` of the runner: `image`, `options` (docker create flags, parsed
/// with the run flag table), `env`, `ports`, `volumes` (`credentials` only log the runner in). Adds them to
/// `out.project` with origins in `file`; YAML errors are left to ci_scripts.
void actions_containers(const util::SourcePtr& file, ScriptScan& out);

}  // namespace bulwark::input::run
