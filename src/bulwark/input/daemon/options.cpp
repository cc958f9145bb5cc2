#include "bulwark/input/daemon/options.hpp"

#include "bulwark/util/strings.hpp"

namespace bulwark::input::daemon {

namespace {

using model::DaemonSpec;
using T = OptionType;

constexpr DaemonOption boolean(std::string_view key, std::string_view flag,
                               model::Setting<bool> DaemonSpec::*member, char short_flag = 0) {
    return DaemonOption{key, flag, short_flag, T::boolean, member, nullptr, nullptr};
}
constexpr DaemonOption string(std::string_view key, std::string_view flag,
                              model::Setting<std::string> DaemonSpec::*member, char short_flag = 0) {
    return DaemonOption{key, flag, short_flag, T::string, nullptr, member, nullptr};
}
constexpr DaemonOption list(std::string_view key, std::string_view flag,
                            std::vector<model::Setting<std::string>> DaemonSpec::*member,
                            char short_flag = 0) {
    return DaemonOption{key, flag, short_flag, T::list, nullptr, nullptr, member};
}
constexpr DaemonOption other(std::string_view key, std::string_view flag, OptionType type = T::other_value,
                             char short_flag = 0) {
    return DaemonOption{key, flag, short_flag, type, nullptr, nullptr, nullptr};
}

// dockerd's options (Docker 20.10 to 27) and the older ones still found in unit files.
const DaemonOption k_options[] = {
    // Modelled: the settings rules read.
    boolean("icc", "icc", &DaemonSpec::icc),
    string("log-level", "log-level", &DaemonSpec::log_level, 'l'),
    boolean("debug", "debug", &DaemonSpec::debug, 'D'),
    boolean("iptables", "iptables", &DaemonSpec::iptables),
    boolean("ip-forward", "ip-forward", &DaemonSpec::ip_forward),
    boolean("ip-masq", "ip-masq", &DaemonSpec::ip_masq),
    string("ip", "ip", &DaemonSpec::ip),
    list("insecure-registries", "insecure-registry", &DaemonSpec::insecure_registries),
    string("storage-driver", "storage-driver", &DaemonSpec::storage_driver, 's'),
    list("storage-opts", "storage-opt", &DaemonSpec::storage_opts),
    list("hosts", "host", &DaemonSpec::hosts, 'H'),
    boolean("tls", "tls", &DaemonSpec::tls),
    boolean("tlsverify", "tlsverify", &DaemonSpec::tlsverify),
    string("tlscacert", "tlscacert", &DaemonSpec::tlscacert),
    string("tlscert", "tlscert", &DaemonSpec::tlscert),
    string("tlskey", "tlskey", &DaemonSpec::tlskey),
    DaemonOption{"default-ulimits", "default-ulimit", 0, T::ulimits, nullptr, nullptr, nullptr},
    string("userns-remap", "userns-remap", &DaemonSpec::userns_remap),
    string("cgroup-parent", "cgroup-parent", &DaemonSpec::cgroup_parent),
    list("authorization-plugins", "authorization-plugin", &DaemonSpec::authorization_plugins),
    string("log-driver", "log-driver", &DaemonSpec::log_driver),
    DaemonOption{"log-opts", "log-opt", 0, T::log_opts, nullptr, nullptr, nullptr},
    boolean("no-new-privileges", "no-new-privileges", &DaemonSpec::no_new_privileges),
    boolean("live-restore", "live-restore", &DaemonSpec::live_restore),
    boolean("userland-proxy", "userland-proxy", &DaemonSpec::userland_proxy),
    string("seccomp-profile", "seccomp-profile", &DaemonSpec::seccomp_profile),
    boolean("experimental", "experimental", &DaemonSpec::experimental),
    boolean("selinux-enabled", "selinux-enabled", &DaemonSpec::selinux_enabled),
    string("default-runtime", "default-runtime", &DaemonSpec::default_runtime),
    string("data-root", "data-root", &DaemonSpec::data_root),
    string("graph", "graph", &DaemonSpec::data_root, 'g'),  // the old name of data-root
    string("default-ipc-mode", "default-ipc-mode", &DaemonSpec::default_ipc_mode),
    string("default-cgroupns-mode", "default-cgroupns-mode", &DaemonSpec::default_cgroupns_mode),
    string("", "config-file", &DaemonSpec::config_file),
    // Understood by dockerd, not read by any rule.
    other("allow-nondistributable-artifacts", "allow-nondistributable-artifacts"),
    other("api-cors-header", "api-cors-header"),
    other("bip", "bip"),
    other("bip6", "bip6"),
    other("bridge", "bridge", T::other_value, 'b'),
    other("builder", ""),
    other("cdi-spec-dirs", "cdi-spec-dir"),
    other("containerd", "containerd"),
    other("containerd-namespace", "containerd-namespace"),
    other("containerd-plugin-namespace", "containerd-plugins-namespace"),
    other("cpu-rt-period", "cpu-rt-period"),
    other("cpu-rt-runtime", "cpu-rt-runtime"),
    other("cri-containerd", "cri-containerd", T::other_bool),
    other("default-address-pools", "default-address-pool"),
    other("default-gateway", "default-gateway"),
    other("default-gateway-v6", "default-gateway-v6"),
    other("default-network-opts", "default-network-opt"),
    other("default-shm-size", "default-shm-size"),
    other("dns", "dns"),
    other("dns-opts", "dns-opt"),
    other("dns-search", "dns-search"),
    other("exec-opts", "exec-opt"),
    other("exec-root", "exec-root"),
    other("features", "feature"),
    other("fixed-cidr", "fixed-cidr"),
    other("fixed-cidr-v6", "fixed-cidr-v6"),
    other("group", "group", T::other_value, 'G'),
    other("host-gateway-ip", "host-gateway-ip"),
    other("proxies", ""),
    other("", "http-proxy"),
    other("", "https-proxy"),
    other("", "no-proxy"),
    other("init", "init", T::other_bool),
    other("init-path", "init-path"),
    other("ip6tables", "ip6tables", T::other_bool),
    other("ipv6", "ipv6", T::other_bool),
    other("labels", "label"),
    other("log-format", "log-format"),
    other("max-concurrent-downloads", "max-concurrent-downloads"),
    other("max-concurrent-uploads", "max-concurrent-uploads"),
    other("max-download-attempts", "max-download-attempts"),
    other("metrics-addr", "metrics-addr"),
    other("mtu", "mtu"),
    other("network-control-plane-mtu", "network-control-plane-mtu"),
    other("node-generic-resources", "node-generic-resource"),
    other("oom-score-adjust", "oom-score-adjust"),
    other("pidfile", "pidfile", T::other_value, 'p'),
    other("raw-logs", "raw-logs", T::other_bool),
    other("registry-mirrors", "registry-mirror"),
    other("rootless", "rootless", T::other_bool),
    other("runtimes", "add-runtime"),
    other("shutdown-timeout", "shutdown-timeout"),
    other("swarm-default-advertise-addr", "swarm-default-advertise-addr"),
    other("userland-proxy-path", "userland-proxy-path"),
    other("firewall-backend", "firewall-backend"),
    other("", "validate", T::other_bool),
    other("", "version", T::other_bool, 'v'),
    other("", "help", T::other_bool),
    // Removed from recent releases, still in old unit files and daemon.json files.
    other("cluster-store", "cluster-store"),
    other("cluster-store-opts", "cluster-store-opt"),
    other("cluster-advertise", "cluster-advertise"),
    other("disable-legacy-registry", "disable-legacy-registry", T::other_bool),
    other("", "exec-driver", T::other_value, 'e'),
    // Red Hat's docker 1.13 fork (/etc/sysconfig/docker on RHEL/CentOS 7).
    other("signature-verification", "signature-verification", T::other_bool),
    other("add-registry", "add-registry"),
    other("block-registry", "block-registry"),
};

}  // namespace

const DaemonOption* option_for_key(std::string_view key) {
    for (const DaemonOption& o : k_options) {
        if (!o.key.empty() && o.key == key) {
            return &o;
        }
    }
    return nullptr;
}

const DaemonOption* option_for_flag(std::string_view flag) {
    for (const DaemonOption& o : k_options) {
        if (!o.flag.empty() && o.flag == flag) {
            return &o;
        }
    }
    return nullptr;
}

const DaemonOption* option_for_short(char c) {
    for (const DaemonOption& o : k_options) {
        if (o.short_flag == c) {
            return &o;
        }
    }
    return nullptr;
}

std::string_view closest_option(std::string_view name, bool flags) {
    std::string_view best;
    size_t best_distance = 3;  // at most two edits away
    for (const DaemonOption& o : k_options) {
        std::string_view candidate = flags ? o.flag : o.key;
        if (candidate.empty()) {
            continue;
        }
        size_t d = util::edit_distance(name, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return best;
}

}  // namespace bulwark::input::daemon
