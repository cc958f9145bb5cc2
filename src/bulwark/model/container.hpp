#pragma once
// How one container runs, whatever described it: a compose service, a `docker run` command line,
// (later) a running container read through the Engine API. Container rules are written once
// against this model. Every value keeps where it was written (file and byte range), so a finding
// points at the key or flag that caused it, even when `extends` or `-f a -f b` pulled the value
// from another file.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "bulwark/model/dockerfile.hpp"  // model::Range
#include "bulwark/util/source.hpp"

namespace bulwark::model {

/// Where a value was written: a byte range of a file. `file` is null for a value nobody wrote.
struct Origin {
    util::SourcePtr file;
    Range range;
};

/// A setting: its value, where it came from, and whether it is known statically.
template <class T>
struct Setting {
    T value{};
    Origin origin;
    bool set = false;   // written in the input; otherwise `value` is Docker's default
    bool known = true;  // false when it depends on something unknown (`${VAR}` without a value)
};

/// A `-v`/`--mount`/compose `volumes:`/`tmpfs:` entry.
struct ContainerMount {
    enum class Type { bind, volume, tmpfs, npipe, image, cluster };
    Type type = Type::volume;
    Setting<std::string> source;  // host path (bind), volume name (volume; empty: anonymous)
    Setting<std::string> target;  // path in the container
    Setting<bool> read_only;
    Setting<std::string> propagation;  // rprivate (default), private, rshared, shared, rslave, slave
    Setting<std::string> selinux;      // "z", "Z" or empty
    Origin origin;                     // the whole entry
};

/// A published port: `[host_ip:][host_port[-end]:]container_port[-end][/protocol]`.
struct PortMapping {
    Setting<std::string> host_ip;    // empty: every interface (0.0.0.0 and ::)
    Setting<std::string> host_port;  // "8080", "8000-8010"; empty: an ephemeral port
    Setting<std::string> container_port;
    std::string protocol = "tcp";
    Origin origin;  // the whole entry
    bool known = true;
};

/// NAME[=VALUE] entries: environment, sysctls, labels.
struct NamedValue {
    std::string name;
    Setting<std::string> value;  // value.set is false for a bare NAME (taken from the environment)
    Origin origin;               // the whole entry
};

struct Device {
    Setting<std::string> host_path;
    std::string container_path;
    std::string permissions;  // "rwm" by default
    Origin origin;
};

struct Ulimit {
    std::string name;  // nofile, nproc, core ...
    Setting<int64_t> soft;
    Setting<int64_t> hard;
    Origin origin;
};

/// One container's runtime settings. Defaults are Docker's: unset booleans are false, unset
/// namespaces are private, no limits.
struct ContainerSpec {
    std::string name;         // compose service name, `--name`, or "docker run" for an unnamed one
    std::string source_kind;  // "compose", "run"
    Origin origin;            // the service key, or the `docker` word of the command line

    Setting<std::string> image;
    Setting<std::string> user;  // "uid[:gid]" or "name[:group]"; unset: the image's USER
    Setting<bool> privileged;
    std::vector<Setting<std::string>> cap_add;  // upper case without CAP_ ("SYS_ADMIN", "ALL")
    std::vector<Setting<std::string>> cap_drop;
    /// Raw `--security-opt`/`security_opt` entries: "seccomp=unconfined", "apparmor=unconfined",
    /// "no-new-privileges", "no-new-privileges:true", "label=disable", "systempaths=unconfined" ...
    std::vector<Setting<std::string>> security_opt;
    Setting<std::string> network_mode;  // "bridge", "host", "none", "container:x", "service:x", a network
    Setting<std::string> pid;           // "host", "container:x"; unset: private
    Setting<std::string> ipc;           // "host", "shareable", "private", "container:x"
    Setting<std::string> uts;           // "host"
    Setting<std::string> userns_mode;   // "host"
    Setting<std::string> cgroupns;      // "host", "private"
    std::vector<ContainerMount> mounts;
    std::vector<Device> devices;
    std::vector<NamedValue> sysctls;
    std::vector<Ulimit> ulimits;
    Setting<std::string> memory;       // as written: "512m", "1g", "536870912"
    Setting<std::string> memory_swap;  // "-1": unlimited
    Setting<std::string> cpus;         // "0.5"
    Setting<std::string> cpu_shares;
    Setting<std::string> pids_limit;            // "-1" or "0": unlimited
    Setting<std::string> restart;               // "no", "always", "on-failure[:N]", "unless-stopped"
    Setting<std::string> restart_max_attempts;  // compose deploy.restart_policy.max_attempts
    Setting<bool> healthcheck_disabled;         // --no-healthcheck, healthcheck.disable, test: NONE
    Setting<std::string> healthcheck_test;
    std::vector<PortMapping> ports;
    Setting<bool> publish_all;  // -P
    std::vector<NamedValue> environment;
    std::vector<Setting<std::string>> env_files;
    std::vector<Setting<std::string>> secrets;  // compose secrets the service uses
    Setting<bool> read_only;                    // read-only root filesystem
    Setting<bool> init;
    Setting<std::string> logging_driver;  // "none" disables logs
    Setting<std::string> cgroup_parent;
    Setting<std::string> runtime;
    std::vector<Setting<std::string>> group_add;
    std::vector<Setting<std::string>> networks;  // compose networks the service joins (names)
    std::vector<NamedValue> labels;
    Setting<std::string> entrypoint;  // as written (joined for lists)
    Setting<std::string> command;
    std::vector<Setting<std::string>> profiles;  // compose profiles (all services are scanned anyway)
};

/// A network declared at the top level of a compose project.
struct NetworkSpec {
    std::string name;
    Setting<bool> internal;
    Setting<std::string> driver;
    Origin origin;
};

/// Several containers that run together: a compose project (after includes, extends, merges and
/// interpolation), or the `docker run` lines of one script.
struct ContainerProject {
    std::vector<ContainerSpec> containers;  // in the order of the input
    std::map<std::string, NetworkSpec> networks;
    std::vector<util::SourcePtr> files;  // every file read (the main one first)
};

}  // namespace bulwark::model
