#pragma once
// The checks of the privilege rule family (table in privilege.cpp).
#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::dockerfile {

void check_sudo(const DockerfileContext& ctx, Reporter& out);               // BD040, privilege_run.cpp
void check_world_writable(const DockerfileContext& ctx, Reporter& out);     // BD041, privilege_modes.cpp
void check_setuid(const DockerfileContext& ctx, Reporter& out);             // BD042, privilege_modes.cpp
void check_ssh_port(const DockerfileContext& ctx, Reporter& out);           // BD043, privilege_expose.cpp
void check_ssh_server(const DockerfileContext& ctx, Reporter& out);         // BD044, privilege_run.cpp
void check_invalid_expose(const DockerfileContext& ctx, Reporter& out);     // BD045, privilege_expose.cpp
void check_password_in_run(const DockerfileContext& ctx, Reporter& out);    // BD046, privilege_accounts.cpp
void check_useradd_large_uid(const DockerfileContext& ctx, Reporter& out);  // BD047, privilege_accounts.cpp

}  // namespace bulwark::rules::dockerfile
