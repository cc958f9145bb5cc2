#pragma once
// Finding the next byte an escaper must look at: most text in reports is plain ASCII, which the
// JSON and XML escapers copy in runs, skipping it 16 bytes (SSE2) or 8 bytes (SWAR) at a time.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "bulwark/util/swar.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bulwark::report::detail {

namespace ascii_scan {

/// Whether `c` is printable ASCII (0x20-0x7e) and none of `Special`.
template <char... Special>
constexpr bool plain(char c) {
    return c >= 0x20 && c < 0x7f && ((c != Special) && ...);
}

/// Whether any of the 8 bytes of `w` is not plain<Special...>.
template <char... Special>
bool word_has_unplain(uint64_t w) {
    using util::swar::k_highs;
    using util::swar::k_ones;
    uint64_t below_space = (w - k_ones * 0x20) & ~w & k_highs;                // bytes < 0x20 (high bit clear)
    uint64_t high_or_del = (w | ((w & ~k_highs) + k_ones * 0x01)) & k_highs;  // >= 0x80, or 0x7f
    return (below_space | high_or_del |
            (util::swar::bytes_equal(w, static_cast<uint8_t>(Special)) | ... | uint64_t{0})) != 0;
}

#if defined(__SSE2__)
/// Bit i set when byte i of `v` is not plain<Special...>.
template <char... Special>
unsigned unplain_mask16(__m128i v) {
    // Signed compare: bytes 0x80-0xff are negative, so "below 0x20" catches them too.
    __m128i m = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
    ((m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(Special)))), ...);
    return static_cast<unsigned>(_mm_movemask_epi8(m));
}

/// Bit i set when byte i of the 16 at `p` is not plain<Special...>.
template <char... Special>
unsigned unplain_mask16(const char* p) {
    return unplain_mask16<Special...>(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)));
}
#endif

}  // namespace ascii_scan

/// The offset of the first byte of `s` that is not printable ASCII or is one of `Special`, or s.size().
template <char... Special>
size_t first_unplain(std::string_view s) {
    const char* p = s.data();
    size_t n = s.size();
    size_t i = 0;
#if defined(__SSE2__)
    if (n >= 16) {
        for (; i + 16 <= n; i += 16) {
            if (unsigned m = ascii_scan::unplain_mask16<Special...>(p + i); m != 0) {
                return i + static_cast<size_t>(__builtin_ctz(m));
            }
        }
        if (i == n) {
            return n;
        }
        // The last 16 bytes, overlapping bytes already known plain.
        unsigned m = ascii_scan::unplain_mask16<Special...>(p + n - 16);
        return m != 0 ? n - 16 + static_cast<size_t>(__builtin_ctz(m)) : n;
    }
#endif
    for (; i + 8 <= n; i += 8) {
        if (ascii_scan::word_has_unplain<Special...>(util::swar::load(p + i))) {
            break;
        }
    }
    while (i < n && ascii_scan::plain<Special...>(p[i])) {
        ++i;
    }
    return i;
}

}  // namespace bulwark::report::detail
