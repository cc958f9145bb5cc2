#include "bulwark/util/source.hpp"

#include <algorithm>
#include <cstring>

namespace bulwark::util {

SourceFile::SourceFile(std::string path, std::string text)
    : m_path(std::move(path)), m_text(std::move(text)) {
    const char* data = m_text.data();
    const size_t size = m_text.size();
    // Room for lines of ~40 bytes up front: one allocation for most files, not one per doubling.
    m_line_starts.reserve(size / 40 + 8);
    m_line_starts.push_back(0);
    for (size_t i = 0; i < size;) {
        const void* nl = std::memchr(data + i, '\n', size - i);
        if (nl == nullptr) {
            break;
        }
        i = static_cast<size_t>(static_cast<const char*>(nl) - data) + 1;
        if (i < size) {  // a final newline starts no line
            m_line_starts.push_back(i);
        }
    }
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

size_t SourceFile::line_offset(uint32_t line) const {
    if (line == 0) {
        return 0;
    }
    if (line > m_line_starts.size()) {
        return m_text.size();
    }
    return m_line_starts[line - 1];
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
