#include "bulwark/engine/script_scan.hpp"

#include "bulwark/engine/rule_run.hpp"
#include "bulwark/engine/script_suppress.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

namespace {

report::FileResult scan_as(const util::SourcePtr& source, const InputContext& ctx,
                           input::run::ScriptFlavor flavor) {
    return judge_script(source, ctx, input::run::scan_script_file(source, flavor));
}

}  // namespace

report::FileResult judge_script(const util::SourcePtr& source, const InputContext& ctx,
                                const input::run::ScriptScan& scan) {
    report::FileResult result;
    result.path = source->path();
    result.source = source;
    for (const input::run::RunWarning& w : scan.warnings) {
        result.diagnostics.push_back(
            core::make_diagnostic(core::DiagLevel::warning, *source, w.range.begin, w.message));
    }
    run_container_rules(scan.project, ctx.policy, *source, result);
    apply_script_suppressions(*source, ctx.policy.today, result.findings, result.diagnostics);
    finish_findings(ctx.policy, result);
    return result;
}

bool claims_script(std::string_view path) {
    std::string_view name = filename_of(path);
    if (util::iends_with(name, ".sh") || util::iends_with(name, ".bash") || util::iequals(name, "makefile") ||
        util::iequals(name, "gnumakefile") || util::iends_with(name, ".mk") ||
        util::iequals(name, ".gitlab-ci.yml")) {
        return true;
    }
    bool yaml = util::iends_with(name, ".yml") || util::iends_with(name, ".yaml");
    return yaml && (util::starts_with(path, ".github/workflows/") ||
                    path.find("/.github/workflows/") != std::string_view::npos);
}

bool claims_markdown(std::string_view path) {
    std::string_view name = filename_of(path);
    return util::iends_with(name, ".md") || util::iends_with(name, ".markdown");
}

report::FileResult scan_script(util::SourcePtr source, const InputContext& ctx) {
    input::run::ScriptFlavor flavor = input::run::flavor_for_path(source->path());
    if (flavor == input::run::ScriptFlavor::markdown) {
        flavor = input::run::ScriptFlavor::shell;  // `--kind script README.md`: read as a script
    }
    return scan_as(source, ctx, flavor);
}

report::FileResult scan_markdown(util::SourcePtr source, const InputContext& ctx) {
    return scan_as(source, ctx, input::run::ScriptFlavor::markdown);
}

}  // namespace bulwark::engine
