#include "bulwark/engine/inputs.hpp"

#include <cstring>

#include "bulwark/engine/compose_scan.hpp"
#include "bulwark/engine/context_scan.hpp"
#include "bulwark/engine/daemon_scan.hpp"
#include "bulwark/engine/discover.hpp"
#include "bulwark/engine/scan.hpp"
#include "bulwark/engine/script_scan.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::engine {

namespace {

bool claims_dockerfile(std::string_view path) {
    return model::is_dockerfile_name(filename_of(path));
}

report::FileResult scan_dockerfile_input(util::SourcePtr source, const InputContext& ctx) {
    model::Dockerfile df;
    InlineSuppressions suppressions;  // read once, for the findings of both passes
    report::FileResult result = scan_dockerfile(source, ctx.policy, df, suppressions);
    scan_build_context(source, df, ctx, result, &suppressions);  // the files `docker build` would send
    return result;
}

const InputKind k_kinds[] = {
    {"dockerfile", claims_dockerfile, scan_dockerfile_input},
    {"compose", claims_compose, scan_compose},
    {"daemon", claims_daemon_json, scan_daemon_json},
    {"dockerd", claims_dockerd, scan_dockerd},
    {"seccomp", claims_seccomp, scan_seccomp},
    {"script", claims_script, scan_script},
    {"markdown", claims_markdown, scan_markdown, false},
};

}  // namespace

std::span<const InputKind> input_kinds() {
    return k_kinds;
}

std::string_view filename_of(std::string_view path) {
    // memrchr: paths are long and the name short, and a byte loop from the end costs more.
    const void* slash = path.empty() ? nullptr : ::memrchr(path.data(), '/', path.size());
    return slash == nullptr
               ? path
               : path.substr(static_cast<size_t>(static_cast<const char*>(slash) - path.data()) + 1);
}

const InputKind* kind_for_path(std::string_view path) {
    for (const InputKind& k : k_kinds) {
        if (k.claims(path)) {
            return &k;
        }
    }
    return nullptr;
}

const InputKind* find_input_kind(std::string_view name) {
    for (const InputKind& k : k_kinds) {
        if (k.name == name) {
            return &k;
        }
    }
    return nullptr;
}

}  // namespace bulwark::engine
