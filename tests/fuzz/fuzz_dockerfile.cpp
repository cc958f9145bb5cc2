// libFuzzer target: any bytes through the whole Dockerfile pipeline (parse, analyze, rules,
// suppressions) must neither crash nor trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "bulwark/core/policy.hpp"
#include "bulwark/engine/scan.hpp"
#include "bulwark/util/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const bulwark::core::Policy policy = [] {
        bulwark::core::Policy p;
        p.today = "2026-11-23";
        return p;
    }();
    std::string text(reinterpret_cast<const char*>(data), size);
    auto source = std::make_shared<const bulwark::util::SourceFile>("Dockerfile", std::move(text));
    bulwark::report::FileResult result = bulwark::engine::scan_dockerfile(source, policy);
    // Every location must point inside the file.
    for (const bulwark::core::Diagnostic& d : result.diagnostics) {
        if (d.location.line > source->line_count() + 1) {
            __builtin_trap();
        }
    }
    return 0;
}
