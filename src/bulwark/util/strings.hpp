#pragma once
// Small string helpers with no project knowledge.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::util {

/// ASCII lower-case copy.
std::string to_lower(std::string_view s);
/// ASCII upper-case copy.
std::string to_upper(std::string_view s);
/// True when `a` and `b` are equal ignoring ASCII case.
bool iequals(std::string_view a, std::string_view b);
/// `s` without leading and trailing ASCII white space.
std::string_view trim(std::string_view s);
/// Splits on `sep`, keeping empty fields.
std::vector<std::string_view> split(std::string_view s, char sep);
/// True when `s` starts with / ends with `p` (inline: called in every hot loop).
inline bool starts_with(std::string_view s, std::string_view p) {
    return s.substr(0, p.size()) == p;
}
inline bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}
/// The same ignoring ASCII case, without a lower-cased copy.
inline bool istarts_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && iequals(s.substr(0, p.size()), p);
}
inline bool iends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && iequals(s.substr(s.size() - p.size()), p);
}
/// True when `needle` occurs in `s` ignoring ASCII case.
bool icontains(std::string_view s, std::string_view needle);
/// Shell-style glob match (`*`, `?`, `[...]`); `*` matches '/' too unless `pathname` is set.
bool glob_match(std::string_view pattern, std::string_view text, bool pathname = false);
/// Appends code point `cp` as UTF-8 (U+FFFD for values beyond U+10FFFF).
void append_utf8(std::string& out, char32_t cp);
/// Levenshtein distance, for "did you mean".
size_t edit_distance(std::string_view a, std::string_view b);
/// `s` in double quotes with `"` and `\` escaped: Go's %q of plain text, a shell or Dockerfile
/// double-quoted string (where `$` still expands).
std::string double_quote(std::string_view s);
/// `word` as one POSIX shell word with exactly its value: as it is when it is not empty and every byte
/// is an ASCII letter, digit or one of `-_./:=@%+,`, else in single quotes (`'` written `'\''`).
std::string shell_quote(std::string_view word);
/// `word` as one shell word in which `$name`, `${...}`, `$(...)` and backquotes stay expansions:
/// shell_quote() when it has no `$` or backquote; as it is when every other byte is one shell_quote()
/// leaves unquoted or `{`/`}`; else in double quotes, `"` and `\` escaped.
std::string shell_quote_expanding(std::string_view word);
/// A byte range [begin, end) of a string.
struct ByteRange {
    uint32_t begin = 0;
    uint32_t end = 0;
};
/// `word` as one shell word in which the bytes of `expansions` (ordered, disjoint ranges of `word`)
/// stay the expansions they were written as and every other byte is literal, a `$` too: as it is
/// when every byte is one shell_quote() leaves unquoted, `{`, `}` or a `$` of an expansion; else in
/// double quotes, the literal bytes' `$`, backquote, `"` and `\` escaped and the expansions pasted
/// as written. A `$NAME` followed by a literal name character is written `${NAME}`.
std::string shell_quote_expanding(std::string_view word, std::span<const ByteRange> expansions);

}  // namespace bulwark::util
