#include "bulwark/engine/discover.hpp"

#include <unordered_set>

#include "bulwark/engine/inputs.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::engine {

bool is_dockerfile_name(std::string_view name) {
    return util::iequals(name, "dockerfile") || util::iequals(name, "containerfile") ||
           util::istarts_with(name, "dockerfile.") || util::istarts_with(name, "containerfile.") ||
           util::iends_with(name, ".dockerfile") || util::iends_with(name, ".containerfile");
}

namespace {
bool skipped(const std::string& path, const std::vector<std::string>& skip) {
    for (const std::string& glob : skip) {
        if (util::glob_match(glob, path)) {
            return true;
        }
        // Also try every suffix that starts at a path component: --skip 'vendor/*' skips a/vendor/x.
        for (size_t pos = path.find('/'); pos != std::string::npos; pos = path.find('/', pos + 1)) {
            if (util::glob_match(glob, std::string_view(path).substr(pos + 1))) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

Discovery discover(const util::FileSystem& fs, const std::vector<std::string>& paths,
                   const std::vector<std::string>& skip, const InputKind* forced_kind, bool all_kinds) {
    Discovery d;
    std::unordered_set<std::string> seen;
    const InputKind* dockerfile = find_input_kind("dockerfile");
    auto add = [&](const std::string& path, const std::string& root, const InputKind* kind) {
        if (seen.insert(path).second) {
            d.inputs.push_back(Input{path, root, kind});
        }
    };
    auto explicit_kind = [&](std::string_view path) {
        if (forced_kind != nullptr) {
            return forced_kind;
        }
        const InputKind* k = kind_for_path(path);
        return k != nullptr ? k : dockerfile;
    };
    for (const std::string& p : paths) {
        if (p == "-") {
            add(p, ".", forced_kind != nullptr ? forced_kind : dockerfile);
            continue;
        }
        const util::PathKind kind = fs.kind(p);
        if (kind == util::PathKind::missing) {
            d.diagnostics.push_back(core::Diagnostic{
                core::DiagLevel::error, core::Location{p, 0, 0, 0, 0, {}}, "no such file or directory"});
            continue;
        }
        if (kind != util::PathKind::directory) {
            if (!skipped(p, skip)) {
                add(p, p, explicit_kind(p));
            }
            continue;
        }
        for (const std::string& f : fs.walk(p, {".git", "node_modules"})) {
            const InputKind* k = kind_for_path(f);
            if (k != nullptr && (k->in_walk || all_kinds || k == forced_kind) &&
                (forced_kind == nullptr || k == forced_kind) && !skipped(f, skip)) {
                add(f, p, k);
            }
        }
    }
    return d;
}

}  // namespace bulwark::engine
