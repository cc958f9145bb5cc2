#include "bulwark/input/dockerfile/heredoc.hpp"

#include <fmt/format.h>

namespace bulwark::input::dockerfile::detail {

namespace {

/// End of the shell word starting at `pos` (quotes and backslash escapes kept together).
size_t word_end(std::string_view text, size_t pos) {
    const size_t n = text.size();
    while (pos < n && space_length(text, pos) == 0) {
        char c = text[pos];
        if (c == '\'') {
            size_t close = text.find('\'', pos + 1);
            pos = close == std::string_view::npos ? n : close + 1;
        } else if (c == '"') {
            ++pos;
            while (pos < n && text[pos] != '"') {
                bool escaped = text[pos] == '\\' && pos + 1 < n &&
                               (text[pos + 1] == '"' || text[pos + 1] == '$' || text[pos + 1] == '\\');
                pos += escaped ? 2 : 1;
            }
            pos = pos < n ? pos + 1 : n;
        } else if (c == '\\') {
            pos = pos + 2 < n ? pos + 2 : n;
        } else {
            ++pos;
        }
    }
    return pos;
}

/// Parses `word` as `^(\d*)<<(-?)([^<]+)$`; fills `h` (name, quoted, strip_tabs).
bool parse_header(std::string_view word, HeredocHeader& h) {
    size_t i = 0;
    while (i < word.size() && word[i] >= '0' && word[i] <= '9') {
        ++i;
    }
    if (word.substr(i, 2) != "<<") {
        return false;
    }
    i += 2;
    h.strip_tabs = i < word.size() && word[i] == '-';
    if (h.strip_tabs) {
        ++i;
    }
    std::string_view rest = word.substr(i);
    if (rest.empty() || rest.find('<') != std::string_view::npos) {
        return false;
    }
    h.name = unquote(rest, '\\');
    // Quoted when some quote in the word delimits (rather than being escaped): no expansion.
    h.quoted = false;
    for (size_t k = 0; k < rest.size(); ++k) {
        if (rest[k] == '\\') {
            ++k;
        } else if (rest[k] == '\'' || rest[k] == '"') {
            h.quoted = true;
            break;
        }
    }
    return true;
}

}  // namespace

bool is_heredoc_word(std::string_view word) {
    HeredocHeader h;
    return parse_header(word, h);
}

std::vector<HeredocHeader> find_heredocs(std::string_view text) {
    std::vector<HeredocHeader> out;
    size_t pos = 0;
    while (pos < text.size()) {
        if (size_t sl = space_length(text, pos); sl != 0) {
            pos += sl;
            continue;
        }
        size_t end = word_end(text, pos);
        HeredocHeader h;
        if (parse_header(text.substr(pos, end - pos), h)) {
            h.begin = pos;
            h.end = end;
            out.push_back(std::move(h));
        }
        pos = end;
    }
    return out;
}

void read_heredoc_bodies(const ParseContext& ctx, LineReader& reader,
                         const std::vector<HeredocHeader>& headers, bool is_file, LogicalLine& line,
                         std::vector<model::Heredoc>& out) {
    std::string_view text = ctx.source.text();
    bool reported = false;
    for (const HeredocHeader& h : headers) {
        model::Heredoc doc;
        doc.delimiter = h.name;
        doc.quoted = h.quoted;
        doc.strip_tabs = h.strip_tabs;
        doc.is_file = is_file;
        doc.range = line.view().source_range(h.begin, h.end);
        uint32_t body_start = reader.position();
        bool terminated = false;
        while (!reader.at_end()) {
            PhysicalLine pl = reader.next();
            line.last_line = pl.number;
            line.end = pl.content_end;
            uint32_t content = pl.begin;
            if (h.strip_tabs) {
                while (content < pl.content_end && text[content] == '\t') {
                    ++content;
                }
            }
            if (text.substr(content, pl.content_end - content) == h.name) {
                terminated = true;
                break;
            }
            append_piece(doc.body, text, content, pl.next - content);
        }
        if (doc.body.pieces.empty()) {
            // An empty body still maps to where it would start.
            doc.body.pieces.push_back({0, body_start});
        }
        if (!terminated && !reported) {
            reported = true;  // the following ones are unterminated too: one error is enough
            ctx.error(doc.range.begin,
                      fmt::format("unterminated heredoc: no line '{}' before end of file", h.name));
        }
        out.push_back(std::move(doc));
    }
}

}  // namespace bulwark::input::dockerfile::detail
