#pragma once
// Knowledge about files found in images: the setuid/setgid programs a distribution normally ships,
// and package-manager caches and build junk that should not be in a shipped image. Pure data.
#include <optional>
#include <string_view>

namespace bulwark::data {

/// True when `path` is a setuid/setgid program that distributions ship on purpose (su, passwd,
/// mount, ping, unix_chkpwd ...) in a system directory (/bin, /usr/bin, /usr/lib/...).
bool is_usual_setuid(std::string_view path);

/// True for paths inside third-party trees (node_modules, site-packages, the Go module cache,
/// /usr/share ...), whose keys and build files belong to the packages (fixtures, examples), not to
/// the image. `test_dirs` (for credential files): also any test/, tests/ or testdata/ directory;
/// otherwise (for build junk): also /usr/lib.
bool in_vendored_tree(std::string_view path, bool test_dirs);

/// A cache or junk location.
struct JunkKind {
    std::string_view id;    // stable short id: "apt-archives", "pip-cache", "git" ...
    std::string_view what;  // for messages: "apt package cache (.deb files)"
    std::string_view fix;   // how to keep it out of the image
};

/// What cache or junk `path` is in, and the root of that cache (the directory reported once for
/// all its files: "/var/lib/apt/lists", "/root/.cache/pip", "/app/.git"); nullopt for other paths.
/// `is_dir` says whether the entry is a directory (a `.git` directory is junk, a `.git` file is a
/// submodule pointer and junk too).
struct JunkMatch {
    JunkKind kind;
    std::string_view root;  // a prefix of `path`
};
std::optional<JunkMatch> junk_kind(std::string_view path, bool is_dir);

}  // namespace bulwark::data
