// What the container can reach on the host's filesystem: sensitive paths, runtime sockets, mount
// propagation, devices, and its own root filesystem.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "bulwark/rules/container/common.hpp"
#include "bulwark/rules/container/families.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::container {

namespace {

using core::Severity;

bool is_bind(const model::ContainerMount& m) {
    return m.type == model::ContainerMount::Type::bind && m.source.set && m.source.known &&
           !m.source.value.empty();
}

bool writable(const model::ContainerMount& m) {
    return !(m.read_only.set && m.read_only.value);
}

/// A container runtime's API socket: whoever can write to it controls the host.
std::string_view runtime_socket(std::string_view path) {
    struct Entry {
        std::string_view path;
        std::string_view what;
    };
    static constexpr Entry k_sockets[] = {
        {"/var/run/docker.sock", "Docker"},
        {"/run/docker.sock", "Docker"},
        {"/var/run/docker", "Docker"},
        {"/run/docker", "Docker"},
        {"/run/containerd/containerd.sock", "containerd"},
        {"/var/run/containerd/containerd.sock", "containerd"},
        {"/run/containerd", "containerd"},
        {"/var/run/crio/crio.sock", "CRI-O"},
        {"/run/crio/crio.sock", "CRI-O"},
        {"/run/podman/podman.sock", "Podman"},
        {"/var/run/podman/podman.sock", "Podman"},
        {"/var/run", "Docker"},  // the directories that hold docker.sock
        {"/run", "Docker"},
    };
    for (const Entry& e : k_sockets) {
        if (e.path == path) {
            return e.what;
        }
    }
    if (util::ends_with(path, "/docker.sock")) {
        return "Docker";
    }
    return {};
}

/// Why a host path is sensitive, or "" when it is not.
std::string_view sensitive_reason(std::string_view path) {
    struct Entry {
        std::string_view path;
        bool subtree;  // also everything below it
        std::string_view why;
    };
    static constexpr Entry k_paths[] = {
        {"/", false, "the host's whole filesystem"},
        {"/etc", false, "the host's configuration: passwd, shadow, sudoers, cron, systemd units"},
        {"/etc/shadow", false, "the host's password hashes"},
        {"/etc/sudoers", false, "the host's sudo policy"},
        {"/etc/sudoers.d", false, "the host's sudo policy"},
        {"/etc/cron.d", false, "the host's cron jobs"},
        {"/etc/systemd", true, "the host's systemd units"},
        {"/proc", true, "the host's /proc: kernel tunables, other processes' memory and environment"},
        {"/sys", true, "the host's /sys: kernel and device settings, cgroups"},
        {"/boot", true, "the host's kernels and boot loader"},
        {"/dev", true, "the host's devices"},
        {"/root", true, "root's home: SSH keys, shell history, credentials"},
        {"/home", false, "every user's home directory"},
        {"/var/lib/docker", true, "Docker's state: every container's and image's files"},
        {"/var/lib/containerd", true, "containerd's state: every container's files"},
        {"/var/lib/kubelet", true, "the kubelet's state: pod secrets and tokens"},
        {"/var", false, "the host's variable data: logs, spools, databases, Docker's state"},
        {"/var/log", false, "the host's logs"},
        {"/usr", false, "the host's programs"},
        {"/bin", false, "the host's programs"},
        {"/sbin", false, "the host's programs"},
        {"/lib", false, "the host's libraries and kernel modules"},
        {"/lib64", false, "the host's libraries"},
        {"/lib/modules", false, "the host's kernel modules"},
        {"/usr/lib", false, "the host's libraries"},
    };
    for (const Entry& e : k_paths) {
        if (path == e.path || (e.subtree && util::starts_with(path, std::string(e.path) + "/"))) {
            return e.why;
        }
    }
    return {};
}

void check_sensitive_mounts(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    for (const model::ContainerMount& m : c.mounts) {
        if (!is_bind(m)) {
            continue;
        }
        std::string src = clean_path(m.source.value);
        if (!runtime_socket(src).empty()) {
            continue;  // BD114
        }
        std::string_view why = sensitive_reason(src);
        if (why.empty()) {
            continue;
        }
        bool rw = writable(m);
        Severity sev = src == "/" ? (rw ? Severity::critical : Severity::high)
                       : rw       ? Severity::high
                                  : Severity::medium;
        std::string target = m.target.value;
        std::string fix =
            rw ? fmt::format("mount only the files the container needs, read-only: {}",
                             spelled(c, fmt::format("-v <narrower path>:{}:ro", target),
                                     fmt::format("\"<narrower path>:{}:ro\"", target)))
               : fmt::format("mount only the files the container needs (not {}), or copy them into the image",
                             src);
        out.report(m.origin, sev,
                   fmt::format("{} mounts host path {} ({}) {}", who(c), src, why,
                               rw ? "writable: root in the container can change the host" : "read-only"),
                   fix);
    }
}

void check_runtime_socket(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    for (const model::ContainerMount& m : c.mounts) {
        if (!is_bind(m)) {
            continue;
        }
        std::string src = clean_path(m.source.value);
        std::string_view what = runtime_socket(src);
        if (what.empty()) {
            continue;
        }
        out.report(
            m.origin,
            fmt::format("{} mounts the {} API socket {}{}: whoever controls the container can start a "
                        "privileged container with the host's / mounted, i.e. is root on the host",
                        who(c), what, src,
                        writable(m) ? ""
                                    : " (read-only does not help: a socket is still "
                                      "writable)"),
            "do not mount the socket; if the container must talk to Docker, put a filtering proxy in "
            "front of it (e.g. tecnativa/docker-socket-proxy with only the API sections needed) or use "
            "rootless Docker");
    }
}

void check_propagation(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    for (const model::ContainerMount& m : c.mounts) {
        if (!is_value(m.propagation, {"shared", "rshared"})) {
            continue;
        }
        out.report(
            m.origin,
            fmt::format("{} mounts {} with {} propagation: mounts made inside the container appear on the "
                        "host (and the other way round)",
                        who(c), m.target.value, m.propagation.value),
            spelled(c, "drop the shared/rshared option (the default is rprivate)",
                    "remove `bind: {propagation: " + m.propagation.value + "}` (the default is rprivate)"));
    }
}

void check_devices(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    for (const model::Device& d : c.devices) {
        if (!d.host_path.known) {
            continue;
        }
        std::string path = clean_path(d.host_path.value);
        bool block = util::starts_with(path, "/dev/sd") || util::starts_with(path, "/dev/nvme") ||
                     util::starts_with(path, "/dev/vd") || util::starts_with(path, "/dev/xvd") ||
                     util::starts_with(path, "/dev/dm-") || util::starts_with(path, "/dev/mapper") ||
                     util::starts_with(path, "/dev/loop") || path == "/dev/mem" || path == "/dev/kmem" ||
                     path == "/dev/port" || path == "/dev" || util::starts_with(path, "/dev/disk");
        bool write = d.permissions.find('w') != std::string::npos;
        Severity sev = block && write ? Severity::high : Severity::medium;
        out.report(
            d.origin, sev,
            fmt::format("{} gets host device {} ({}){}", who(c), path, d.permissions,
                        block ? ": raw access to host disks or memory bypasses every file permission" : ""),
            write && d.permissions != "r"
                ? fmt::format("if the device is really needed, give it read-only: {}",
                              spelled(c, fmt::format("--device {}:{}:r", path, d.container_path),
                                      fmt::format("\"{}:{}:r\"", path, d.container_path)))
                : "remove the device unless the workload cannot run without it");
    }
}

void check_read_only_rootfs(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (c.read_only.set && (c.read_only.value || !c.read_only.known)) {
        return;
    }
    out.report(
        where(c, c.read_only),
        fmt::format("{} has a writable root filesystem: an intruder can change the application, drop "
                    "tools and persist until the container is recreated",
                    who(c)),
        spelled(c, "--read-only --tmpfs /tmp (plus a volume for each directory the application writes)",
                "read_only: true\ntmpfs: [/tmp]  # plus a volume for each directory the application writes"));
}

const Rule k_rules[] = {
    {
        .id = "BD113",
        .title = "A sensitive host path is mounted into the container",
        .severity = Severity::high,
        .category = category::isolation,
        .tags = "container,runtime,mount,host-path,escape,cis",
        .rationale =
            "A bind mount gives the container the host's files with the container user's rights; for root "
            "that means all of them. Mounting /, /etc, /proc, /sys, /boot, /dev, /root, /usr, /lib, /run or "
            "Docker's own /var/lib/docker lets a process read host secrets (shadow, SSH keys, other "
            "containers' files) and, when writable, change cron jobs, systemd units, binaries or kernel "
            "settings: a direct path to host root. Read-only mounts still disclose; writable ones are graded "
            "higher, and the root directory highest.",
        .remediation = "Mount only the specific files or directories the application needs, read-only "
                       "(`-v /etc/ssl/certs:/etc/ssl/certs:ro`), or copy them into the image.",
        .bad_example = "docker run -d -v /etc:/host/etc nginx:1.27",
        .good_example = "docker run -d -v /srv/www:/usr/share/nginx/html:ro nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.5",
        .example_kind = "script",
        .check_container = check_sensitive_mounts,
    },
    {
        .id = "BD114",
        .title = "The Docker (or container runtime) socket is mounted into the container",
        .severity = Severity::critical,
        .category = category::isolation,
        .tags = "container,runtime,docker-socket,escape,cis",
        .rationale =
            "The Docker API has no authorisation: anything that can write to /var/run/docker.sock can run "
            "`docker run --privileged -v /:/host` and own the host. Mounting the socket (read-only does not "
            "matter for a socket) makes every vulnerability of the container a host compromise. The same "
            "holds for containerd, CRI-O and Podman sockets.",
        .remediation = "Remove the mount. Tools that need the API (CI runners, Traefik, monitoring) should "
                       "reach it through a filtering proxy that allows only the calls they make, or run "
                       "against rootless Docker.",
        .bad_example = "docker run -d -v /var/run/docker.sock:/var/run/docker.sock traefik:v3.1",
        .good_example = "docker run -d -e DOCKER_HOST=tcp://socket-proxy:2375 traefik:v3.1",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.31",
        .example_kind = "script",
        .check_container = check_runtime_socket,
    },
    {
        .id = "BD115",
        .title = "A mount uses shared propagation",
        .severity = Severity::medium,
        .category = category::isolation,
        .tags = "container,runtime,mount,propagation,cis",
        .rationale =
            "With shared or rshared propagation, mounts created inside the container propagate to the host's "
            "mount namespace (and the host's into the container). A process with mount rights can then "
            "shadow host directories or expose new filesystems to the host.",
        .remediation =
            "Use the default (rprivate). Only storage plugins that must publish mounts to the host "
            "need rshared, and those run privileged on purpose.",
        .bad_example =
            "docker run -d --mount type=bind,source=/srv/data,target=/data,bind-propagation=rshared "
            "nginx:1.27",
        .good_example = "docker run -d --mount type=bind,source=/srv/data,target=/data nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.19",
        .example_kind = "script",
        .check_container = check_propagation,
    },
    {
        .id = "BD116",
        .title = "A host device is exposed to the container",
        .severity = Severity::medium,
        .category = category::isolation,
        .tags = "container,runtime,device,cis",
        .rationale =
            "`--device` gives the container direct access to a host device node. Block devices (/dev/sda, "
            "/dev/nvme0n1), /dev/mem and /dev/kmem bypass every file permission: the container can read or "
            "rewrite the host's disks or memory. Other devices (GPUs, serial ports, FUSE) widen the kernel "
            "attack surface.",
        .remediation = "Remove the device, or give only the one needed with the least permissions "
                       "(`--device /dev/ttyUSB0:/dev/ttyUSB0:r`).",
        .bad_example = "docker run -d --device /dev/sda:/dev/sda nginx:1.27",
        .good_example = "docker run -d nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.17",
        .example_kind = "script",
        .check_container = check_devices,
    },
    {
        .id = "BD120",
        .title = "The container's root filesystem is writable",
        .severity = Severity::low,
        .category = category::runtime,
        .tags = "container,runtime,read-only,immutability,cis",
        .rationale =
            "A writable root filesystem lets an intruder modify the application, install tools and keep a "
            "foothold for as long as the container lives. With `--read-only` the image's files cannot "
            "change; the few directories an application writes get a tmpfs or a volume.",
        .remediation =
            "Run with `--read-only` (compose `read_only: true`) and add `--tmpfs /tmp` and volumes "
            "for the directories the application writes.",
        .bad_example = "docker run -d nginx:1.27",
        .good_example = "docker run -d --read-only --tmpfs /tmp --tmpfs /var/cache/nginx nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.12",
        .example_kind = "script",
        .check_container = check_read_only_rootfs,
    },
};

}  // namespace

std::span<const Rule> mount_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::container
