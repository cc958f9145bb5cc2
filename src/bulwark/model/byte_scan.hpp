#pragma once
// Finding any of a few bytes in a string eight bytes at a time (for the parser's and the
// expander's "is there anything to do here?" checks, which mostly answer no).
#include <array>
#include <bit>
#include <cstdint>
#include <string_view>

#include "bulwark/util/swar.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bulwark::model {

/// The offset of the first of `bytes` in `text` at or after `from`, or text.size(). (string_view's
/// find_first_of calls memchr once per character of `text`; this tests sixteen bytes at a time with
/// SSE2, then a word at a time, every byte of it at once; the lowest byte bytes_equal flags is
/// always a real match, so the first hit's position is exact.)
template <size_t N>
size_t find_any_byte(std::string_view text, size_t from, const std::array<char, N>& bytes) {
    size_t i = from;
#if defined(__SSE2__)
    // Sixteen bytes per step: one compare per byte value for the whole block.
    for (; i + 16 <= text.size(); i += 16) {
        __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
        __m128i hit = _mm_setzero_si128();
        for (char b : bytes) {
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(block, _mm_set1_epi8(b)));
        }
        if (auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit)); mask != 0) {
            return i + static_cast<size_t>(std::countr_zero(mask));
        }
    }
#endif
    if constexpr (std::endian::native == std::endian::little) {
        for (; i + 8 <= text.size(); i += 8) {
            uint64_t w = util::swar::load(text.data() + i);
            uint64_t hit = 0;
            for (char b : bytes) {
                hit |= util::swar::bytes_equal(w, static_cast<uint8_t>(b));
            }
            if (hit != 0) {
                return i + static_cast<size_t>(std::countr_zero(hit)) / 8;
            }
        }
    }
    for (; i < text.size(); ++i) {
        for (char b : bytes) {
            if (text[i] == b) {
                return i;
            }
        }
    }
    return text.size();
}

/// True when `text` contains one of `bytes`.
template <size_t N>
bool contains_any_byte(std::string_view text, const std::array<char, N>& bytes) {
    return find_any_byte(text, 0, bytes) != text.size();
}

}  // namespace bulwark::model
