#pragma once
// The filesystem seam: the engine reads and walks through this, tests can substitute it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bulwark::util {

struct ReadResult {
    std::string data;
    std::string error;  // empty on success ("No such file or directory", "file too large ...")
    uint64_t size = 0;  // size on disk (set even when too large to read)
};

class FileSystem {
  public:
    virtual ~FileSystem() = default;
    /// Reads a whole file, refusing files over `max_bytes` (error set, data empty).
    virtual ReadResult read(const std::string& path, uint64_t max_bytes) const = 0;
    virtual bool is_directory(const std::string& path) const = 0;
    virtual bool exists(const std::string& path) const = 0;
    /// Regular files below `dir`, recursively, sorted; directories named in `skip_dirs` are not entered.
    virtual std::vector<std::string> walk(const std::string& dir,
                                          const std::vector<std::string>& skip_dirs) const = 0;
};

/// The real disk.
const FileSystem& real_filesystem();

}  // namespace bulwark::util
