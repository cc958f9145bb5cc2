#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <tuple>

#include <fmt/format.h>

#include "bulwark/cli/app.hpp"
#include "bulwark/cli/clock.hpp"
#include "bulwark/cli/options.hpp"
#include "bulwark/engine/inputs.hpp"
#include "bulwark/engine/scan.hpp"
#include "bulwark/report/renderer.hpp"
#include "bulwark/rules/rule.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::cli {

int scan_command(std::vector<std::string> args) {
    CLI::App app{"Scan Dockerfiles for security and hardening problems.", "bulwark scan"};
    std::vector<std::string> paths;
    std::vector<std::string> formats;
    std::vector<std::string> outputs;
    std::vector<std::string> skip;
    std::vector<std::string> build_args;
    std::vector<std::string> ignore;
    std::vector<std::string> only;
    std::vector<std::string> trusted_registries;
    std::vector<std::string> allowed_images;
    std::vector<std::string> compose_files;
    std::string fail_on = "medium";
    std::string min_severity = "info";
    std::string baseline;
    std::string target;
    std::string stdin_name = "<stdin>";
    std::string kind;
    std::string today;
    std::string color = "auto";
    unsigned jobs = 0;
    uint64_t max_file_size = 16ULL * 1024 * 1024;
    ConfigFlags config_flags;
    bool quiet = false;
    bool no_color = false;
    bool show_suppressed = false;
    bool markdown = false;

    app.add_option("paths", paths,
                   "Files, directories (searched for Dockerfiles) or - for stdin [default: .]");
    app.add_option(
        "-f,--format", formats,
        "Output format: text, json, sarif, junit, checkstyle; FMT=PATH writes to a file; repeatable");
    app.add_option("-o,--output", outputs,
                   "File for the --format without its own =PATH (in order); - is stdout");
    app.add_option("--fail-on", fail_on,
                   "Exit 1 when a finding has at least this severity, or 'none' [medium]");
    app.add_option("--severity", min_severity, "Report only findings of at least this severity [info]");
    add_config_flags(app, config_flags);
    app.add_option("--baseline", baseline, "Report only findings absent from this saved JSON report");
    app.add_option("--skip", skip, "Skip paths matching this glob (repeatable)");
    app.add_option("-j,--jobs", jobs, "Files scanned in parallel [all cores]");
    app.add_option("--build-arg", build_args, "NAME=VALUE for ARG resolution (repeatable)");
    app.add_option("--target", target, "The stage that is built and shipped [last stage]");
    app.add_option("--ignore", ignore, "Disable a rule id (repeatable)");
    app.add_option("--only", only, "Run only this rule id (repeatable)");
    app.add_option("--trusted-registry", trusted_registries,
                   "Registry FROM may use (repeatable; default any)");
    app.add_option("--allowed-image", allowed_images,
                   "Base image glob FROM may use (repeatable; default any)");
    app.add_option("--stdin-filename", stdin_name, "Name shown for input read from stdin [<stdin>]");
    app.add_option("--compose-file", compose_files,
                   "Compose file merged in order with the other --compose-file files into one project "
                   "(like docker compose -f; repeatable)");
    app.add_option("--kind", kind,
                   "Scan explicit files and stdin as this input kind (see README) [by file name]");
    app.add_option("--max-file-size", max_file_size, "Refuse files larger than this many bytes [16777216]");
    app.add_option("--today", today, "Date used for end-of-life data and ignore expiry, YYYY-MM-DD [today]");
    app.add_option("--color", color, "auto, always or never [auto: only on a terminal]");
    app.add_flag("--no-color", no_color, "Same as --color never");
    app.add_flag("-q,--quiet", quiet, "Text output: findings and errors only, no summary");
    app.add_flag("--show-suppressed", show_suppressed, "Also list suppressed findings");
    app.add_flag("--markdown", markdown,
                 "Directory walks also scan docker run lines in Markdown code blocks");

    if (std::optional<int> stop = parse_command_line(app, args)) {
        return *stop;
    }

    std::string error;
    auto usage_error = [&](const std::string& msg) {
        std::cerr << "bulwark scan: " << msg << "\n";
        return 2;
    };
    std::vector<OutputSpec> specs = output_specs(formats, outputs, error);
    if (!error.empty()) {
        return usage_error(error);
    }
    engine::ScanOptions opts;
    opts.paths = paths.empty() && compose_files.empty() ? std::vector<std::string>{"."} : paths;
    opts.compose_files = compose_files;
    opts.skip = skip;
    opts.jobs = jobs;
    opts.stdin_name = stdin_name;
    if (!kind.empty()) {
        if (engine::find_input_kind(kind) == nullptr) {
            std::string known;
            for (const engine::InputKind& k : engine::input_kinds()) {
                known += (known.empty() ? "" : ", ") + std::string(k.name);
            }
            return usage_error(fmt::format("--kind '{}': expected one of: {}", kind, known));
        }
        opts.kind = kind;
    }
    opts.max_file_size = max_file_size;
    opts.markdown = markdown;
    opts.keep_sources =
        std::any_of(specs.begin(), specs.end(), [](const OutputSpec& s) { return s.format == "text"; });
    if (auto s = severity_arg(fail_on, "--fail-on", error)) {
        opts.fail_on = *s;
    }
    auto min_sev = severity_arg(min_severity, "--severity", error);
    if (!error.empty()) {
        return usage_error(error);
    }
    if (min_sev) {
        opts.min_severity = *min_sev;
    }
    for (const std::string& kv : build_args) {
        size_t eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) {
            return usage_error(fmt::format("--build-arg '{}': expected NAME=VALUE", kv));
        }
        opts.cli_policy.build_args[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    opts.cli_policy.target = target;
    if (std::string e = add_rule_selection(ignore, only, opts.cli_policy); !e.empty()) {
        return usage_error(e);
    }
    opts.cli_policy.trusted_registries = trusted_registries;
    opts.cli_policy.allowed_images = allowed_images;
    if (std::string e = check_color_arg(color); !e.empty()) {
        return usage_error(e);
    }
    if (!today.empty()) {
        if (!valid_date(today)) {
            return usage_error(fmt::format("--today '{}': expected YYYY-MM-DD", today));
        }
        opts.cli_policy.today = today;
    } else {
        opts.cli_policy.today = today_utc();
    }
    opts.trust = config_flags.trust();
    if (!baseline.empty()) {
        opts.baseline_path = baseline;
    }

    RenderFlags flags{color, no_color, quiet, show_suppressed};
    // A text or JSON report to stdout is written while the scan runs (each file's text is dropped once
    // it is written); other outputs after it, from the whole report.
    std::unique_ptr<StreamedOutput> streamed = StreamedOutput::open(specs, flags, BULWARK_VERSION);
    opts.sink = streamed.get();
    opts.keep_sources = opts.keep_sources && streamed == nullptr;
    report::Report rep = engine::scan(util::real_filesystem(), opts);
    if (streamed != nullptr) {
        streamed->finish(rep);
        return rep.exit_code();
    }

    int code = rep.exit_code();
    if (!write_outputs(rep, specs, flags, "bulwark scan")) {
        code = 2;
    }
    return code;
}

}  // namespace bulwark::cli
