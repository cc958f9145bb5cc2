// Network exposure: published ports, the default bridge, sysctls, datastores reachable from outside.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "bulwark/data/runtime_images.hpp"
#include "bulwark/rules/container/common.hpp"
#include "bulwark/rules/container/families.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::container {

namespace {

using core::Severity;

/// The first port of "8080" or "8000-8010"; -1 when unknown or not a number.
int first_port(const model::Setting<std::string>& s) {
    if (!s.set || !s.known || s.value.empty()) {
        return -1;
    }
    std::string_view v = s.value;
    v = v.substr(0, v.find('-'));
    int n = 0;
    for (char ch : v) {
        if (ch < '0' || ch > '9' || n > 65535) {
            return -1;
        }
        n = n * 10 + (ch - '0');
    }
    return v.empty() ? -1 : n;
}

/// True when the published container port range includes `port`.
bool covers(const model::Setting<std::string>& s, int port) {
    if (!s.set || !s.known) {
        return false;
    }
    std::string_view v = s.value;
    size_t dash = v.find('-');
    auto num = [](std::string_view d) {
        int n = 0;
        for (char ch : d) {
            if (ch < '0' || ch > '9' || n > 65535) {
                return -1;
            }
            n = n * 10 + (ch - '0');
        }
        return d.empty() ? -1 : n;
    };
    int lo = num(v.substr(0, dash));
    int hi = dash == std::string_view::npos ? lo : num(v.substr(dash + 1));
    return lo >= 0 && lo <= port && port <= hi;
}

std::string port_text(const model::PortMapping& p) {
    std::string host = p.host_port.value.empty() ? "<ephemeral>" : p.host_port.value;
    return fmt::format("{}:{}", host, p.container_port.value);
}

std::string loopback_fix(const model::ContainerSpec& c, const model::PortMapping& p) {
    std::string host = p.host_port.value.empty() ? p.container_port.value : p.host_port.value;
    std::string proto = p.protocol == "tcp" ? "" : "/" + p.protocol;
    return spelled(c,
                   fmt::format("-p 127.0.0.1:{}:{}{} (or the one interface that must serve it)", host,
                               p.container_port.value, proto),
                   fmt::format("\"127.0.0.1:{}:{}{}\"  # or the one interface that must serve it", host,
                               p.container_port.value, proto));
}

void check_all_interfaces(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (c.publish_all.set && c.publish_all.known && c.publish_all.value) {
        out.report(
            c.publish_all.origin,
            fmt::format("{} publishes every EXPOSEd port of the image on all host interfaces (-P)", who(c)),
            "publish only the ports needed, bound to an interface: -p 127.0.0.1:8080:80");
    }
    for (const model::PortMapping& p : c.ports) {
        if (!p.known || !on_all_interfaces(p)) {
            continue;
        }
        out.report(
            p.origin,
            fmt::format("{} publishes port {} on all host interfaces (0.0.0.0 and ::): it is reachable "
                        "from every network the host is on, and Docker's iptables rules bypass the "
                        "host firewall (ufw, firewalld)",
                        who(c), port_text(p)),
            loopback_fix(c, p));
    }
}

void check_privileged_ports(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    for (const model::PortMapping& p : c.ports) {
        int port = first_port(p.host_port);
        if (port <= 0 || port >= 1024) {
            continue;
        }
        out.report(
            p.origin,
            fmt::format("{} maps privileged host port {} (below 1024): reserved for system services, and "
                        "binding it signals a service that expects root",
                        who(c), p.host_port.value),
            spelled(c,
                    fmt::format("-p 8{:03}:{} and let a reverse proxy or load balancer own port {}", port,
                                p.container_port.value, port),
                    fmt::format("\"8{:03}:{}\"  # and let a reverse proxy own port {}", port,
                                p.container_port.value, port)));
    }
}

void check_default_bridge(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    bool bridge =
        is_value(c.network_mode, {"bridge", "default"}) && (is_run(c) || c.network_mode.value == "bridge");
    if (!bridge && !(is_run(c) && !c.network_mode.set && c.networks.empty())) {
        return;
    }
    out.report(where(c, c.network_mode),
               fmt::format("{} uses Docker's default bridge (docker0): every container on it can reach every "
                           "other one, with no DNS names and no way to separate them",
                           who(c)),
               spelled(c, "docker network create appnet, then --network appnet",
                       "networks: [appnet] with appnet declared under the top-level networks:"));
}

/// Why a sysctl weakens isolation for this container, or "".
std::string sysctl_risk(const model::ContainerSpec& c, const model::NamedValue& s) {
    std::string name = util::to_lower(s.name);
    std::replace(name.begin(), name.end(), '/', '.');
    std::string value = s.value.set && s.value.known ? std::string(util::trim(s.value.value)) : "";
    bool host_ipc = is_value(c.ipc, {"host"});
    bool host_net = is_value(c.network_mode, {"host"});
    if ((util::starts_with(name, "kernel.") || util::starts_with(name, "fs.mqueue.")) && host_ipc) {
        return "with the host's IPC namespace it changes the host kernel's setting";
    }
    if (util::starts_with(name, "net.") && host_net) {
        return "with the host's network namespace it changes the host's network stack";
    }
    if ((name == "net.ipv4.ip_forward" || util::ends_with(name, ".forwarding")) && value == "1") {
        return "it turns the container into a router between the networks it is attached to";
    }
    if (util::ends_with(name, ".route_localnet") && value == "1") {
        return "it makes services bound to 127.0.0.1 reachable from the network";
    }
    if ((util::ends_with(name, ".accept_source_route") || util::ends_with(name, ".accept_redirects")) &&
        value == "1") {
        return "it accepts source-routed packets or ICMP redirects, enabling traffic hijacking";
    }
    if (util::ends_with(name, ".rp_filter") && value == "0") {
        return "it turns reverse-path filtering off, allowing spoofed source addresses";
    }
    if (name == "kernel.unprivileged_bpf_disabled" || name == "kernel.yama.ptrace_scope" ||
        name == "kernel.kptr_restrict" || name == "kernel.dmesg_restrict") {
        return "it weakens a host-wide kernel hardening setting";
    }
    return "";
}

void check_sysctls(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    for (const model::NamedValue& s : c.sysctls) {
        std::string why = sysctl_risk(c, s);
        if (why.empty()) {
            continue;
        }
        out.report(s.origin,
                   fmt::format("{} sets sysctl {}{}: {}", who(c), s.name,
                               s.value.set ? "=" + s.value.value : "", why),
                   spelled(c, fmt::format("remove --sysctl {}", s.name),
                           fmt::format("remove `{}` from sysctls", s.name)));
    }
}

void check_datastore_ports(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    std::optional<model::ImageRef> image = image_of(c);
    std::optional<data::Datastore> store = image ? data::datastore(*image) : std::nullopt;
    if (!store) {
        return;
    }
    for (const model::PortMapping& p : c.ports) {
        if (!p.known || !on_all_interfaces(p)) {
            continue;
        }
        bool hit = std::any_of(store->ports.begin(), store->ports.end(),
                               [&](int port) { return covers(p.container_port, port); });
        if (!hit) {
            continue;
        }
        out.report(
            p.origin,
            fmt::format("{} publishes {} port {} on all host interfaces: the database is reachable from "
                        "every network the host is on (Docker's rules bypass the host firewall)",
                        who(c), store->kind, port_text(p)),
            fmt::format("do not publish it; let the application reach it over a network{}",
                        is_run(c) ? fmt::format(", or bind it to loopback: -p 127.0.0.1:{}", port_text(p))
                                  : fmt::format(", or bind it to loopback: \"127.0.0.1:{}\"", port_text(p))));
    }
    if (c.publish_all.set && c.publish_all.known && c.publish_all.value) {
        out.report(c.publish_all.origin,
                   fmt::format("{} publishes every port of the {} image on all host interfaces (-P)", who(c),
                               store->kind),
                   "remove -P; let the application reach the database over a network");
    }
}

bool is_internal(const model::ContainerProject& project, const std::string& network) {
    auto it = project.networks.find(network);
    return it != project.networks.end() && it->second.internal.set && it->second.internal.known &&
           it->second.internal.value;
}

void check_datastore_network(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    std::optional<model::ImageRef> image = image_of(c);
    std::optional<data::Datastore> store = image ? data::datastore(*image) : std::nullopt;
    if (!store) {
        return;
    }
    std::vector<std::string> mine = attached_networks(c);
    for (const model::ContainerSpec& other : ctx.project.containers) {
        if (&other == &c || !publishes_ports(other)) {
            continue;
        }
        std::vector<std::string> theirs = attached_networks(other);
        for (const std::string& n : mine) {
            if (std::find(theirs.begin(), theirs.end(), n) == theirs.end() || is_internal(ctx.project, n)) {
                continue;
            }
            const model::Origin& at =
                c.networks.empty() ? where(c, c.network_mode) : c.networks.front().origin;
            out.report(
                at,
                fmt::format("{} ({}) shares network `{}` with {}, which publishes ports: no internal "
                            "network separates the database from the exposed service",
                            who(c), store->kind, n, who(other)),
                spelled(c,
                        "docker network create --internal backend; run the database with --network "
                        "backend only and connect the application to both networks",
                        "put the database on a network declared with `internal: true` (shared only with "
                        "the application) and keep the published service on a separate frontend network"));
            return;
        }
    }
}

const Rule k_rules[] = {
    {
        .id = "BD121",
        .title = "A port is published on all host interfaces",
        .severity = Severity::low,
        .category = category::network,
        .tags = "container,runtime,ports,exposure,cis",
        .rationale =
            "`-p 8080:80` (or a compose port without a host IP) listens on 0.0.0.0 and ::, so the service is "
            "reachable from every network the host is attached to. Docker inserts its own iptables rules "
            "ahead of ufw and firewalld, so a host firewall does not protect published ports. `-P` publishes "
            "every EXPOSEd port the same way.",
        .remediation = "Bind published ports to the interface that must serve them (`-p 127.0.0.1:8080:80` "
                       "behind a local reverse proxy, or the LAN address).",
        .bad_example = "docker run -d -p 8080:80 nginx:1.27",
        .good_example = "docker run -d -p 127.0.0.1:8080:80 nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.13",
        .example_kind = "script",
        .check_container = check_all_interfaces,
    },
    {
        .id = "BD122",
        .title = "A privileged host port (below 1024) is mapped",
        .severity = Severity::low,
        .category = category::network,
        .tags = "container,runtime,ports,cis",
        .rationale =
            "Ports below 1024 are reserved for system services. Mapping one from a container places it next "
            "to sshd and the host's own daemons and usually means the service is exposed directly instead of "
            "through a reverse proxy or load balancer that terminates TLS.",
        .remediation =
            "Map an unprivileged host port (`-p 8080:80`) and let a reverse proxy or load balancer "
            "own ports 80/443.",
        .bad_example = "docker run -d -p 127.0.0.1:80:80 nginx:1.27",
        .good_example = "docker run -d -p 127.0.0.1:8080:80 nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.7",
        .example_kind = "script",
        .check_container = check_privileged_ports,
    },
    {
        .id = "BD129",
        .title = "The container uses Docker's default bridge network",
        .severity = Severity::info,
        .category = category::network,
        .tags = "container,runtime,network,segmentation,cis",
        .rationale =
            "Containers started without `--network` join docker0, the default bridge, where every container "
            "can reach every other one and names do not resolve. User-defined networks isolate groups of "
            "containers from each other and give them DNS.",
        .remediation = "Create a network per application (`docker network create appnet`) and start its "
                       "containers with `--network appnet`.",
        .bad_example = "docker run -d nginx:1.27",
        .good_example = "docker run -d --network appnet nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.29",
        .example_kind = "script",
        .check_container = check_default_bridge,
    },
    {
        .id = "BD131",
        .title = "A sysctl weakens the container's or the host's isolation",
        .severity = Severity::medium,
        .category = category::isolation,
        .tags = "container,runtime,sysctl,kernel,network",
        .rationale =
            "Namespaced sysctls only affect the container, unless it shares the host's namespace: `kernel.*` "
            "IPC settings with `--ipc host` and `net.*` with `--network host` change the host. Some values "
            "weaken the container's network isolation on their own: `net.ipv4.ip_forward=1` turns it into "
            "a router between its networks, `route_localnet=1` exposes loopback services, source routing, "
            "ICMP redirects and a disabled reverse-path filter allow spoofing and hijacking.",
        .remediation = "Remove the sysctl, or keep the container in its own IPC/network namespace so it "
                       "changes only the container.",
        .bad_example = "docker run -d --sysctl net.ipv4.ip_forward=1 nginx:1.27",
        .good_example = "docker run -d --sysctl net.ipv4.ip_unprivileged_port_start=0 nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "script",
        .check_container = check_sysctls,
    },
    {
        .id = "BD132",
        .title = "A datastore publishes its port on all host interfaces",
        .severity = Severity::high,
        .category = category::network,
        .tags = "container,runtime,ports,database,exposure",
        .rationale =
            "Databases, caches and brokers (PostgreSQL, MySQL, MongoDB, Redis, Elasticsearch, Memcached, "
            "RabbitMQ ...) are meant to be reached by the application, not the internet. Publishing their "
            "port on 0.0.0.0 exposes them to every network the host is on, past the host firewall; exposed "
            "Redis, MongoDB and Elasticsearch instances are routinely wiped or ransomed within hours.",
        .remediation = "Do not publish the port: the application reaches the database over a Docker network. "
                       "For local access, bind it to loopback (`-p 127.0.0.1:5432:5432`).",
        .bad_example = "docker run -d -p 5432:5432 postgres:16",
        .good_example = "docker run -d -p 127.0.0.1:5432:5432 postgres:16",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.13",
        .example_kind = "script",
        .check_container = check_datastore_ports,
    },
    {
        .id = "BD133",
        .title = "A datastore shares a non-internal network with a service that publishes ports",
        .severity = Severity::medium,
        .category = category::network,
        .tags = "container,runtime,network,database,segmentation",
        .rationale =
            "When the database sits on the same ordinary network as a service that is published to the "
            "outside, a compromise of that service (or of any other container on the network) reaches the "
            "database directly, and the network gives it a route out. Putting the database on an "
            "`internal: true` network shared only with the application keeps it off the exposed network "
            "and without outbound access.",
        .remediation =
            "Declare a backend network with `internal: true` (`docker network create --internal "
            "backend`), attach only the database and the application to it, and publish ports only "
            "from services on a separate frontend network.",
        .bad_example = "docker run -d --name db --network appnet postgres:16\n"
                       "docker run -d --name web --network appnet -p 127.0.0.1:8080:80 nginx:1.27",
        .good_example = "docker network create --internal backend\n"
                        "docker run -d --name db --network backend postgres:16\n"
                        "docker run -d --name web --network backend --network frontend -p 127.0.0.1:8080:80 "
                        "nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "script",
        .check_container = check_datastore_network,
    },
};

}  // namespace

std::span<const Rule> network_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::container
