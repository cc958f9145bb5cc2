#pragma once
// Option handling shared by the commands that scan and render (scan, check-run).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "bulwark/config/config.hpp"
#include "bulwark/core/policy.hpp"

namespace CLI {
class App;
}
#include "bulwark/core/severity.hpp"
#include "bulwark/engine/scan.hpp"
#include "bulwark/input/image/engine_api.hpp"
#include "bulwark/report/report.hpp"

namespace bulwark::cli {

/// The flags every command that judges and reports shares.
struct ReportFlags {
    std::string fail_on = "medium";
    std::string min_severity = "info";
    std::vector<std::string> ignore;
    std::vector<std::string> only;
    std::string color = "auto";
    bool no_color = false;
    bool quiet = false;
};

/// Declares --fail-on, --severity, --ignore, --only, --color, --no-color and -q on `app`.
void add_report_flags(CLI::App& app, ReportFlags& flags);

/// --config FILE and --trust-config, for the commands that read .bulwark.yaml (scan, image).
struct ConfigFlags {
    std::string config_path;
    bool trust_config = false;
    /// The trust rules these flags ask for (an explicit --config is trusted).
    config::TrustOptions trust() const;
};

/// Declares --config and --trust-config on `app`.
void add_config_flags(CLI::App& app, ConfigFlags& flags);

/// Declares --docker-host and the docker CLI's TLS flags (--tls, --tlsverify, --tlscacert, --tlscert,
/// --tlskey) on `app`, for the commands that talk to an engine.
void add_engine_flags(CLI::App& app, input::image::EngineOptions& engine);

/// Parses `args` with one value per option occurrence (`--format json path` leaves `path` to the
/// positionals). Returns the exit code when the command must stop (--help: 0, a usage error: 2).
std::optional<int> parse_command_line(CLI::App& app, const std::vector<std::string>& args);

/// The severity named by `value` for option `flag`; sets `error` when it is not one. `--fail-on`
/// also accepts "none" (a threshold above critical: nothing fails).
std::optional<core::Severity> severity_arg(const std::string& value, const char* flag, std::string& error);

/// Adds the rules named by --ignore and --only (bulwark ids, or hadolint/trivy/checkov ids through
/// their equivalents) to the policy; the error message for an unknown id, or empty.
std::string add_rule_selection(const std::vector<std::string>& ignore, const std::vector<std::string>& only,
                               core::Policy& policy);

/// The error message for a --color value other than auto, always or never, or empty.
std::string check_color_arg(const std::string& color);

/// Whether to colour output: `--color always`, or `auto` on a terminal without NO_COLOR; never with
/// --no-color or `--color never`.
bool use_color(const std::string& color, bool no_color, bool to_stdout);

/// One `--format` and where it goes.
struct OutputSpec {
    std::string format;
    std::string path;  // empty or "-": stdout
};

/// The outputs of `--format FMT[=PATH]` and `--output PATH` (text to stdout when none); sets `error`
/// for an unknown format, extra paths, or two formats to stdout.
std::vector<OutputSpec> output_specs(const std::vector<std::string>& formats,
                                     const std::vector<std::string>& outputs, std::string& error);

/// Rendering flags shared by the commands that print a report.
struct RenderFlags {
    std::string color = "auto";
    bool no_color = false;
    bool quiet = false;
    bool show_suppressed = false;
};

/// Renders `rep` in every output, then (when no text report went to stdout) prints the diagnostics
/// to stderr. False when an output file cannot be written (reported as `command: cannot write`).
bool write_outputs(const report::Report& rep, const std::vector<OutputSpec>& specs, const RenderFlags& flags,
                   std::string_view command);

/// A report written to standard output while `scan` runs, a file at a time as the files are done
/// (engine::ResultSink), so that the scan does not hold every finding until the end.
class StreamedOutput final : public engine::ResultSink {
  public:
    /// When the one output goes to standard output in a format that can be written a file at a time
    /// (report::Renderer::start), its writer; else nullptr, and write_outputs renders the whole report
    /// after the scan.
    static std::unique_ptr<StreamedOutput> open(const std::vector<OutputSpec>& specs,
                                                const RenderFlags& flags, std::string_view tool_version);
    ~StreamedOutput() override;
    StreamedOutput(const StreamedOutput&) = delete;
    StreamedOutput& operator=(const StreamedOutput&) = delete;

    void begin(const report::Report& head) override;
    void file(report::FileResult& result) override;
    /// Writes what follows the files, then the diagnostics to stderr as write_outputs does.
    void finish(const report::Report& rep);

  private:
    struct State;
    explicit StreamedOutput(std::unique_ptr<State> state);
    std::unique_ptr<State> m_state;
};

}  // namespace bulwark::cli
