#include "bulwark/core/fingerprint.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "bulwark/util/strings.hpp"

namespace bulwark::core {

namespace {

// FNV-1a 64: tiny, stable across platforms and releases (std::hash is not).
constexpr uint64_t k_offset = 1469598103934665603ULL;
constexpr uint64_t k_prime = 1099511628211ULL;

/// Hashes the bytes of `s` into `h`. Unrolled: a JSON report hashes every finding's file path and
/// evidence line.
uint64_t hash_bytes(uint64_t h, std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    size_t n = s.size();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        h = (h ^ p[i]) * k_prime;
        h = (h ^ p[i + 1]) * k_prime;
        h = (h ^ p[i + 2]) * k_prime;
        h = (h ^ p[i + 3]) * k_prime;
        h = (h ^ p[i + 4]) * k_prime;
        h = (h ^ p[i + 5]) * k_prime;
        h = (h ^ p[i + 6]) * k_prime;
        h = (h ^ p[i + 7]) * k_prime;
    }
    for (; i < n; ++i) {
        h = (h ^ p[i]) * k_prime;
    }
    return h;
}

/// Hashes the bytes of `s` into `h`, then a 0xFF separator.
uint64_t mix(uint64_t h, std::string_view s) {
    return (hash_bytes(h, s) ^ 0xFFU) * k_prime;
}

/// The hash states after each rule id and the file path, for the file whose findings were hashed
/// last on this thread: a report hashes a file's findings together, from a few dozen rules. Also
/// the states after each rule id and the path's directory (FNV-1a reads bytes in order, so the
/// state after a prefix is a point on the way): files of one directory come together, and the
/// directory is most of a path.
struct Prefixes {
    struct Entry {
        uint64_t packed;  // an id of at most 8 bytes, zero-padded: compared as one word
        std::string rule_id;
        uint64_t h;
    };
    std::string file;
    std::vector<Entry> by_rule;         // after the id, its separator, `file` and its separator
    std::string dir;                    // `file` up to and including its last '/'
    std::vector<Entry> by_rule_in_dir;  // after the id, its separator and `dir`

    static uint64_t pack(std::string_view id) {
        uint64_t w = 0;
        std::memcpy(&w, id.data(), std::min<size_t>(id.size(), sizeof(w)));
        return w;
    }

    static const Entry* find(const std::vector<Entry>& entries, const std::string& id, uint64_t packed) {
        for (const Entry& e : entries) {
            if (e.packed == packed &&
                (id.size() <= sizeof(packed) ? e.rule_id.size() == id.size() : e.rule_id == id)) {
                return &e;
            }
        }
        return nullptr;
    }

    uint64_t get(const Finding& f) {
        const std::string& path = f.location.file;
        if (path != file) {
            file = path;
            by_rule.clear();
            size_t slash = path.rfind('/');
            std::string_view directory =
                slash == std::string::npos ? std::string_view() : std::string_view(path).substr(0, slash + 1);
            if (directory != dir) {
                dir = directory;
                by_rule_in_dir.clear();
            }
        }
        const std::string& id = f.rule_id;
        const uint64_t packed = pack(id);
        if (const Entry* e = find(by_rule, id, packed)) {
            return e->h;
        }
        uint64_t in_dir = 0;
        if (const Entry* e = find(by_rule_in_dir, id, packed)) {
            in_dir = e->h;
        } else {
            in_dir = hash_bytes(mix(k_offset, id), dir);
            by_rule_in_dir.push_back(Entry{packed, id, in_dir});
        }
        uint64_t h = mix(in_dir, std::string_view(path).substr(dir.size()));
        by_rule.push_back(Entry{packed, id, h});
        return h;
    }
};

}  // namespace

FingerprintText fingerprint_text(const Finding& finding) {
    thread_local Prefixes prefixes;
    uint64_t h = mix(prefixes.get(finding), util::trim(finding.evidence));
    // Two hex digits per byte of the hash, from a table: every finding of a report has one.
    static constexpr auto k_pairs = [] {
        constexpr char k_hex[] = "0123456789abcdef";
        std::array<char, 512> pairs{};
        for (size_t b = 0; b < 256; ++b) {
            pairs[2 * b] = k_hex[b >> 4U];
            pairs[2 * b + 1] = k_hex[b & 0xfU];
        }
        return pairs;
    }();
    FingerprintText out{};
    for (size_t i = 8; i-- > 0; h >>= 8U) {
        std::memcpy(out.hex + 2 * i, &k_pairs[2 * (h & 0xffU)], 2);
    }
    return out;
}

std::string fingerprint(const Finding& finding) {
    return std::string(fingerprint_text(finding).view());
}

}  // namespace bulwark::core
