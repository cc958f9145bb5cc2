#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "bulwark/cli/app.hpp"
#include "bulwark/cli/clock.hpp"
#include "bulwark/cli/options.hpp"
#include "bulwark/engine/image_scan.hpp"
#include "bulwark/engine/policy_load.hpp"
#include "bulwark/report/renderer.hpp"

namespace bulwark::cli {

namespace {

constexpr uint64_t k_max_config_read = 16ULL * 1024 * 1024;  // for the caret under a config diagnostic

}  // namespace

int image_command(std::vector<std::string> args) {
    CLI::App app{"Audit built images: docker save archives, OCI layouts, or NAME[:TAG] in a local engine.",
                 "bulwark image"};
    std::vector<std::string> images;
    std::vector<std::string> formats;
    std::vector<std::string> outputs;
    ReportFlags flags;
    ConfigFlags config_flags;
    std::vector<std::string> selectors;
    std::string platform;
    input::image::EngineOptions engine_options;
    std::string today;
    int max_age = 90;
    bool show_suppressed = false;

    app.add_option(
           "images", images,
           "docker save archives (tar or tar.gz), OCI image layouts (directory or tar), or NAME[:TAG] "
           "of an image in the local engine")
        ->required();
    app.add_option(
        "-f,--format", formats,
        "Output format: text, json, sarif, junit, checkstyle, cyclonedx, spdx; FMT=PATH writes to a "
        "file; repeatable");
    app.add_option("-o,--output", outputs,
                   "File for the --format without its own =PATH (in order); - is stdout");
    add_report_flags(app, flags);
    add_config_flags(app, config_flags);
    app.add_option("--image", selectors,
                   "Image to scan in an archive holding several (docker save a b): NAME[:TAG] as in its "
                   "RepoTags, or @N for the N-th from 0; repeatable [every image]");
    app.add_option("--platform", platform,
                   "os/arch[/variant] to pick from a multi-platform index [the machine's, e.g. linux/amd64]");
    add_engine_flags(app, engine_options);
    app.add_option("--max-age", max_age, "Report images built more than this many days ago [90]");
    app.add_option("--today", today, "Date used for image age and end-of-life data, YYYY-MM-DD [today]");
    app.add_flag("--show-suppressed", show_suppressed, "Also list suppressed findings");
    if (std::optional<int> stop = parse_command_line(app, args)) {
        return *stop;
    }

    auto usage_error = [](const std::string& msg) {
        std::cerr << "bulwark image: " << msg << "\n";
        return 2;
    };
    std::string error;
    std::vector<OutputSpec> specs = output_specs(formats, outputs, error);
    if (!error.empty()) {
        return usage_error(error);
    }
    report::Report rep;
    rep.tool_version = BULWARK_VERSION;
    if (auto s = severity_arg(flags.fail_on, "--fail-on", error)) {
        rep.fail_on = *s;
    }
    auto min_sev = severity_arg(flags.min_severity, "--severity", error);
    if (!error.empty()) {
        return usage_error(error);
    }
    core::Policy policy;
    if (std::string e = add_rule_selection(flags.ignore, flags.only, policy); !e.empty()) {
        return usage_error(e);
    }
    if (std::string e = check_color_arg(flags.color); !e.empty()) {
        return usage_error(e);
    }
    if (max_age < 1) {
        return usage_error(fmt::format("--max-age {}: expected a number of days >= 1", max_age));
    }
    policy.image_max_age_days = max_age;
    if (!today.empty() && !valid_date(today)) {
        return usage_error(fmt::format("--today '{}': expected YYYY-MM-DD", today));
    }
    policy.today = today.empty() ? today_utc() : today;

    engine::ImageScanOptions options;
    options.platform = platform;
    options.docker_host = engine_options.host;
    options.tls = engine_options.tls;
    // .bulwark.yaml as for scan: found upward from an archive's or layout's directory (the current
    // directory for an engine image), or --config; one load per config file.
    const util::FileSystem& fs = util::real_filesystem();
    const config::TrustOptions trust = config_flags.trust();
    config::ConfigFinder finder(fs);
    std::map<std::string, core::Policy> policies;  // by config path, "" for none
    for (const std::string& image : images) {
        std::string where = fs.exists(image) ? image : std::string(".");
        std::optional<std::string> config_path =
            trust.explicit_config ? trust.explicit_config
                                  : finder.find(config::search_directory(fs, where), where);
        auto it = policies.find(config_path.value_or(""));
        if (it == policies.end()) {
            config::LoadedPolicy lp =
                engine::load_report_policy(fs, config_path, trust, policy, k_max_config_read, rep);
            it = policies.emplace(config_path.value_or(""), std::move(lp.policy)).first;
        }
        for (engine::ImageScanResult& scanned : engine::scan_images(image, options, selectors, it->second)) {
            if (min_sev && *min_sev != core::Severity::info) {
                std::erase_if(scanned.result.findings,
                              [&](const core::Finding& x) { return x.severity < *min_sev; });
            }
            rep.files.push_back(std::move(scanned.result));
        }
    }
    std::stable_sort(
        rep.files.begin(), rep.files.end(),
        [](const report::FileResult& a, const report::FileResult& b) { return a.path < b.path; });
    int code = rep.exit_code();
    if (!write_outputs(rep, specs, RenderFlags{flags.color, flags.no_color, flags.quiet, show_suppressed},
                       "bulwark image")) {
        code = 2;
    }
    return code;
}

}  // namespace bulwark::cli
