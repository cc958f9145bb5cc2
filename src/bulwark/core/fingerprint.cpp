#include "bulwark/core/fingerprint.hpp"

#include <string_view>

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
    static constexpr std::string_view k_hex = "0123456789abcdef";
    std::string out(16, '0');
    for (size_t i = 16; i-- > 0; h >>= 4U) {
        out[i] = k_hex[h & 0xfU];
    }
    return out;
}

}  // namespace bulwark::core
