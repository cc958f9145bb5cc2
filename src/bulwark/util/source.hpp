#pragma once
// Source text with a line index; every location in bulwark points into one of these.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::util {

/// 1-based line and column; column counts Unicode code points (tabs count as one).
struct Position {
    uint32_t line = 0;
    uint32_t column = 0;
    friend bool operator==(const Position&, const Position&) = default;
};

/// An immutable input file: its display path, its bytes and the offsets where lines start.
class SourceFile {
  public:
    /// Builds the line index over `text`.
    SourceFile(std::string path, std::string text);

    /// Display path (as given on the command line, or "<stdin>").
    const std::string& path() const { return m_path; }
    /// The whole text.
    const std::string& text() const { return m_text; }
    /// Number of lines (a trailing newline does not start a new line).
    uint32_t line_count() const { return static_cast<uint32_t>(m_line_starts.size()); }
    /// Line `line` (1-based) without its newline ("\r\n" or "\n"); empty when out of range.
    std::string_view line_text(uint32_t line) const;
    /// Byte offset where line `line` (1-based) starts (inline: the parser asks for every line).
    size_t line_offset(uint32_t line) const {
        if (line == 0) {
            return 0;
        }
        return line > m_line_starts.size() ? m_text.size() : m_line_starts[line - 1];
    }
    /// Position of byte `offset` (clamped to the end of text).
    Position position(size_t offset) const;
    /// 1-based line of byte `offset` (clamped to the end of text): position(offset).line, cheaper.
    uint32_t line_of(size_t offset) const;

  private:
    std::string m_path;
    std::string m_text;
    std::vector<size_t> m_line_starts;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

/// Number of code points in `s` (invalid UTF-8 bytes count one each).
uint32_t utf8_length(std::string_view s);

}  // namespace bulwark::util
