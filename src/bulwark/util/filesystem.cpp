#include "bulwark/util/filesystem.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace bulwark::util {

namespace {
namespace fs = std::filesystem;

class RealFileSystem final : public FileSystem {
  public:
    ReadResult read(const std::string& path, uint64_t max_bytes) const override {
        ReadResult r;
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            r.error = "is a directory";
            return r;
        }
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            r.error = std::strerror(errno);
            return r;
        }
        in.seekg(0, std::ios::end);
        auto end = in.tellg();
        if (end >= 0) {
            r.size = static_cast<uint64_t>(end);
            if (r.size > max_bytes) {
                r.error = "file too large";
                return r;
            }
            in.seekg(0, std::ios::beg);
            r.data.resize(static_cast<size_t>(r.size));
            in.read(r.data.data(), static_cast<std::streamsize>(r.size));
            r.data.resize(static_cast<size_t>(in.gcount()));
        } else {
            // Not seekable (a pipe, /dev/stdin): read to the end, bounded.
            in.clear();
            char buf[65536];
            while (in.read(buf, sizeof buf) || in.gcount() > 0) {
                r.data.append(buf, static_cast<size_t>(in.gcount()));
                if (r.data.size() > max_bytes) {
                    r.size = r.data.size();
                    r.data.clear();
                    r.error = "file too large";
                    return r;
                }
            }
            r.size = r.data.size();
        }
        return r;
    }

    bool is_directory(const std::string& path) const override {
        std::error_code ec;
        return fs::is_directory(path, ec);
    }

    bool exists(const std::string& path) const override {
        std::error_code ec;
        return fs::exists(path, ec);
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
                out.push_back(e.path().lexically_normal().string());
            }
        }
        std::sort(out.begin(), out.end());
        return out;
    }
};
}  // namespace

const FileSystem& real_filesystem() {
    static const RealFileSystem k_fs;
    return k_fs;
}

}  // namespace bulwark::util
