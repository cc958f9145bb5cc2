#include "bulwark/engine/context_scan.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "bulwark/engine/rule_run.hpp"
#include "bulwark/engine/suppress.hpp"
#include "bulwark/input/context/copies.hpp"
#include "bulwark/input/context/dockerignore.hpp"
#include "bulwark/input/dockerfile/analyzer.hpp"
#include "bulwark/input/dockerfile/parser.hpp"
#include "bulwark/rules/secrets/scanner.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

namespace {

namespace ctxin = input::context;

bool any_context_rule(const core::Policy& policy) {
    return std::any_of(rules::all_rules().begin(), rules::all_rules().end(), [&](const rules::Rule* r) {
        return r->check_context != nullptr && rule_enabled(*r, policy);
    });
}

/// `path` relative to `root` ('/'-separated), or "" when it is not below it.
std::string relative_to(const std::string& root, const std::string& path) {
    std::string p = std::filesystem::path(path).lexically_normal().generic_string();
    if (root == ".") {
        return util::starts_with(p, "/") || util::starts_with(p, "../") ? std::string() : p;
    }
    std::string prefix = root + "/";
    return util::starts_with(p, prefix) ? p.substr(prefix.size()) : std::string();
}

uint32_t line_of(std::string_view data, uint64_t offset) {
    offset = std::min<uint64_t>(offset, data.size());
    return 1 +
           static_cast<uint32_t>(std::count(data.begin(), data.begin() + static_cast<long>(offset), '\n'));
}

/// Reads a sent file and records the secrets in it (text files only: a NUL byte skips the file).
void scan_contents(const util::FileSystem& fs, const std::string& disk_path, model::ContextFile& f) {
    util::ReadResult r = fs.read(disk_path, k_context_read_cap);
    if (!r.error.empty() || r.data.find('\0') != std::string::npos) {
        return;
    }
    for (const rules::secrets::SecretMatch& m : rules::secrets::SecretScanner::builtin().scan(r.data)) {
        f.secrets.push_back(model::ContextSecret{std::string(m.id), std::string(m.name), m.severity,
                                                 line_of(r.data, m.begin), m.preview});
    }
}

}  // namespace

void scan_build_context(const util::SourcePtr& source, const InputContext& ctx, report::FileResult& result) {
    const std::string& path = source->path();
    if (!any_context_rule(ctx.policy) || !ctx.fs.exists(path) || ctx.fs.is_directory(path)) {
        return;
    }
    model::BuildContext bc;
    std::filesystem::path dockerfile(path);
    std::string root = dockerfile.parent_path().lexically_normal().generic_string();
    if (root.empty()) {
        root = ".";
    }
    while (root.size() > 1 && root.back() == '/') {
        root.pop_back();
    }
    bc.root = root;
    bc.dockerfile = relative_to(root, path);

    // Dockerfile.dockerignore next to the Dockerfile wins over the context's .dockerignore.
    for (const std::string& candidate :
         {path + ".dockerignore", root == "." ? std::string(".dockerignore") : root + "/.dockerignore"}) {
        if (!ctx.fs.exists(candidate) || ctx.fs.is_directory(candidate)) {
            continue;
        }
        util::ReadResult r = ctx.fs.read(candidate, 16ULL * 1024 * 1024);
        if (!r.error.empty()) {
            result.diagnostics.push_back(core::Diagnostic{
                core::DiagLevel::error, core::Location{candidate, 0, 0, 0, 0, {}},
                fmt::format("cannot read ignore file: {}; build context not analysed", r.error)});
            return;
        }
        bc.ignore_file = std::make_shared<const util::SourceFile>(candidate, std::move(r.data));
        break;
    }
    ctxin::IgnoreFile ignore;
    if (bc.ignore_file != nullptr) {
        ignore = ctxin::parse_dockerignore(bc.ignore_file);
        if (!ignore.valid()) {
            for (core::Diagnostic& d : ignore.diagnostics) {
                d.message += "; build context not analysed";
                result.diagnostics.push_back(std::move(d));
            }
            result.other_sources.push_back(bc.ignore_file);
            return;
        }
        for (const ctxin::IgnorePattern& p : ignore.patterns) {
            bc.ignore_rules.push_back(p.rule);
        }
    }

    std::string git = root == "." ? ".git" : root + "/.git";
    bc.has_git = ctx.fs.exists(git);
    bc.git_ignored = bc.has_git && ctxin::match_path(ignore, ".git").excluded;
    std::vector<std::string> walked = ctx.fs.walk(root, {".git"});
    uint64_t read_budget = 64ULL * 1024 * 1024;
    for (const std::string& disk_path : walked) {
        if (bc.files.size() >= k_context_file_cap) {
            bc.truncated = true;
            break;
        }
        std::string rel = relative_to(root, disk_path);
        if (rel.empty()) {
            continue;
        }
        model::ContextFile f;
        f.path = rel;
        ctxin::IgnoreVerdict v = ctxin::match_path(ignore, rel);
        f.ignored = v.excluded;
        f.ignore_rule = v.pattern;
        if (!f.ignored && rel != bc.dockerfile && read_budget > 0) {
            read_budget -= std::min(read_budget, k_context_read_cap);
            scan_contents(ctx.fs, disk_path, f);
        }
        bc.files.push_back(std::move(f));
    }
    if (bc.truncated) {
        result.diagnostics.push_back(core::Diagnostic{
            core::DiagLevel::note, core::Location{path, 0, 0, 0, 0, {}},
            fmt::format("build context {} has more than {} files: only the first {} were checked", root,
                        k_context_file_cap, k_context_file_cap)});
    }

    model::Dockerfile df = input::dockerfile::parse(source);
    input::dockerfile::analyze(df,
                               input::dockerfile::AnalyzeOptions{ctx.policy.build_args, ctx.policy.target});
    ctxin::resolve_copies(df, bc);

    std::vector<core::Finding> findings;
    for (const rules::Rule* rule : rules::all_rules()) {
        if (rule->check_context != nullptr && rule_enabled(*rule, ctx.policy)) {
            rules::Reporter reporter(*rule, *source, findings);
            rule->check_context(rules::ContextContext{df, bc, ctx.policy}, reporter);
        }
    }
    if (findings.empty()) {
        return;
    }
    std::vector<core::Diagnostic> repeated;  // comment problems were reported by the Dockerfile scan
    apply_inline_suppressions(df, ctx.policy.today, findings, repeated);
    std::move(findings.begin(), findings.end(), std::back_inserter(result.findings));
    finish_findings(ctx.policy, result);
}

}  // namespace bulwark::engine
