#include "bulwark/engine/inputs.hpp"

#include "bulwark/engine/discover.hpp"
#include "bulwark/engine/scan.hpp"

namespace bulwark::engine {

namespace {

report::FileResult scan_dockerfile_input(util::SourcePtr source, const InputContext& ctx) {
    return scan_dockerfile(std::move(source), ctx.policy);
}

const InputKind k_kinds[] = {
    {"dockerfile", is_dockerfile_name, scan_dockerfile_input},
};

}  // namespace

std::span<const InputKind> input_kinds() {
    return k_kinds;
}

const InputKind* kind_for_filename(std::string_view filename) {
    for (const InputKind& k : k_kinds) {
        if (k.claims(filename)) {
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
