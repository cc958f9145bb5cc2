// Container privilege: --privileged, added and dropped capabilities, no-new-privileges, root user.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "bulwark/rules/container/common.hpp"
#include "bulwark/rules/container/families.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::container {

namespace {

using core::Severity;

void check_privileged(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (!c.privileged.set || !c.privileged.known || !c.privileged.value) {
        return;
    }
    out.report(
        c.privileged.origin,
        fmt::format("{} runs privileged: every capability, every host device, no seccomp, AppArmor or "
                    "SELinux confinement; root in it is root on the host",
                    who(c)),
        spelled(c, "remove --privileged and add only what the process needs, e.g. --cap-add NET_ADMIN",
                "remove `privileged: true` and add only what the process needs, e.g. cap_add: [NET_ADMIN]"));
}

/// Docker's default capability set: adding one of these back after `cap_drop: ALL` is the right thing.
bool is_default_capability(std::string_view cap) {
    static constexpr std::string_view k_defaults[] = {
        "CHOWN",   "DAC_OVERRIDE", "FSETID",           "FOWNER",     "MKNOD", "SETGID",     "SETUID",
        "SETFCAP", "SETPCAP",      "NET_BIND_SERVICE", "SYS_CHROOT", "KILL",  "AUDIT_WRITE"};
    return std::find(std::begin(k_defaults), std::end(k_defaults), cap) != std::end(k_defaults);
}

/// How dangerous an added capability is, and why; nullopt for the default set.
std::optional<std::pair<Severity, std::string_view>> capability_risk(std::string_view cap) {
    struct Entry {
        std::string_view cap;
        Severity severity;
        std::string_view why;
    };
    static constexpr Entry k_caps[] = {
        {"ALL", Severity::critical, "every capability: as good as --privileged for escaping"},
        {"SYS_ADMIN", Severity::critical, "mount, namespaces, BPF and more: the classic container escape"},
        {"SYS_MODULE", Severity::critical, "loads kernel modules: code in the host kernel"},
        {"SYS_PTRACE", Severity::high, "traces and injects into other processes"},
        {"NET_ADMIN", Severity::high, "reconfigures interfaces, routes and firewall rules"},
        {"DAC_READ_SEARCH", Severity::high, "reads any file by handle (the shocker escape)"},
        {"SYS_RAWIO", Severity::high, "raw I/O ports and device memory"},
        {"SYS_BOOT", Severity::high, "reboots the host and loads new kernels"},
        {"BPF", Severity::high, "loads eBPF programs into the host kernel"},
        {"PERFMON", Severity::high, "kernel performance monitoring: reads kernel memory layout"},
        {"MAC_ADMIN", Severity::high, "changes the AppArmor/SELinux policy"},
        {"MAC_OVERRIDE", Severity::high, "bypasses the mandatory access control policy"},
        {"SYS_TIME", Severity::high, "sets the host clock"},
        {"SYSLOG", Severity::high, "reads and clears the kernel log (kernel addresses)"},
        {"NET_RAW", Severity::medium, "raw sockets: ARP and DNS spoofing on the container network"},
    };
    for (const Entry& e : k_caps) {
        if (e.cap == cap) {
            return std::pair{e.severity, e.why};
        }
    }
    if (is_default_capability(cap)) {
        return std::nullopt;
    }
    return std::pair{Severity::low, std::string_view("a capability outside Docker's default set")};
}

bool drops_all(const model::ContainerSpec& c) {
    return std::any_of(c.cap_drop.begin(), c.cap_drop.end(),
                       [](const model::Setting<std::string>& s) { return s.known && s.value == "ALL"; });
}

void check_cap_add(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    for (const model::Setting<std::string>& cap : c.cap_add) {
        if (!cap.known) {
            continue;
        }
        auto risk = capability_risk(cap.value);
        if (!risk) {
            continue;
        }
        out.report(
            cap.origin, risk->first,
            fmt::format("{} adds capability {}: {}", who(c), cap.value, risk->second),
            cap.value == "ALL"
                ? spelled(c, "--cap-drop ALL --cap-add <only the capabilities the process needs>",
                          "cap_drop: [ALL] and cap_add: [<only the capabilities the process needs>]")
                : fmt::format("remove {} unless the workload cannot run without it; prefer a narrower "
                              "capability or a helper outside the container",
                              spelled(c, "--cap-add " + cap.value, "`" + cap.value + "` from cap_add")));
    }
}

void check_cap_drop(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (drops_all(c) || (c.privileged.set && c.privileged.value)) {
        return;
    }
    bool unknown = std::any_of(c.cap_drop.begin(), c.cap_drop.end(),
                               [](const model::Setting<std::string>& s) { return !s.known; });
    if (unknown) {
        return;
    }
    std::string keep;
    for (const model::Setting<std::string>& cap : c.cap_add) {
        if (cap.known && cap.value != "ALL") {
            keep += (keep.empty() ? ""
                     : is_run(c)  ? " "
                                  : ", ") +
                    (is_run(c) ? "--cap-add " + cap.value : cap.value);
        }
    }
    const model::Origin& at = c.cap_drop.empty() ? c.origin : c.cap_drop.front().origin;
    out.report(
        at,
        fmt::format("{} keeps Docker's default capabilities (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, SETGID, "
                    "NET_RAW, MKNOD ...): drop them all and add back only what is needed",
                    who(c)),
        is_run(c) ? "--cap-drop ALL" + (keep.empty() ? std::string() : " " + keep)
                  : "cap_drop: [ALL]" + (keep.empty() ? std::string() : "\ncap_add: [" + keep + "]"));
}

void check_no_new_privileges(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (c.privileged.set && c.privileged.value) {
        return;
    }
    for (const model::Setting<std::string>& opt : c.security_opt) {
        if (!opt.known) {
            return;
        }
        SecurityOpt o = split_security_opt(opt.value);
        if (o.key != "no-new-privileges") {
            continue;
        }
        std::string v = util::to_lower(o.value);
        if (v.empty() || v == "true" || v == "1") {
            return;
        }
        out.report(
            opt.origin,
            fmt::format("{} turns no-new-privileges off: setuid binaries can raise privileges", who(c)),
            spelled(c, "--security-opt no-new-privileges:true",
                    "security_opt: [\"no-new-privileges:true\"]"));
        return;
    }
    out.report(
        c.origin,
        fmt::format("{} does not set no-new-privileges: a setuid or file-capability binary in the image can "
                    "gain privileges the process did not start with",
                    who(c)),
        spelled(c, "--security-opt no-new-privileges:true", "security_opt: [\"no-new-privileges:true\"]"));
}

void check_root_user(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (!c.user.set || !c.user.known) {
        return;
    }
    std::string_view u = util::trim(c.user.value);
    std::string_view name = u.substr(0, u.find(':'));
    if (name != "root" && name != "0") {
        return;
    }
    out.report(c.user.origin,
               fmt::format("{} runs as root ({}) explicitly, overriding the image's USER", who(c), u),
               spelled(c, "--user 10001:10001 (a non-root uid the image's files allow)",
                       "user: \"10001:10001\" (a non-root uid the image's files allow)"));
}

const Rule k_rules[] = {
    {
        .id = "BD100",
        .title = "The container runs privileged",
        .severity = Severity::critical,
        .category = category::privilege,
        .tags = "container,runtime,privileged,escape,cis",
        .rationale =
            "`--privileged` (compose `privileged: true`) gives the container every capability, access to all "
            "host devices, writable /sys and /proc, and turns off seccomp, AppArmor and SELinux. A process "
            "in it can mount the host's disks, load kernel modules or write to the host's cgroups: root in a "
            "privileged container is root on the host. It is almost never needed; what a workload really "
            "requires is usually one capability or one device.",
        .remediation = "Remove privileged mode and grant the single capability or device the workload needs: "
                       "`docker run --cap-add NET_ADMIN ...` or `--device /dev/fuse`.",
        .bad_example = "docker run -d --privileged nginx:1.27",
        .good_example = "docker run -d --cap-drop ALL --cap-add NET_BIND_SERVICE nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.4",
        .example_kind = "script",
        .check_container = check_privileged,
    },
    {
        .id = "BD101",
        .title = "The container adds a dangerous capability",
        .severity = Severity::high,
        .category = category::privilege,
        .tags = "container,runtime,capabilities,escape,cis",
        .rationale =
            "Capabilities split root's power. Some of them are enough to leave the container: SYS_ADMIN "
            "(mount, namespaces), SYS_MODULE (kernel modules), DAC_READ_SEARCH (open any host file by "
            "handle), "
            "SYS_PTRACE (inject into processes), SYS_RAWIO, BPF, PERFMON; NET_ADMIN and NET_RAW let it "
            "reconfigure or spoof the network. ALL is as bad as --privileged. Each added capability is "
            "graded by how directly it leads to the host; capabilities of Docker's default set added back "
            "after dropping ALL are not reported.",
        .remediation =
            "Remove the capability, or replace it with a narrower one (NET_BIND_SERVICE instead of "
            "running as root for port 80; a sidecar or init container for network setup).",
        .bad_example = "docker run -d --cap-add SYS_ADMIN nginx:1.27",
        .good_example = "docker run -d --cap-drop ALL --cap-add NET_BIND_SERVICE nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.3",
        .example_kind = "script",
        .check_container = check_cap_add,
    },
    {
        .id = "BD102",
        .title = "The container keeps Docker's default capabilities (no cap_drop ALL)",
        .severity = Severity::low,
        .category = category::privilege,
        .tags = "container,runtime,capabilities,least-privilege,cis",
        .rationale =
            "Docker starts containers with 14 capabilities (CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, "
            "SETGID, "
            "SETUID, SETPCAP, SETFCAP, NET_BIND_SERVICE, NET_RAW, SYS_CHROOT, MKNOD, AUDIT_WRITE). Most "
            "services need none of them; NET_RAW allows ARP/DNS spoofing on the bridge and DAC_OVERRIDE lets "
            "root ignore file permissions. Dropping all and adding back the few that are needed removes "
            "that attack surface.",
        .remediation =
            "Start from nothing: `--cap-drop ALL` (compose `cap_drop: [ALL]`), then `--cap-add` only "
            "what fails without it (often NET_BIND_SERVICE, CHOWN, SETUID/SETGID for entrypoints "
            "that switch user).",
        .bad_example = "docker run -d nginx:1.27",
        .good_example = "docker run -d --cap-drop ALL --cap-add NET_BIND_SERVICE nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.3",
        .example_kind = "script",
        .check_container = check_cap_drop,
    },
    {
        .id = "BD106",
        .title = "The container does not set no-new-privileges",
        .severity = Severity::low,
        .category = category::privilege,
        .tags = "container,runtime,setuid,least-privilege,cis",
        .rationale =
            "Without the no_new_privs bit a process can gain privileges through setuid/setgid binaries or "
            "file capabilities (su, sudo, ping, newuidmap ...). With `no-new-privileges` the kernel refuses "
            "that, so an attacker who gets code execution as the container's user stays that user.",
        .remediation = "Add `--security-opt no-new-privileges:true` (compose `security_opt: "
                       "[\"no-new-privileges:true\"]`), or set it for every container in daemon.json "
                       "(`\"no-new-privileges\": true`).",
        .bad_example = "docker run -d nginx:1.27",
        .good_example = "docker run -d --security-opt no-new-privileges:true nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.25",
        .example_kind = "script",
        .check_container = check_no_new_privileges,
    },
    {
        .id = "BD127",
        .title = "The container is told to run as root",
        .severity = Severity::medium,
        .category = category::user,
        .tags = "container,runtime,user,root,least-privilege",
        .rationale =
            "`--user root`, `--user 0` (compose `user: root`) override the image's USER and run the process "
            "as uid 0. Root in a container is the host's root unless user namespaces are remapped: any "
            "escape, writable mount or device becomes a host compromise, and inside the container the "
            "process can modify its own code.",
        .remediation = "Run as the image's non-root user (drop the flag) or an explicit unprivileged uid: "
                       "`--user 10001:10001`.",
        .bad_example = "docker run -d --user root nginx:1.27",
        .good_example = "docker run -d --user 10001:10001 nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.1",
        .example_kind = "script",
        .check_container = check_root_user,
    },
};

}  // namespace

std::span<const Rule> privilege_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::container
