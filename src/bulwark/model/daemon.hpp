#pragma once
// How the Docker daemon is configured, whatever described it: `daemon.json`, or the dockerd command
// line of a systemd unit, a drop-in, `/etc/default/docker` or `/etc/sysconfig/docker`. Daemon rules
// are written once against this model. Every value keeps where it was written (the key's value or
// the flag's word), so a finding points at it.
#include <string>
#include <utility>
#include <vector>

#include "bulwark/model/container.hpp"  // Origin, Setting

namespace bulwark::model {

/// A setting nobody wrote that holds Docker's default `value`.
template <class T>
Setting<T> docker_default(T value) {
    Setting<T> s;
    s.value = std::move(value);
    return s;
}

/// A `default-ulimits` entry (`--default-ulimit nofile=1024:2048`).
struct DaemonUlimit {
    std::string name;  // nofile, nproc, core ...
    Origin origin;     // the whole entry
};

/// The daemon's settings. A value that is not `set` holds Docker's default.
struct DaemonSpec {
    std::string source_kind;  // "daemon.json" or "dockerd"
    Origin origin;            // the start of the configuration: the top-level `{`, or the command line
    /// True when absent settings really have Docker's default value: a daemon.json is read as a
    /// whole. A command line is not: what it leaves out may be set in daemon.json.
    bool defaults_apply = true;

    Setting<bool> icc = docker_default(true);  // inter-container communication on docker0
    Setting<std::string> log_level = docker_default<std::string>("info");  // debug, info, warn, error, fatal
    Setting<bool> debug;                                                   // -D: log level debug
    Setting<bool> iptables = docker_default(true);
    Setting<bool> ip_forward = docker_default(true);
    Setting<bool> ip_masq = docker_default(true);
    Setting<std::string> ip;  // default bind address of published ports; unset: 0.0.0.0
    std::vector<Setting<std::string>> insecure_registries;
    Setting<std::string> storage_driver;             // unset: chosen at start (overlay2)
    std::vector<Setting<std::string>> storage_opts;  // "dm.basesize=20G" ...
    std::vector<Setting<std::string>>
        hosts;                // -H: "unix:///var/run/docker.sock", "tcp://0.0.0.0:2376", "fd://"
    Setting<bool> tls;        // --tls: serve TLS (implied by tlsverify)
    Setting<bool> tlsverify;  // --tlsverify: serve TLS and require client certificates
    Setting<std::string> tlscacert;
    Setting<std::string> tlscert;
    Setting<std::string> tlskey;
    std::vector<DaemonUlimit> default_ulimits;
    Setting<std::string> userns_remap;   // "default", "user[:group]"; unset: no remapping
    Setting<std::string> cgroup_parent;  // unset: /docker (cgroupfs) or system.slice (systemd)
    std::vector<Setting<std::string>> authorization_plugins;
    Setting<std::string> log_driver = docker_default<std::string>("json-file");
    std::vector<NamedValue> log_opts;
    Setting<bool> no_new_privileges;
    Setting<bool> live_restore;
    Setting<bool> userland_proxy = docker_default(true);
    Setting<std::string> seccomp_profile;  // a path, "unconfined", or "builtin"; unset: builtin
    Setting<bool> experimental;
    Setting<bool> selinux_enabled;
    Setting<std::string> default_runtime = docker_default<std::string>("runc");
    Setting<std::string> data_root = docker_default<std::string>("/var/lib/docker");
    Setting<std::string> default_ipc_mode;       // "private" (default), "shareable"
    Setting<std::string> default_cgroupns_mode;  // "private" (cgroup v2 default), "host"
    Setting<std::string> config_file;            // --config-file
};

}  // namespace bulwark::model
