#pragma once
// Bytes tested eight at a time in a 64-bit word ("SIMD within a register"), for the scans that
// mostly find nothing: the parser's "anything to unquote?" and the renderers' "anything to escape?".
#include <cstdint>
#include <cstring>

namespace bulwark::util::swar {

inline constexpr uint64_t k_ones = 0x0101010101010101ULL;   // 0x01 in every byte
inline constexpr uint64_t k_highs = 0x8080808080808080ULL;  // 0x80 in every byte

/// The 8 bytes at `p` as one word (unaligned read).
inline uint64_t load(const char* p) {
    uint64_t w = 0;
    std::memcpy(&w, p, 8);
    return w;
}

/// The high bit of each byte of `w` that equals `b`. The borrow of the subtraction may also flag a
/// byte above a real match (in memory order: after it, on a little-endian machine), never one below
/// the lowest match: exact for "any?" and for the first match, not for which bytes match.
inline uint64_t bytes_equal(uint64_t w, uint8_t b) {
    uint64_t v = w ^ (k_ones * b);
    return (v - k_ones) & ~v & k_highs;
}

/// The high bit of each byte of `w` that equals `b`, and no other bit (no borrow between bytes):
/// for where a run of some bytes ends.
inline uint64_t bytes_equal_exact(uint64_t w, uint8_t b) {
    constexpr uint64_t k_low7 = 0x7F7F7F7F7F7F7F7FULL;
    uint64_t v = w ^ (k_ones * b);
    return ~(((v & k_low7) + k_low7) | v) & k_highs;
}

}  // namespace bulwark::util::swar
