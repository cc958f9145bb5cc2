#pragma once
// Character-level helpers shared by the Dockerfile parser's pieces: white space as BuildKit sees
// it, quote removal, MappedText slicing and the parse context that collects diagnostics.
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/model/dockerfile.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::input::dockerfile::detail {

/// Diagnostics kept per file; past this the parser stops (garbage input must stay cheap).
inline constexpr size_t k_max_diagnostics = 100;

/// What every part of the parser needs: the source, the escape character and the diagnostics.
struct ParseContext {
    const util::SourceFile& source;
    std::vector<core::Diagnostic>& diagnostics;
    char escape = '\\';

    /// Adds an error / warning at byte `offset` of the source (dropped past k_max_diagnostics).
    void error(uint32_t offset, std::string message) const;
    void warning(uint32_t offset, std::string message) const;
};

/// BuildKit's `[\t\v\f\r ]` (its reWhitespace; a Dockerfile line never holds '\n').
inline bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '\r';
}

/// space_length() for a byte >= 0x80 (multi-byte white space).
size_t space_length_utf8(std::string_view s, size_t pos);

/// Byte length of the Unicode white space (Go's unicode.IsSpace) starting at `s[pos]`, or 0.
inline size_t space_length(std::string_view s, size_t pos) {
    auto c = static_cast<unsigned char>(s[pos]);
    if (c < 0x80) {
        return (c == ' ' || (c >= '\t' && c <= '\r')) ? 1 : 0;
    }
    return space_length_utf8(s, pos);
}

/// First offset >= `pos` in `s` that is not blank.
inline size_t skip_blanks(std::string_view s, size_t pos) {
    // Eight spaces at a time first: continuation lines are often deeply indented.
    constexpr uint64_t k_spaces = 0x2020202020202020ULL;
    while (pos + 8 <= s.size()) {
        uint64_t x = 0;
        std::memcpy(&x, s.data() + pos, 8);
        if (x != k_spaces) {
            break;
        }
        pos += 8;
    }
    while (pos < s.size() && is_blank(s[pos])) {
        ++pos;
    }
    return pos;
}

/// `s` with trailing blanks removed, as an end offset (>= `begin`).
inline size_t trim_blanks_end(std::string_view s, size_t begin, size_t end) {
    while (end > begin && is_blank(s[end - 1])) {
        --end;
    }
    return end;
}

/// Quote removal as BuildKit's word expansion does it, without expanding variables: 'single'
/// quotes are literal, "double" quotes let `escape` escape `"`, `$` and itself, `escape` outside
/// quotes makes the next character literal. `${...}` is copied as written.
std::string unquote(std::string_view s, char escape);

/// True when `s` has a character unquote() would change.
bool needs_unquote(std::string_view s, char escape);

/// value[begin, end) of `text` with its pieces, as a new MappedText.
model::MappedText slice(const model::MappedText& text, size_t begin, size_t end);
/// slice() into `out` (its contents replaced).
void slice_into(const model::MappedText& text, size_t begin, size_t end, model::MappedText& out);

/// Appends `count` bytes starting at source offset `source_offset` to `out`.
void append_piece(model::MappedText& out, std::string_view source_text, uint32_t source_offset, size_t count);

/// The closest of `candidates` to `word` (case-insensitive, fewer than 3 edits, in the case `word`
/// is written in), or "" (also when `word` is one of them).
std::string suggest(std::string_view word, std::initializer_list<std::string_view> candidates);
std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates);

/// `message` plus " (did you mean X?)" when suggest() finds X.
std::string with_suggestion(std::string message, std::string_view match);

/// `s` in double quotes with `"` and `\` escaped (Go's %q for printable text).
std::string quoted(std::string_view s);

}  // namespace bulwark::input::dockerfile::detail
