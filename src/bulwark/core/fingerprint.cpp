#include "bulwark/core/fingerprint.hpp"

#include <cstdint>
#include <string_view>

#include "bulwark/util/strings.hpp"

namespace bulwark::core {

namespace {

// FNV-1a 64: tiny, stable across platforms and releases (std::hash is not).
constexpr uint64_t k_offset = 1469598103934665603ULL;
constexpr uint64_t k_prime = 1099511628211ULL;

/// Hashes the bytes of `s` into `h`, then a 0xFF separator. Unrolled: a JSON report hashes every
/// finding's file path and evidence line.
uint64_t mix(uint64_t h, std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        h = (h ^ p[i]) * k_prime;
        h = (h ^ p[i + 1]) * k_prime;
        h = (h ^ p[i + 2]) * k_prime;
        h = (h ^ p[i + 3]) * k_prime;
    }
    for (; i < n; ++i) {
        h = (h ^ p[i]) * k_prime;
    }
    return (h ^ 0xFFU) * k_prime;
}

/// The hash state after the rule id and the file path of the last finding hashed on this thread:
/// a file's findings share the path, and often the rule.
struct Prefix {
    std::string rule_id;
    std::string file;
    uint64_t h = 0;
};

}  // namespace

std::string fingerprint(const Finding& finding) {
    thread_local Prefix last;
    uint64_t h;
    if (last.h != 0 && last.rule_id == finding.rule_id && last.file == finding.location.file) {
        h = last.h;
    } else {
        h = mix(mix(k_offset, finding.rule_id), finding.location.file);
        last.rule_id = finding.rule_id;
        last.file = finding.location.file;
        last.h = h;
    }
    h = mix(h, util::trim(finding.evidence));
    static constexpr std::string_view k_hex = "0123456789abcdef";
    std::string out(16, '0');
    for (size_t i = 16; i-- > 0; h >>= 4U) {
        out[i] = k_hex[h & 0xfU];
    }
    return out;
}

}  // namespace bulwark::core
