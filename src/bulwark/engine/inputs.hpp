#pragma once
// The kinds of input `scan` understands. Each kind says which file names it claims in a directory
// walk and how one file of it is scanned. A new input (compose, daemon.json, seccomp profile ...)
// is one more entry in the table in inputs.cpp and a scan function in its own file.
#include <span>
#include <string_view>

#include "bulwark/core/policy.hpp"
#include "bulwark/report/report.hpp"
#include "bulwark/util/filesystem.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::engine {

/// What a scan function may use besides the file itself.
class ContextCache;

struct InputContext {
    const util::FileSystem& fs;  // to read files the input refers to (env_file, extends, .dockerignore)
    const core::Policy& policy;
    /// Build-context directories walked and read once per scan, shared by the Dockerfiles in them
    /// (engine/context_scan.hpp); null: each Dockerfile walks its own.
    ContextCache* contexts = nullptr;
    /// The source was just read from `fs` at its own path (not stdin): no need to look it up again.
    bool read_from_disk = false;
    /// --max-file-size: the largest file the scan reads, the input and the files it refers to.
    uint64_t max_file_size = 16ULL * 1024 * 1024;
};

struct InputKind {
    std::string_view name;  // stable: "dockerfile"; FileResult::kind and --kind use it
    /// True when the file at `path` (as found by the walk or given; the name is its last
    /// component) is this kind of input.
    bool (*claims)(std::string_view path);
    /// Scans one file already read into memory. Never throws: problems are diagnostics.
    report::FileResult (*scan)(util::SourcePtr source, const InputContext& ctx);
    /// False for kinds a directory walk skips unless asked (markdown: --markdown); explicit files
    /// of the kind are always scanned.
    bool in_walk = true;
};

/// Every input kind, in the order names are tried (the first that claims a name wins).
std::span<const InputKind> input_kinds();
/// The kind that claims `path`, or nullptr.
const InputKind* kind_for_path(std::string_view path);
/// The last component of `path`.
std::string_view filename_of(std::string_view path);
/// The kind called `name`, or nullptr.
const InputKind* find_input_kind(std::string_view name);

}  // namespace bulwark::engine
