#include "bulwark/util/filesystem.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bulwark::util {

namespace {
namespace fs = std::filesystem;

// Reads `fd` into `r`: a regular file up to its size, a pipe or device (/dev/stdin) to its end,
// both bounded by `max_bytes`.
void read_open(int fd, uint64_t max_bytes, ReadResult& r) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        r.error = std::strerror(errno);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        r.error = "is a directory";
        return;
    }
    const bool regular = S_ISREG(st.st_mode);
    if (regular) {
        r.size = static_cast<uint64_t>(st.st_size);
        if (r.size > max_bytes) {
            r.error = "file too large";
            return;
        }
        r.data.resize(static_cast<size_t>(r.size));
    }
    size_t got = 0;
    for (;;) {
        if (got == r.data.size()) {
            if (regular) {
                break;
            }
            if (got > max_bytes) {
                r.size = got;
                r.data.clear();
                r.error = "file too large";
                return;
            }
            r.data.resize(std::max<size_t>(65536, got * 2));
        }
        ssize_t n = ::read(fd, r.data.data() + got, r.data.size() - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            r.error = std::strerror(errno);
            r.data.clear();
            return;
        }
        if (n == 0) {
            break;
        }
        got += static_cast<size_t>(n);
    }
    r.data.resize(got);
    if (!regular) {
        r.size = got;
        if (got > max_bytes) {
            r.data.clear();
            r.error = "file too large";
        }
    }
}

/// Appends the regular files (symlinks followed) below the open directory `fd`, named `path`, to
/// `out`, entering subdirectories (not symlinks to them, nor `skip_dirs`) depth first in readdir
/// order: the walk std::filesystem::recursive_directory_iterator with skip_permission_denied makes,
/// with d_type and *at() calls instead of a std::filesystem::path per entry. Closes `fd`. False
/// when an error (other than a directory it may not enter) stops the walk, as it stops the
/// iterator. `path` is scratch space, restored on return.
bool walk_open(int fd, std::string& path, const std::vector<std::string>& skip_dirs,
               std::vector<std::string>& out) {
    DIR* d = ::fdopendir(fd);
    if (d == nullptr) {
        ::close(fd);
        return false;
    }
    const size_t dir_size = path.size();
    if (path.empty() || path.back() != '/') {
        path += '/';
    }
    const size_t base = path.size();
    bool ok = true;
    while (true) {
        errno = 0;
        const dirent* e = ::readdir(d);
        if (e == nullptr) {
            ok = errno == 0 || errno == EACCES;
            break;
        }
        std::string_view name(e->d_name);
        if (name == "." || name == "..") {
            continue;
        }
        path.resize(base);
        path += name;
        bool is_dir = e->d_type == DT_DIR;      // following symlinks
        bool is_regular = e->d_type == DT_REG;  // following symlinks
        bool enter = e->d_type == DT_DIR;       // a directory itself, not a symlink to one
        if (e->d_type == DT_LNK || e->d_type == DT_UNKNOWN) {
            struct stat st {};
            bool found = ::fstatat(::dirfd(d), e->d_name, &st, 0) == 0;
            is_dir = found && S_ISDIR(st.st_mode);
            is_regular = found && S_ISREG(st.st_mode);
            if (e->d_type == DT_UNKNOWN) {
                struct stat lst {};
                enter =
                    ::fstatat(::dirfd(d), e->d_name, &lst, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(lst.st_mode);
            }
        }
        if (is_dir) {
            if (enter && std::find(skip_dirs.begin(), skip_dirs.end(), name) == skip_dirs.end()) {
                int sub = ::openat(::dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (sub < 0) {
                    if (errno == EACCES) {
                        continue;  // skip_permission_denied
                    }
                    ok = false;
                    break;
                }
                if (!walk_open(sub, path, skip_dirs, out)) {
                    ok = false;
                    break;
                }
            }
            continue;
        }
        if (is_regular) {
            out.push_back(normal_path(path));
        }
    }
    ::closedir(d);
    path.resize(dir_size);
    return ok;
}

class RealFileSystem final : public FileSystem {
  public:
    ReadResult read(const std::string& path, uint64_t max_bytes) const override {
        // POSIX calls rather than an ifstream: a scan reads thousands of small files, and a stream's
        // buffer and locale set-up cost more than the read itself.
        ReadResult r;
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            r.error = std::strerror(errno);
            return r;
        }
        read_open(fd, max_bytes, r);
        ::close(fd);
        return r;
    }

    bool is_directory(const std::string& path) const override { return kind(path) == PathKind::directory; }

    bool exists(const std::string& path) const override { return kind(path) != PathKind::missing; }

    PathKind kind(const std::string& path) const override {
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            return PathKind::missing;
        }
        return S_ISDIR(st.st_mode) ? PathKind::directory : PathKind::other;
    }

    std::optional<std::vector<std::pair<std::string, PathKind>>> list_kinds(
        const std::string& dir, size_t max_entries) const override {
        int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) {
            return std::nullopt;
        }
        DIR* d = ::fdopendir(fd);
        if (d == nullptr) {
            ::close(fd);
            return std::nullopt;
        }
        std::vector<std::pair<std::string, PathKind>> out;
        size_t entries = 0;
        bool ok = true;
        while (true) {
            errno = 0;
            const dirent* e = ::readdir(d);
            if (e == nullptr) {
                ok = errno == 0;
                break;
            }
            std::string_view name(e->d_name);
            if (name == "." || name == "..") {
                continue;
            }
            if (++entries > max_entries) {
                ok = false;
                break;
            }
            if (e->d_type == DT_REG) {
                out.emplace_back(e->d_name, PathKind::other);
            } else if (e->d_type == DT_DIR) {
                out.emplace_back(e->d_name, PathKind::directory);
            }
        }
        ::closedir(d);
        if (!ok) {
            return std::nullopt;
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    std::vector<std::string> walk(const std::string& dir,
                                  const std::vector<std::string>& skip_dirs) const override {
        std::vector<std::string> out;
        int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0) {
            std::string path = dir;
            walk_open(fd, path, skip_dirs, out);
        }
        std::sort(out.begin(), out.end());
        return out;
    }
};
}  // namespace

bool is_normal_path(std::string_view path) {
    // Normal: components that are neither empty (but a leading '/'), "." nor ".." (but leading
    // ".."s of a relative path), and no trailing '/'.
    bool normal = !path.empty() && path.back() != '/';
    bool leading = path.empty() || path.front() != '/';  // still in leading ".." components
    for (size_t begin = path.empty() || path.front() != '/' ? 0 : 1; normal && begin <= path.size();) {
        size_t end = std::min(path.find('/', begin), path.size());
        std::string_view c = path.substr(begin, end - begin);
        if (c == ".." && leading) {
            begin = end + 1;
            continue;
        }
        leading = false;
        normal = !c.empty() && c != "." && c != "..";
        begin = end + 1;
    }
    return normal;
}

std::string normal_path(std::string_view path) {
    if (is_normal_path(path)) {
        return std::string(path);
    }
    return fs::path(path).lexically_normal().generic_string();
}

const FileSystem& real_filesystem() {
    static const RealFileSystem k_fs;
    return k_fs;
}

}  // namespace bulwark::util
