// Daemon rules about the network and the Engine API socket: inter-container traffic, iptables,
// insecure registries, TCP without TLS, the userland proxy.
#include <fmt/format.h>

#include "bulwark/rules/daemon/families.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::daemon {

namespace {

using core::Severity;

bool is_loopback_host(std::string_view host) {
    if (!host.empty() && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
    }
    return host == "localhost" || util::starts_with(host, "127.") || host == "::1";
}

void check_icc(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!counts(d.icc, d) || !d.icc.value) {
        return;
    }
    out.report(
        where(d.icc, d),
        fmt::format("{}: every container on the default bridge (docker0) can open connections to every "
                    "other one",
                    described(d, "icc", "icc", d.icc.set, "true")),
        fix_for(d, "\"icc\": false", "--icc=false"));
}

void check_iptables(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!d.iptables.set || !d.iptables.known || d.iptables.value) {
        return;
    }
    out.report(d.iptables.origin,
               "iptables is off: Docker no longer writes the rules that isolate container networks and NAT "
               "published ports, so networks are as open as the host's own firewall leaves them",
               fix_for(d, "\"iptables\": true (or remove the key)", "--iptables=true (or remove the flag)"));
}

/// The host part of an insecure-registries entry ("registry:5000", "10.0.0.0/8", "http://r").
std::string_view registry_host(std::string_view entry) {
    if (size_t scheme = entry.find("://"); scheme != std::string_view::npos) {
        entry = entry.substr(scheme + 3);
    }
    if (!entry.empty() && entry.front() == '[') {
        return entry.substr(0, entry.find(']') + 1);
    }
    return entry.substr(0, entry.find_first_of(":/"));
}

void check_insecure_registries(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    for (const model::Setting<std::string>& r : d.insecure_registries) {
        if (!r.known || is_loopback_host(registry_host(r.value))) {
            continue;  // Docker already treats 127.0.0.0/8 as insecure: a local registry is no new risk
        }
        bool cidr = r.value.find('/') != std::string::npos && r.value.find("://") == std::string::npos;
        out.report(
            r.origin,
            fmt::format("insecure registry `{}`: images from {} are pulled over plain HTTP or unverified "
                        "TLS, so anyone on the path can serve a different image",
                        r.value, cidr ? "every registry in that range" : "it"),
            fmt::format("give the registry a certificate (or put its CA in /etc/docker/certs.d/{}/ca.crt) "
                        "and remove it from {}",
                        registry_host(r.value),
                        d.source_kind == "dockerd" ? "--insecure-registry" : "\"insecure-registries\""));
    }
}

struct Endpoint {
    bool tcp = false;
    std::string host;
};

/// How dockerd reads a -H value: "tcp://h:p", "unix://...", "fd://", or a bare "h:p" (TCP).
Endpoint parse_endpoint(std::string_view value) {
    Endpoint e;
    std::string_view rest;
    if (util::starts_with(value, "tcp://")) {
        rest = value.substr(6);
    } else if (value.find("://") == std::string_view::npos && !value.empty() && value.front() != '/') {
        rest = value;  // dockerd takes an address without a scheme as TCP
    } else {
        return e;
    }
    e.tcp = true;
    rest = rest.substr(0, rest.find('/'));
    if (!rest.empty() && rest.front() == '[') {
        e.host = std::string(rest.substr(0, rest.find(']') + 1));
    } else {
        e.host = std::string(rest.substr(0, rest.rfind(':')));
    }
    if (e.host.empty()) {
        e.host = "localhost";  // dockerd's default TCP host
    }
    return e;
}

void check_tcp_without_tls(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!d.tlsverify.known || (d.tlsverify.set && d.tlsverify.value)) {
        return;
    }
    for (const model::Setting<std::string>& h : d.hosts) {
        Endpoint e = parse_endpoint(h.value);
        if (!h.known || !e.tcp) {
            continue;
        }
        bool local = is_loopback_host(e.host);
        std::string why = d.tls.set && d.tls.value
                              ? "with TLS but without client certificate verification (`tlsverify`)"
                              : "without TLS";
        std::string who = local ? "any local user or process, and any container on the host network,"
                                : "anyone who can reach the port";
        std::string unless =
            !d.tlsverify.set && !d.defaults_apply ? " (unless daemon.json sets tlsverify)" : "";
        out.report(
            h.origin, local ? Severity::high : Severity::critical,
            fmt::format("the Engine API listens on `{}` {}{}: {} controls the daemon, which is root on the "
                        "host",
                        h.value, why, unless, who),
            fix_for(d,
                    "\"tlsverify\": true, \"tlscacert\": \"/etc/docker/ca.pem\", \"tlscert\": "
                    "\"/etc/docker/server-cert.pem\", \"tlskey\": \"/etc/docker/server-key.pem\" and "
                    "\"tcp://0.0.0.0:2376\" (or use unix:// and `ssh://` from clients)",
                    "--tlsverify --tlscacert=/etc/docker/ca.pem --tlscert=/etc/docker/server-cert.pem "
                    "--tlskey=/etc/docker/server-key.pem -H tcp://0.0.0.0:2376 (or use unix:// and "
                    "`ssh://` from clients)"));
    }
}

void check_userland_proxy(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!counts(d.userland_proxy, d) || !d.userland_proxy.value) {
        return;
    }
    out.report(
        where(d.userland_proxy, d),
        fmt::format("{}: a docker-proxy process per published port relays traffic, which widens the "
                    "attack surface and hides client addresses; hairpin NAT does the same in the kernel",
                    described(d, "userland-proxy", "userland-proxy", d.userland_proxy.set, "true")),
        fix_for(d, "\"userland-proxy\": false", "--userland-proxy=false"));
}

const Rule k_rules[] = {
    {
        .id = "BD200",
        .title = "Containers on the default bridge can talk to each other (icc is not false)",
        .severity = Severity::medium,
        .category = category::daemon,
        .tags = "daemon,network,isolation,cis",
        .rationale = "With inter-container communication on (Docker's default), every container attached to "
                     "the default "
                     "bridge docker0 can reach every port of every other one, whether or not they were meant "
                     "to talk: a "
                     "compromised container can probe and attack its neighbours. `icc: false` makes docker0 "
                     "deny traffic "
                     "between containers unless they are linked; user-defined networks are the better way to "
                     "group the "
                     "containers that do need to talk. Fires on an empty daemon.json (icc defaults to true); "
                     "on a dockerd "
                     "command line only when `--icc=true` is written.",
        .remediation =
            "Set `\"icc\": false` in daemon.json (or `dockerd --icc=false`) and put containers that "
            "must communicate on a user-defined network.",
        .bad_example = "{\n  \"log-driver\": \"syslog\"\n}",
        .good_example = "{\n  \"icc\": false,\n  \"log-driver\": \"syslog\"\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.2",
        .example_kind = "daemon",
        .check_daemon = check_icc,
    },
    {
        .id = "BD202",
        .title = "Docker is not allowed to manage iptables",
        .severity = Severity::medium,
        .category = category::daemon,
        .tags = "daemon,network,firewall,cis",
        .rationale =
            "Docker writes the iptables rules that keep container networks apart, that drop traffic to ports "
            "which are not published and that NAT published ports. With `iptables: false` none of that "
            "happens: "
            "networking is left to rules an administrator must keep in step with every container by hand, "
            "and "
            "mistakes expose containers or let them reach each other.",
        .remediation = "Remove `\"iptables\": false` (or `--iptables=false`); restrict published ports with "
                       "the DOCKER-USER chain instead.",
        .bad_example = "{\n  \"icc\": false,\n  \"iptables\": false\n}",
        .good_example = "{\n  \"icc\": false,\n  \"iptables\": true\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.4",
        .example_kind = "daemon",
        .check_daemon = check_iptables,
    },
    {
        .id = "BD203",
        .title = "The daemon pulls from an insecure registry",
        .severity = Severity::high,
        .category = category::daemon,
        .tags = "daemon,registry,tls,supply-chain,cis",
        .rationale =
            "An insecure registry is reached over plain HTTP, or over HTTPS without checking its "
            "certificate. "
            "Anyone on the network path (or who can answer for its name) can then serve any image under any "
            "tag, and credentials sent to it travel in clear text. A CIDR entry makes every registry in the "
            "range insecure. Registries on 127.0.0.0/8 are not reported: Docker already treats them as "
            "insecure.",
        .remediation = "Give the registry a certificate (a private CA is fine: put it in "
                       "/etc/docker/certs.d/<registry>/ca.crt) and remove it from `insecure-registries`.",
        .bad_example = "{\n  \"insecure-registries\": [\"registry.corp.example:5000\"]\n}",
        .good_example = "{\n  \"insecure-registries\": [\"localhost:5000\"]\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.5",
        .example_kind = "daemon",
        .check_daemon = check_insecure_registries,
    },
    {
        .id = "BD205",
        .title = "The Engine API listens on TCP without TLS client verification",
        .severity = Severity::critical,
        .category = category::daemon,
        .tags = "daemon,api,tls,remote-access,cis",
        .rationale =
            "Whoever can talk to the Engine API can start a privileged container that mounts the host's root "
            "filesystem: access to the API is root on the host. A `tcp://` host without `tlsverify` accepts "
            "any client (with only `tls`, any client that speaks TLS), so `-H tcp://0.0.0.0:2375` hands the "
            "host to anyone who can reach the port; such daemons are found and taken over by scanners within "
            "hours. A listener on loopback is reported as high: every local user and every container with "
            "host "
            "networking can still use it.",
        .remediation =
            "Keep the API on the unix socket and reach remote daemons with `DOCKER_HOST=ssh://...`; "
            "if TCP is needed, use port 2376 with `tlsverify` and client certificates signed by "
            "your own CA.",
        .bad_example = "{\n  \"hosts\": [\"unix:///var/run/docker.sock\", \"tcp://0.0.0.0:2375\"]\n}",
        .good_example = "{\n  \"hosts\": [\"unix:///var/run/docker.sock\", \"tcp://0.0.0.0:2376\"],\n"
                        "  \"tlsverify\": true,\n  \"tlscacert\": \"/etc/docker/ca.pem\",\n"
                        "  \"tlscert\": \"/etc/docker/server-cert.pem\",\n"
                        "  \"tlskey\": \"/etc/docker/server-key.pem\"\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.7",
        .example_kind = "daemon",
        .check_daemon = check_tcp_without_tls,
    },
    {
        .id = "BD213",
        .title = "The userland proxy is enabled",
        .severity = Severity::low,
        .category = category::daemon,
        .tags = "daemon,network,attack-surface,cis",
        .rationale =
            "With the userland proxy (the default) Docker starts a docker-proxy process for every published "
            "port to relay loopback and hairpin traffic. The kernel's hairpin NAT does the same job; the "
            "proxies are extra processes running as root that parse network traffic, and they hide the "
            "client "
            "address from the container. Fires on an empty daemon.json (the proxy is on by default).",
        .remediation =
            "Set `\"userland-proxy\": false` (or `--userland-proxy=false`) on kernels with hairpin "
            "NAT (every current distribution).",
        .bad_example = "{\n  \"userland-proxy\": true\n}",
        .good_example = "{\n  \"userland-proxy\": false\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.16",
        .example_kind = "daemon",
        .check_daemon = check_userland_proxy,
    },
};

}  // namespace

std::span<const Rule> network_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::daemon
