#pragma once
// A FileSystem in memory for unit tests: files by path, directories implied by the paths.
#include <map>
#include <string>
#include <vector>

#include "bulwark/util/filesystem.hpp"

namespace bulwark::testing {

/// Files in memory; directories are implied by the paths of the files. A read fails as the disk's
/// does: missing, too large, or (a directory) other.
class MemoryFs final : public util::FileSystem {
  public:
    std::map<std::string, std::string> files;

    util::ReadResult read(const std::string& path, uint64_t max_bytes) const override {
        util::ReadResult r;
        auto it = files.find(path);
        if (it == files.end() && is_directory(path)) {
            r.error = "is a directory";
            r.error_kind = util::ReadError::other;
        } else if (it == files.end()) {
            r.error = "No such file or directory";
            r.error_kind = util::ReadError::missing;
        } else if (it->second.size() > max_bytes) {
            r.size = it->second.size();
            r.error = "file too large";
            r.error_kind = util::ReadError::too_large;
        } else {
            r.data = it->second;
            r.size = r.data.size();
        }
        return r;
    }
    bool is_directory(const std::string& path) const override {
        std::string prefix = path.ends_with('/') ? path : path + "/";
        auto it = files.lower_bound(prefix);
        return it != files.end() && it->first.starts_with(prefix);
    }
    bool exists(const std::string& path) const override {
        return files.count(path) != 0 || is_directory(path);
    }
    std::vector<std::string> walk(const std::string& dir, const std::vector<std::string>&) const override {
        std::vector<std::string> out;
        std::string prefix = dir + "/";
        for (const auto& [path, text] : files) {
            if (path.starts_with(prefix)) {
                out.push_back(path);
            }
        }
        return out;
    }
};

}  // namespace bulwark::testing
