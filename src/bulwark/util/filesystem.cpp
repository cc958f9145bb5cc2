#include "bulwark/util/filesystem.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>

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

    std::vector<std::string> walk(const std::string& dir,
                                  const std::vector<std::string>& skip_dirs) const override {
        std::vector<std::string> out;
        std::error_code ec;
        fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
        for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const fs::directory_entry& e = *it;
            std::error_code ec2;
            if (e.is_directory(ec2)) {
                std::string name = e.path().filename().string();
                if (std::find(skip_dirs.begin(), skip_dirs.end(), name) != skip_dirs.end()) {
                    it.disable_recursion_pending();
                }
                continue;
            }
            if (e.is_regular_file(ec2)) {
                out.push_back(normal_path(e.path().native()));
            }
        }
        std::sort(out.begin(), out.end());
        return out;
    }
};
}  // namespace

std::string normal_path(std::string_view path) {
    // Already normal: components that are neither empty (but a leading '/'), "." nor ".." (but
    // leading ".."s of a relative path), and no trailing '/'.
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
    if (normal) {
        return std::string(path);
    }
    return fs::path(path).lexically_normal().generic_string();
}

const FileSystem& real_filesystem() {
    static const RealFileSystem k_fs;
    return k_fs;
}

}  // namespace bulwark::util
