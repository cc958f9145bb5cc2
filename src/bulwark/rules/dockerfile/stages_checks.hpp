#pragma once
// Checks of the stage family (BD090-BD099); the table that names them is in stages.cpp.
#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::dockerfile::checks {

// stages_refs.cpp
void copy_from_own_stage(const DockerfileContext& ctx, Reporter& out);   // BD090
void copy_from_undefined(const DockerfileContext& ctx, Reporter& out);   // BD091
void duplicate_stage_name(const DockerfileContext& ctx, Reporter& out);  // BD092
void from_later_stage(const DockerfileContext& ctx, Reporter& out);      // BD093

// stages_secrets.cpp
void secret_persisted(const DockerfileContext& ctx, Reporter& out);  // BD094

}  // namespace bulwark::rules::dockerfile::checks
