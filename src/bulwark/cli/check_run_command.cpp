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
#include "bulwark/engine/inputs.hpp"
#include "bulwark/input/run/script.hpp"
#include "bulwark/report/renderer.hpp"
#include "bulwark/rules/rule.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::cli {

namespace {

/// `word` quoted for a POSIX shell when it needs quoting.
std::string shell_quote(std::string_view word) {
    bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return (std::isalnum(static_cast<unsigned char>(c)) != 0) ||
               std::string_view("_@%+=:,./-[]").find(c) != std::string_view::npos;
    });
    if (plain) {
        return std::string(word);
    }
    std::string out = "'";
    for (char c : word) {
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return out + "'";
}

/// The command line to check: one argument is a shell line as written; several are joined with
/// quoting. A line starting with `run`/`create`/`container` gets `docker ` in front.
std::string command_text(const std::vector<std::string>& words) {
    std::string text;
    if (words.size() == 1) {
        text = words.front();
    } else {
        for (const std::string& w : words) {
            text += (text.empty() ? "" : " ") + shell_quote(w);
        }
    }
    std::string_view t = util::trim(text);
    std::string_view first = t.substr(0, t.find_first_of(" \t\n"));
    if (first == "run" || first == "create" || first == "container") {
        text = "docker " + std::string(t);
    }
    return text;
}

std::vector<std::string> resolve_ids(const std::string& id) {
    if (const rules::Rule* r = rules::find_rule(id)) {
        return {std::string(r->id)};
    }
    std::vector<std::string> out;
    for (const rules::Rule* r : rules::rules_equivalent_to(id)) {
        out.emplace_back(r->id);
    }
    return out;
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
    std::string fail_on = "medium";
    std::string min_severity = "info";
    std::vector<std::string> ignore;
    std::vector<std::string> only;
    std::string color = "auto";
    bool no_color = false;
    bool quiet = false;
    app.add_option("command", positional, "The command line as one quoted argument (or give it after --)");
    app.add_option("-f,--format", format, "Output format: text, json, sarif, junit, checkstyle [text]");
    app.add_option("-o,--output", output, "Write the output to this file [stdout]");
    app.add_option("--fail-on", fail_on,
                   "Exit 1 when a finding has at least this severity, or 'none' [medium]");
    app.add_option("--severity", min_severity, "Report only findings of at least this severity [info]");
    app.add_option("--ignore", ignore, "Disable a rule id (repeatable)");
    app.add_option("--only", only, "Run only this rule id (repeatable)");
    app.add_option("--color", color, "auto, always or never [auto: only on a terminal]");
    app.add_flag("--no-color", no_color, "Same as --color never");
    app.add_flag("-q,--quiet", quiet, "Text output: findings and errors only, no summary");
    for (CLI::Option* opt : app.get_options()) {
        if (!opt->get_positional()) {
            opt->allow_extra_args(false);
        }
    }
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    try {
        app.parse(reversed);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
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
    if (fail_on == "none") {
        rep.fail_on = static_cast<core::Severity>(static_cast<int>(core::Severity::critical) + 1);
    } else if (auto s = core::parse_severity(fail_on)) {
        rep.fail_on = *s;
    } else {
        return usage_error(fmt::format(
            "--fail-on: '{}' is not a severity (info, low, medium, high, critical, none)", fail_on));
    }
    std::optional<core::Severity> min_sev = core::parse_severity(min_severity);
    if (!min_sev) {
        return usage_error(fmt::format("--severity: '{}' is not a severity", min_severity));
    }
    for (auto [ids, into, flag] : {std::tuple{&ignore, &policy.disabled_rules, "--ignore"},
                                   std::tuple{&only, &policy.enabled_rules, "--only"}}) {
        for (const std::string& id : *ids) {
            std::vector<std::string> resolved = resolve_ids(id);
            if (resolved.empty()) {
                return usage_error(
                    fmt::format("{} {}: no rule with that id (see 'bulwark rules')", flag, id));
            }
            into->insert(resolved.begin(), resolved.end());
        }
    }
    if (color != "auto" && color != "always" && color != "never") {
        return usage_error(fmt::format("--color '{}': expected auto, always or never", color));
    }

    auto source = std::make_shared<const util::SourceFile>("<command line>", command_text(command));
    if (input::run::scan_script_file(source, input::run::ScriptFlavor::shell).project.containers.empty()) {
        return usage_error(fmt::format("not a docker run/create command: {}", source->text()));
    }
    const engine::InputKind* kind = engine::find_input_kind("script");
    report::FileResult result = kind->scan(source, engine::InputContext{util::real_filesystem(), policy});
    result.kind = "script";
    std::erase_if(result.findings, [&](const core::Finding& f) { return f.severity < *min_sev; });
    rep.files.push_back(std::move(result));

    report::RenderOptions ropts;
    bool to_stdout = output.empty() || output == "-";
    ropts.color = color == "always" || (color == "auto" && !no_color && to_stdout &&
                                        isatty(STDOUT_FILENO) != 0 && std::getenv("NO_COLOR") == nullptr);
    ropts.quiet = quiet;
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
