#pragma once
// Verdicts shared by the rules of several inputs, so that a Dockerfile instruction and the built
// image's config are judged by the same code: system paths (VOLUME), sensitive ports (EXPOSE).
#include <optional>
#include <string_view>

#include "bulwark/core/severity.hpp"

namespace bulwark::rules::judge {

enum class SystemPath {
    none,
    virtual_fs,     // /proc, /sys, /dev, /boot and below
    docker_socket,  // /var/run/docker.sock, /run/docker.sock
    system_dir,     // /, /etc, /usr, /var/lib ...
};

/// What kind of system location `normalized` (absolute, no trailing '/', no '.' or '..') is.
SystemPath classify_system_path(std::string_view normalized);

/// A port that should not be reachable from a container image: an administration or cleartext
/// login service, or an unauthenticated control API.
struct SensitivePort {
    unsigned port = 0;
    std::string_view service;  // "Telnet", "Docker Engine API without TLS" ...
    std::string_view why;      // one clause for messages
    core::Severity severity = core::Severity::medium;
};

/// The sensitive service on TCP `port` other than SSH (22, which BD043 reports), or nullopt.
std::optional<SensitivePort> sensitive_port(unsigned port);

}  // namespace bulwark::rules::judge
