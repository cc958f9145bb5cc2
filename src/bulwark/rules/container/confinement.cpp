// Mandatory confinement turned off: seccomp, AppArmor, SELinux labels, masked /proc and /sys paths.
#include <string>

#include <fmt/format.h>

#include "bulwark/rules/container/common.hpp"
#include "bulwark/rules/container/families.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::container {

namespace {

using core::Severity;

/// Reports every known security_opt entry `key=value` (value compared case-insensitively).
void report_security_opt(const ContainerContext& ctx, Reporter& out, std::string_view key,
                         std::string_view value, std::string_view what, std::string_view run_fix,
                         std::string_view compose_fix) {
    const model::ContainerSpec& c = ctx.container;
    for (const model::Setting<std::string>& opt : c.security_opt) {
        if (!opt.known) {
            continue;
        }
        SecurityOpt o = split_security_opt(opt.value);
        if (o.key == key && util::iequals(util::trim(o.value), value)) {
            out.report(opt.origin, fmt::format("{} {}", who(c), what), spelled(c, run_fix, compose_fix));
        }
    }
}

void check_seccomp(const ContainerContext& ctx, Reporter& out) {
    report_security_opt(
        ctx, out, "seccomp", "unconfined",
        "runs without a seccomp filter (seccomp=unconfined): all ~300 system calls reach the kernel, "
        "including those behind most container escapes (unshare, keyctl, bpf, userfaultfd)",
        "remove --security-opt seccomp=unconfined; if one syscall is missing, use a profile that adds just "
        "it: "
        "--security-opt seccomp=./seccomp.json",
        "remove `seccomp=unconfined` from security_opt; if one syscall is missing, use a profile that adds "
        "just "
        "it: security_opt: [\"seccomp=./seccomp.json\"]");
}

void check_apparmor(const ContainerContext& ctx, Reporter& out) {
    report_security_opt(
        ctx, out, "apparmor", "unconfined",
        "runs without AppArmor (apparmor=unconfined): docker-default no longer blocks writes to /proc and "
        "/sys, mounts and raw access the other layers might miss",
        "remove --security-opt apparmor=unconfined, or load a custom profile and use "
        "--security-opt apparmor=<profile>",
        "remove `apparmor=unconfined` from security_opt, or load a custom profile and use "
        "security_opt: [\"apparmor=<profile>\"]");
}

void check_selinux(const ContainerContext& ctx, Reporter& out) {
    report_security_opt(
        ctx, out, "label", "disable",
        "turns SELinux labelling off (label=disable): the container process runs unconfined "
        "(spc_t) and can touch any host file a mount or escape gives it",
        "remove --security-opt label=disable; relabel bind mounts with :z or :Z instead",
        "remove `label=disable` from security_opt; relabel bind mounts with :z or :Z instead");
    report_security_opt(ctx, out, "label", "type:spc_t",
                        "runs as the SELinux super-privileged container type (label=type:spc_t)",
                        "remove --security-opt label=type:spc_t",
                        "remove `label=type:spc_t` from security_opt");
}

void check_systempaths(const ContainerContext& ctx, Reporter& out) {
    report_security_opt(ctx, out, "systempaths", "unconfined",
                        "unmasks /proc and /sys (systempaths=unconfined): /proc/kcore, /proc/sysrq-trigger, "
                        "/sys/firmware and other host interfaces become reachable",
                        "remove --security-opt systempaths=unconfined",
                        "remove `systempaths=unconfined` from security_opt");
}

const Rule k_rules[] = {
    {
        .id = "BD103",
        .title = "The container runs without a seccomp profile",
        .severity = Severity::high,
        .category = category::privilege,
        .tags = "container,runtime,seccomp,escape,cis",
        .rationale =
            "Docker's default seccomp profile blocks about 50 system calls that containers do not need and "
            "that most kernel exploits and container escapes use (unshare, mount, keyctl, bpf, ptrace of "
            "other namespaces, userfaultfd, kexec_load ...). `seccomp=unconfined` removes that filter; a "
            "kernel bug reachable through one of those calls is then a host compromise.",
        .remediation = "Keep the default profile. When a program needs one blocked call, copy Docker's "
                       "default profile, allow that call, and use `--security-opt seccomp=profile.json`.",
        .bad_example = "docker run -d --security-opt seccomp=unconfined nginx:1.27",
        .good_example = "docker run -d --security-opt seccomp=./seccomp.json nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.21",
        .example_kind = "script",
        .check_container = check_seccomp,
    },
    {
        .id = "BD104",
        .title = "The container runs without AppArmor confinement",
        .severity = Severity::high,
        .category = category::privilege,
        .tags = "container,runtime,apparmor,escape,cis",
        .rationale =
            "On AppArmor hosts (Debian, Ubuntu, SUSE) Docker confines every container with the "
            "docker-default profile, which denies writes to sensitive /proc and /sys files and mounts. "
            "`apparmor=unconfined` removes that layer, so a capability or mount mistake is no longer "
            "caught by it.",
        .remediation = "Remove `apparmor=unconfined`; if the default profile is too strict, write a profile "
                       "for the workload and use `--security-opt apparmor=<profile>`.",
        .bad_example = "docker run -d --security-opt apparmor=unconfined nginx:1.27",
        .good_example = "docker run -d --security-opt apparmor=docker-default nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.1",
        .example_kind = "script",
        .check_container = check_apparmor,
    },
    {
        .id = "BD105",
        .title = "SELinux labelling is disabled for the container",
        .severity = Severity::high,
        .category = category::privilege,
        .tags = "container,runtime,selinux,escape,cis",
        .rationale =
            "On SELinux hosts (Fedora, RHEL, CentOS) each container runs as container_t with its own MCS "
            "label, so it cannot read other containers' or the host's files even as root. "
            "`label=disable` (or the spc_t type) runs it unconfined: a bind mount or escape then reaches "
            "everything root can.",
        .remediation = "Remove `label=disable`. For bind mounts that fail with permission errors, relabel "
                       "them with `:z` (shared) or `:Z` (private) instead.",
        .bad_example = "docker run -d --security-opt label=disable -v /srv/data:/data nginx:1.27",
        .good_example = "docker run -d -v /srv/data:/data:Z nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.2",
        .example_kind = "script",
        .check_container = check_selinux,
    },
    {
        .id = "BD134",
        .title = "Masked /proc and /sys paths are exposed (systempaths=unconfined)",
        .severity = Severity::high,
        .category = category::privilege,
        .tags = "container,runtime,procfs,escape",
        .rationale =
            "Docker masks and makes read-only host interfaces under /proc and /sys (/proc/kcore, "
            "/proc/sysrq-trigger, /proc/keys, /sys/firmware ...). `systempaths=unconfined` removes those "
            "masks: a root process can read kernel memory, trigger SysRq on the host or read firmware "
            "tables.",
        .remediation = "Remove `systempaths=unconfined`; it is meant for nested container runtimes, which "
                       "should run in a VM or with a rootless runtime instead.",
        .bad_example = "docker run -d --security-opt systempaths=unconfined nginx:1.27",
        .good_example = "docker run -d nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "script",
        .check_container = check_systempaths,
    },
};

}  // namespace

std::span<const Rule> confinement_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::container
