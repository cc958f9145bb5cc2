#include "bulwark/input/dockerfile/lines.hpp"

#include <cstring>
#include <string>

#include "bulwark/util/strings.hpp"

namespace bulwark::input::dockerfile::detail {

namespace {

constexpr size_t k_npos = std::string_view::npos;
/// Comments a file's comment vector starts with room for (most files have fewer).
constexpr size_t k_comments_reserved = 16;

/// Offset of the escape character that continues [begin, end) on the next line, or npos.
/// Like BuildKit's `([^E])E[ \t]*$|^E[ \t]*$`: an escaped escape ("\\") does not continue.
size_t continuation_at(std::string_view text, size_t begin, size_t end, char escape) {
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
        --end;
    }
    if (end == begin || text[end - 1] != escape) {
        return k_npos;
    }
    size_t at = end - 1;
    if (at > begin && text[at - 1] == escape) {
        return k_npos;
    }
    return at;
}

/// Go's regexp `\s`: [\t\n\f\r ].
bool is_regex_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

bool is_alpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool is_alnum(char c) {
    return is_alpha(c) || (c >= '0' && c <= '9');
}

}  // namespace

LineReader::LineReader(const util::SourceFile& source, uint32_t start)
    : m_source(source), m_text(source.text()), m_pos(start) {}

void add_comment(std::string_view text, const PhysicalLine& line, uint32_t hash,
                 std::vector<model::Comment>& comments) {
    size_t b = hash + 1;
    size_t e = line.content_end;
    while (b < e && space_length(text, b) != 0) {
        b += space_length(text, b);
    }
    while (e > b && is_blank(text[e - 1])) {
        --e;
    }
    if (comments.capacity() == 0) {
        comments.reserve(k_comments_reserved);  // one block for most files, not one per doubling
    }
    model::Comment& c = comments.emplace_back();
    c.text = text.substr(b, e - b);  // a view of the source, which the Dockerfile holds
    c.line = line.number;
    c.range = model::Range{hash, line.content_end};
}

void read_logical_line(const ParseContext& ctx, LineReader& reader, const PhysicalLine& first,
                       uint32_t content_begin, LogicalLine& out, std::vector<model::Comment>& comments) {
    std::string_view text = ctx.source.text();
    out.first_line = first.number;
    out.first_end = first.content_end;
    out.last_line = first.number;
    out.end = first.content_end;

    size_t cont = continuation_at(text, content_begin, first.content_end, ctx.escape);
    out.in_place = cont == k_npos;
    if (out.in_place) {  // the usual one-line instruction: parsed where it is, no copy
        out.run = text.substr(content_begin, first.content_end - content_begin);
        out.run_offset = content_begin;
        return;
    }
    out.text.value.clear();
    out.text.pieces.clear();
    append_piece(out.text, text, content_begin, cont - content_begin);
    while (cont != k_npos && !reader.at_end()) {
        PhysicalLine line = reader.next();
        out.last_line = line.number;
        out.end = line.content_end;
        size_t cs = skip_blanks(text.substr(0, line.content_end), line.begin);
        if (cs < line.content_end && text[cs] == '#') {
            add_comment(text, line, static_cast<uint32_t>(cs), comments);
            continue;
        }
        if (cs == line.content_end) {
            continue;  // an empty continuation line does not end the instruction
        }
        // Continuation lines keep their leading white space, as in BuildKit.
        cont = continuation_at(text, line.begin, line.content_end, ctx.escape);
        size_t seg_end = cont != k_npos ? cont : line.content_end;
        append_piece(out.text, text, line.begin, seg_end - line.begin);
    }
}

bool DirectiveScanner::scan_line(ParseContext& ctx, std::string_view text, const PhysicalLine& line,
                                 uint32_t content_begin, model::Directives& directives) {
    std::string_view s = text.substr(content_begin, line.content_end - content_begin);
    size_t p = 1;
    if (s.empty() || s[0] != '#') {
        done = true;
        return false;
    }
    while (p < s.size() && space_length(s, p) != 0) {
        p += space_length(s, p);
    }
    size_t key_begin = p;
    if (p >= s.size() || !is_alpha(s[p])) {
        done = true;
        return false;
    }
    while (p < s.size() && is_alnum(s[p])) {
        ++p;
    }
    std::string key = util::to_lower(s.substr(key_begin, p - key_begin));
    while (p < s.size() && is_regex_space(s[p])) {
        ++p;
    }
    if (p >= s.size() || s[p] != '=') {
        done = true;
        return false;
    }
    ++p;
    while (p < s.size() && is_regex_space(s[p])) {
        ++p;
    }
    size_t value_end = s.size();
    while (value_end > p && is_regex_space(s[value_end - 1])) {
        --value_end;
    }
    if (value_end == p || (key != "syntax" && key != "escape" && key != "check")) {
        done = true;
        return false;
    }
    std::string value(s.substr(p, value_end - p));
    auto value_offset = static_cast<uint32_t>(content_begin + p);
    bool& seen = key == "syntax" ? seen_syntax : key == "escape" ? seen_escape : seen_check;
    if (seen) {
        ctx.error(value_offset, "only one " + key + " parser directive can be used");
        return true;
    }
    seen = true;
    if (key == "syntax") {
        directives.syntax = std::move(value);
    } else if (key == "check") {
        directives.check = std::move(value);
    } else if (value == "\\" || value == "`") {
        directives.escape = value[0];
        directives.escape_set = true;
        ctx.escape = value[0];
    } else {
        ctx.error(value_offset, "invalid escape token '" + value + "' does not match ` or \\");
    }
    return true;
}

}  // namespace bulwark::input::dockerfile::detail
