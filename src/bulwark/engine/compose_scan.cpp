#include "bulwark/engine/compose_scan.hpp"

#include <fmt/format.h>

#include "bulwark/engine/compose_suppress.hpp"
#include "bulwark/engine/rule_run.hpp"
#include "bulwark/input/compose/loader.hpp"
#include "bulwark/util/strings.hpp"

extern char** environ;  // NOLINT: POSIX

namespace bulwark::engine {

namespace {

/// The process environment, read once: interpolation falls back to it like docker compose does.
const input::compose::Environment& process_environment() {
    static const input::compose::Environment env = [] {
        input::compose::Environment out;
        for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
            std::string_view kv(*e);
            size_t eq = kv.find('=');
            if (eq != std::string_view::npos && eq > 0) {
                out.emplace(std::string(kv.substr(0, eq)), std::string(kv.substr(eq + 1)));
            }
        }
        return out;
    }();
    return env;
}

report::FileResult scan_project(const std::vector<util::SourcePtr>& files, const InputContext& ctx,
                                bool merge_override, uint64_t max_file_size) {
    report::FileResult result;
    result.kind = "compose";
    result.path = files.front()->path();
    result.source = files.front();
    input::compose::LoadOptions options;
    options.fs = &ctx.fs;
    options.environment = process_environment();
    options.merge_override = merge_override;
    options.max_file_size = max_file_size;
    input::compose::LoadResult loaded = input::compose::load_project(files, options);
    run_container_rules(loaded.project, ctx.policy, *files.front(), result);
    result.diagnostics = std::move(loaded.diagnostics);
    apply_compose_suppressions(loaded, ctx.policy.today, result.findings, result.diagnostics);
    finish_findings(ctx.policy, result);
    return result;
}

}  // namespace

bool claims_compose(std::string_view path) {
    std::string_view name = filename_of(path);
    // Every compose name ends in .yaml or .yml: the rest need no lower-cased copy.
    return (util::iends_with(name, ".yaml") || util::iends_with(name, ".yml")) &&
           input::compose::is_compose_name(name);
}

report::FileResult scan_compose(util::SourcePtr source, const InputContext& ctx) {
    std::string base = input::compose::find_override_base(ctx.fs, source->path());
    if (!base.empty()) {
        report::FileResult result;
        result.kind = "compose";
        result.path = source->path();
        result.source = source;
        result.diagnostics.push_back(core::Diagnostic{
            core::DiagLevel::note, core::Location{source->path(), 0, 0, 0, 0, {}},
            fmt::format("merged into {} as docker compose does; its findings are reported there", base)});
        return result;
    }
    return scan_project({std::move(source)}, ctx, true, 16ULL * 1024 * 1024);
}

report::FileResult scan_compose_files(const std::vector<std::string>& paths, const InputContext& ctx,
                                      uint64_t max_file_size) {
    std::vector<util::SourcePtr> files;
    std::vector<core::Diagnostic> unreadable;
    for (const std::string& p : paths) {
        util::ReadResult r = ctx.fs.read(p, max_file_size);
        if (!r.error.empty()) {
            unreadable.push_back(core::Diagnostic{core::DiagLevel::error, core::Location{p, 0, 0, 0, 0, {}},
                                                  fmt::format("cannot read compose file: {}", r.error)});
            continue;
        }
        files.push_back(std::make_shared<const util::SourceFile>(p, std::move(r.data)));
    }
    report::FileResult result;
    if (!files.empty()) {
        result = scan_project(files, ctx, false, max_file_size);
    } else {
        result.kind = "compose";
        result.path = paths.empty() ? std::string() : paths.front();
    }
    result.diagnostics.insert(result.diagnostics.begin(), unreadable.begin(), unreadable.end());
    return result;
}

}  // namespace bulwark::engine
