#pragma once
// Physical lines, logical lines (continuations joined, comment and blank lines inside dropped)
// and the parser directives at the top of a Dockerfile.
#include <cstdint>
#include <string_view>
#include <vector>

#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/model/dockerfile.hpp"
#include "bulwark/util/source.hpp"

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
    LineReader(const util::SourceFile& source, uint32_t start);
    /// True when every line has been read.
    bool at_end() const { return m_pos >= m_text.size(); }
    /// Reads the next line; only valid when !at_end().
    PhysicalLine next() {
        PhysicalLine line;
        line.begin = m_pos;
        line.number = ++m_line;
        // The source's line index knows where the next line starts: no search for the '\n'.
        auto next = static_cast<uint32_t>(m_source.line_offset(m_line + 1));
        uint32_t end = next;
        if (end > m_pos && m_text[end - 1] == '\n') {
            --end;
        }
        while (end > m_pos && m_text[end - 1] == '\r') {
            --end;
        }
        line.content_end = end;
        line.next = next;
        m_pos = next;
        return line;
    }
    /// Offset where the next line starts.
    uint32_t position() const { return m_pos; }

  private:
    const util::SourceFile& m_source;
    std::string_view m_text;
    uint32_t m_pos = 0;
    uint32_t m_line = 0;
};

/// An instruction's text with its continuation lines joined.
struct LogicalLine {
    /// The joined text; not filled for a line with no continuation, which view() reads in place.
    model::MappedText text;
    std::string_view run;  // the whole text when it is one run of source bytes (else empty)
    uint32_t run_offset = 0;
    bool in_place = false;  // the text is `run`, not `text`
    uint32_t first_line = 0;
    uint32_t first_end = 0;  // end of the first line's content (source offset)
    uint32_t last_line = 0;
    uint32_t end = 0;  // end of the last line read (its content, without the line break)

    /// The text with its source mapping.
    TextView view() const { return in_place ? TextView(run, run_offset) : TextView(text); }
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
