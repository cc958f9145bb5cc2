#include "bulwark/engine/daemon_scan.hpp"

#include "bulwark/engine/rule_run.hpp"
#include "bulwark/input/daemon/parser.hpp"
#include "bulwark/input/seccomp/parser.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

namespace {

report::FileResult scan_daemon(util::SourcePtr source, const InputContext& ctx,
                               input::daemon::ParseResult parsed, std::string_view kind) {
    report::FileResult r;
    r.path = source->path();
    r.kind = std::string(kind);
    r.diagnostics = std::move(parsed.diagnostics);
    if (parsed.ok) {
        run_daemon_rules(parsed.spec, ctx.policy, *source, r);
    }
    finish_findings(ctx.policy, r);
    r.source = std::move(source);
    return r;
}

/// True when `path` is `suffix` or ends with "/" + `suffix`.
bool path_ends_with(std::string_view path, std::string_view suffix) {
    return path == suffix || (util::ends_with(path, suffix) && path[path.size() - suffix.size() - 1] == '/');
}

}  // namespace

bool claims_daemon_json(std::string_view path) {
    return filename_of(path) == "daemon.json";
}

bool claims_dockerd(std::string_view path) {
    std::string_view name = filename_of(path);
    if (name == "docker.service") {
        return true;
    }
    std::string_view dir = path.substr(0, path.size() - name.size());
    if (util::ends_with(name, ".conf") &&
        (dir == "docker.service.d/" || util::ends_with(dir, "/docker.service.d/"))) {
        return true;
    }
    return path_ends_with(path, "default/docker") || path_ends_with(path, "sysconfig/docker");
}

bool claims_seccomp(std::string_view path) {
    std::string_view name = filename_of(path);
    return util::iends_with(name, ".json") && util::icontains(name, "seccomp");
}

report::FileResult scan_daemon_json(util::SourcePtr source, const InputContext& ctx) {
    input::daemon::ParseResult parsed = input::daemon::parse_daemon_json(source);
    return scan_daemon(std::move(source), ctx, std::move(parsed), "daemon");
}

report::FileResult scan_dockerd(util::SourcePtr source, const InputContext& ctx) {
    input::daemon::ParseResult parsed = input::daemon::parse_dockerd_config(source);
    return scan_daemon(std::move(source), ctx, std::move(parsed), "dockerd");
}

report::FileResult scan_seccomp(util::SourcePtr source, const InputContext& ctx) {
    input::seccomp::ParseResult parsed = input::seccomp::parse_profile(source);
    report::FileResult r;
    r.path = source->path();
    r.kind = "seccomp";
    r.diagnostics = std::move(parsed.diagnostics);
    if (parsed.ok) {
        run_seccomp_rules(parsed.profile, ctx.policy, *source, r);
    }
    finish_findings(ctx.policy, r);
    r.source = std::move(source);
    return r;
}

}  // namespace bulwark::engine
