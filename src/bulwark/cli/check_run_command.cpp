// `bulwark check-run -- docker run ...`: judges one command line with the container rules.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "bulwark/cli/app.hpp"
#include "bulwark/cli/clock.hpp"
#include "bulwark/cli/options.hpp"
#include "bulwark/engine/inputs.hpp"
#include "bulwark/engine/script_scan.hpp"
#include "bulwark/input/run/script.hpp"
#include "bulwark/report/renderer.hpp"
#include "bulwark/rules/rule.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::cli {

namespace {

/// The command line to check: one argument is a shell line as written; several are joined with
/// quoting. A line starting with `run`/`create`/`container` gets `docker ` in front.
std::string command_text(const std::vector<std::string>& words) {
    std::string text;
    if (words.size() == 1) {
        text = words.front();
    } else {
        for (const std::string& w : words) {
            text += (text.empty() ? "" : " ") + util::shell_quote(w);
        }
    }
    std::string_view t = util::trim(text);
    std::string_view first = t.substr(0, t.find_first_of(" \t\n"));
    if (first == "run" || first == "create" || first == "container") {
        text = "docker " + std::string(t);
    }
    return text;
}

}  // namespace

int check_run_command(std::vector<std::string> args) {
    std::vector<std::string> command;
    if (auto dash = std::find(args.begin(), args.end(), "--"); dash != args.end()) {
        command.assign(dash + 1, args.end());
        args.erase(dash, args.end());
    }
    CLI::App app{
        "Check one `docker run`/`docker create` command line with the container rules.\n"
        "Usage: bulwark check-run [options] -- docker run ...   or   bulwark check-run 'docker run ...'",
        "bulwark check-run"};
    std::vector<std::string> positional;
    std::string format = "text";
    std::string output;
    ReportFlags flags;
    app.add_option("command", positional, "The command line as one quoted argument (or give it after --)");
    app.add_option("-f,--format", format, "Output format: text, json, sarif, junit, checkstyle [text]");
    app.add_option("-o,--output", output, "Write the output to this file [stdout]");
    add_report_flags(app, flags);
    if (std::optional<int> stop = parse_command_line(app, args)) {
        return *stop;
    }
    auto usage_error = [](const std::string& msg) {
        std::cerr << "bulwark check-run: " << msg << "\n";
        return 2;
    };
    if (!command.empty() && !positional.empty()) {
        return usage_error("give the command either after -- or as one quoted argument, not both");
    }
    if (command.empty()) {
        command = positional;
    }
    if (command.empty()) {
        return usage_error("no command line (usage: bulwark check-run -- docker run [flags] IMAGE)");
    }
    const report::RendererEntry* renderer = report::find_renderer(util::to_lower(format));
    if (renderer == nullptr) {
        return usage_error(fmt::format("unknown format '{}'", format));
    }
    core::Policy policy;
    policy.today = today_utc();
    report::Report rep;
    rep.tool_version = BULWARK_VERSION;
    std::string error;
    std::optional<core::Severity> threshold = severity_arg(flags.fail_on, "--fail-on", error);
    std::optional<core::Severity> min_sev = severity_arg(flags.min_severity, "--severity", error);
    if (!error.empty()) {
        return usage_error(error);
    }
    rep.fail_on = *threshold;
    if (std::string e = add_rule_selection(flags.ignore, flags.only, policy); !e.empty()) {
        return usage_error(e);
    }
    if (std::string e = check_color_arg(flags.color); !e.empty()) {
        return usage_error(e);
    }

    auto source = std::make_shared<const util::SourceFile>("<command line>", command_text(command));
    input::run::ScriptScan parsed = input::run::scan_script_file(source, input::run::ScriptFlavor::shell);
    if (parsed.project.containers.empty()) {
        return usage_error(fmt::format("not a docker run/create command: {}", source->text()));
    }
    report::FileResult result =
        engine::judge_script(source, engine::InputContext{util::real_filesystem(), policy}, parsed);
    result.kind = "script";
    std::erase_if(result.findings, [&](const core::Finding& f) { return f.severity < *min_sev; });
    rep.files.push_back(std::move(result));

    report::RenderOptions ropts;
    bool to_stdout = output.empty() || output == "-";
    ropts.color = use_color(flags.color, flags.no_color, to_stdout);
    ropts.quiet = flags.quiet;
    std::unique_ptr<report::Renderer> r = renderer->make();
    int code = rep.exit_code();
    if (to_stdout) {
        r->render(rep, std::cout, ropts);
        std::cout.flush();
    } else {
        std::ofstream out(output, std::ios::binary);
        if (!out) {
            return usage_error(fmt::format("cannot write '{}'", output));
        }
        r->render(rep, out, ropts);
    }
    if (renderer->name != "text" || !to_stdout) {
        for (const core::Diagnostic& d : rep.files.front().diagnostics) {
            std::cerr << core::format_diagnostic(d, rep.files.front().source.get());
        }
    }
    return code;
}

}  // namespace bulwark::cli
