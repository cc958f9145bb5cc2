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

/// Writes a report whose files come one at a time, while a scan runs (Renderer::start).
class ReportWriter {
  public:
    virtual ~ReportWriter() = default;
    /// Once, before the first file: the report so far (its diagnostics and notes, no files).
    virtual void begin(const Report& /*head*/) {}
    /// The report's next file, in order.
    virtual void file(const FileResult& file) = 0;
    /// What follows the files. `report` is the whole report; the findings of the files already written
    /// may be gone from it (Report::streamed counts them).
    virtual void finish(const Report& report) = 0;
};

class Renderer {
  public:
    virtual ~Renderer() = default;
    /// Writes `report` to `out`.
    virtual void render(const Report& report, std::ostream& out, const RenderOptions& options) const = 0;
    /// A writer of this format to `out` that takes the files one at a time, writing the same bytes as
    /// render(); nullptr when the format needs the whole report before its first byte. `out` and
    /// `options` must outlive the writer.
    virtual std::unique_ptr<ReportWriter> start(std::ostream& /*out*/, std::string_view /*tool_version*/,
                                                const RenderOptions& /*options*/) const {
        return nullptr;
    }
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
