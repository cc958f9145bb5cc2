#pragma once
// Check functions of the supply-chain family (BD030-BD036); the table is in supply_chain.cpp.
#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::dockerfile::supply {

void check_add_local(const DockerfileContext& ctx, Reporter& out);            // BD030
void check_add_remote(const DockerfileContext& ctx, Reporter& out);           // BD031
void check_pipe_to_shell(const DockerfileContext& ctx, Reporter& out);        // BD032
void check_unverified_download(const DockerfileContext& ctx, Reporter& out);  // BD033
void check_tls_disabled(const DockerfileContext& ctx, Reporter& out);         // BD034
void check_unsigned_packages(const DockerfileContext& ctx, Reporter& out);    // BD035
void check_curl_and_wget(const DockerfileContext& ctx, Reporter& out);        // BD036

}  // namespace bulwark::rules::dockerfile::supply
