#include "bulwark/engine/compose_scan.hpp"

#include <fmt/format.h>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/engine/compose_suppress.hpp"
#include "bulwark/engine/context_scan.hpp"
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

/// Loads `files` merged in order as one project (with the automatic override when `merge_override`)
/// and runs the container rules on it; the result is the input `input`'s.
report::FileResult scan_project(const util::SourcePtr& input, const std::vector<util::SourcePtr>& files,
                                const InputContext& ctx, bool merge_override) {
    report::FileResult result;
    result.kind = "compose";
    result.path = input->path();
    result.source = input;
    input::compose::LoadOptions options;
    options.fs = &ctx.fs;
    options.environment = process_environment();
    options.merge_override = merge_override;
    options.max_file_size = ctx.max_file_size;
    input::compose::LoadResult loaded = input::compose::load_project(files, options);
    run_container_rules(loaded.project, ctx.policy, *input, result);
    result.diagnostics = std::move(loaded.diagnostics);
    apply_compose_suppressions(loaded, ctx.policy.today, result.findings, result.diagnostics);
    finish_findings(ctx.policy, result);
    return result;
}

/// An override file whose base file is not scanned: the project docker compose would run, the base
/// with this override merged onto it, reported in the override's result (or the override alone when
/// the base cannot be read), with a note that says so.
report::FileResult scan_override(util::SourcePtr source, const std::string& base, const InputContext& ctx) {
    util::ReadResult r = ctx.fs.read(base, ctx.max_file_size);
    if (!r.error.empty()) {
        report::FileResult result = scan_project(source, {source}, ctx, false);
        result.diagnostics.insert(
            result.diagnostics.begin(),
            core::Diagnostic{core::DiagLevel::warning, core::Location{source->path(), 0, 0, 0, 0, {}},
                             fmt::format("cannot read its base file {}: {}; scanned alone", base,
                                         core::read_error_text(r, ctx.max_file_size))});
        return result;
    }
    auto base_source = std::make_shared<const util::SourceFile>(base, std::move(r.data));
    report::FileResult result = scan_project(source, {base_source, source}, ctx, false);
    result.other_sources.push_back(base_source);
    result.diagnostics.insert(
        result.diagnostics.begin(),
        core::Diagnostic{core::DiagLevel::note, core::Location{source->path(), 0, 0, 0, 0, {}},
                         fmt::format("merged onto {} as docker compose does and reported here, since {} is "
                                     "not among the scanned files",
                                     base, base)});
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
    if (!base.empty() && (ctx.contexts == nullptr || !ctx.contexts->is_input(base))) {
        return scan_override(std::move(source), base, ctx);
    }
    if (!base.empty()) {  // the base's result reports both files
        report::FileResult result;
        result.kind = "compose";
        result.path = source->path();
        result.source = source;
        result.diagnostics.push_back(core::Diagnostic{
            core::DiagLevel::note, core::Location{source->path(), 0, 0, 0, 0, {}},
            fmt::format("merged into {} as docker compose does; its findings are reported there", base)});
        return result;
    }
    return scan_project(source, {source}, ctx, true);
}

report::FileResult scan_compose_files(const std::vector<std::string>& paths, const InputContext& ctx) {
    std::vector<util::SourcePtr> files;
    std::vector<core::Diagnostic> unreadable;
    for (const std::string& p : paths) {
        util::ReadResult r = ctx.fs.read(p, ctx.max_file_size);
        if (!r.error.empty()) {
            unreadable.push_back(core::unreadable_input(p, r, ctx.max_file_size));
            continue;
        }
        files.push_back(std::make_shared<const util::SourceFile>(p, std::move(r.data)));
    }
    report::FileResult result;
    if (!files.empty()) {
        result = scan_project(files.front(), files, ctx, false);
    } else {
        result.kind = "compose";
        result.path = paths.empty() ? std::string() : paths.front();
    }
    result.diagnostics.insert(result.diagnostics.begin(), unreadable.begin(), unreadable.end());
    return result;
}

}  // namespace bulwark::engine
