#pragma once
// `.dockerignore` exactly as Docker reads and matches it (moby/patternmatcher and its ignorefile
// reader, as used by BuildKit): one pattern per line, `#` comment lines, blank lines skipped,
// surrounding white space trimmed, each pattern cleaned like Go's filepath.Clean with a leading '/'
// removed, `!` exceptions where the last matching line wins, `*` `?` `[...]` `\` and `**`, and a
// pattern that matches a directory matching everything below it. No I/O, no judgement.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/model/context.hpp"
#include "bulwark/util/source.hpp"

namespace bulwark::input::context {

/// One compiled pattern.
struct IgnorePattern {
    model::IgnoreRule rule;
    enum class Type { exact, prefix, suffix, regexp } type = Type::exact;
    struct Token {
        enum class Kind { literal, one, star, dirs, any, cls } kind = Kind::literal;
        char32_t ch = 0;  // literal
        bool negated = false;
        std::vector<std::pair<char32_t, char32_t>> ranges;  // cls
    };
    std::vector<Token> tokens;  // Type::regexp

    /// True when `path` (relative, '/'-separated, cleaned) matches this pattern itself.
    bool matches(std::string_view path) const;
};

struct IgnoreFile {
    std::vector<IgnorePattern> patterns;
    std::vector<core::Diagnostic> diagnostics;  // bad patterns: Docker refuses the whole file
    bool valid() const { return diagnostics.empty(); }
};

/// Reads and compiles an ignore file. Never throws.
IgnoreFile parse_dockerignore(const util::SourcePtr& source);

/// The verdict on one path: excluded or not, and the pattern that decided it (-1: none).
struct IgnoreVerdict {
    bool excluded = false;
    int pattern = -1;
};

/// Docker's MatchesOrParentMatches: whether `path` (relative to the context root) is excluded,
/// patterns matching the path or one of its parent directories, later lines overriding earlier ones.
IgnoreVerdict match_path(const IgnoreFile& file, std::string_view path);

/// Go's filepath.Clean on a '/'-separated path ("" -> ".", "a//b/../c/" -> "a/c").
std::string clean_path(std::string_view path);

/// Go's filepath.Match: `pattern` matches the whole of `name` (`*` and `?` never match '/'). A
/// malformed pattern matches nothing.
bool glob_matches(std::string_view pattern, std::string_view name);

/// Byte offset in `pattern` of its first syntax error as Go's filepath.Match sees it (an
/// unterminated or empty `[`, a bad range, a trailing `\`), or npos when it is well formed.
size_t pattern_error(std::string_view pattern);

}  // namespace bulwark::input::context
