#pragma once
// Checks of the instruction family (BD070-BD089); the table that names them is in instructions.cpp.
#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::dockerfile::checks {

// instructions_paths.cpp
void relative_workdir(const DockerfileContext& ctx, Reporter& out);               // BD070
void system_path(const DockerfileContext& ctx, Reporter& out);                    // BD071
void multi_source_copy(const DockerfileContext& ctx, Reporter& out);              // BD081
void relative_copy_without_workdir(const DockerfileContext& ctx, Reporter& out);  // BD083

// instructions_config.cpp
void repeated_cmd(const DockerfileContext& ctx, Reporter& out);          // BD073
void repeated_entrypoint(const DockerfileContext& ctx, Reporter& out);   // BD074
void repeated_healthcheck(const DockerfileContext& ctx, Reporter& out);  // BD075
void shell_form_command(const DockerfileContext& ctx, Reporter& out);    // BD076
void maintainer(const DockerfileContext& ctx, Reporter& out);            // BD078
void missing_healthcheck(const DockerfileContext& ctx, Reporter& out);   // BD079
void first_not_from(const DockerfileContext& ctx, Reporter& out);        // BD080
void env_self_reference(const DockerfileContext& ctx, Reporter& out);    // BD082
void invalid_stopsignal(const DockerfileContext& ctx, Reporter& out);    // BD086

// instructions_cd.cpp
void cd_in_run(const DockerfileContext& ctx, Reporter& out);  // BD072

// instructions_shell.cpp
void pipe_without_pipefail(const DockerfileContext& ctx, Reporter& out);  // BD077
void symlinked_shell(const DockerfileContext& ctx, Reporter& out);        // BD084

}  // namespace bulwark::rules::dockerfile::checks
