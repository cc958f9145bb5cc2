#include "bulwark/data/image_files.hpp"

#include <array>

#include "bulwark/util/strings.hpp"

namespace bulwark::data {

namespace {

std::string_view basename(std::string_view path) {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// dockle CIS-DI-0008 lists the same kind of programs; these are the ones Debian, Ubuntu, Alpine,
// Fedora/RHEL and BusyBox-based images ship setuid or setgid in their base packages.
constexpr std::array<std::string_view, 33> k_usual_setuid = {"su",
                                                             "passwd",
                                                             "chsh",
                                                             "chfn",
                                                             "newgrp",
                                                             "gpasswd",
                                                             "chage",
                                                             "expiry",
                                                             "mount",
                                                             "umount",
                                                             "ping",
                                                             "ping6",
                                                             "unix_chkpwd",
                                                             "wall",
                                                             "write",
                                                             "bsd-write",
                                                             "crontab",
                                                             "at",
                                                             "ssh-agent",
                                                             "ssh-keysign",
                                                             "fusermount",
                                                             "fusermount3",
                                                             "newuidmap",
                                                             "newgidmap",
                                                             "pam_timestamp_check",
                                                             "utempter",
                                                             "dbus-daemon-launch-helper",
                                                             "sudo",
                                                             "sudoedit",
                                                             "Xorg.wrap",
                                                             "mount.nfs",
                                                             "pt_chown",
                                                             "userhelper"};

constexpr std::array<std::string_view, 8> k_system_dirs = {
    "/bin/", "/sbin/", "/usr/bin/", "/usr/sbin/", "/usr/lib/", "/usr/libexec/", "/lib/", "/usr/local/bin/"};

struct CacheRoot {
    std::string_view prefix;  // the cache directory; "*" in a home position means any home
    JunkKind kind;
};

constexpr std::string_view k_apt_fix =
    "end the RUN that installs with `&& rm -rf /var/lib/apt/lists/*` (or use RUN "
    "--mount=type=cache,target=/var/cache/apt)";

const CacheRoot k_cache_roots[] = {
    {"/var/cache/apt/archives", {"apt-archives", "apt package cache (.deb files)", k_apt_fix}},
    {"/var/lib/apt/lists", {"apt-lists", "apt package lists", k_apt_fix}},
    {"/var/cache/apk", {"apk-cache", "apk package cache", "use `apk add --no-cache`"}},
    {"/var/cache/yum", {"yum-cache", "yum package cache", "end the RUN with `&& yum clean all`"}},
    {"/var/cache/dnf", {"dnf-cache", "dnf package cache", "end the RUN with `&& dnf clean all`"}},
    {"/var/cache/zypp", {"zypper-cache", "zypper package cache", "end the RUN with `&& zypper clean -a`"}},
    {"/root/.cache/pip", {"pip-cache", "pip download cache", "use `pip install --no-cache-dir`"}},
    {"/root/.npm", {"npm-cache", "npm cache", "end the RUN with `&& npm cache clean --force`"}},
    {"/usr/local/share/.cache/yarn", {"yarn-cache", "yarn cache", "end the RUN with `&& yarn cache clean`"}},
    {"/root/.cache/yarn", {"yarn-cache", "yarn cache", "end the RUN with `&& yarn cache clean`"}},
    {"/root/.cache/go-build",
     {"go-build-cache", "Go build cache",
      "build in a separate stage, or use RUN --mount=type=cache,target=/root/.cache/go-build"}},
    {"/root/.composer/cache", {"composer-cache", "Composer cache", "use `composer install --no-cache`"}},
};

constexpr JunkKind k_git = {"git", "Git repository (.git)",
                            "add `.git` to .dockerignore, or copy only the files the image needs"};
constexpr JunkKind k_ds_store = {"ds-store", "macOS Finder metadata (.DS_Store)",
                                 "add `**/.DS_Store` to .dockerignore"};
constexpr JunkKind k_dockerfile = {"dockerfile", "build file (Dockerfile, compose file)",
                                   "add `Dockerfile*` and compose files to .dockerignore"};

}  // namespace

bool in_vendored_tree(std::string_view path, bool test_dirs) {
    auto has = [&](std::string_view part) { return path.find(part) != std::string_view::npos; };
    for (std::string_view part : {"/node_modules/", "/site-packages/", "/dist-packages/", "/go/pkg/mod/",
                                  "/usr/share/", "/.cargo/registry/"}) {
        if (has(part)) {
            return true;
        }
    }
    if (test_dirs) {
        return has("/test/") || has("/tests/") || has("/testdata/");
    }
    return has("/usr/lib/");  // build files of installed software
}

bool is_usual_setuid(std::string_view path) {
    bool system = false;
    for (std::string_view dir : k_system_dirs) {
        system = system || util::starts_with(path, dir);
    }
    if (!system) {
        return false;
    }
    std::string_view name = basename(path);
    for (std::string_view usual : k_usual_setuid) {
        if (name == usual) {
            return true;
        }
    }
    return false;
}

std::optional<JunkMatch> junk_kind(std::string_view path, bool is_dir) {
    for (const CacheRoot& c : k_cache_roots) {
        if (util::starts_with(path, c.prefix) && path.size() > c.prefix.size() &&
            path[c.prefix.size()] == '/') {
            std::string_view rest = path.substr(c.prefix.size() + 1);
            // apt keeps a lock file and an empty partial/ directory even when clean.
            if (rest == "lock" || rest == "partial" || util::starts_with(rest, "partial/") || is_dir) {
                return std::nullopt;
            }
            return JunkMatch{c.kind, path.substr(0, c.prefix.size())};
        }
    }
    if (in_vendored_tree(path, false)) {
        return std::nullopt;
    }
    if (size_t git = path.find("/.git");
        git != std::string_view::npos && (git + 5 == path.size() || path[git + 5] == '/')) {
        (void)is_dir;
        return JunkMatch{k_git, path.substr(0, git + 5)};
    }
    std::string_view name = basename(path);
    if (name == ".DS_Store") {
        return JunkMatch{k_ds_store, path};
    }
    if (!is_dir && (name == "Dockerfile" || util::starts_with(name, "Dockerfile.") ||
                    util::ends_with(name, ".Dockerfile") || name == "docker-compose.yml" ||
                    name == "docker-compose.yaml" || name == "compose.yaml" || name == "compose.yml")) {
        return JunkMatch{k_dockerfile, path};
    }
    return std::nullopt;
}

}  // namespace bulwark::data
