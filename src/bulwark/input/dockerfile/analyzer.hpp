#pragma once
// Dockerfile semantics as BuildKit sees them: stages, the shipped target, ARG/ENV scopes,
// resolved base images, effective users and parsed RUN scripts.
#include <map>
#include <string>

#include "bulwark/model/dockerfile.hpp"

namespace bulwark::input::dockerfile {

struct AnalyzeOptions {
    std::map<std::string, std::string> build_args;  // --build-arg NAME=VALUE
    std::string target;                             // --target; empty: the last stage ships
};

/// Fills stages, shipped_stage, windows, global_scope and every instruction's stage, scope and
/// shell bodies. Adds diagnostics for semantic errors (unknown --target, ...).
void analyze(model::Dockerfile& dockerfile, const AnalyzeOptions& options);

}  // namespace bulwark::input::dockerfile
