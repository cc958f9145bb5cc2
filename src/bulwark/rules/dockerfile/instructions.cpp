// Instruction rules (BD070-BD089): correctness of single instructions that affects security,
// reproducibility or operations. The checks live in instructions_*.cpp.
#include "bulwark/rules/dockerfile/families.hpp"
#include "bulwark/rules/dockerfile/instructions_checks.hpp"
#include "bulwark/rules/image/checks.hpp"

namespace bulwark::rules::dockerfile {

namespace {

using core::Severity;

const Rule k_rules[] = {
    {
        .id = "BD070",
        .title = "Use an absolute WORKDIR",
        .severity = Severity::low,
        .category = category::best_practice,
        .tags = "workdir,reproducibility",
        .rationale =
            "A relative WORKDIR is resolved against whatever working directory is in effect: the previous "
            "WORKDIR of the stage or, when there is none, the one the base image sets. When the base image "
            "changes its WORKDIR (a new tag, a different variant), every later COPY, RUN and the container's "
            "start directory silently move with it, so files land in unexpected places and the entrypoint "
            "may "
            "run against the wrong tree. An absolute path states where the application lives and keeps the "
            "image reproducible.",
        .remediation = "Write WORKDIR with an absolute path (after ARG/ENV expansion), e.g. WORKDIR /app.",
        .bad_example = "FROM node:20-slim\nWORKDIR app\nCOPY . .",
        .good_example = "FROM node:20-slim\nWORKDIR /app\nCOPY . .",
        .hadolint = "DL3000",
        .trivy = "DS009",
        .checkov = "CKV_DOCKER_10",
        .cis = "",
        .check_dockerfile = checks::relative_workdir,
    },
    {
        .id = "BD071",
        .title = "Do not put WORKDIR or VOLUME on a system path",
        .severity = Severity::medium,
        .category = category::best_practice,
        .tags = "workdir,volume,filesystem",
        .rationale =
            "A VOLUME on /, /etc, /usr, /var or another system directory turns it into a volume: everything "
            "a "
            "later RUN writes there is discarded, and at run time the volume's old contents shadow the "
            "image's "
            "files, so package updates and security fixes never become visible. /proc, /sys, /dev and /boot "
            "are "
            "mounted by the runtime, so files written there through WORKDIR or VOLUME are hidden or break "
            "the "
            "container. A VOLUME or WORKDIR at /var/run/docker.sock means the container expects the Docker "
            "socket, which is root on the host. A system directory as WORKDIR followed by `COPY . .` sprays "
            "the "
            "whole build context (sources, .git, credentials) over system files.",
        .remediation = "Keep application data and the working directory in a dedicated path such as /app or "
                       "/data; never "
                       "declare volumes on system directories or the Docker socket.",
        .bad_example =
            "FROM debian:12-slim\nVOLUME /etc\nRUN echo 'net.ipv4.ip_forward=1' > /etc/sysctl.d/99.conf",
        .good_example = "FROM debian:12-slim\nVOLUME /data\nWORKDIR /app",
        .hadolint = "",
        .trivy = "DS030",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::system_path,
        .check_image = rules::image::check_system_volume,
        .dockle = "DKL-DI-0002",
    },
    {
        .id = "BD072",
        .title = "Use WORKDIR instead of cd in RUN",
        .severity = Severity::low,
        .category = category::best_practice,
        .tags = "workdir,run,maintainability",
        .rationale =
            "A `cd` inside RUN only lasts for that RUN: the next instruction starts again in the WORKDIR, so "
            "commands chained after a `cd` are easy to misread and a later edit that splits the RUN runs "
            "them "
            "in the wrong directory. A `cd` that fails without `set -e` or `&&` leaves the following "
            "commands "
            "running in the wrong place (for example `rm -rf *` in /). WORKDIR makes the directory explicit, "
            "creates it if needed and applies to every following instruction. Only a `cd` that WORKDIR could "
            "replace is reported: one in the RUN's own shell, not in a subshell `(cd dir && make)`, a "
            "pipeline element, a background job, a `$(...)` or an `sh -c`/`su -c` script, where it ends "
            "with them (hadolint's DL3003 reports a subshell's cd too, though its documentation advises "
            "one); "
            "not one that runs on some paths only (in a branch of an `if` or `case`, a loop, after `||` as "
            "in `test -d /x || cd /y`, or after `&&` following a test as in `[ -d /x ] && cd /x; make` "
            "unless the RUN ends with it, where a false test fails the build), which WORKDIR cannot "
            "express, while `cd /x || exit 1` and `make && cd /x` are reported; "
            "and not into a temporary directory, one the same RUN removes afterwards (`rm -r`, `rmdir`, "
            "itself or a directory holding it, by a path or a variable the RUN set) or makes with "
            "`mktemp -d`, which a WORKDIR would leave missing or cannot name, on any way through the "
            "branches before it. A `cd` that only leaves such a directory (to `/`, home, `..` or the "
            "RUN's WORKDIR) is not reported either. A `cd` in a shell function is judged where the function "
            "is called, as the shell runs it: a function runs in its caller's shell (unless its body is "
            "`( ... )`), so its `cd` lasts after the call, and the message names the call; a `cd` in a "
            "function that is never called never runs and is not reported (hadolint's DL3003 reports it "
            "where it is written, called or not).",
        .remediation =
            "Set the directory with WORKDIR before the RUN (or use the tool's own directory option such as "
            "`make -C dir`, `git -C dir`, `npm --prefix dir`).",
        .bad_example = "FROM golang:1.22\nRUN cd /src && go build -o /out/app ./cmd/app",
        .good_example = "FROM golang:1.22\nWORKDIR /src\nRUN go build -o /out/app ./cmd/app",
        .hadolint = "DL3003",
        .trivy = "DS013",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::cd_in_run,
    },
    {
        .id = "BD073",
        .title = "Only the last CMD of a stage takes effect",
        .severity = Severity::medium,
        .category = category::best_practice,
        .tags = "cmd,config",
        .rationale =
            "CMD sets a single value in the image configuration; each CMD replaces the previous one. When a "
            "stage has several, all but the last are dead code, and the one a reader notices first is often "
            "not "
            "the one that runs. That hides what the container actually executes, which matters when "
            "reviewing "
            "what a shipped image does.",
        .remediation = "Keep exactly one CMD per stage, normally at the end.",
        .bad_example = "FROM python:3.12-slim\nCMD [\"python\", \"manage.py\", \"migrate\"]\nCMD "
                       "[\"gunicorn\", \"app:app\"]",
        .good_example = "FROM python:3.12-slim\nCMD [\"gunicorn\", \"app:app\"]",
        .hadolint = "DL4003",
        .trivy = "DS016",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::repeated_cmd,
    },
    {
        .id = "BD074",
        .title = "Only the last ENTRYPOINT of a stage takes effect",
        .severity = Severity::medium,
        .category = category::best_practice,
        .tags = "entrypoint,config",
        .rationale =
            "ENTRYPOINT is one value of the image configuration; a second ENTRYPOINT in the same stage "
            "replaces "
            "the first and also resets CMD inherited from the base image. The overridden instruction is "
            "misleading: reviewers may believe a wrapper (an init process, a privilege-dropping script) runs "
            "when it does not.",
        .remediation = "Keep exactly one ENTRYPOINT per stage.",
        .bad_example = "FROM alpine:3.20\nENTRYPOINT [\"/sbin/tini\", \"--\"]\nENTRYPOINT [\"/app/server\"]",
        .good_example = "FROM alpine:3.20\nENTRYPOINT [\"/sbin/tini\", \"--\", \"/app/server\"]",
        .hadolint = "DL4004",
        .trivy = "DS007",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::repeated_entrypoint,
    },
    {
        .id = "BD075",
        .title = "Only the last HEALTHCHECK of a stage takes effect",
        .severity = Severity::medium,
        .category = category::best_practice,
        .tags = "healthcheck,config",
        .rationale =
            "Each HEALTHCHECK replaces the previous one, so only the last of a stage is used. An earlier, "
            "stricter check that a reader relies on (a real readiness probe) may be silently replaced by a "
            "trivial one, or by HEALTHCHECK NONE, and failures then go unnoticed in production.",
        .remediation = "Keep one HEALTHCHECK per stage that reflects the service's real health.",
        .bad_example =
            "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD true",
        .good_example = "FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1",
        .hadolint = "DL3012",
        .trivy = "DS023",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::repeated_healthcheck,
    },
    {
        .id = "BD076",
        .title = "Use the exec form for CMD and ENTRYPOINT",
        .severity = Severity::low,
        .category = category::best_practice,
        .tags = "cmd,entrypoint,signals,operations",
        .rationale =
            "In shell form (`CMD node server.js`) Docker runs `/bin/sh -c \"...\"`, so the shell is PID 1 "
            "and "
            "the program its child. `docker stop` sends SIGTERM to the shell, which does not forward it: the "
            "program never shuts down gracefully, in-flight requests and unflushed data are lost when "
            "SIGKILL "
            "arrives after the timeout. A shell-form ENTRYPOINT also ignores CMD and `docker run` arguments, "
            "and "
            "a shell-form CMD after an exec-form ENTRYPOINT is passed to it as `/bin/sh -c ...` arguments. "
            "Only "
            "the CMD and ENTRYPOINT in effect in the shipped image are checked; a command that starts with "
            "`exec` is accepted because the shell replaces itself.",
        .remediation = "Write CMD and ENTRYPOINT as JSON arrays (`CMD [\"node\", \"server.js\"]`), or start "
                       "a shell-form "
                       "command with `exec` when it needs variable expansion.",
        .bad_example = "FROM node:20-slim\nWORKDIR /app\nCMD node server.js",
        .good_example = "FROM node:20-slim\nWORKDIR /app\nCMD [\"node\", \"server.js\"]",
        .hadolint = "DL3025",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::shell_form_command,
    },
    {
        .id = "BD077",
        .title = "Set -o pipefail before RUN with a pipe",
        .severity = Severity::low,
        .category = category::best_practice,
        .tags = "run,shell,pipefail,reproducibility",
        .rationale =
            "A pipeline's exit status is that of its last command. In `RUN curl -fsSL $URL | tar -xz`, a "
            "failed "
            "download (network error, 404, truncated file) still lets the build succeed when the last "
            "command "
            "exits 0, producing an image that silently lacks or half-contains what it should. With `set -o "
            "pipefail` (in the RUN or in a SHELL instruction) any failing stage fails the build. POSIX sh in "
            "some images (dash) lacks pipefail: use SHELL with bash or ash, as hadolint advises. Pipelines "
            "whose commands before the last only print (the shell's `echo`, or `printf` with a literal "
            "format of `%s`/`%b`/`%c` conversions, without redirections), such as `echo \"$SHA  file\" | "
            "sha256sum -c -`, are not reported: such a command fails only when the reader exits before "
            "reading all its input, which is no error of its own, and every real failure is the reader's, "
            "which the pipeline's status reports without pipefail (hadolint's DL4006 reports every pipe). "
            "`echo \"$(curl ...)\" | sh` is still reported, with its own fix, and also with pipefail on: "
            "echo exits 0 whatever the command substitution did, which pipefail does not see either.",
        .remediation =
            "Add `SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]` before the RUN. Where the RUN's shell "
            "is "
            "bash, zsh, ksh or busybox ash (/bin/sh of Alpine), starting the command with `set -o pipefail "
            "&&` "
            "also works; dash, /bin/sh of Debian and Ubuntu, rejects it (`set: Illegal option -o pipefail`). "
            "For a command substitution printed into a pipe, run the command in an assignment first, "
            "whose status is the substitution's: `sum=\"$(curl -fsSL $URL.sha256)\" && echo \"$sum  f\" | "
            "sha256sum -c -` (or, with pipefail on and nothing else printed, pipe the command itself: "
            "`curl -fsSL $URL | sh`).",
        .bad_example =
            "FROM debian:12-slim\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt",
        .good_example = "FROM debian:12-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
                        "RUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt",
        .hadolint = "DL4006",
        .trivy = "DS032",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::pipe_without_pipefail,
    },
    {
        .id = "BD078",
        .title = "MAINTAINER is deprecated",
        .severity = Severity::info,
        .category = category::best_practice,
        .tags = "metadata,deprecated",
        .rationale =
            "MAINTAINER has been deprecated since Docker 1.13. It writes a legacy field that OCI tooling, "
            "registries and SBOM generators do not read, so the image's ownership information is effectively "
            "lost. The OCI annotation `org.opencontainers.image.authors` is the standard place for it and is "
            "what provenance and inventory tools look for.",
        .remediation = "Replace it with LABEL org.opencontainers.image.authors=\"name <email>\".",
        .bad_example = "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>",
        .good_example =
            "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"",
        .hadolint = "DL4000",
        .trivy = "DS022",
        .checkov = "CKV_DOCKER_6",
        .cis = "",
        .check_dockerfile = checks::maintainer,
    },
    {
        .id = "BD079",
        .title = "Add a HEALTHCHECK to the shipped image",
        .severity = Severity::low,
        .category = category::best_practice,
        .tags = "healthcheck,operations,availability",
        .rationale =
            "Without a HEALTHCHECK the container is reported as running as long as its main process exists, "
            "even "
            "when it is deadlocked, out of connections or serving errors. Orchestrators and `docker ps` then "
            "cannot restart or stop routing to it, which turns a recoverable failure into an outage (CIS "
            "Docker "
            "Benchmark 4.6). A HEALTHCHECK inherited through FROM <stage> counts; `HEALTHCHECK NONE` in the "
            "shipped image is reported as a disabled health check. A shipped image built FROM scratch with "
            "no CMD or ENTRYPOINT (here or in the stages it builds on), such as an artifact-export stage or "
            "a base layer, runs nothing to probe and is not reported.",
        .remediation =
            "Add `HEALTHCHECK CMD ...` to the final stage with a command that probes the service (an HTTP "
            "endpoint, a client ping), with sensible --interval and --timeout. Where the orchestrator probes "
            "health itself (Kubernetes), suppress this rule for the file.",
        .bad_example = "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/",
        .good_example = "FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n"
                        "HEALTHCHECK --interval=30s --timeout=3s CMD curl -f http://localhost/ || exit 1",
        .hadolint = "",
        .trivy = "DS026",
        .checkov = "CKV_DOCKER_2",
        .cis = "4.6",
        .check_dockerfile = checks::missing_healthcheck,
        .check_image = rules::image::check_missing_healthcheck,
        .dockle = "CIS-DI-0006",
    },
    {
        .id = "BD080",
        .title = "A Dockerfile must start with FROM",
        .severity = Severity::medium,
        .category = category::best_practice,
        .tags = "syntax,order",
        .rationale =
            "Only ARG (plus comments and parser directives) may come before the first FROM. Any other "
            "instruction there is rejected by the builder, or, in templated and generated Dockerfiles, is a "
            "sign that the file is assembled in the wrong order, so the instructions a reviewer reads are "
            "not "
            "the ones that build the image.",
        .remediation =
            "Start with FROM (optionally preceded by ARGs used in FROM) and move the instruction after it.",
        .bad_example = "LABEL org.opencontainers.image.source=\"https://example.com/app\"\nFROM alpine:3.20",
        .good_example = "ARG ALPINE_VERSION=3.20\nFROM alpine:${ALPINE_VERSION}\n"
                        "LABEL org.opencontainers.image.source=\"https://example.com/app\"",
        .hadolint = "DL3061",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::first_not_from,
    },
    {
        .id = "BD081",
        .title = "COPY/ADD with several sources needs a destination ending in '/'",
        .severity = Severity::medium,
        .category = category::best_practice,
        .tags = "copy,add,filesystem",
        .rationale =
            "When COPY or ADD has more than one source, the destination must be a directory written with a "
            "trailing slash. Without it the builder fails, or, depending on the builder and on whether the "
            "path "
            "already exists in the base image, treats the destination as a file name, so files end up "
            "somewhere "
            "other than where the application and its permission settings expect them.",
        .remediation = "End the destination with '/' (e.g. COPY package.json package-lock.json /app/).",
        .bad_example = "FROM node:20-slim\nCOPY package.json package-lock.json /app",
        .good_example = "FROM node:20-slim\nCOPY package.json package-lock.json /app/",
        .hadolint = "DL3021",
        .trivy = "DS011",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::multi_source_copy,
    },
    {
        .id = "BD082",
        .title = "Do not use a variable in the ENV that defines it",
        .severity = Severity::low,
        .category = category::best_practice,
        .tags = "env,variables",
        .rationale =
            "All values of one ENV instruction are expanded with the variables that existed before it. In "
            "`ENV JAVA_HOME=/opt/java PATH=$JAVA_HOME/bin:$PATH`, $JAVA_HOME is still empty when PATH is "
            "computed, so PATH gets `/bin` instead of the JDK directory: the wrong binary (or none) is "
            "found, "
            "and a directory an attacker may control can end up first in PATH. A reference whose result "
            "is the same either way is not reported: `${X:-v}` (or `${X-v}`) where the same ENV sets X to "
            "v.",
        .remediation = "Define the variable in one ENV instruction and use it in a later one.",
        .bad_example = "FROM debian:12-slim\nENV APP_HOME=/opt/app PATH=$APP_HOME/bin:$PATH",
        .good_example = "FROM debian:12-slim\nENV APP_HOME=/opt/app\nENV PATH=$APP_HOME/bin:$PATH",
        .hadolint = "DL3044",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::env_self_reference,
    },
    {
        .id = "BD083",
        .title = "COPY to a relative destination needs a WORKDIR",
        .severity = Severity::low,
        .category = category::best_practice,
        .tags = "copy,workdir,reproducibility",
        .rationale =
            "A relative COPY/ADD destination is resolved against the working directory. With no WORKDIR in "
            "the "
            "stage (or the stages it is built FROM) that is whatever the base image sets, often `/`, so the "
            "application is copied into the root of the filesystem today and somewhere else after a base "
            "image update. Files in `/` mix with system files and are hard to lock down with permissions.",
        .remediation = "Set WORKDIR to an absolute path before copying, or copy to an absolute destination.",
        .bad_example = "FROM python:3.12-slim\nCOPY requirements.txt .",
        .good_example = "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .",
        .hadolint = "DL3045",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::relative_copy_without_workdir,
    },
    {
        .id = "BD084",
        .title = "Use SHELL instead of symlinking /bin/sh",
        .severity = Severity::low,
        .category = category::best_practice,
        .tags = "shell,run,filesystem",
        .rationale =
            "Replacing /bin/sh with a link to bash (`ln -sf /bin/bash /bin/sh`) changes the system shell for "
            "every program in the image, including package maintainer scripts and the runtime's `sh -c` "
            "commands, which may rely on POSIX behaviour. The change is invisible in the image configuration "
            "and "
            "breaks when a package update restores the link. The SHELL instruction changes the shell used by "
            "RUN only, explicitly.",
        .remediation =
            "Use SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] instead of replacing /bin/sh.",
        .bad_example = "FROM debian:12-slim\nRUN ln -sf /bin/bash /bin/sh",
        .good_example = "FROM debian:12-slim\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]",
        .hadolint = "DL4005",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::symlinked_shell,
    },
    {
        .id = "BD086",
        .title = "STOPSIGNAL must be a catchable signal",
        .severity = Severity::low,
        .category = category::best_practice,
        .tags = "stopsignal,signals,operations",
        .rationale =
            "STOPSIGNAL names the signal `docker stop` sends first. A misspelt name makes the container fail "
            "to "
            "stop or start; SIGKILL or SIGSTOP cannot be handled by the program, so it never gets to finish "
            "requests, flush buffers or release locks, risking data corruption on every stop or redeploy.",
        .remediation =
            "Use a catchable signal the program handles, normally SIGTERM (or SIGINT, SIGQUIT, SIGWINCH).",
        .bad_example = "FROM postgres:16\nSTOPSIGNAL SIGKILL",
        .good_example = "FROM postgres:16\nSTOPSIGNAL SIGINT",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::invalid_stopsignal,
    },
};

}  // namespace

std::span<const Rule> instruction_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::dockerfile
