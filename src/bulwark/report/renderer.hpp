#pragma once
// Renderers only format a Report. One file per format, one entry in the table.
#include <memory>
#include <ostream>
#include <span>
#include <string_view>

#include "bulwark/report/report.hpp"
#include "bulwark/rules/rule.hpp"

namespace bulwark::report {

struct RenderOptions {
    bool color = false;  // ANSI colours (text only; decided by the CLI: a terminal and no --no-color)
    bool quiet = false;  // text: findings only, no summary
    bool show_suppressed = false;
    /// Where renderers read rule metadata (titles, remediation, SARIF descriptors); nullptr means
    /// rules::find_rule. Tests inject a fixed table so golden output does not follow the real rules.
    const rules::Rule* (*rule_lookup)(std::string_view id) = nullptr;
};

class Renderer {
  public:
    virtual ~Renderer() = default;
    /// Writes `report` to `out`.
    virtual void render(const Report& report, std::ostream& out, const RenderOptions& options) const = 0;
};

struct RendererEntry {
    std::string_view name;  // "text", "json", "sarif", "junit", "checkstyle"
    std::string_view summary;
    std::unique_ptr<Renderer> (*make)();
};

/// The table of formats.
std::span<const RendererEntry> renderers();
/// Entry by name, or nullptr.
const RendererEntry* find_renderer(std::string_view name);

}  // namespace bulwark::report
