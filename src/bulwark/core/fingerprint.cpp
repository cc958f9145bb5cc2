#include "bulwark/core/fingerprint.hpp"

#include <fmt/format.h>

#include "bulwark/util/strings.hpp"

namespace bulwark::core {

std::string fingerprint(const Finding& finding) {
    // FNV-1a 64: tiny, stable across platforms and releases (std::hash is not).
    uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](std::string_view s) {
        for (char c : s) {
            h ^= static_cast<unsigned char>(c);
            h *= 1099511628211ULL;
        }
        h ^= 0xFFU;
        h *= 1099511628211ULL;
    };
    mix(finding.rule_id);
    mix(finding.location.file);
    mix(util::trim(finding.evidence));
    return fmt::format("{:016x}", h);
}

}  // namespace bulwark::core
