// Daemon rules about how containers run: storage driver, default ulimits, user namespaces, cgroup
// parent, no-new-privileges, live restore, the seccomp profile and experimental features.
#include <fmt/format.h>

#include "bulwark/rules/daemon/families.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::daemon {

namespace {

using core::Severity;

void check_aufs(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!d.storage_driver.set || !d.storage_driver.known || d.storage_driver.value != "aufs") {
        return;
    }
    out.report(
        d.storage_driver.origin,
        "the aufs storage driver is unmaintained, was removed in Docker 24 and has known kernel crashes "
        "and security problems",
        fix_for(d, "\"storage-driver\": \"overlay2\"", "--storage-driver=overlay2"));
}

void check_default_ulimits(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!d.defaults_apply || !d.default_ulimits.empty()) {
        return;
    }
    out.report(d.origin,
               "no `default-ulimits`: containers inherit the daemon's limits (often nofile=1048576), so one "
               "container can exhaust file descriptors or processes for the whole host",
               "\"default-ulimits\": {\"nofile\": {\"Name\": \"nofile\", \"Soft\": 65536, \"Hard\": 65536}, "
               "\"nproc\": {\"Name\": \"nproc\", \"Soft\": 4096, \"Hard\": 8192}}");
}

void check_userns(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!counts(d.userns_remap, d) || !util::trim(d.userns_remap.value).empty()) {
        return;
    }
    out.report(where(d.userns_remap, d),
               d.userns_remap.set
                   ? std::string("`userns-remap` is empty: root in a container is root on the host")
                   : std::string("`userns-remap` is not set: root in a container is uid 0 on the "
                                 "host, so a process that escapes is host root"),
               fix_for(d, "\"userns-remap\": \"default\"", "--userns-remap=default"));
}

void check_cgroup_parent(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    const std::string& v = d.cgroup_parent.value;
    if (!d.cgroup_parent.set || !d.cgroup_parent.known || v.empty() || v == "/docker" ||
        v == "system.slice") {
        return;
    }
    out.report(
        d.cgroup_parent.origin,
        fmt::format("containers are placed under cgroup `{}` instead of Docker's default: make sure the "
                    "limits of that cgroup are meant to apply to every container",
                    v),
        fix_for(d, "remove \"cgroup-parent\" (or confirm the cgroup's limits)",
                "remove --cgroup-parent (or confirm the cgroup's limits)"));
}

void check_no_new_privileges(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!counts(d.no_new_privileges, d) || d.no_new_privileges.value) {
        return;
    }
    out.report(
        where(d.no_new_privileges, d),
        fmt::format("{}: processes in containers can gain privileges through setuid and setcap binaries "
                    "unless each container sets --security-opt no-new-privileges",
                    described(d, "no-new-privileges", "no-new-privileges", d.no_new_privileges.set, "false")),
        fix_for(d, "\"no-new-privileges\": true", "--no-new-privileges"));
}

void check_live_restore(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!counts(d.live_restore, d) || d.live_restore.value) {
        return;
    }
    out.report(where(d.live_restore, d),
               fmt::format("{}: every container stops when the daemon stops, so security updates of Docker "
                           "mean downtime and tend to be postponed",
                           described(d, "live-restore", "live-restore", d.live_restore.set, "false")),
               fix_for(d, "\"live-restore\": true", "--live-restore"));
}

void check_seccomp_unconfined(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!d.seccomp_profile.set || !d.seccomp_profile.known || d.seccomp_profile.value != "unconfined") {
        return;
    }
    out.report(
        d.seccomp_profile.origin,
        "the daemon-wide seccomp profile is `unconfined`: containers can call every syscall (mount, "
        "bpf, keyctl, kernel modules ...), which removes a main barrier against kernel exploits",
        fix_for(d, "remove \"seccomp-profile\" (Docker's default profile) or set it to a custom profile",
                "remove --seccomp-profile (Docker's default profile) or give it a custom profile"));
}

void check_experimental(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!d.experimental.set || !d.experimental.known || !d.experimental.value) {
        return;
    }
    out.report(d.experimental.origin,
               "experimental features are on: they are unstable, less reviewed and not meant for production",
               fix_for(d, "\"experimental\": false (or remove the key)", "remove --experimental"));
}

void check_base_device_size(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    for (const model::Setting<std::string>& opt : d.storage_opts) {
        if (opt.known && util::starts_with(util::trim(opt.value), "dm.basesize")) {
            out.report(
                opt.origin,
                fmt::format("`{}` changes the base device size of every container: a larger size lets "
                            "one container fill the thin pool for all",
                            opt.value),
                "remove dm.basesize unless a container needs it (and move off devicemapper, removed in "
                "Docker 25)");
        }
    }
}

const Rule k_rules[] = {
    {
        .id = "BD204",
        .title = "The aufs storage driver is used",
        .severity = Severity::medium,
        .category = category::daemon,
        .tags = "daemon,storage,cis",
        .rationale =
            "aufs is an out-of-tree file system that is no longer maintained, has caused kernel crashes "
            "and was removed from Docker 24. Containers on it do not get the fixes of the supported "
            "drivers.",
        .remediation = "Use overlay2 (`\"storage-driver\": \"overlay2\"`); images must be pulled again after "
                       "the switch.",
        .bad_example = "{\n  \"storage-driver\": \"aufs\"\n}",
        .good_example = "{\n  \"storage-driver\": \"overlay2\"\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.6",
        .example_kind = "daemon",
        .check_daemon = check_aufs,
    },
    {
        .id = "BD206",
        .title = "No default ulimits are set for containers",
        .severity = Severity::info,
        .category = category::daemon,
        .tags = "daemon,resources,denial-of-service,cis",
        .rationale =
            "Without `default-ulimits` containers inherit the daemon's own limits, which systemd units "
            "set very high (LimitNOFILE=infinity or 1048576). One misbehaving container can then "
            "exhaust file descriptors or processes for everything on the host. CIS marks this manual: "
            "the right limits depend on the workload, hence info. Fires on an empty daemon.json.",
        .remediation = "Set `default-ulimits` for nofile and nproc; containers that need more can raise them "
                       "with `--ulimit`.",
        .bad_example = "{\n  \"icc\": false\n}",
        .good_example =
            "{\n  \"default-ulimits\": {\n    \"nofile\": {\"Name\": \"nofile\", \"Soft\": 65536, "
            "\"Hard\": 65536}\n  }\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.8",
        .example_kind = "daemon",
        .check_daemon = check_default_ulimits,
    },
    {
        .id = "BD207",
        .title = "User namespace remapping is off",
        .severity = Severity::low,
        .category = category::daemon,
        .tags = "daemon,userns,root,isolation,cis",
        .rationale =
            "Without `userns-remap`, uid 0 in a container is uid 0 on the host: a process that escapes "
            "through "
            "a kernel or runtime bug, or that reaches a mounted host path, acts as root. Remapping maps the "
            "container's root to an unprivileged range of subordinate uids. It is low rather than medium "
            "because it changes file ownership of volumes and is incompatible with some setups (host "
            "namespaces, some volume plugins). Fires on an empty daemon.json.",
        .remediation = "Set `\"userns-remap\": \"default\"` (Docker creates the dockremap user and its "
                       "/etc/subuid range) and fix the ownership of bind-mounted data.",
        .bad_example = "{\n  \"icc\": false\n}",
        .good_example = "{\n  \"userns-remap\": \"default\"\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.9",
        .example_kind = "daemon",
        .check_daemon = check_userns,
    },
    {
        .id = "BD208",
        .title = "The default cgroup parent is changed",
        .severity = Severity::low,
        .category = category::daemon,
        .tags = "daemon,cgroups,resources,cis",
        .rationale = "`cgroup-parent` moves every container under another cgroup, whose limits then apply to "
                     "all of them together. That can be intended (a slice with a memory cap) or can take "
                     "containers out of the limits the host was sized for. CIS asks that the change be "
                     "confirmed.",
        .remediation =
            "Remove `cgroup-parent` unless the cgroup was chosen for its limits; set per-container "
            "limits with --memory, --cpus and --pids-limit instead.",
        .bad_example = "{\n  \"cgroup-parent\": \"/custom-parent\"\n}",
        .good_example = "{\n  \"icc\": false\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.10",
        .example_kind = "daemon",
        .check_daemon = check_cgroup_parent,
    },
    {
        .id = "BD211",
        .title = "Containers may acquire new privileges (no-new-privileges is off)",
        .severity = Severity::low,
        .category = category::daemon,
        .tags = "daemon,privilege-escalation,setuid,cis",
        .rationale =
            "Without `no-new-privileges`, a process in a container can gain privileges by executing a "
            "setuid or setcap binary (su, sudo, ping on older images ...). Setting it daemon-wide "
            "makes every container start with the no_new_privs bit, unless a container explicitly "
            "opts out. Fires on an empty daemon.json.",
        .remediation = "Set `\"no-new-privileges\": true` (or `dockerd --no-new-privileges`).",
        .bad_example = "{\n  \"no-new-privileges\": false\n}",
        .good_example = "{\n  \"no-new-privileges\": true\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.14",
        .example_kind = "daemon",
        .check_daemon = check_no_new_privileges,
    },
    {
        .id = "BD212",
        .title = "Live restore is off",
        .severity = Severity::low,
        .category = category::daemon,
        .tags = "daemon,availability,patching,cis",
        .rationale =
            "Without `live-restore`, stopping or upgrading dockerd stops every container. Updates of "
            "the daemon (often security fixes) then need a maintenance window and are postponed. "
            "Live restore keeps containers running while the daemon restarts. It is not supported "
            "with swarm mode. Fires on an empty daemon.json.",
        .remediation = "Set `\"live-restore\": true` (or `dockerd --live-restore`) on hosts that are not "
                       "swarm nodes.",
        .bad_example = "{\n  \"live-restore\": false\n}",
        .good_example = "{\n  \"live-restore\": true\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.15",
        .example_kind = "daemon",
        .check_daemon = check_live_restore,
    },
    {
        .id = "BD214",
        .title = "The daemon-wide seccomp profile is unconfined",
        .severity = Severity::high,
        .category = category::daemon,
        .tags = "daemon,seccomp,kernel,cis",
        .rationale =
            "Docker's default seccomp profile blocks about 50 syscalls that containers do not need and "
            "that are behind many kernel privilege escalations (keyctl, bpf, userfaultfd, mount, "
            "unshare ...). `seccomp-profile: unconfined` turns it off for every container that does "
            "not bring its own profile.",
        .remediation = "Remove `seccomp-profile` to use Docker's default profile, or point it at a custom "
                       "profile derived from the default (see docs/seccomp.md).",
        .bad_example = "{\n  \"seccomp-profile\": \"unconfined\"\n}",
        .good_example = "{\n  \"seccomp-profile\": \"/etc/docker/seccomp/default.json\"\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.17",
        .example_kind = "daemon",
        .check_daemon = check_seccomp_unconfined,
    },
    {
        .id = "BD215",
        .title = "Experimental features are enabled",
        .severity = Severity::low,
        .category = category::daemon,
        .tags = "daemon,stability,cis",
        .rationale =
            "Experimental features are not covered by Docker's stability guarantees, get less review "
            "and can change or disappear; they do not belong on production daemons.",
        .remediation = "Remove `\"experimental\": true` (or `--experimental`).",
        .bad_example = "{\n  \"experimental\": true\n}",
        .good_example = "{\n  \"experimental\": false\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.18",
        .example_kind = "daemon",
        .check_daemon = check_experimental,
    },
    {
        .id = "BD216",
        .title = "The base device size is changed",
        .severity = Severity::info,
        .category = category::daemon,
        .tags = "daemon,storage,resources,cis",
        .rationale = "`dm.basesize` (devicemapper) sets the size of every container's root file system. "
                     "Raising it lets one container fill the thin pool shared by all of them; lowering it "
                     "later is not possible. Change it only when a container needs it.",
        .remediation = "Remove the `dm.basesize` storage option, and move to overlay2 (devicemapper was "
                       "removed in Docker 25).",
        .bad_example = "{\n  \"storage-opts\": [\"dm.basesize=50G\"]\n}",
        .good_example = "{\n  \"storage-driver\": \"overlay2\"\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.11",
        .example_kind = "daemon",
        .check_daemon = check_base_device_size,
    },
};

}  // namespace

std::span<const Rule> runtime_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::daemon
