#pragma once
// Heredocs (`<<EOF`, `<<-EOF`, `<<"EOF"`) in RUN, COPY and ADD: finding the headers in the
// instruction text and reading the bodies that follow it.
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/input/dockerfile/lines.hpp"
#include "bulwark/model/dockerfile.hpp"

namespace bulwark::input::dockerfile::detail {

/// A `<<EOF` word; [begin, end) in the instruction text.
struct HeredocHeader {
    size_t begin = 0;
    size_t end = 0;
    std::string name;
    bool quoted = false;
    bool strip_tabs = false;
};

/// BuildKit's heredocsFromLine: shell words of `text` matching `^(\d*)<<(-?)([^<]*)$`, in order.
/// A word inside quotes or after an escaping backslash is not a heredoc.
std::vector<HeredocHeader> find_heredocs(std::string_view text);

/// True when `word` (as written) is a heredoc header.
bool is_heredoc_word(std::string_view word);

/// Reads each header's body from `reader` in order (up to a line equal to the delimiter, leading
/// tabs ignored for `<<-`), appending to `out`. Extends `line.end`/`line.last_line` over what it
/// reads. A missing delimiter is an error at the (first such) header; that body then runs to the
/// end of file.
void read_heredoc_bodies(const ParseContext& ctx, LineReader& reader,
                         const std::vector<HeredocHeader>& headers, bool is_file, LogicalLine& line,
                         std::vector<model::Heredoc>& out);

}  // namespace bulwark::input::dockerfile::detail
