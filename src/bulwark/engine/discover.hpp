#pragma once
// Which files a `scan` looks at.
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/util/filesystem.hpp"

namespace bulwark::engine {

struct InputKind;

struct Input {
    std::string path;                 // display path; "-" for stdin
    std::string root;                 // the command-line argument it came from (for config lookup)
    const InputKind* kind = nullptr;  // how to scan it (see inputs.hpp)
    /// Found to be a regular file (by a directory walk or listing), so its bytes may be read ahead
    /// in a batch (FileSystem::prefetch); false when only stat'ed or for stdin.
    bool regular = false;
};

struct Discovery {
    std::vector<Input> inputs;
    std::vector<core::Diagnostic> diagnostics;  // missing paths
};

/// Expands paths: directories are walked for the file names an input kind claims (".git" and
/// "node_modules" are not entered); files and "-" are taken as given, with the kind their name
/// says, or `forced_kind` when set, or else as Dockerfiles. Paths matching a `skip` glob (against the whole
/// path or any path suffix starting at a component) are dropped. Order: as given, sorted within a directory.
/// Walks skip kinds that are not `in_walk` (markdown) unless `all_kinds` is set.
Discovery discover(const util::FileSystem& fs, const std::vector<std::string>& paths,
                   const std::vector<std::string>& skip, const InputKind* forced_kind = nullptr,
                   bool all_kinds = false);

}  // namespace bulwark::engine
