#pragma once
// The input kinds of the Docker daemon's configuration: daemon.json ("daemon"), the dockerd
// command line of systemd units and environment files ("dockerd"), and seccomp profiles
// ("seccomp"). Entries of the table in inputs.cpp.
#include <string_view>

#include "bulwark/engine/inputs.hpp"

namespace bulwark::engine {

/// `daemon.json`.
bool claims_daemon_json(std::string_view path);
/// `docker.service`, `*/docker.service.d/*.conf`, `*/default/docker`, `*/sysconfig/docker`.
bool claims_dockerd(std::string_view path);
/// A `.json` file whose name contains "seccomp" (any case).
bool claims_seccomp(std::string_view path);

/// Parses a daemon.json and runs the daemon rules on it.
report::FileResult scan_daemon_json(util::SourcePtr source, const InputContext& ctx);
/// Extracts and parses a dockerd command line and runs the daemon rules on it.
report::FileResult scan_dockerd(util::SourcePtr source, const InputContext& ctx);
/// Parses a seccomp profile and runs the seccomp rules on it.
report::FileResult scan_seccomp(util::SourcePtr source, const InputContext& ctx);

}  // namespace bulwark::engine
