#include "bulwark/util/filesystem.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <memory>

#include <dirent.h>
#include <fcntl.h>
#include <liburing.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace bulwark::util {

namespace {
namespace fs = std::filesystem;

/// Makes `r` the failure the system call's `error` (an errno value) names: a path that names nothing
/// is missing, anything else (EACCES on a directory it passes through) leaves the file's existence open.
void fail_with_errno(ReadResult& r, int error) {
    r.error = std::strerror(error);
    r.error_kind = error == ENOENT || error == ENOTDIR ? ReadError::missing : ReadError::other;
}

/// Makes `r` a refusal of `size` bytes over the caller's limit.
void fail_too_large(ReadResult& r, uint64_t size) {
    r.data.clear();
    r.size = size;
    r.error = "file too large";
    r.error_kind = ReadError::too_large;
}

// Reads `fd` into `r`: a regular file up to its size, a pipe or device (/dev/stdin) to its end,
// both bounded by `max_bytes`.
void read_open(int fd, uint64_t max_bytes, ReadResult& r) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        fail_with_errno(r, errno);
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        r.error = "is a directory";
        r.error_kind = ReadError::other;
        return;
    }
    const bool regular = S_ISREG(st.st_mode);
    if (regular) {
        r.size = static_cast<uint64_t>(st.st_size);
        if (r.size > max_bytes) {
            fail_too_large(r, r.size);
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
                fail_too_large(r, got);
                return;
            }
            r.data.resize(std::max<size_t>(65536, got * 2));
        }
        ssize_t n = ::read(fd, r.data.data() + got, r.data.size() - got);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n < 0) {
            fail_with_errno(r, errno);
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
            fail_too_large(r, got);
        }
    }
}

/// Calls `visit(entry, dir_fd)` for every entry of the open directory `fd` but "." and "..", in
/// readdir order, until `visit` returns false; closes `fd`. Returns 0 when the listing ended or
/// `visit` stopped it, readdir's errno when reading failed, and -1 when `fd` is not a readable
/// directory.
template <typename Visit>
int for_each_entry(int fd, Visit&& visit) {
    DIR* d = ::fdopendir(fd);
    if (d == nullptr) {
        ::close(fd);
        return -1;
    }
    int error = 0;
    while (true) {
        errno = 0;
        const dirent* e = ::readdir(d);
        if (e == nullptr) {
            error = errno;
            break;
        }
        std::string_view name(e->d_name);
        if (name == "." || name == "..") {
            continue;
        }
        if (!visit(*e, ::dirfd(d))) {
            break;
        }
    }
    ::closedir(d);
    return error;
}

/// Appends the regular files (symlinks followed) below the open directory `fd`, named `path`, to
/// `out.files`, entering subdirectories (not symlinks to them, nor `skip_dirs`) depth first in
/// readdir order: the walk std::filesystem::recursive_directory_iterator with skip_permission_denied
/// makes, with d_type and *at() calls instead of a std::filesystem::path per entry. Closes `fd`.
/// Each directory it cannot read goes to `out.errors`. False when an error (other than a directory
/// it may not enter) stops the walk, as it stops the iterator. `path` is scratch space, restored on
/// return.
bool walk_open(int fd, std::string& path, const std::vector<std::string>& skip_dirs, WalkResult& out) {
    const size_t dir_size = path.size();
    if (path.empty() || path.back() != '/') {
        path += '/';
    }
    const size_t base = path.size();
    bool ok = true;
    const int error = for_each_entry(fd, [&](const dirent& e, int dir_fd) {
        std::string_view name(e.d_name);
        path.resize(base);
        path += name;
        bool is_dir = e.d_type == DT_DIR;      // following symlinks
        bool is_regular = e.d_type == DT_REG;  // following symlinks
        bool enter = e.d_type == DT_DIR;       // a directory itself, not a symlink to one
        if (e.d_type == DT_LNK || e.d_type == DT_UNKNOWN) {
            struct stat st {};
            bool found = ::fstatat(dir_fd, e.d_name, &st, 0) == 0;
            is_dir = found && S_ISDIR(st.st_mode);
            is_regular = found && S_ISREG(st.st_mode);
            if (e.d_type == DT_UNKNOWN) {
                struct stat lst {};
                enter = ::fstatat(dir_fd, e.d_name, &lst, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(lst.st_mode);
            }
        }
        if (is_dir) {
            if (enter && std::find(skip_dirs.begin(), skip_dirs.end(), name) == skip_dirs.end()) {
                int sub = ::openat(dir_fd, e.d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
                if (sub < 0) {
                    const int failed = errno;
                    out.errors.push_back(WalkError{normal_path(path), std::strerror(failed)});
                    ok = failed == EACCES;  // skip_permission_denied
                    return ok;
                }
                ok = walk_open(sub, path, skip_dirs, out);
                return ok;
            }
            return true;
        }
        if (is_regular) {
            out.files.push_back(normal_path(path));
        }
        return true;
    });
    path.resize(dir_size);
    if (error != 0) {
        out.errors.push_back(
            WalkError{normal_path(path), error > 0 ? std::strerror(error) : "not a readable directory"});
    }
    return ok && (error == 0 || error == EACCES);
}

/// A thread's io_uring for reading many small files: each file is opened into a registered slot,
/// read into its part of one buffer and closed, linked, so a batch of files costs one system call
/// instead of four each (open, fstat, read, close); a system call costs about a microsecond on a
/// virtual machine, more than the work of the open. Set up on a thread's first batch. Where the
/// kernel or a seccomp filter refuses io_uring (Docker's default profile does), ok() is false and
/// nothing is read here.
class BatchReader {
  public:
    static constexpr unsigned k_batch = 32;              // files per submission
    static constexpr size_t k_slot = size_t{32} * 1024;  // bytes read per file; a larger file: read()

    BatchReader() {
        if (::io_uring_queue_init(k_batch * 4, &m_ring, 0) != 0) {
            return;
        }
        std::array<int, k_batch> empty{};
        empty.fill(-1);
        if (::io_uring_register_files(&m_ring, empty.data(), k_batch) != 0) {
            ::io_uring_queue_exit(&m_ring);
            return;
        }
        // Mapped apart from the heap, in small pages: only the pages the reads write become
        // resident (the heap's huge pages would make a worker thread's buffer cost 2 MiB).
        void* buffer =
            ::mmap(nullptr, k_batch * k_slot, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (buffer == MAP_FAILED) {
            ::io_uring_queue_exit(&m_ring);
            return;
        }
        ::madvise(buffer, k_batch * k_slot, MADV_NOHUGEPAGE);
        m_buffer = static_cast<char*>(buffer);
        m_ok = true;
    }
    BatchReader(const BatchReader&) = delete;
    BatchReader& operator=(const BatchReader&) = delete;
    ~BatchReader() {
        if (m_buffer != nullptr) {
            ::io_uring_queue_exit(&m_ring);
            ::munmap(m_buffer, k_batch * k_slot);
        }
    }
    bool ok() const { return m_ok; }

    /// Reads paths[begin, begin + n) (n <= k_batch) into out[begin, begin + n): a file whose read
    /// came back short of its slot is whole (a regular file's read is short only at its end); an
    /// error, a full slot or more than `max_bytes` leaves nullopt.
    void read(const std::vector<std::string>& paths, size_t begin, unsigned n, uint64_t max_bytes,
              std::vector<std::optional<ReadResult>>& out) {
        for (unsigned k = 0; k < n; ++k) {
            io_uring_sqe* open = ::io_uring_get_sqe(&m_ring);
            ::io_uring_prep_openat_direct(open, AT_FDCWD, paths[begin + k].c_str(), O_RDONLY, 0, k);
            open->flags |= IOSQE_IO_LINK;
            open->user_data = k * 3ULL;
            io_uring_sqe* rd = ::io_uring_get_sqe(&m_ring);
            ::io_uring_prep_read(rd, static_cast<int>(k), m_buffer + k * k_slot, k_slot, 0);
            rd->flags |= IOSQE_FIXED_FILE | IOSQE_IO_HARDLINK;  // the close runs also after a failed read
            rd->user_data = k * 3ULL + 1;
            io_uring_sqe* close = ::io_uring_get_sqe(&m_ring);
            ::io_uring_prep_close_direct(close, k);
            close->user_data = k * 3ULL + 2;
        }
        std::array<int, k_batch> opened{};
        std::array<int, k_batch> got{};
        const int submitted = ::io_uring_submit(&m_ring);
        unsigned pending = submitted < 0 ? 0 : static_cast<unsigned>(submitted);
        while (pending > 0) {
            io_uring_cqe* cqe = nullptr;
            if (int rc = ::io_uring_wait_cqe(&m_ring, &cqe); rc != 0) {
                if (rc == -EINTR) {
                    continue;
                }
                m_ok = false;  // the ring is not to be trusted again: read() reads from here on
                return;
            }
            const uint64_t k = cqe->user_data / 3;
            if (cqe->user_data % 3 == 0) {
                opened[k] = cqe->res;
            } else if (cqe->user_data % 3 == 1) {
                got[k] = cqe->res;
            }
            ::io_uring_cqe_seen(&m_ring, cqe);
            --pending;
        }
        if (submitted < 0 || static_cast<unsigned>(submitted) != n * 3) {
            // Not all submitted: what is left in the queue must never go, so the ring is not used
            // again, and read() reads these files.
            m_ok = false;
            return;
        }
        for (unsigned k = 0; k < n; ++k) {
            if (opened[k] < 0 || got[k] < 0 || static_cast<size_t>(got[k]) >= k_slot ||
                static_cast<uint64_t>(got[k]) > max_bytes) {
                continue;
            }
            ReadResult r;
            r.data.assign(m_buffer + k * k_slot, static_cast<size_t>(got[k]));
            r.size = r.data.size();
            out[begin + k] = std::move(r);
        }
    }

  private:
    io_uring m_ring{};
    char* m_buffer = nullptr;  // k_batch slots of k_slot bytes
    bool m_ok = false;
};

class RealFileSystem final : public FileSystem {
  public:
    ReadResult read(const std::string& path, uint64_t max_bytes) const override {
        // POSIX calls rather than an ifstream: a scan reads thousands of small files, and a stream's
        // buffer and locale set-up cost more than the read itself.
        ReadResult r;
        int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            fail_with_errno(r, errno);
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

    std::vector<std::optional<ReadResult>> read_many(const std::vector<std::string>& paths,
                                                     uint64_t max_bytes) const override {
        std::vector<std::optional<ReadResult>> out(paths.size());
        if (paths.empty()) {
            return out;
        }
        thread_local BatchReader reader;
        if (!reader.ok()) {
            return out;
        }
        for (size_t begin = 0; begin < paths.size() && reader.ok(); begin += BatchReader::k_batch) {
            auto n = static_cast<unsigned>(std::min<size_t>(BatchReader::k_batch, paths.size() - begin));
            reader.read(paths, begin, n, max_bytes, out);
        }
        return out;
    }

    std::optional<std::vector<std::pair<std::string, PathKind>>> list_kinds(
        const std::string& dir, size_t max_entries) const override {
        int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0) {
            return std::nullopt;
        }
        std::vector<std::pair<std::string, PathKind>> out;
        size_t entries = 0;
        const int error = for_each_entry(fd, [&](const dirent& e, int /*dir_fd*/) {
            if (++entries > max_entries) {
                return false;
            }
            if (e.d_type == DT_REG) {
                out.emplace_back(e.d_name, PathKind::other);
            } else if (e.d_type == DT_DIR) {
                out.emplace_back(e.d_name, PathKind::directory);
            }
            return true;
        });
        if (error != 0 || entries > max_entries) {
            return std::nullopt;
        }
        std::sort(out.begin(), out.end());
        return out;
    }

    std::vector<std::string> walk(const std::string& dir,
                                  const std::vector<std::string>& skip_dirs) const override {
        return walk_reporting(dir, skip_dirs).files;
    }

    WalkResult walk_reporting(const std::string& dir,
                              const std::vector<std::string>& skip_dirs) const override {
        WalkResult out;
        int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd >= 0) {
            std::string path = dir;
            walk_open(fd, path, skip_dirs, out);
        } else {
            out.errors.push_back(WalkError{dir, std::strerror(errno)});
        }
        std::sort(out.files.begin(), out.files.end());
        return out;
    }
};
}  // namespace

ReadResult PrefetchingFileSystem::read(const std::string& path, uint64_t max_bytes) const {
    {
        std::unique_lock<std::mutex> lock(m_mutex);
        auto it = m_ahead.find(path);
        if (it != m_ahead.end()) {
            ReadResult r = std::move(it->second);
            m_ahead.erase(it);
            lock.unlock();
            if (r.size > max_bytes) {  // as read() answers for a regular file over the limit
                fail_too_large(r, r.size);
            }
            return r;
        }
    }
    return m_inner.read(path, max_bytes);
}

void PrefetchingFileSystem::prefetch(const std::vector<std::string>& paths, uint64_t max_bytes) const {
    std::vector<std::string> todo;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        for (const std::string& p : paths) {
            if (m_ahead.size() + todo.size() >= k_max_entries) {
                break;
            }
            if (m_ahead.find(p) == m_ahead.end()) {
                todo.push_back(p);
            }
        }
    }
    if (todo.empty()) {
        return;
    }
    std::vector<std::optional<ReadResult>> got = m_inner.read_many(todo, max_bytes);
    std::lock_guard<std::mutex> lock(m_mutex);
    for (size_t i = 0; i < todo.size() && i < got.size(); ++i) {
        if (got[i] && m_ahead.size() < k_max_entries) {
            m_ahead.try_emplace(std::move(todo[i]), std::move(*got[i]));
        }
    }
}

size_t PrefetchingFileSystem::kept() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_ahead.size();
}

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
