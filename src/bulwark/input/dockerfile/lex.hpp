#pragma once
// Character-level helpers shared by the Dockerfile parser's pieces: white space as BuildKit sees
// it, quote removal, MappedText slicing and the parse context that collects diagnostics.
#include <bit>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/model/dockerfile.hpp"
#include "bulwark/util/source.hpp"
#include "bulwark/util/swar.hpp"

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
    if (pos >= s.size() || !is_blank(s[pos])) {
        return pos;  // most calls: nothing to skip
    }
    // Then eight bytes at a time over spaces and tabs (continuation lines are indented); the byte
    // loop decides from the first other byte on (\v, \f and \r are blanks too, but rare).
    ++pos;
    while (pos + 8 <= s.size()) {
        uint64_t w = util::swar::load(s.data() + pos);
        uint64_t other = ~(util::swar::bytes_equal_exact(w, ' ') | util::swar::bytes_equal_exact(w, '\t')) &
                         util::swar::k_highs;
        if (other != 0) {
            int before = std::endian::native == std::endian::little ? std::countr_zero(other)
                                                                    : std::countl_zero(other);
            pos += static_cast<size_t>(before) / 8;
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

/// Text being parsed with the way back to source offsets: a MappedText (continuation lines
/// joined), or one run of source bytes viewed in place (a one-line instruction: nothing copied).
class TextView {
  public:
    TextView(const model::MappedText& text)  // NOLINT(google-explicit-constructor): a view of it
        : m_value(text.value), m_text(&text) {}
    TextView(std::string_view run, uint32_t source_offset) : m_value(run), m_run_offset(source_offset) {}

    std::string_view value() const { return m_value; }
    /// The MappedText viewed, or nullptr for a run of source bytes.
    const model::MappedText* mapped() const { return m_text; }
    /// Like MappedText::to_source() and source_range().
    uint32_t to_source(size_t offset) const {
        return m_text != nullptr ? m_text->to_source(offset) : m_run_offset + static_cast<uint32_t>(offset);
    }
    model::Range source_range(size_t begin, size_t end) const {
        if (m_text != nullptr) {
            return m_text->source_range(begin, end);
        }
        uint32_t b = to_source(begin);
        return model::Range{b, end > begin ? to_source(end) : b};
    }

  private:
    std::string_view m_value;
    const model::MappedText* m_text = nullptr;
    uint32_t m_run_offset = 0;  // source offset of m_value[0] when m_text is nullptr
};

/// value[begin, end) of `text` with its pieces, as a new MappedText.
model::MappedText slice(const model::MappedText& text, size_t begin, size_t end);
/// slice() into `out` (its contents replaced).
void slice_into(const model::MappedText& text, size_t begin, size_t end, model::MappedText& out);
void slice_into(TextView text, size_t begin, size_t end, model::MappedText& out);

/// Appends `bytes` to `out`, mapped to consecutive source bytes from `source_offset` (inline:
/// called for every continuation line and heredoc line).
inline void append_mapped(model::MappedText& out, std::string_view bytes, uint32_t source_offset) {
    if (bytes.empty()) {
        return;
    }
    auto text_offset = static_cast<uint32_t>(out.value.size());
    // Merge with the previous piece when the bytes follow on in the source too.
    bool contiguous =
        !out.pieces.empty() &&
        out.pieces.back().source_offset + (text_offset - out.pieces.back().text_offset) == source_offset;
    if (!contiguous) {
        out.pieces.push_back({text_offset, source_offset});
    }
    out.value.append(bytes);
}

/// Appends the `count` source bytes at `source_offset` of `source_text` to `out`.
inline void append_piece(model::MappedText& out, std::string_view source_text, uint32_t source_offset,
                         size_t count) {
    if (count == 0) {
        return;
    }
    append_mapped(out, source_text.substr(source_offset, count), source_offset);
}

/// The closest of `candidates` to `word` (case-insensitive, fewer than 3 edits, in the case `word`
/// is written in), or "" (also when `word` is one of them).
std::string suggest(std::string_view word, std::initializer_list<std::string_view> candidates);
std::string suggest(std::string_view word, const std::vector<std::string_view>& candidates);

/// `message` plus " (did you mean X?)" when suggest() finds X.
std::string with_suggestion(std::string message, std::string_view match);

}  // namespace bulwark::input::dockerfile::detail
