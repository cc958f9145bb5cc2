// Seccomp profile rules: a default action that allows, and dangerous syscalls allowed without the
// capability or argument conditions Docker's default profile puts on them (BD230-BD232).
#include <charconv>
#include <string>

#include <fmt/format.h>

#include "bulwark/rules/seccomp/families.hpp"

namespace bulwark::rules::seccomp {

namespace {

using core::Severity;

enum class Tier { escape, surface };

struct DangerousSyscall {
    std::string_view name;
    Tier tier;
    std::string_view capability;  // what Docker's default profile gates it on, "" when it denies it
    std::string_view why;
};

// The syscalls Docker's default profile denies or gates, and why each matters.
constexpr DangerousSyscall k_syscalls[] = {
    {"mount", Tier::escape, "CAP_SYS_ADMIN", "mounts file systems (procfs, sysfs, host devices)"},
    {"umount", Tier::escape, "CAP_SYS_ADMIN", "unmounts file systems, uncovering what was masked"},
    {"umount2", Tier::escape, "CAP_SYS_ADMIN", "unmounts file systems, uncovering what was masked"},
    {"mount_setattr", Tier::escape, "CAP_SYS_ADMIN", "changes mount attributes (read-only, nosuid)"},
    {"fsopen", Tier::escape, "CAP_SYS_ADMIN", "opens a file system for the new mount API"},
    {"fsmount", Tier::escape, "CAP_SYS_ADMIN", "creates a mount with the new mount API"},
    {"fsconfig", Tier::escape, "CAP_SYS_ADMIN", "configures a file system (CVE-2022-0185)"},
    {"fspick", Tier::escape, "CAP_SYS_ADMIN", "reconfigures an existing mount"},
    {"move_mount", Tier::escape, "CAP_SYS_ADMIN", "moves mounts around the mount tree"},
    {"open_tree", Tier::escape, "CAP_SYS_ADMIN", "clones mount trees"},
    {"pivot_root", Tier::escape, "CAP_SYS_ADMIN", "changes the root mount"},
    {"unshare", Tier::escape, "CAP_SYS_ADMIN",
     "creates new namespaces, user namespaces included, which open most of the kernel to an unprivileged "
     "user"},
    {"setns", Tier::escape, "CAP_SYS_ADMIN", "joins other namespaces"},
    {"clone", Tier::escape, "CAP_SYS_ADMIN",
     "creates namespaces when its flags are not filtered (CLONE_NEWUSER, CLONE_NEWNS ...)"},
    {"clone3", Tier::escape, "CAP_SYS_ADMIN",
     "creates namespaces; its flags cannot be filtered, which is why Docker answers ENOSYS to it"},
    {"bpf", Tier::escape, "CAP_SYS_ADMIN", "loads eBPF programs into the kernel, a frequent exploit path"},
    {"perf_event_open", Tier::escape, "CAP_PERFMON", "exposes kernel profiling, with many past exploits"},
    {"kexec_load", Tier::escape, "", "loads a new kernel to boot"},
    {"kexec_file_load", Tier::escape, "", "loads a new kernel to boot"},
    {"init_module", Tier::escape, "CAP_SYS_MODULE", "loads kernel modules"},
    {"finit_module", Tier::escape, "CAP_SYS_MODULE", "loads kernel modules"},
    {"delete_module", Tier::escape, "CAP_SYS_MODULE", "unloads kernel modules"},
    {"create_module", Tier::escape, "", "creates kernel modules (old kernels)"},
    {"open_by_handle_at", Tier::escape, "CAP_DAC_READ_SEARCH",
     "opens host files by handle, the 'shocker' container escape"},
    {"swapon", Tier::escape, "CAP_SYS_ADMIN", "turns host swap on"},
    {"swapoff", Tier::escape, "CAP_SYS_ADMIN", "turns host swap off"},
    {"reboot", Tier::escape, "CAP_SYS_BOOT", "reboots the host or loads a kernel"},
    {"iopl", Tier::escape, "CAP_SYS_RAWIO", "gives raw access to I/O ports"},
    {"ioperm", Tier::escape, "CAP_SYS_RAWIO", "gives raw access to I/O ports"},
    {"keyctl", Tier::surface, "", "uses the kernel keyring, which is not namespaced"},
    {"add_key", Tier::surface, "", "adds to the kernel keyring, which is not namespaced"},
    {"request_key", Tier::surface, "", "reads the kernel keyring, which is not namespaced"},
    {"userfaultfd", Tier::surface, "", "handles page faults in user space, used to win kernel race exploits"},
    {"io_uring_setup", Tier::surface, "", "opens io_uring, the source of many recent kernel exploits"},
    {"io_uring_enter", Tier::surface, "", "drives io_uring, the source of many recent kernel exploits"},
    {"io_uring_register", Tier::surface, "", "drives io_uring, the source of many recent kernel exploits"},
    {"ptrace", Tier::surface, "CAP_SYS_PTRACE",
     "traces other processes; before Linux 4.8 it could bypass seccomp (Docker allows it from 4.8 on)"},
    {"process_vm_readv", Tier::surface, "CAP_SYS_PTRACE", "reads other processes' memory"},
    {"process_vm_writev", Tier::surface, "CAP_SYS_PTRACE", "writes other processes' memory"},
    {"kcmp", Tier::surface, "CAP_SYS_PTRACE", "compares kernel objects of other processes"},
    {"pidfd_getfd", Tier::surface, "CAP_SYS_PTRACE", "steals file descriptors from other processes"},
    {"personality", Tier::surface, "",
     "switches execution domains, which can turn off address space randomisation"},
    {"syslog", Tier::surface, "CAP_SYSLOG", "reads the kernel log, which leaks kernel addresses"},
    {"acct", Tier::surface, "CAP_SYS_PACCT", "switches process accounting"},
    {"settimeofday", Tier::surface, "CAP_SYS_TIME", "sets the host clock, which is not namespaced"},
    {"stime", Tier::surface, "CAP_SYS_TIME", "sets the host clock, which is not namespaced"},
    {"clock_settime", Tier::surface, "CAP_SYS_TIME", "sets the host clock, which is not namespaced"},
    {"clock_settime64", Tier::surface, "CAP_SYS_TIME", "sets the host clock, which is not namespaced"},
    {"vhangup", Tier::surface, "CAP_SYS_TTY_CONFIG", "hangs up the terminal"},
    {"quotactl", Tier::surface, "CAP_SYS_ADMIN", "manages disk quotas of host file systems"},
    {"quotactl_fd", Tier::surface, "CAP_SYS_ADMIN", "manages disk quotas of host file systems"},
    {"lookup_dcookie", Tier::surface, "CAP_SYS_ADMIN", "reads directory entry paths, leaking kernel data"},
    {"fanotify_init", Tier::surface, "CAP_SYS_ADMIN", "watches file system events"},
    {"sethostname", Tier::surface, "CAP_SYS_ADMIN", "sets the host name"},
    {"setdomainname", Tier::surface, "CAP_SYS_ADMIN", "sets the NIS domain name"},
    {"chroot", Tier::surface, "CAP_SYS_CHROOT", "changes the root directory"},
    {"mbind", Tier::surface, "CAP_SYS_NICE", "changes NUMA memory policy, affecting other workloads"},
    {"set_mempolicy", Tier::surface, "CAP_SYS_NICE", "changes NUMA memory policy"},
    {"move_pages", Tier::surface, "", "moves other processes' memory pages between NUMA nodes"},
    {"nfsservctl", Tier::surface, "", "controls the kernel NFS server (old kernels)"},
    {"uselib", Tier::surface, "", "loads shared libraries the obsolete way"},
    {"_sysctl", Tier::surface, "", "changes kernel parameters (obsolete)"},
    {"sysfs", Tier::surface, "", "reads file system type information (obsolete)"},
    {"ustat", Tier::surface, "", "reads file system statistics (obsolete)"},
    {"vm86", Tier::surface, "", "enters virtual 8086 mode"},
    {"vm86old", Tier::surface, "", "enters virtual 8086 mode"},
};

const DangerousSyscall* dangerous(std::string_view name) {
    for (const DangerousSyscall& s : k_syscalls) {
        if (s.name == name) {
            return &s;
        }
    }
    return nullptr;
}

/// True when "major.minor" `version` is at least 4.8.
bool kernel_at_least_4_8(std::string_view version) {
    unsigned major = 0;
    unsigned minor = 0;
    auto [p, ec] = std::from_chars(version.data(), version.data() + version.size(), major);
    if (ec != std::errc()) {
        return false;
    }
    if (p != version.data() + version.size() && *p == '.') {
        std::from_chars(p + 1, version.data() + version.size(), minor);
    }
    return major > 4 || (major == 4 && minor >= 8);
}

/// True when the rule allows `name` whatever the container's capabilities and the call's arguments.
bool unconditional(const model::SeccompRule& rule, std::string_view name) {
    if (!rule.args.empty() || !rule.include_caps.empty()) {
        return false;  // only with a capability (which grants the power anyway) or for some arguments
    }
    bool ptrace_family = name == "ptrace" || name == "process_vm_readv" || name == "process_vm_writev";
    return !(ptrace_family && !rule.include_min_kernel.empty() &&
             kernel_at_least_4_8(rule.include_min_kernel));
}

void check_allowed(const SeccompContext& ctx, Reporter& out, Tier tier) {
    const model::SeccompProfile& p = ctx.profile;
    if (!p.default_action.set || model::seccomp_action_allows(p.default_action.value)) {
        return;  // no default that denies: BD230 reports the profile as a whole
    }
    for (const model::SeccompRule& rule : p.syscalls) {
        if (!rule.action.set || !model::seccomp_action_allows(rule.action.value)) {
            continue;
        }
        for (const model::Setting<std::string>& n : rule.names) {
            const DangerousSyscall* d = dangerous(n.value);
            if (d == nullptr || d->tier != tier || !unconditional(rule, n.value)) {
                continue;
            }
            std::string gate =
                d->capability.empty()
                    ? std::string("remove it from the entry (Docker's default profile denies it)")
                    : fmt::format(
                          "remove it, or move it to an entry with \"includes\": {{\"caps\": [\"{}\"]}} as "
                          "Docker's default profile does",
                          d->capability);
            if (n.value == "clone") {
                gate =
                    "allow clone only with its namespace flags masked out: \"args\": [{\"index\": 0, "
                    "\"value\": 2114060288, \"op\": \"SCMP_CMP_MASKED_EQ\"}], as Docker's default profile "
                    "does";
            }
            out.report(
                n.origin,
                fmt::format("`{}` is allowed ({}) for every container, without a capability or argument "
                            "condition: it {}",
                            n.value, rule.action.value, d->why),
                gate);
        }
    }
}

void check_escape_syscalls(const SeccompContext& ctx, Reporter& out) {
    check_allowed(ctx, out, Tier::escape);
}

void check_surface_syscalls(const SeccompContext& ctx, Reporter& out) {
    check_allowed(ctx, out, Tier::surface);
}

void check_default_allows(const SeccompContext& ctx, Reporter& out) {
    const model::SeccompProfile& p = ctx.profile;
    if (!p.default_action.set || !model::seccomp_action_allows(p.default_action.value)) {
        return;
    }
    out.report(
        p.default_action.origin,
        fmt::format("`defaultAction` is {}: every syscall the profile does not list is allowed{}, so the "
                    "profile is a deny list that misses new and rarely used syscalls",
                    p.default_action.value, p.default_action.value == "SCMP_ACT_LOG" ? " (and logged)" : ""),
        "\"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultErrnoRet\": 1, and list the allowed syscalls "
        "(start from Docker's default profile)");
}

const Rule k_rules[] = {
    {
        .id = "BD230",
        .title = "The seccomp profile allows every syscall it does not list",
        .severity = Severity::high,
        .category = category::seccomp,
        .tags = "seccomp,kernel,syscalls",
        .rationale =
            "A profile whose `defaultAction` is SCMP_ACT_ALLOW (or SCMP_ACT_LOG, which logs and allows) is a "
            "deny list: every syscall it does not name, including ones added by newer kernels and rarely "
            "used "
            "ones with a history of exploits, is allowed. Docker's default profile does the opposite: it "
            "denies by default (SCMP_ACT_ERRNO) and lists what containers need.",
        .remediation = "Start from Docker's default profile (moby/profiles/seccomp/default.json), keep "
                       "`\"defaultAction\": \"SCMP_ACT_ERRNO\"` and add the few syscalls the workload needs.",
        .bad_example = "{\n  \"defaultAction\": \"SCMP_ACT_ALLOW\",\n  \"syscalls\": [\n    {\"names\": "
                       "[\"mount\"], \"action\": \"SCMP_ACT_ERRNO\"}\n  ]\n}",
        .good_example = "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    {\"names\": "
                        "[\"read\", \"write\", \"exit_group\"], \"action\": \"SCMP_ACT_ALLOW\"}\n  ]\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.21",
        .example_kind = "seccomp",
        .check_seccomp = check_default_allows,
    },
    {
        .id = "BD231",
        .title = "The seccomp profile allows a container-escape syscall unconditionally",
        .severity = Severity::high,
        .category = category::seccomp,
        .tags = "seccomp,kernel,syscalls,escape",
        .rationale =
            "Some syscalls are the usual first step out of a container: mounting file systems, creating or "
            "joining namespaces (unshare, setns, clone with namespace flags), loading kernel modules or eBPF "
            "programs, kexec, opening host files by handle, raw I/O ports. Docker's default profile denies "
            "them, or allows them only to containers that were given the matching capability "
            "(`includes.caps`), which grants that power anyway, or only for safe arguments (clone without "
            "namespace flags). A profile that allows them to every container removes that barrier.",
        .remediation =
            "Remove the syscall from the SCMP_ACT_ALLOW entry, or move it to an entry gated on the "
            "capability, as Docker's default profile does; give that capability only to the "
            "containers that need it.",
        .bad_example = "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    {\"names\": "
                       "[\"read\", \"write\", \"mount\"], \"action\": \"SCMP_ACT_ALLOW\"}\n  ]\n}",
        .good_example =
            "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    {\"names\": "
            "[\"read\", \"write\"], \"action\": \"SCMP_ACT_ALLOW\"},\n    {\"names\": [\"mount\"], "
            "\"action\": \"SCMP_ACT_ALLOW\", \"includes\": {\"caps\": [\"CAP_SYS_ADMIN\"]}}\n  ]\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.21",
        .example_kind = "seccomp",
        .check_seccomp = check_escape_syscalls,
    },
    {
        .id = "BD232",
        .title = "The seccomp profile allows a risky kernel interface unconditionally",
        .severity = Severity::medium,
        .category = category::seccomp,
        .tags = "seccomp,kernel,syscalls,attack-surface",
        .rationale =
            "Docker's default profile also denies or gates syscalls that are not an escape by themselves but "
            "widen the kernel attack surface or reach outside the container: the kernel keyring (not "
            "namespaced), userfaultfd and io_uring (behind many recent kernel exploits), ptrace without the "
            "Linux 4.8 fix, personality without argument filter (turns off ASLR), the host clock, syslog. "
            "Allowing them to every container is rarely needed.",
        .remediation = "Remove the syscall from the SCMP_ACT_ALLOW entry, or gate it on its capability or on "
                       "its arguments as Docker's default profile does.",
        .bad_example = "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    {\"names\": "
                       "[\"read\", \"keyctl\"], \"action\": \"SCMP_ACT_ALLOW\"}\n  ]\n}",
        .good_example = "{\n  \"defaultAction\": \"SCMP_ACT_ERRNO\",\n  \"syscalls\": [\n    {\"names\": "
                        "[\"read\"], \"action\": \"SCMP_ACT_ALLOW\"},\n    {\"names\": [\"personality\"], "
                        "\"action\": \"SCMP_ACT_ALLOW\", \"args\": [{\"index\": 0, \"value\": 0, \"op\": "
                        "\"SCMP_CMP_EQ\"}]}\n  ]\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.21",
        .example_kind = "seccomp",
        .check_seccomp = check_surface_syscalls,
    },
};

}  // namespace

std::span<const Rule> profile_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::seccomp
