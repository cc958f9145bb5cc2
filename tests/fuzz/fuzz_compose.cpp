// libFuzzer target: any bytes through the compose input (YAML, merge keys, interpolation, extends,
// include, container rules, suppressions) must neither crash, hang nor trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "bulwark/core/policy.hpp"
#include "bulwark/engine/compose_scan.hpp"
#include "bulwark/util/filesystem.hpp"
#include "bulwark/util/source.hpp"

namespace {

/// A filesystem with one more compose file and an env file, so extends/include/env_file paths
/// that name them are followed.
class FuzzFs final : public bulwark::util::FileSystem {
  public:
    bulwark::util::ReadResult read(const std::string& path, uint64_t) const override {
        bulwark::util::ReadResult r;
        auto it = m_files.find(path);
        if (it == m_files.end()) {
            r.error = "No such file or directory";
            r.error_kind = bulwark::util::ReadError::missing;
        } else {
            r.data = it->second;
            r.size = r.data.size();
        }
        return r;
    }
    bool is_directory(const std::string&) const override { return false; }
    bool exists(const std::string& path) const override { return m_files.count(path) != 0; }
    std::vector<std::string> walk(const std::string&, const std::vector<std::string>&) const override {
        return {};
    }

  private:
    std::map<std::string, std::string> m_files = {
        {"base.yaml", "services:\n  base:\n    image: x\n    privileged: true\n    extends: base\n"},
        {"app.env", "A=1\nB=\"${A}\"\n"},
        {".env", "TAG=1\n"},
    };
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const bulwark::core::Policy policy = [] {
        bulwark::core::Policy p;
        p.today = "2026-11-23";
        return p;
    }();
    static const FuzzFs fs;
    std::string text(reinterpret_cast<const char*>(data), size);
    auto source = std::make_shared<const bulwark::util::SourceFile>("compose.yaml", std::move(text));
    bulwark::report::FileResult result =
        bulwark::engine::scan_compose(source, bulwark::engine::InputContext{fs, policy});
    for (const bulwark::core::Diagnostic& d : result.diagnostics) {
        if (d.location.file == "compose.yaml" && d.location.line > source->line_count() + 1) {
            __builtin_trap();
        }
    }
    return 0;
}
