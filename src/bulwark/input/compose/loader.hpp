#pragma once
// Compose files -> model::ContainerProject: YAML with origins, merge keys, interpolation from `.env`
// and the environment, `extends`, `include`, override files and `-f a -f b` merging, env_file.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/compose/interpolate.hpp"
#include "bulwark/input/compose/yaml_reader.hpp"
#include "bulwark/model/container.hpp"
#include "bulwark/util/filesystem.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::input::compose {

struct LoadOptions {
    /// Reads what the files refer to (.env, env_file, extends, include, override files); null: nothing
    /// is read, references are reported as unreadable.
    const util::FileSystem* fs = nullptr;
    Environment environment;  // the process environment (wins over `.env`)
    bool merge_override =
        false;  // merge compose.override.yaml / docker-compose.override.yml found next to the first file
    uint64_t max_file_size = 16ULL * 1024 * 1024;
    ReadLimits limits;
};

/// The lines a map entry spans, from its key to the end of its value (for `# bulwark ignore=` comments).
struct KeySpan {
    const util::SourceFile* file = nullptr;
    uint32_t first_line = 0;
    uint32_t last_line = 0;
};

struct LoadResult {
    model::ContainerProject project;
    std::vector<core::Diagnostic> diagnostics;  // sorted by file order, line, column; duplicates removed
    std::vector<KeySpan> key_spans;             // every map entry of every compose file read
};

/// Loads the project made of `files` (already read) merged in order, as `docker compose -f a -f b`.
/// Never throws.
LoadResult load_project(const std::vector<util::SourcePtr>& files, const LoadOptions& options);

/// True for the file names docker compose and bulwark treat as compose files: compose.y[a]ml,
/// docker-compose.y[a]ml, compose.*.y[a]ml, docker-compose.*.y[a]ml (any case).
bool is_compose_name(std::string_view filename);

/// True for an override file (compose.override.y[a]ml, docker-compose.override.y[a]ml).
bool is_override_name(std::string_view filename);

/// The override file docker compose merges automatically into `path` (a default compose file name),
/// or empty when there is none.
std::string find_override(const util::FileSystem& fs, const std::string& path);

/// The base file an override at `path` is merged into, or empty when none exists next to it.
std::string find_override_base(const util::FileSystem& fs, const std::string& path);

/// `rel` relative to the directory of file `file` (absolute `rel` unchanged).
std::string resolve_relative(std::string_view file, std::string_view rel);

}  // namespace bulwark::input::compose
