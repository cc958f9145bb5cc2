// The privilege rule family: what lets a process in the container gain rights or lets others in
// (BD040-BD047).
#include "bulwark/rules/dockerfile/families.hpp"
#include "bulwark/rules/dockerfile/privilege_checks.hpp"
#include "bulwark/rules/image/checks.hpp"

namespace bulwark::rules::dockerfile {

namespace {

const Rule k_rules[] = {
    {
        "BD040",
        "sudo used in RUN",
        core::Severity::medium,
        category::privilege,
        "privilege,sudo,reliability",
        "A Dockerfile switches users with USER; sudo is meant for interactive logins. Using it in RUN means "
        "the "
        "image carries sudo (a setuid-root binary with a long history of vulnerabilities) and usually a "
        "sudoers "
        "rule that lets the runtime user become root again, which undoes the point of running as non-root. "
        "sudo "
        "also changes the environment, may ask for a password or a TTY, and logs to places that do not exist "
        "in "
        "a build, so steps behave differently from what the Dockerfile suggests.",
        "Run the privileged steps as root (`USER root` before them, `USER app` after), or before the USER "
        "instruction. For dropping privileges at run time use gosu, su-exec or setpriv in the entrypoint.",
        "FROM ubuntu:22.04\nRUN useradd -m app\nUSER app\nRUN sudo apt-get update",
        "FROM ubuntu:22.04\nRUN useradd -m app\nRUN apt-get update\nUSER app",
        "DL3004",
        "DS010",
        "CKV2_DOCKER_1",
        "",
        check_sudo,
        "dockerfile",
        nullptr,
        nullptr,
        nullptr,
        rules::image::check_history,
        "DKL-DI-0001",
    },
    {
        "BD041",
        "World-writable permissions set",
        core::Severity::high,
        category::privilege,
        "privilege,permissions,chmod,filesystem",
        "chmod 777/666, o+w or a+w (and `COPY --chmod=777`) let every user in the container modify the file "
        "or "
        "directory. A compromised low-privilege process can then replace scripts, binaries or configuration "
        "that "
        "a more privileged process (root, the entrypoint, a cron job) later runs or trusts, and can delete "
        "other "
        "users' files in a shared directory. World-writable directories with the sticky bit (mode 1777, as "
        "/tmp) "
        "are the accepted pattern for shared scratch space and are not reported. Modes set in a build stage "
        "are "
        "checked too when that stage's files are copied into the shipped image: COPY --from keeps them.",
        "Give the files to the user that needs to write them (`chown app:app /data` or `COPY "
        "--chown=app:app`) "
        "and use 755 for directories and 644 for files; if several users must share a directory, use a group "
        "(775/664) or the sticky bit (1777).",
        "FROM node:20-slim\nRUN mkdir /app/uploads && chmod 777 /app/uploads\nUSER node",
        "FROM node:20-slim\nRUN mkdir -p /app/uploads && chown node:node /app/uploads && chmod 755 "
        "/app/uploads\n"
        "USER node",
        "",
        "",
        "",
        "",
        check_world_writable,
    },
    {
        "BD042",
        "setuid or setgid bit set",
        core::Severity::medium,
        category::privilege,
        "privilege,permissions,setuid,chmod",
        "An executable with the setuid (or setgid) bit runs with the rights of its owner (or group) whoever "
        "starts it. Adding one to an image (`chmod u+s`, `chmod 4755`, `COPY --chmod=4755`) gives every user "
        "in the container a path to root: any bug or feature of that program that runs other commands, reads "
        "files or loads libraries becomes a privilege escalation, and a container running as a non-root user "
        "is no longer confined to that user. Tools such as gosu explicitly warn against being made setuid. "
        "setgid on a directory only makes new files inherit its group, so setgid alone is reported only for "
        "paths in bin, sbin or libexec directories.",
        "Do not add setuid/setgid bits: run the step that needs root as root, drop privileges in the "
        "entrypoint "
        "with gosu/su-exec, or grant one capability with `setcap cap_net_bind_service=+ep <file>`. Consider "
        "removing the bits the base image ships: `find / -xdev -perm /6000 -type f -exec chmod a-s {} +`.",
        "FROM debian:bookworm-slim\nCOPY gosu /usr/local/bin/gosu\nRUN chmod +s /usr/local/bin/gosu",
        "FROM debian:bookworm-slim\nCOPY gosu /usr/local/bin/gosu\nRUN chmod 755 /usr/local/bin/gosu",
        "",
        "",
        "",
        "4.8",
        check_setuid,
    },
    {
        "BD043",
        "SSH port 22 exposed",
        core::Severity::medium,
        category::privilege,
        "privilege,network,ssh,expose",
        "EXPOSE 22 in the shipped image declares that the container is reached over SSH. An SSH daemon in a "
        "container is a second way in with its own credentials, keys and vulnerabilities, usually baked into "
        "the image and identical in every copy; it also tempts operators to patch containers in place "
        "instead "
        "of rebuilding them. `docker exec` and `kubectl exec` give shell access without opening a port.",
        "Remove 22 from EXPOSE and the SSH server from the image; use `docker exec` / `kubectl exec` (or a "
        "separate debug image) for interactive access.",
        "FROM ubuntu:22.04\nEXPOSE 22 8080",
        "FROM ubuntu:22.04\nEXPOSE 8080",
        "",
        "DS004",
        "CKV_DOCKER_1",
        "5.6",
        check_ssh_port,
        "dockerfile",
        nullptr,
        nullptr,
        nullptr,
        rules::image::check_ssh_port,
    },
    {
        "BD044",
        "SSH server installed in the image",
        core::Severity::medium,
        category::privilege,
        "privilege,ssh,attack-surface,packages",
        "Installing openssh-server, dropbear or a metapackage that pulls one in (Debian `ssh`, Alpine "
        "`openssh`) "
        "puts a network login service in the shipped image. It needs host keys and credentials, which end up "
        "shared by every container from the image, it runs as root, and it is one more daemon to patch. "
        "Containers are meant to be replaced, not logged into; build stages that are not shipped are not "
        "checked.",
        "Remove the SSH server package; use `docker exec` / `kubectl exec` for access, and install only the "
        "client (openssh-client) when the image needs to connect out.",
        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends "
        "openssh-server \\\n && rm -rf /var/lib/apt/lists/*",
        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends "
        "openssh-client \\\n && rm -rf /var/lib/apt/lists/*",
        "",
        "",
        "",
        "5.6",
        check_ssh_server,
        "dockerfile",
        nullptr,
        nullptr,
        nullptr,
        rules::image::check_ssh_server,
    },
    {
        "BD045",
        "EXPOSE port or protocol is invalid",
        core::Severity::medium,
        category::privilege,
        "network,expose,correctness",
        "EXPOSE accepts ports 0-65535 (or a range low-high of them) with an optional /tcp, /udp or /sctp. "
        "Anything else is either rejected by the builder or silently misread, e.g. `80:8080` publishes "
        "nothing "
        "on the host and exposes only 8080, and a typo such as `8080/http` fails the build. Values are "
        "checked "
        "after ARG/ENV expansion; values that depend on unknown build arguments are not reported.",
        "Use `EXPOSE <port>[/tcp|/udp|/sctp]` with a port in 0-65535; publish host ports at run time with "
        "`docker run -p host:container`.",
        "FROM nginx:1.27\nEXPOSE 80 70000",
        "FROM nginx:1.27\nEXPOSE 80 7000",
        "DL3011",
        "DS008",
        "",
        "",
        check_invalid_expose,
    },
    {
        "BD046",
        "Password set in a RUN instruction",
        core::Severity::high,
        category::privilege,
        "privilege,credentials,secrets,accounts",
        "`echo 'root:secret' | chpasswd`, `echo secret | passwd --stdin`, `useradd -p <hash>` or `usermod "
        "-p` "
        "write a password into the image: the command line is stored in the image history (`docker history`) "
        "and the hash in /etc/shadow, so everyone who can pull the image can read or crack it, and every "
        "container from it shares the same credential. `passwd -d` leaves an account with no password at "
        "all. "
        "Only stages in the shipped image are checked.",
        "Do not give container accounts passwords: lock them (`useradd` without -p, `passwd -l`), switch "
        "users "
        "with USER, and inject credentials at run time (secrets, environment from a vault). If a build step "
        "really needs one, read it from `RUN --mount=type=secret`.",
        "FROM debian:bookworm\nRUN echo 'root:Docker!' | chpasswd",
        "FROM debian:bookworm\nRUN useradd -m app && passwd -l root\nUSER app",
        "",
        "",
        "CKV2_DOCKER_17",
        "4.10",
        check_password_in_run,
        "dockerfile",
        nullptr,
        nullptr,
        nullptr,
        rules::image::check_history,
    },
    {
        "BD047",
        "useradd with a large UID without -l",
        core::Severity::low,
        category::privilege,
        "accounts,image-size,useradd",
        "useradd records every new user in /var/log/lastlog and /var/log/faillog, sparse files indexed by "
        "UID. "
        "With a UID such as 1000680000 they claim hundreds of gigabytes; Docker's layer format does not keep "
        "files sparse, so the build writes and ships all of it, or fails for lack of disk. The -l "
        "(--no-log-init) option skips these databases.",
        "Add -l / --no-log-init to useradd when the UID is large (100000 and above), or use a smaller UID.",
        "FROM ubuntu:22.04\nRUN useradd -u 1000680000 -m app\nUSER app",
        "FROM ubuntu:22.04\nRUN useradd -l -u 1000680000 -m app\nUSER app",
        "DL3046",
        "",
        "",
        "",
        check_useradd_large_uid,
    },
};

}  // namespace

std::span<const Rule> privilege_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::dockerfile
