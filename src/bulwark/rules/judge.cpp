#include "bulwark/rules/judge.hpp"

#include <string>

#include "bulwark/util/strings.hpp"

namespace bulwark::rules::judge {

SystemPath classify_system_path(std::string_view p) {
    for (std::string_view tree : {"/proc", "/sys", "/dev", "/boot"}) {
        if (p == tree || util::starts_with(p, std::string(tree) + "/")) {
            return SystemPath::virtual_fs;
        }
    }
    if (p == "/var/run/docker.sock" || p == "/run/docker.sock") {
        return SystemPath::docker_socket;
    }
    for (std::string_view dir : {"/", "/etc", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/usr", "/usr/bin",
                                 "/usr/sbin", "/usr/lib", "/usr/lib64", "/var", "/var/lib"}) {
        if (p == dir) {
            return SystemPath::system_dir;
        }
    }
    return SystemPath::none;
}

namespace {

using core::Severity;

const SensitivePort k_ports[] = {
    {21, "FTP", "a cleartext file-transfer login", Severity::medium},
    {23, "Telnet", "a cleartext remote login", Severity::high},
    {111, "rpcbind", "the ONC RPC port mapper, an old amplification and NFS entry point", Severity::medium},
    {135, "MS-RPC", "the Windows RPC endpoint mapper", Severity::medium},
    {139, "NetBIOS/SMB", "Windows file sharing", Severity::medium},
    {445, "SMB", "Windows file sharing", Severity::medium},
    {512, "rexec", "a cleartext remote execution service", Severity::high},
    {513, "rlogin", "a cleartext remote login", Severity::high},
    {514, "rsh", "a cleartext remote shell", Severity::high},
    {2375, "Docker Engine API without TLS", "root on the host", Severity::critical},
    {2376, "Docker Engine API", "control of the host's Docker engine", Severity::high},
    {2379, "etcd client API", "the cluster's whole state, secrets included", Severity::high},
    {2380, "etcd peer API", "etcd cluster membership", Severity::high},
    {3389, "RDP", "a remote desktop login", Severity::high},
    {5900, "VNC", "a remote desktop, often without a password", Severity::high},
    {5901, "VNC", "a remote desktop, often without a password", Severity::high},
    {6000, "X11", "the X display: keystrokes and screen of its users", Severity::high},
    {10250, "kubelet API", "command execution in every pod of the node", Severity::high},
};

}  // namespace

std::optional<SensitivePort> sensitive_port(unsigned port) {
    for (const SensitivePort& p : k_ports) {
        if (p.port == port) {
            return p;
        }
    }
    return std::nullopt;
}

}  // namespace bulwark::rules::judge
