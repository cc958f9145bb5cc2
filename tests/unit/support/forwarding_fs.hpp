#pragma once
// A FileSystem that forwards every call to another, for tests that change one answer of it.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bulwark/util/filesystem.hpp"

namespace bulwark::testing {

/// Forwards every call to `inner`; a test derives from it and overrides what it changes.
class ForwardingFs : public util::FileSystem {
  public:
    explicit ForwardingFs(const util::FileSystem& inner) : m_inner(inner) {}
    util::ReadResult read(const std::string& path, uint64_t max_bytes) const override {
        return m_inner.read(path, max_bytes);
    }
    bool is_directory(const std::string& path) const override { return m_inner.is_directory(path); }
    bool exists(const std::string& path) const override { return m_inner.exists(path); }
    util::PathKind kind(const std::string& path) const override { return m_inner.kind(path); }
    std::optional<std::vector<std::pair<std::string, util::PathKind>>> list_kinds(
        const std::string& dir, size_t max_entries) const override {
        return m_inner.list_kinds(dir, max_entries);
    }
    std::vector<std::optional<util::ReadResult>> read_many(const std::vector<std::string>& paths,
                                                           uint64_t max_bytes) const override {
        return m_inner.read_many(paths, max_bytes);
    }
    std::vector<std::string> walk(const std::string& dir,
                                  const std::vector<std::string>& skip_dirs) const override {
        return walk_reporting(dir, skip_dirs).files;
    }
    util::WalkResult walk_reporting(const std::string& dir,
                                    const std::vector<std::string>& skip_dirs) const override {
        return m_inner.walk_reporting(dir, skip_dirs);
    }

  protected:
    const util::FileSystem& inner() const { return m_inner; }

  private:
    const util::FileSystem& m_inner;
};

/// Refuses to read one path ("Permission denied", as for a file its user may not read); forwards
/// everything else.
class DenyingReadFs final : public ForwardingFs {
  public:
    DenyingReadFs(const util::FileSystem& inner, std::string denied)
        : ForwardingFs(inner), m_denied(std::move(denied)) {}
    util::ReadResult read(const std::string& path, uint64_t max_bytes) const override {
        if (path == m_denied) {
            util::ReadResult r;
            r.error = "Permission denied";
            r.error_kind = util::ReadError::other;
            return r;
        }
        return inner().read(path, max_bytes);
    }

  private:
    std::string m_denied;
};

/// A directory its user may not search (mode 000 or another user's 0700), as the disk answers a
/// user other than root: every path below `dir` fails its lookup with EACCES, so kind() cannot tell
/// it from a missing one (PathKind::missing) while read() says it is not known to be missing
/// ("Permission denied", ReadError::other). Forwards everything else.
class UnsearchableDirFs final : public ForwardingFs {
  public:
    UnsearchableDirFs(const util::FileSystem& inner, const std::string& dir)
        : ForwardingFs(inner), m_prefix(dir + "/") {}
    util::ReadResult read(const std::string& path, uint64_t max_bytes) const override {
        if (below(path)) {
            util::ReadResult r;
            r.error = "Permission denied";
            r.error_kind = util::ReadError::other;
            return r;
        }
        return inner().read(path, max_bytes);
    }
    bool is_directory(const std::string& path) const override {
        return !below(path) && inner().is_directory(path);
    }
    bool exists(const std::string& path) const override { return !below(path) && inner().exists(path); }
    util::PathKind kind(const std::string& path) const override {
        return below(path) ? util::PathKind::missing : inner().kind(path);
    }

  private:
    bool below(const std::string& path) const { return path.starts_with(m_prefix); }
    std::string m_prefix;
};

}  // namespace bulwark::testing
