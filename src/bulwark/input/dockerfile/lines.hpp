#pragma once
// Physical lines, logical lines (continuations joined, comment and blank lines inside dropped)
// and the parser directives at the top of a Dockerfile.
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::input::dockerfile::detail {

/// One line of the source: [begin, content_end) excludes the line break and trailing '\r's.
struct PhysicalLine {
    uint32_t begin = 0;
    uint32_t content_end = 0;
    uint32_t next = 0;    // where the following line starts
    uint32_t number = 0;  // 1-based
};

/// Walks the source line by line.
class LineReader {
  public:
    /// Starts at byte `start` (after a BOM), which is on line 1.
    LineReader(std::string_view text, uint32_t start);
    /// True when every line has been read.
    bool at_end() const { return m_pos >= m_text.size(); }
    /// Reads the next line; only valid when !at_end().
    PhysicalLine next() {
        PhysicalLine line;
        line.begin = m_pos;
        const char* data = m_text.data();
        const void* nl = std::memchr(data + m_pos, '\n', m_text.size() - m_pos);
        size_t eol = nl != nullptr ? static_cast<size_t>(static_cast<const char*>(nl) - data) : m_text.size();
        size_t end = eol;
        while (end > m_pos && m_text[end - 1] == '\r') {
            --end;
        }
        line.content_end = static_cast<uint32_t>(end);
        line.next = static_cast<uint32_t>(nl != nullptr ? eol + 1 : eol);
        line.number = ++m_line;
        m_pos = line.next;
        return line;
    }
    /// Offset where the next line starts.
    uint32_t position() const { return m_pos; }

  private:
    std::string_view m_text;
    uint32_t m_pos = 0;
    uint32_t m_line = 0;
};

/// An instruction's text with its continuation lines joined.
struct LogicalLine {
    model::MappedText text;
    uint32_t first_line = 0;
    uint32_t first_end = 0;  // end of the first line's content (source offset)
    uint32_t last_line = 0;
    uint32_t end = 0;  // end of the last line read (its content, without the line break)
};

/// Reads the logical line that starts at `content_begin` on `first` (already known to be neither a
/// comment nor blank), continuing while a line ends with the escape character. Whole-line comments
/// inside go to `comments`; blank lines inside are skipped as BuildKit does.
void read_logical_line(const ParseContext& ctx, LineReader& reader, const PhysicalLine& first,
                       uint32_t content_begin, LogicalLine& out, std::vector<model::Comment>& comments);

/// Records the comment whose '#' is at `hash` on `line`.
void add_comment(std::string_view text, const PhysicalLine& line, uint32_t hash,
                 std::vector<model::Comment>& comments);

/// State of the directive block at the top of the file.
struct DirectiveScanner {
    bool done = false;
    bool seen_syntax = false;
    bool seen_escape = false;
    bool seen_check = false;

    /// Looks at `line` (content starting at `content_begin`). Returns true if it is a parser
    /// directive (recorded in `directives`, escape also set in `ctx`); false ends the block.
    bool scan(ParseContext& ctx, std::string_view text, const PhysicalLine& line, uint32_t content_begin,
              model::Directives& directives) {
        return !done && scan_line(ctx, text, line, content_begin, directives);
    }

  private:
    bool scan_line(ParseContext& ctx, std::string_view text, const PhysicalLine& line, uint32_t content_begin,
                   model::Directives& directives);
};

}  // namespace bulwark::input::dockerfile::detail
