#pragma once
// The filesystem seam: the engine reads and walks through this, tests can substitute it.
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bulwark::util {

/// Why a read failed, for callers that decide by it; ReadResult::error keeps the words for messages.
/// missing: the path names nothing (ENOENT, or ENOTDIR: a component is not a directory); too_large:
/// over the caller's limit; other: anything else, such as a file or a directory on its path that may
/// not be read or searched (EACCES), so the file may well exist.
enum class ReadError { none, missing, too_large, other };

/// A file's bytes, or why they could not be read.
struct ReadResult {
    std::string data;
    std::string error;  // empty on success ("No such file or directory", "file too large")
    ReadError error_kind = ReadError::none;  // none exactly when `error` is empty
    uint64_t size = 0;                       // size on disk (set even when too large to read)
};

/// What a path names, from one lookup.
enum class PathKind { missing, directory, other };

/// A directory a walk could not read, and why ("Permission denied").
struct WalkError {
    std::string path;
    std::string error;
};

/// A walk's regular files and the directories it could not read (their files are not in `files`).
struct WalkResult {
    std::vector<std::string> files;
    std::vector<WalkError> errors;
};

class FileSystem {
  public:
    virtual ~FileSystem() = default;
    /// Reads a whole file, refusing files over `max_bytes` (error set, data empty).
    virtual ReadResult read(const std::string& path, uint64_t max_bytes) const = 0;
    virtual bool is_directory(const std::string& path) const = 0;
    virtual bool exists(const std::string& path) const = 0;
    /// exists() and is_directory() in one lookup (the real disk answers with one stat).
    virtual PathKind kind(const std::string& path) const {
        if (!exists(path)) {
            return PathKind::missing;
        }
        return is_directory(path) ? PathKind::directory : PathKind::other;
    }
    /// The entries of the directory `dir` whose kind the listing itself tells, by name, sorted: regular
    /// files (PathKind::other) and directories. Symbolic links and entries the listing does not type
    /// are left out: ask kind() for them. nullopt when `dir` cannot be listed or has more than
    /// `max_entries` entries (the listing then stops), and by default: a FileSystem without listings
    /// answers kind() for every path.
    virtual std::optional<std::vector<std::pair<std::string, PathKind>>> list_kinds(
        const std::string& dir, size_t max_entries) const {
        (void)dir;
        (void)max_entries;
        return std::nullopt;
    }
    /// Reads several files that the caller found to be regular files, in one go where the system
    /// allows it (io_uring on the real disk): each answer is what read(path, max_bytes) would give,
    /// or nullopt where this could not tell (an error, a file larger than a batch read takes, or no
    /// batch reading here, the default): call read() for those. A batch reader trusts the caller
    /// that each path is a regular file: it reads until the first short read.
    virtual std::vector<std::optional<ReadResult>> read_many(const std::vector<std::string>& paths,
                                                             uint64_t max_bytes) const {
        (void)max_bytes;
        return std::vector<std::optional<ReadResult>>(paths.size());
    }
    /// A hint that the regular files `paths` will be read soon with read(path, max_bytes); a
    /// FileSystem that keeps what it reads ahead (PrefetchingFileSystem) reads them now, together.
    virtual void prefetch(const std::vector<std::string>& paths, uint64_t max_bytes) const {
        (void)paths;
        (void)max_bytes;
    }
    /// Regular files below `dir`, recursively, sorted; directories named in `skip_dirs` are not entered.
    virtual std::vector<std::string> walk(const std::string& dir,
                                          const std::vector<std::string>& skip_dirs) const = 0;
    /// walk(), with the directories (`dir` itself or below it) that could not be read: a caller that
    /// must not skip files silently says so. By default: walk(), knowing of no errors.
    virtual WalkResult walk_reporting(const std::string& dir,
                                      const std::vector<std::string>& skip_dirs) const {
        return WalkResult{walk(dir, skip_dirs), {}};
    }
};

/// A FileSystem over another that reads ahead: prefetch() reads the files with read_many() and
/// keeps each answer until the first read() of its path takes it (the answer is then forgotten: a
/// second read() asks the inner FileSystem). What it keeps is bounded (k_max_entries files); past it,
/// prefetch() reads nothing more. One lives for one scan, so no answer outlives the scan that
/// asked for it. Thread-safe.
class PrefetchingFileSystem final : public FileSystem {
  public:
    static constexpr size_t k_max_entries = 1024;
    explicit PrefetchingFileSystem(const FileSystem& inner) : m_inner(inner) {}
    ReadResult read(const std::string& path, uint64_t max_bytes) const override;
    bool is_directory(const std::string& path) const override { return m_inner.is_directory(path); }
    bool exists(const std::string& path) const override { return m_inner.exists(path); }
    PathKind kind(const std::string& path) const override { return m_inner.kind(path); }
    std::optional<std::vector<std::pair<std::string, PathKind>>> list_kinds(
        const std::string& dir, size_t max_entries) const override {
        return m_inner.list_kinds(dir, max_entries);
    }
    std::vector<std::optional<ReadResult>> read_many(const std::vector<std::string>& paths,
                                                     uint64_t max_bytes) const override {
        return m_inner.read_many(paths, max_bytes);
    }
    void prefetch(const std::vector<std::string>& paths, uint64_t max_bytes) const override;
    std::vector<std::string> walk(const std::string& dir,
                                  const std::vector<std::string>& skip_dirs) const override {
        return m_inner.walk(dir, skip_dirs);
    }
    WalkResult walk_reporting(const std::string& dir,
                              const std::vector<std::string>& skip_dirs) const override {
        return m_inner.walk_reporting(dir, skip_dirs);
    }
    /// How many answers are kept, not yet taken (for tests).
    size_t kept() const;

  private:
    const FileSystem& m_inner;
    mutable std::mutex m_mutex;
    mutable std::unordered_map<std::string, ReadResult> m_ahead;
};

/// `path` made lexically normal as std::filesystem::path::lexically_normal().generic_string() does,
/// without its cost on paths that are normal already (no empty, "." or inner ".." components).
std::string normal_path(std::string_view path);
/// True when normal_path(path) == path (the check normal_path makes first, without a copy).
bool is_normal_path(std::string_view path);

/// The real disk.
const FileSystem& real_filesystem();

}  // namespace bulwark::util
