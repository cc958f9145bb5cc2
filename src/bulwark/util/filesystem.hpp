#pragma once
// The filesystem seam: the engine reads and walks through this, tests can substitute it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bulwark::util {

struct ReadResult {
    std::string data;
    std::string error;  // empty on success ("No such file or directory", "file too large ...")
    uint64_t size = 0;  // size on disk (set even when too large to read)
};

/// What a path names, from one lookup.
enum class PathKind { missing, directory, other };

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
    /// Regular files below `dir`, recursively, sorted; directories named in `skip_dirs` are not entered.
    virtual std::vector<std::string> walk(const std::string& dir,
                                          const std::vector<std::string>& skip_dirs) const = 0;
};

/// `path` made lexically normal as std::filesystem::path::lexically_normal().generic_string() does,
/// without its cost on paths that are normal already (no empty, "." or inner ".." components).
std::string normal_path(std::string_view path);
/// True when normal_path(path) == path (the check normal_path makes first, without a copy).
bool is_normal_path(std::string_view path);

/// The real disk.
const FileSystem& real_filesystem();

}  // namespace bulwark::util
