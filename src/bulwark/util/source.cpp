#include "bulwark/util/source.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace bulwark::util {

namespace {
/// Bytes the line index scans per step.
constexpr size_t k_block = 64;
}  // namespace

SourceFile::SourceFile(std::string path, std::string text)
    : m_path(std::move(path)), m_text(std::move(text)) {
    const char* data = m_text.data();
    const size_t size = m_text.size();
    // Line starts are written through a raw pointer into a buffer sized for lines of ~32 bytes
    // (one allocation for most files), with room checked once per block, not per line.
    size_t capacity = size / 32 + k_block + 8;
    auto starts = std::make_unique_for_overwrite<size_t[]>(capacity);  // no zero fill
    size_t* out = starts.get();
    size_t count = 0;
    out[count++] = 0;
    auto room_for_block = [&] {
        if (count + k_block > capacity) {
            capacity = capacity * 2 + k_block;
            auto grown = std::make_unique_for_overwrite<size_t[]>(capacity);
            std::copy(out, out + count, grown.get());
            starts = std::move(grown);
            out = starts.get();
        }
    };
    size_t i = 0;
#if defined(__SSE2__)
    // Sixty-four bytes per step: lines are short, so a memchr() call per line costs more than the
    // scan itself.
    const __m128i newline = _mm_set1_epi8('\n');
    auto newlines = [&](size_t at) {
        __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
        return static_cast<uint64_t>(
            static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, newline))));
    };
    for (; i + k_block <= size; i += k_block) {
        uint64_t mask =
            newlines(i) | newlines(i + 16) << 16U | newlines(i + 32) << 32U | newlines(i + 48) << 48U;
        room_for_block();
        while (mask != 0) {
            out[count++] = i + static_cast<size_t>(std::countr_zero(mask)) + 1;
            mask &= mask - 1;
        }
    }
#endif
    room_for_block();
    for (; i < size; ++i) {
        if (data[i] == '\n') {
            room_for_block();
            out[count++] = i + 1;
        }
    }
    if (count > 1 && out[count - 1] == size) {
        --count;  // a final newline starts no line
    }
    m_line_starts.assign(out, out + count);
}

std::string_view SourceFile::line_text(uint32_t line) const {
    if (line == 0 || line > m_line_starts.size()) {
        return {};
    }
    size_t begin = m_line_starts[line - 1];
    // The next line's start follows this line's '\n'; the last line may end with one or not.
    size_t end = line < m_line_starts.size() ? m_line_starts[line] - 1 : m_text.size();
    if (line == m_line_starts.size() && end > begin && m_text[end - 1] == '\n') {
        --end;
    }
    if (end > begin && m_text[end - 1] == '\r') {
        --end;
    }
    return std::string_view(m_text).substr(begin, end - begin);
}

Position SourceFile::position(size_t offset) const {
    offset = std::min(offset, m_text.size());
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    size_t index = static_cast<size_t>(it - m_line_starts.begin()) - 1;
    size_t begin = m_line_starts[index];
    std::string_view prefix = std::string_view(m_text).substr(begin, offset - begin);
    return Position{static_cast<uint32_t>(index + 1), utf8_length(prefix) + 1};
}

uint32_t SourceFile::line_of(size_t offset) const {
    offset = std::min(offset, m_text.size());
    auto it = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), offset);
    return static_cast<uint32_t>(it - m_line_starts.begin());
}

uint32_t utf8_length(std::string_view s) {
    uint32_t n = 0;
    for (char c : s) {
        // Count every byte that is not a UTF-8 continuation byte.
        if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) {
            ++n;
        }
    }
    return n;
}

}  // namespace bulwark::util
