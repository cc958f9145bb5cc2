#pragma once
// Finding any of a few bytes in a string eight bytes at a time (for the parser's and the
// expander's "is there anything to do here?" checks, which mostly answer no).
#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace bulwark::model {

/// True when `text` contains one of `bytes`. (string_view::find_first_of calls memchr once per
/// character of `text`; this reads a word at a time and tests every byte of it at once.)
template <size_t N>
bool contains_any_byte(std::string_view text, const std::array<char, N>& bytes) {
    constexpr uint64_t k_ones = 0x0101010101010101ULL;
    constexpr uint64_t k_highs = k_ones * 0x80;
    std::array<uint64_t, N> patterns{};
    for (size_t k = 0; k < N; ++k) {
        patterns[k] = k_ones * static_cast<unsigned char>(bytes[k]);
    }
    size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        uint64_t x = 0;
        std::memcpy(&x, text.data() + i, 8);
        uint64_t hit = 0;
        for (uint64_t p : patterns) {
            uint64_t v = x ^ p;  // a zero byte where x has the byte; the test below is exact
            hit |= (v - k_ones) & ~v & k_highs;
        }
        if (hit != 0) {
            return true;
        }
    }
    for (; i < text.size(); ++i) {
        for (char b : bytes) {
            if (text[i] == b) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace bulwark::model
