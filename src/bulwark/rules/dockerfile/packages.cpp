// The package rule family: how RUN instructions use package managers (BD050-BD057).
// The managers themselves are described once, in packages_managers.cpp.
#include "bulwark/rules/dockerfile/families.hpp"
#include "bulwark/rules/dockerfile/packages_checks.hpp"
#include "bulwark/rules/image/checks.hpp"

namespace bulwark::rules::dockerfile {

namespace {

const Rule k_rules[] = {
    {
        "BD050",
        "Package manager may stop at a confirmation prompt",
        core::Severity::medium,
        category::packages,
        "packages,reliability,apt,yum,dnf,zypper,pip",
        "apt-get, apt, aptitude, yum, dnf, zypper and pip ask for confirmation before they install, upgrade "
        "or "
        "remove packages unless told not to. A build has no terminal: the prompt reads end-of-file and the "
        "package "
        "manager aborts (apt-get prints \"Abort.\"), or the step only works as long as no extra dependency "
        "happens "
        "to be needed. Whether the build passes then depends on the state of the mirror that day rather than "
        "on "
        "the Dockerfile. Setting DEBIAN_FRONTEND=noninteractive does not answer this prompt; it only "
        "silences "
        "debconf questions.",
        "Pass the manager's assume-yes option: `apt-get install -y`, `yum install -y`, `dnf install -y`, "
        "`zypper --non-interactive install` (or `install -y`), `pip uninstall -y`. microdnf and apk never "
        "prompt.",
        "FROM debian:bookworm\nRUN apt-get update && apt-get install --no-install-recommends curl \\\n"
        " && rm -rf /var/lib/apt/lists/*",
        "FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
        " && rm -rf /var/lib/apt/lists/*",
        "DL3014,DL3030,DL3034,DL3038",
        "DS021",
        "",
        "",
        check_noninteractive,
    },
    {
        "BD051",
        "apt installs recommended packages",
        core::Severity::low,
        category::packages,
        "packages,attack-surface,image-size,apt",
        "By default apt-get, apt and aptitude install every package the requested ones merely recommend. "
        "These "
        "pull in documentation tools, daemons, compilers and libraries nobody asked for: they enlarge the "
        "image, "
        "and every extra binary is more code for vulnerability scanners to flag and for an attacker who gets "
        "into "
        "the container to use. Only stages whose layers are shipped are checked: recommended packages in a "
        "build "
        "stage never reach the final image.",
        "Add `--no-install-recommends` to `apt-get install` (or `-R` / `--without-recommends` for aptitude), "
        "or "
        "set `APT::Install-Recommends \"false\";` in /etc/apt/apt.conf.d before installing, and list the "
        "packages "
        "you really need.",
        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl && rm -rf "
        "/var/lib/apt/lists/*",
        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl "
        "\\\n"
        " && rm -rf /var/lib/apt/lists/*",
        "DL3015",
        "DS029",
        "",
        "4.3",
        check_no_recommends,
    },
    {
        "BD052",
        "Package manager cache left in the image",
        core::Severity::low,
        category::packages,
        "packages,image-size,apt,apk,yum,dnf,zypper,pip,yarn",
        "Package indexes and downloaded packages written during a RUN stay in that layer for good: deleting "
        "them "
        "in a later instruction hides them but does not make the image smaller. apt lists (tens of "
        "megabytes), "
        "the apk index, yum/dnf/zypper metadata, the pip wheel cache and the yarn cache then ship to every "
        "host "
        "that pulls the image, and stale indexes keep a snapshot of the repositories that later steps may "
        "use "
        "without refreshing. Only stages whose layers end up in the shipped image are checked, and a "
        "`RUN --mount=type=cache` (or tmpfs) over the cache directory keeps it out of the layer.",
        "Clean up in the same RUN that filled the cache: `rm -rf /var/lib/apt/lists/*` after apt-get, `apk "
        "add "
        "--no-cache`, `yum clean all` / `dnf clean all` / `microdnf clean all`, `zypper clean --all`, `pip "
        "install --no-cache-dir` (or ENV PIP_NO_CACHE_DIR=1), `yarn cache clean`; or mount a BuildKit cache "
        "there: `RUN --mount=type=cache,target=/var/lib/apt ...`.",
        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl",
        "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl "
        "\\\n"
        " && rm -rf /var/lib/apt/lists/*",
        "DL3009,DL3019,DL3032,DL3036,DL3040,DL3042,DL3060",
        "DS015,DS019,DS020,DS025,DS027",
        "",
        "",
        check_package_cache,
        "dockerfile",
        nullptr,
        nullptr,
        nullptr,
        nullptr,
        "DKL-DI-0004,DKL-DI-0005",
    },
    {
        "BD053",
        "Package index updated in a RUN that installs nothing",
        core::Severity::medium,
        category::packages,
        "packages,reproducibility,apt,apk,yum,zypper",
        "`apt-get update` (or `apk update`, `yum makecache`, `zypper refresh`) alone in a RUN creates a "
        "layer the "
        "build cache reuses indefinitely. A later RUN that installs packages is rebuilt when its own text "
        "changes "
        "but still reads the old index: it installs outdated, possibly vulnerable versions, or fails when "
        "the "
        "mirror has dropped them. The refreshed index also stays in the image.",
        "Refresh the index in the same RUN that installs, and clean up there: `RUN apt-get update && apt-get "
        "install -y --no-install-recommends pkg && rm -rf /var/lib/apt/lists/*`.",
        "FROM ubuntu:22.04\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl",
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
        " && rm -rf /var/lib/apt/lists/*",
        "",
        "DS017",
        "CKV_DOCKER_5",
        "4.7",
        check_update_alone,
        "dockerfile",
        nullptr,
        nullptr,
        nullptr,
        rules::image::check_history,
        "CIS-DI-0007",
    },
    {
        "BD054",
        "Whole-system package upgrade in the build",
        core::Severity::low,
        category::packages,
        "packages,reproducibility,apt,apk,yum,dnf,zypper",
        "`apt-get upgrade`, `dist-upgrade`, `apk upgrade`, `yum update` or `zypper dup` without package "
        "names "
        "upgrade everything the base image contains to whatever the mirror offers at build time. Two builds "
        "of "
        "the same Dockerfile then ship different software, layers are not shared with other images on the "
        "same "
        "base, and a distribution upgrade may change major versions under the application. Security fixes "
        "are "
        "better taken from a freshly rebuilt, pinned base image, so the whole fleet gets the same patched "
        "packages.",
        "Use an up-to-date base image (a recent patch tag or digest, rebuilt regularly) instead of upgrading "
        "inside the Dockerfile; when one package needs a fix, upgrade only that one (`apt-get install "
        "--only-upgrade openssl`, `yum update -y openssl`).",
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get upgrade -y && rm -rf /var/lib/apt/lists/*",
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --only-upgrade openssl \\\n"
        " && rm -rf /var/lib/apt/lists/*",
        "DL3005,DL3035",
        "DS024",
        "",
        "",
        check_upgrade,
        "dockerfile",
        nullptr,
        nullptr,
        nullptr,
        rules::image::check_history,
        "DKL-DI-0003",
    },
    {
        "BD055",
        "Package installed without a pinned version",
        core::Severity::info,
        category::packages,
        "packages,reproducibility,supply-chain,apt,apk,yum,dnf,zypper,pip,npm,yarn,gem,go",
        "An install that names no version takes whatever the repository serves when the image is built. The "
        "same Dockerfile then produces different images over time, a rebuild can silently pick up a breaking "
        "or "
        "compromised release, and an audit cannot tell which version shipped. Pinning (or installing from a "
        "lock or requirements file) makes the versions part of the reviewed source.",
        "Pin each package: `apt-get install curl=7.88.1-10+deb12u5`, `apk add curl=8.9.0-r0`, `yum install "
        "httpd-2.4.57`, `zypper install vim=9.1`, `pip install flask==3.0.3` (or `-r requirements.txt` with "
        "pins), `npm install typescript@5.4.5`, `gem install rake -v 13.2.1`, `go install pkg@v1.2.3`.",
        "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask",
        "FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3",
        "DL3008,DL3013,DL3016,DL3018,DL3028,DL3033,DL3037,DL3041,DL3062",
        "",
        "",
        "",
        check_unpinned,
    },
    {
        "BD056",
        "apt used in a script instead of apt-get",
        core::Severity::low,
        category::packages,
        "packages,reliability,apt",
        "`apt` is the interactive front end for people at a terminal: its command-line interface is not "
        "promised to stay stable, it prints \"WARNING: apt does not have a stable CLI interface. Use with "
        "caution in scripts.\", and its output and defaults (progress bars, colours, behaviours) may change "
        "between releases. `apt-get` and `apt-cache` are the stable, scriptable interfaces.",
        "Use `apt-get` (install, update, upgrade, remove, purge) or `apt-cache` (search, show, policy) in "
        "RUN "
        "instructions.",
        "FROM ubuntu:22.04\nRUN apt update && apt install -y --no-install-recommends curl \\\n"
        " && rm -rf /var/lib/apt/lists/*",
        "FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y --no-install-recommends curl \\\n"
        " && rm -rf /var/lib/apt/lists/*",
        "DL3027",
        "",
        "CKV_DOCKER_9",
        "",
        check_apt_in_scripts,
    },
    {
        "BD057",
        "Packages fetched from a plain-HTTP repository",
        core::Severity::medium,
        category::packages,
        "packages,supply-chain,transport,apt,apk,yum,pip,npm,gem",
        "A repository or package index reached over http:// can be read and altered by anyone on the network "
        "path: the build proxy, the Wi-Fi, a compromised router. pip, npm, yarn and gem do not sign "
        "packages, so "
        "an attacker can serve a modified package and it is installed and shipped. apt, apk, yum and zypper "
        "verify signatures (reported with lower severity), but over HTTP an attacker can still replay old, "
        "vulnerable package indexes (a freeze attack) and see exactly what the image installs.",
        "Use https:// for every repository, index and registry (`--index-url https://...`, `npm config set "
        "registry https://...`, `deb https://...`, `--repository https://...`); for internal mirrors, serve "
        "them over TLS.",
        "FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url http://pypi.example.com/simple "
        "flask==3.0.3",
        "FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url https://pypi.example.com/simple "
        "flask==3.0.3",
        "",
        "",
        "",
        "4.11",
        check_insecure_sources,
        "dockerfile",
        nullptr,
        nullptr,
        nullptr,
        rules::image::check_history,
    },
};

}  // namespace

std::span<const Rule> package_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::dockerfile
