#pragma once
// The build context of a Dockerfile read from disk: which files `docker build` would send (the
// Dockerfile's directory, filtered by Dockerfile.dockerignore or .dockerignore), secrets in their
// names and contents, and the context rules over them.
#include "bulwark/engine/inputs.hpp"
#include "bulwark/model/context.hpp"
#include "bulwark/report/report.hpp"

namespace bulwark::engine {

/// Most files of one context that are looked at; past it the walk stops and a note says so.
inline constexpr size_t k_context_file_cap = 20000;
/// Contents of a sent file are scanned for secrets up to this size.
inline constexpr uint64_t k_context_read_cap = 1024 * 1024;

/// Runs the enabled context rules on the build context of the Dockerfile `source` (when it is a
/// file on `ctx.fs`, not stdin) and adds their findings and the context's diagnostics to `result`.
void scan_build_context(const util::SourcePtr& source, const InputContext& ctx, report::FileResult& result);

}  // namespace bulwark::engine
