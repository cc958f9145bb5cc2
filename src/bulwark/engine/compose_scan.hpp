#pragma once
// The "compose" input kind: compose files (with their override file, includes, extends and
// env_files) loaded into a model::ContainerProject and checked by the container rules.
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/engine/inputs.hpp"

namespace bulwark::engine {

/// compose.y[a]ml, docker-compose.y[a]ml, compose.*.y[a]ml, docker-compose.*.y[a]ml (any case).
bool claims_compose(std::string_view path);

/// Loads the project whose main file is `source` (merging compose.override.yaml next to a default
/// compose file name) and runs the container rules on it. An override file whose base file is one of
/// the scan's inputs (`ctx.contexts->is_input`) is merged into the base file's result instead and gives
/// an empty result with a note; one whose base exists but is not an input is scanned merged onto it.
/// Every file it reads (override, base, extends, include, env_file, .env) is refused over
/// `ctx.max_file_size` bytes, with a diagnostic.
report::FileResult scan_compose(util::SourcePtr source, const InputContext& ctx);

/// `--compose-file a --compose-file b`: reads the files (up to `ctx.max_file_size` bytes) and scans
/// them merged in order as one project (no automatic override). The result is named after the first file.
report::FileResult scan_compose_files(const std::vector<std::string>& paths, const InputContext& ctx);

}  // namespace bulwark::engine
