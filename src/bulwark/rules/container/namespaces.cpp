// Host namespaces shared with the container: network, PID, IPC, UTS, user and cgroup.
#include <string>

#include <fmt/format.h>

#include "bulwark/rules/container/common.hpp"
#include "bulwark/rules/container/families.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::container {

namespace {

using core::Severity;

/// Reports `setting` when it is "host".
void report_host(const ContainerContext& ctx, Reporter& out, const model::Setting<std::string>& setting,
                 std::string_view flag, std::string_view key, std::string_view consequence) {
    if (!is_value(setting, {"host"})) {
        return;
    }
    const model::ContainerSpec& c = ctx.container;
    out.report(setting.origin, fmt::format("{} shares the host's {}", who(c), consequence),
               is_run(c) ? fmt::format("remove --{}=host", flag) : fmt::format("remove `{}: host`", key));
}

void check_network(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (!is_value(c.network_mode, {"host"})) {
        return;
    }
    out.report(
        c.network_mode.origin,
        fmt::format("{} uses the host's network namespace: it can bind any host port, reach services "
                    "listening on the host's localhost and, with NET_ADMIN or NET_RAW, sniff or "
                    "reconfigure the host's interfaces",
                    who(c)),
        spelled(c, "remove --network host and publish what is needed: -p 127.0.0.1:8080:8080",
                "remove `network_mode: host` and publish what is needed: ports: [\"127.0.0.1:8080:8080\"]"));
}

void check_pid(const ContainerContext& ctx, Reporter& out) {
    report_host(
        ctx, out, ctx.container.pid, "pid", "pid",
        "PID namespace: it sees every host process, their command lines and environments, and as root "
        "can signal or ptrace them");
}

void check_ipc(const ContainerContext& ctx, Reporter& out) {
    report_host(ctx, out, ctx.container.ipc, "ipc", "ipc",
                "IPC namespace: it can read and write the host's shared memory segments, semaphores and "
                "message queues");
}

void check_uts(const ContainerContext& ctx, Reporter& out) {
    report_host(ctx, out, ctx.container.uts, "uts", "uts",
                "UTS namespace: it can change the host's hostname and domain name");
}

void check_userns(const ContainerContext& ctx, Reporter& out) {
    report_host(
        ctx, out, ctx.container.userns_mode, "userns", "userns_mode",
        "user namespace (userns=host): the daemon's user-namespace remapping is switched off for it, so "
        "its root is the host's uid 0");
}

void check_cgroupns(const ContainerContext& ctx, Reporter& out) {
    report_host(ctx, out, ctx.container.cgroupns, "cgroupns", "cgroup",
                "cgroup namespace: it sees the host's whole cgroup tree and every container's limits");
}

Rule namespace_rule(std::string_view id, std::string_view title, Severity severity, std::string_view tags,
                    std::string_view rationale, std::string_view remediation, std::string_view bad,
                    std::string_view good, std::string_view cis, ContainerCheck check) {
    Rule r;
    r.id = id;
    r.title = title;
    r.severity = severity;
    r.category = category::isolation;
    r.tags = tags;
    r.rationale = rationale;
    r.remediation = remediation;
    r.bad_example = bad;
    r.good_example = good;
    r.cis = cis;
    r.example_kind = "script";
    r.check_container = check;
    return r;
}

const Rule k_rules[] = {
    namespace_rule(
        "BD107", "The container shares the host's network namespace", Severity::high,
        "container,runtime,namespace,network,cis",
        "With `--network host` (compose `network_mode: host`) the container has no network isolation: it "
        "binds ports directly on the host, reaches services that listen only on the host's 127.0.0.1 "
        "(the Docker API on tcp://localhost, databases, cloud metadata proxies), and with NET_RAW or "
        "NET_ADMIN can sniff or reconfigure the host's interfaces. Published-port rules and firewalls "
        "between containers no longer apply.",
        "Use a bridge or user-defined network and publish only the ports needed, bound to an interface: "
        "`-p 127.0.0.1:8080:8080`.",
        "docker run -d --network host nginx:1.27",
        "docker run -d --network appnet -p 127.0.0.1:8080:80 nginx:1.27", "5.9", check_network),
    namespace_rule(
        "BD108", "The container shares the host's PID namespace", Severity::high,
        "container,runtime,namespace,pid,cis",
        "With `--pid host` the container sees every process of the host, their command lines and "
        "environment variables (secrets passed as arguments or env), and a root process in it can kill or, "
        "with SYS_PTRACE, inject into host processes, including the container runtime.",
        "Remove `--pid host`; for debugging use `docker run --pid container:<name>` against one container, "
        "or "
        "a node debugging tool with explicit approval.",
        "docker run -d --pid host nginx:1.27", "docker run -d nginx:1.27", "5.15", check_pid),
    namespace_rule(
        "BD109", "The container shares the host's IPC namespace", Severity::high,
        "container,runtime,namespace,ipc,cis",
        "With `--ipc host` the container can attach to the host's System V shared memory, semaphores and "
        "POSIX message queues: it can read or corrupt data other programs exchange there (databases and "
        "X11 use shared memory).",
        "Remove `--ipc host`; to share memory between two containers use `--ipc shareable` on one and "
        "`--ipc container:<name>` on the other.",
        "docker run -d --ipc host nginx:1.27", "docker run -d --ipc private nginx:1.27", "5.16", check_ipc),
    namespace_rule("BD110", "The container shares the host's UTS namespace", Severity::medium,
                   "container,runtime,namespace,uts,cis",
                   "With `--uts host` a process with CAP_SYS_ADMIN can change the host's hostname and NIS "
                   "domain, which breaks logging, monitoring and certificates that rely on the name, and the "
                   "container learns the host's identity.",
                   "Remove `--uts host`; set the container's own name with `--hostname`.",
                   "docker run -d --uts host nginx:1.27", "docker run -d --hostname web nginx:1.27", "5.20",
                   check_uts),
    namespace_rule(
        "BD111", "The container opts out of user-namespace remapping", Severity::medium,
        "container,runtime,namespace,userns,cis",
        "When the daemon remaps users (`userns-remap`), root in a container is an unprivileged uid "
        "on the host. `--userns host` switches that off for the container: its root is uid 0 of "
        "the host again, and every escape or writable mount is a root compromise.",
        "Remove `--userns host`; make the workload work under the remapped uids (chown its volumes "
        "to the subordinate range).",
        "docker run -d --userns host nginx:1.27", "docker run -d nginx:1.27", "5.30", check_userns),
    namespace_rule("BD112", "The container shares the host's cgroup namespace", Severity::medium,
                   "container,runtime,namespace,cgroup",
                   "With `--cgroupns host` the container sees the host's entire cgroup hierarchy: every "
                   "container's resource limits and process ids, and with a writable cgroup filesystem it "
                   "could change them. cgroup v2 hosts default to a private cgroup namespace.",
                   "Remove `--cgroupns host` (or use `--cgroupns private`).",
                   "docker run -d --cgroupns host nginx:1.27", "docker run -d --cgroupns private nginx:1.27",
                   "", check_cgroupns),
};

}  // namespace

std::span<const Rule> namespace_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::container
