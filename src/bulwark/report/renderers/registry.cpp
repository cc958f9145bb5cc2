#include "bulwark/report/renderer.hpp"
#include "bulwark/report/renderers/renderers.hpp"

namespace bulwark::report {

namespace {
const RendererEntry k_renderers[] = {
    {"text", "Human-readable, grouped by file, with source lines and a summary", make_text_renderer},
    {"json", "bulwark's versioned JSON report (docs/output-formats.md)", make_json_renderer},
    {"sarif", "SARIF 2.1.0 for code-scanning UIs", make_sarif_renderer},
    {"junit", "JUnit XML: a test suite per file, a failing test case per finding", make_junit_renderer},
    {"checkstyle", "Checkstyle XML", make_checkstyle_renderer},
    {"cyclonedx", "CycloneDX 1.5 JSON SBOM of scanned images (docs/sbom.md)", make_cyclonedx_renderer},
    {"spdx", "SPDX 2.3 JSON SBOM of scanned images (docs/sbom.md)", make_spdx_renderer},
};
}  // namespace

std::span<const RendererEntry> renderers() {
    return k_renderers;
}

const RendererEntry* find_renderer(std::string_view name) {
    for (const RendererEntry& e : k_renderers) {
        if (e.name == name) {
            return &e;
        }
    }
    return nullptr;
}

}  // namespace bulwark::report
