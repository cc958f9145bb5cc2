// The supply-chain rule family: how the build fetches code and whether it checks what it got
// (BD030-BD036). The checks are in supply_chain_add.cpp, _downloads.cpp and _trust.cpp.
#include "bulwark/rules/dockerfile/families.hpp"
#include "bulwark/rules/dockerfile/supply_chain_checks.hpp"
#include "bulwark/rules/image/checks.hpp"

namespace bulwark::rules::dockerfile {

namespace {

using core::Severity;

const Rule k_rules[] = {
    {
        .id = "BD030",
        .title = "ADD used where COPY does",
        .severity = Severity::low,
        .category = category::supply_chain,
        .tags = "supply-chain,add,copy,cis",
        .rationale = "ADD has two hidden behaviours on top of copying: it downloads URLs and it unpacks "
                     "local tar archives. "
                     "Using it for plain files and directories makes a reader (and a reviewer) wonder which "
                     "one is meant, "
                     "and a file that later becomes an archive is silently extracted instead of copied. COPY "
                     "does exactly "
                     "one thing. ADD stays appropriate for extracting a local archive (not reported) and, "
                     "with --checksum, "
                     "for downloads (see BD031).",
        .remediation = "Replace ADD with COPY for local files, directories and heredocs.",
        .bad_example = "FROM alpine:3.20\nADD app.conf /etc/app/app.conf",
        .good_example = "FROM alpine:3.20\nCOPY app.conf /etc/app/app.conf\nADD rootfs.tar.gz /",
        .hadolint = "DL3020",
        .trivy = "DS005",
        .checkov = "CKV_DOCKER_4",
        .cis = "4.9",
        .check_dockerfile = supply::check_add_local,
        .dockle = "CIS-DI-0009",
    },
    {
        .id = "BD031",
        .title = "ADD downloads a URL without --checksum",
        .severity = Severity::medium,
        .category = category::supply_chain,
        .tags = "supply-chain,add,download,integrity",
        .rationale =
            "`ADD https://...` fetches whatever the server returns at build time and puts it in the image: a "
            "compromised server, a moved release or a man-in-the-middle on a mirror changes the image "
            "without any "
            "change to the Dockerfile. `ADD --checksum=sha256:...` makes the build fail when the content "
            "differs. "
            "Git sources (`ADD https://github.com/o/r.git#ref`) are checked the same way: a branch or tag "
            "can move, "
            "a full commit id cannot.",
        .remediation =
            "Add `--checksum=sha256:<digest>` (the digest of the expected file), or pin git sources to a "
            "full commit id.",
        .bad_example = "FROM alpine:3.20\nADD https://example.com/tool-1.2.tar.gz /opt/",
        .good_example = "FROM alpine:3.20\nADD "
                        "--checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d "
                        "https://example.com/tool-1.2.tar.gz /opt/",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.11",
        .check_dockerfile = supply::check_add_remote,
        .check_image = rules::image::check_history,
    },
    {
        .id = "BD032",
        .title = "Downloaded script piped into a shell",
        .severity = Severity::high,
        .category = category::supply_chain,
        .tags = "supply-chain,curl,wget,shell,remote-code",
        .rationale =
            "`curl ... | sh`, `wget -O- ... | sudo bash`, `sh -c \"$(curl ...)\"` and `bash <(curl ...)` run "
            "whatever the server sends, immediately and with the build's privileges (usually root), without "
            "keeping or checking it. A compromised or spoofed server, a hijacked domain or a truncated "
            "download "
            "(the shell runs the half it received) all end up executed in the image. Server-side detection "
            "of "
            "`curl | sh` can even serve different content to a pipe than to a browser.",
        .remediation =
            "Download the script to a file, verify its checksum or signature, then run it; better, "
            "install the software from a signed package repository.",
        .bad_example = "FROM debian:12-slim\nRUN curl -fsSL https://get.example.com/install.sh | sh",
        .good_example =
            "FROM debian:12-slim\nRUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \\\n"
            " && echo \"6c3bb7a9f1d2e8b0a4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b  "
            "/tmp/install.sh\" | sha256sum -c - \\\n && sh /tmp/install.sh",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.11",
        .check_dockerfile = supply::check_pipe_to_shell,
        .check_image = rules::image::check_history,
    },
    {
        .id = "BD033",
        .title = "Downloaded file used without an integrity check",
        .severity = Severity::medium,
        .category = category::supply_chain,
        .tags = "supply-chain,curl,wget,checksum,signature",
        .rationale =
            "A file fetched with curl or wget and then run, installed (dpkg -i, rpm -i, chmod +x) or "
            "unpacked in "
            "the same RUN goes into the image exactly as the server delivered it. Without a checksum "
            "(`sha256sum -c`) or signature check (`gpg --verify`, `cosign verify-blob`), a compromised "
            "release, "
            "mirror or network path changes the image silently. Extraction alone is reported at low "
            "severity; "
            "running or installing at medium. A RUN that verifies anything is not reported.",
        .remediation =
            "Pin the expected digest and check it before use: `echo \"<sha256>  file\" | sha256sum -c -`, "
            "or verify the publisher's signature. The check names the file where curl or wget writes it "
            "(-o/-O, curl -O under --output-dir, wget under -P with the URL's query string kept and, with "
            "-x, under the host and the URL's directories; for a URL held in a variable, `wget $URL`, the "
            "name its ARG or ENV value gives, which a later `tar -xzf \"$(basename $URL)\"` or "
            "`\"${URL##*/}\"` names too); where the server names the file (curl -J, wget "
            "--content-disposition) it says `<file>`. A download piped into tar or a "
            "decompressor is saved to a file first, checked, then read by the same command with all its "
            "options (`tar -C /usr/local -xzf /tmp/x.tgz --strip-components=1`) and removed.",
        .bad_example = "FROM debian:12-slim\nRUN curl -fsSLo /usr/local/bin/kubectl "
                       "https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl \\\n && chmod +x "
                       "/usr/local/bin/kubectl",
        .good_example = "FROM debian:12-slim\nRUN curl -fsSLo /usr/local/bin/kubectl "
                        "https://dl.k8s.io/release/v1.30.0/bin/linux/amd64/kubectl \\\n && echo "
                        "\"7c3807c0f5c1b30110a2ff1e55da1d112a6d0096201f1beb81b269f582b5d1c5  "
                        "/usr/local/bin/kubectl\" | sha256sum -c - \\\n && chmod +x /usr/local/bin/kubectl",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.11",
        .check_dockerfile = supply::check_unverified_download,
        .check_image = rules::image::check_history,
    },
    {
        .id = "BD034",
        .title = "TLS certificate verification disabled",
        .severity = Severity::high,
        .category = category::supply_chain,
        .tags = "supply-chain,tls,certificates,mitm",
        .rationale =
            "curl -k, wget --no-check-certificate, pip --trusted-host, NODE_TLS_REJECT_UNAUTHORIZED=0, "
            "GIT_SSL_NO_VERIFY, `git config http.sslVerify false`, npm/yarn strict-ssl false, "
            "PYTHONHTTPSVERIFY=0 and yum/dnf sslverify=0 all turn HTTPS into unauthenticated encryption: "
            "anyone "
            "on the network path (a proxy, a compromised router, a hostile Wi-Fi in CI) can impersonate the "
            "server and feed the build modified packages or scripts. Set in ENV, the setting also stays "
            "active "
            "in every container started from the image. It is usually added to get past a corporate TLS "
            "proxy, "
            "where trusting the proxy's CA is the right fix.",
        .remediation =
            "Remove the option or variable; if a private CA is the reason, add it to the trust store "
            "(`COPY corp-ca.crt /usr/local/share/ca-certificates/` and `RUN update-ca-certificates`).",
        .bad_example = "FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\nRUN npm ci",
        .good_example = "FROM node:20-slim\nCOPY corp-ca.crt /usr/local/share/ca-certificates/\n"
                        "ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt\nRUN npm ci",
        .hadolint = "",
        .trivy = "",
        .checkov = "CKV2_DOCKER_2,CKV2_DOCKER_3,CKV2_DOCKER_4,CKV2_DOCKER_5,CKV2_DOCKER_6,CKV2_DOCKER_12,"
                   "CKV2_DOCKER_13,CKV2_DOCKER_14,CKV2_DOCKER_15,CKV2_DOCKER_16,CKV2_DOCKER_18",
        .cis = "",
        .check_dockerfile = supply::check_tls_disabled,
        .check_image = rules::image::check_history,
    },
    {
        .id = "BD035",
        .title = "Packages installed without signature verification",
        .severity = Severity::high,
        .category = category::supply_chain,
        .tags = "supply-chain,packages,signatures,gpg,cis",
        .rationale =
            "Package managers verify repository and package signatures so that a mirror, proxy or network "
            "attacker cannot substitute packages. apt --allow-unauthenticated / --force-yes / [trusted=yes], "
            "apk --allow-untrusted, yum/dnf --nogpgcheck or gpgcheck=0, rpm --nosignature/--nodigest and "
            "zypper "
            "--no-gpg-checks switch that off, so any package that reaches the build is installed, typically "
            "as "
            "root. `apk add --allow-untrusted` is not reported when every package is a local .apk file "
            "checked by `gpg --verify` (or gpgv) earlier in the RUN, with a failure stopping the RUN (`&&`, "
            "`set -e`), or read from a bind mount of a stage of the same Dockerfile. The option is global: "
            "apk then also loads repository indexes without a trusted signature, so a repository package "
            "named in the same command is reported, with a fix that installs it first in a command "
            "without the option (the local file's dependencies come through the same indexes: install "
            "them that way too).",
        .remediation =
            "Remove the option and import the repository's signing key (`curl -fsSL <key> | gpg "
            "--dearmor -o /usr/share/keyrings/x.gpg` with `signed-by=` in the source, `rpm --import`, "
            "`apk` keys in /etc/apk/keys).",
        .bad_example =
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --allow-unauthenticated curl",
        .good_example =
            "FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl",
        .hadolint = "",
        .trivy = "",
        .checkov = "CKV2_DOCKER_7,CKV2_DOCKER_8,CKV2_DOCKER_9,CKV2_DOCKER_10,CKV2_DOCKER_11",
        .cis = "4.11",
        .check_dockerfile = supply::check_unsigned_packages,
        .check_image = rules::image::check_history,
    },
    {
        .id = "BD036",
        .title = "Both wget and curl used",
        .severity = Severity::low,
        .category = category::supply_chain,
        .tags = "supply-chain,curl,wget,attack-surface",
        .rationale = "Using curl in some steps and wget in others means two download tools (and their TLS "
                     "libraries) are "
                     "installed, patched and left in the image where one would do, with two sets of options "
                     "to get right "
                     "(redirects, failure on HTTP errors, certificate checks). Pick one per stage.",
        .remediation =
            "Use the same tool for every download of the stage (the fix shows the command with the other "
            "tool).",
        .bad_example = "FROM debian:12-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\n"
                       "RUN wget -qO /tmp/b.tgz https://example.com/b.tgz",
        .good_example = "FROM debian:12-slim\nRUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz\n"
                        "RUN curl -fsSLo /tmp/b.tgz https://example.com/b.tgz",
        .hadolint = "DL4001",
        .trivy = "DS014",
        .checkov = "",
        .cis = "",
        .check_dockerfile = supply::check_curl_and_wget,
    },
};

}  // namespace

std::span<const Rule> supply_chain_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::dockerfile
