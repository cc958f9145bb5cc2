#include "bulwark/cli/options.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>
#include <streambuf>
#include <string_view>
#include <tuple>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "bulwark/config/config_file.hpp"
#include "bulwark/report/renderer.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::cli {

void add_report_flags(CLI::App& app, ReportFlags& flags) {
    app.add_option("--fail-on", flags.fail_on,
                   "Exit 1 when a finding has at least this severity, or 'none' [medium]");
    app.add_option("--severity", flags.min_severity, "Report only findings of at least this severity [info]");
    app.add_option("--ignore", flags.ignore, "Disable a rule id (repeatable)");
    app.add_option("--only", flags.only, "Run only this rule id (repeatable)");
    app.add_option("--color", flags.color, "auto, always or never [auto: only on a terminal]");
    app.add_flag("--no-color", flags.no_color, "Same as --color never");
    app.add_flag("-q,--quiet", flags.quiet, "Text output: findings and errors only, no summary");
}

config::TrustOptions ConfigFlags::trust() const {
    config::TrustOptions t;
    if (!config_path.empty()) {
        t.explicit_config = config_path;
    }
    t.trust_found_config = trust_config;
    return t;
}

void add_config_flags(CLI::App& app, ConfigFlags& flags) {
    app.add_option("--config", flags.config_path,
                   "Use this .bulwark.yaml (trusted) instead of searching upward");
    app.add_flag("--trust-config", flags.trust_config,
                 "Let a .bulwark.yaml found in the scanned tree switch checks off");
}

void add_engine_flags(CLI::App& app, input::image::EngineOptions& engine) {
    app.add_option("--docker-host", engine.host,
                   "Engine for NAME[:TAG]: unix:///path or tcp://host[:port] [$DOCKER_HOST, else "
                   "tcp://localhost:2376 with TLS, else unix:///var/run/docker.sock]");
    app.add_flag("--tls", engine.tls.tls,
                 "Use TLS to a tcp:// engine without verifying it; implied by --tlsverify [$DOCKER_TLS]");
    app.add_flag("--tlsverify", engine.tls.verify,
                 "Use TLS and verify the engine against the CA [$DOCKER_TLS_VERIFY]");
    app.add_option("--tlscacert", engine.tls.ca_cert,
                   "CA certificate the engine must be signed by, with "
                   "--tlsverify [$DOCKER_CERT_PATH/ca.pem, else ~/.docker/ca.pem]");
    app.add_option(
        "--tlscert", engine.tls.cert,
        "TLS client certificate [$DOCKER_CERT_PATH/cert.pem, else ~/.docker/cert.pem, if present]");
    app.add_option("--tlskey", engine.tls.key,
                   "TLS client key [$DOCKER_CERT_PATH/key.pem, else ~/.docker/key.pem, if present]");
}

std::optional<int> parse_command_line(CLI::App& app, const std::vector<std::string>& args) {
    for (CLI::Option* opt : app.get_options()) {
        if (!opt->get_positional()) {
            opt->allow_extra_args(false);
        }
    }
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 pops from the back
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    return std::nullopt;
}

std::optional<core::Severity> severity_arg(const std::string& value, const char* flag, std::string& error) {
    bool fail_on = std::string_view(flag) == "--fail-on";
    if (fail_on && value == "none") {
        return static_cast<core::Severity>(static_cast<int>(core::Severity::critical) + 1);
    }
    auto s = core::parse_severity(value);
    if (!s) {
        error = fmt::format("{}: '{}' is not a severity (info, low, medium, high, critical{})", flag, value,
                            fail_on ? ", none" : "");
    }
    return s;
}

std::string add_rule_selection(const std::vector<std::string>& ignore, const std::vector<std::string>& only,
                               core::Policy& policy) {
    for (auto [ids, into, flag] : {std::tuple{&ignore, &policy.disabled_rules, "--ignore"},
                                   std::tuple{&only, &policy.enabled_rules, "--only"}}) {
        for (const std::string& id : *ids) {
            std::vector<std::string> resolved = config::resolve_rule_id(id);
            if (resolved.empty()) {
                return fmt::format("{} {}: no rule with that id (see 'bulwark rules')", flag, id);
            }
            into->insert(resolved.begin(), resolved.end());
        }
    }
    return {};
}

std::string check_color_arg(const std::string& color) {
    if (color != "auto" && color != "always" && color != "never") {
        return fmt::format("--color '{}': expected auto, always or never", color);
    }
    return {};
}

bool use_color(const std::string& color, bool no_color, bool to_stdout) {
    if (no_color || color == "never") {
        return false;
    }
    return color == "always" ||
           (color == "auto" && to_stdout && isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr);
}

std::vector<OutputSpec> output_specs(const std::vector<std::string>& formats,
                                     const std::vector<std::string>& outputs, std::string& error) {
    std::vector<OutputSpec> specs;
    size_t next_output = 0;
    for (const std::string& f : formats.empty() ? std::vector<std::string>{"text"} : formats) {
        OutputSpec s;
        size_t eq = f.find('=');
        s.format = util::to_lower(f.substr(0, eq));
        if (eq != std::string::npos) {
            s.path = f.substr(eq + 1);
        } else if (next_output < outputs.size()) {
            s.path = outputs[next_output++];
        }
        if (report::find_renderer(s.format) == nullptr) {
            std::string names;
            for (const report::RendererEntry& e : report::renderers()) {
                names += names.empty() ? "" : ", ";
                names += e.name;
            }
            error = fmt::format("unknown format '{}' (expected one of: {})", s.format, names);
            return {};
        }
        specs.push_back(std::move(s));
    }
    if (next_output < outputs.size()) {
        error = "more --output paths than --format values";
        return {};
    }
    int to_stdout = 0;
    for (const OutputSpec& s : specs) {
        to_stdout += (s.path.empty() || s.path == "-") ? 1 : 0;
    }
    if (to_stdout > 1) {
        error = "only one format can go to standard output; give the others a path (--format FMT=PATH)";
        return {};
    }
    return specs;
}

namespace {

/// Gathers a renderer's many small writes into large ones: every write to std::cout goes through
/// stdio (synced), which costs more than the formatting of a small piece.
class ChunkedBuffer final : public std::streambuf {
  public:
    explicit ChunkedBuffer(std::streambuf* sink) : m_sink(sink), m_buffer(size_t{64} * 1024) {
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    }
    ChunkedBuffer(const ChunkedBuffer&) = delete;
    ChunkedBuffer& operator=(const ChunkedBuffer&) = delete;
    ~ChunkedBuffer() override { drain(); }

  protected:
    int_type overflow(int_type c) override {
        if (!drain()) {
            return traits_type::eof();
        }
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char* s, std::streamsize n) override {
        if (n > epptr() - pptr()) {
            if (!drain()) {
                return 0;
            }
            if (n >= epptr() - pptr()) {
                return m_sink->sputn(s, n);  // larger than the buffer: straight through
            }
        }
        std::memcpy(pptr(), s, static_cast<size_t>(n));
        pbump(static_cast<int>(n));
        return n;
    }
    int sync() override { return drain() && m_sink->pubsync() == 0 ? 0 : -1; }

  private:
    /// Writes the buffered bytes to the sink; false when it fails.
    bool drain() {
        std::streamsize n = pptr() - pbase();
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
        return n == 0 || m_sink->sputn(m_buffer.data(), n) == n;
    }

    std::streambuf* m_sink;
    std::vector<char> m_buffer;
};

}  // namespace

namespace {

bool to_stdout(const OutputSpec& s) {
    return s.path.empty() || s.path == "-";
}

report::RenderOptions render_options(const OutputSpec& s, const RenderFlags& flags) {
    report::RenderOptions ropts;
    ropts.color = use_color(flags.color, flags.no_color, to_stdout(s));
    ropts.quiet = flags.quiet;
    ropts.show_suppressed = flags.show_suppressed;
    return ropts;
}

/// Diagnostics always go to stderr, whatever the formats, so machine output stays clean (a text
/// report on stdout has them already).
void print_diagnostics(const report::Report& rep, const std::vector<OutputSpec>& specs) {
    if (std::find_if(specs.begin(), specs.end(),
                     [](const OutputSpec& s) { return s.format == "text" && to_stdout(s); }) != specs.end()) {
        return;
    }
    for (const core::Diagnostic& d : rep.diagnostics) {
        std::cerr << core::format_diagnostic(d, rep.source_of(d.location.file));
    }
    for (const report::FileResult& f : rep.files) {
        for (const core::Diagnostic& d : f.diagnostics) {
            std::cerr << core::format_diagnostic(d, f.source_for(d.location.file));
        }
    }
}

}  // namespace

bool write_outputs(const report::Report& rep, const std::vector<OutputSpec>& specs, const RenderFlags& flags,
                   std::string_view command) {
    bool ok = true;
    for (const OutputSpec& s : specs) {
        const report::RendererEntry* entry = report::find_renderer(s.format);
        std::unique_ptr<report::Renderer> renderer = entry->make();
        report::RenderOptions ropts = render_options(s, flags);
        if (to_stdout(s)) {
            ChunkedBuffer buffer(std::cout.rdbuf());
            std::ostream chunked(&buffer);
            renderer->render(rep, chunked, ropts);
            chunked.flush();
            std::cout.flush();
        } else {
            std::ofstream out(s.path, std::ios::binary);
            if (!out) {
                std::cerr << fmt::format("{}: cannot write '{}'\n", command, s.path);
                ok = false;
                continue;
            }
            renderer->render(rep, out, ropts);
        }
    }
    print_diagnostics(rep, specs);
    return ok;
}

struct StreamedOutput::State {
    State(const std::vector<OutputSpec>& s, const RenderFlags& flags)
        : specs(s), ropts(render_options(s[0], flags)) {}
    std::vector<OutputSpec> specs;
    report::RenderOptions ropts;
    ChunkedBuffer buffer{std::cout.rdbuf()};
    std::ostream out{&buffer};
    std::unique_ptr<report::Renderer> renderer;
    std::unique_ptr<report::ReportWriter> writer;
};

std::unique_ptr<StreamedOutput> StreamedOutput::open(const std::vector<OutputSpec>& specs,
                                                     const RenderFlags& flags,
                                                     std::string_view tool_version) {
    // One output, to stdout: a file output is created when the scan is over (a --baseline may be the
    // file it replaces), and several outputs are rendered from the whole report.
    if (specs.size() != 1 || !to_stdout(specs[0])) {
        return nullptr;
    }
    auto state = std::make_unique<State>(specs, flags);
    state->renderer = report::find_renderer(specs[0].format)->make();
    state->writer = state->renderer->start(state->out, tool_version, state->ropts);
    if (state->writer == nullptr) {
        return nullptr;
    }
    return std::unique_ptr<StreamedOutput>(new StreamedOutput(std::move(state)));
}

StreamedOutput::StreamedOutput(std::unique_ptr<State> state) : m_state(std::move(state)) {}

StreamedOutput::~StreamedOutput() = default;

void StreamedOutput::begin(const report::Report& head) {
    m_state->writer->begin(head);
}

void StreamedOutput::file(report::FileResult& result) {
    m_state->writer->file(result);
}

void StreamedOutput::finish(const report::Report& rep) {
    m_state->writer->finish(rep);
    m_state->out.flush();
    std::cout.flush();
    print_diagnostics(rep, m_state->specs);
}

}  // namespace bulwark::cli
