// .dockerignore reading (moby/patternmatcher/ignorefile.ReadAll) and matching (patternmatcher.New,
// Pattern.compile and MatchesOrParentMatches). Docker compiles each pattern to a Go regexp; the same
// pieces are matched here by a small table-driven matcher: `*` -> [^/]*, `?` -> [^/], `**/` -> (.*/)?,
// a trailing `**` -> .*, `[...]` a class, `\c` the character c.
#include <fmt/format.h>

#include "bulwark/input/context/dockerignore.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::context {

namespace {

using Token = IgnorePattern::Token;

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/// Go's strings.TrimSpace (ASCII white space) as offsets into `line`: [begin, end).
std::pair<size_t, size_t> trim_span(std::string_view line, size_t begin) {
    size_t end = line.size();
    while (begin < end && is_space(line[begin])) {
        ++begin;
    }
    while (end > begin && is_space(line[end - 1])) {
        --end;
    }
    return {begin, end};
}

char32_t next_rune(std::string_view s, size_t& i) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len <= 1 || i + len > s.size()) {
        ++i;
        return len == 1 ? c : 0x110000U + c;  // invalid bytes stay distinct from every code point
    }
    char32_t r = c & (0x7FU >> len);
    for (size_t k = 1; k < len; ++k) {
        r = (r << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3FU);
    }
    i += len;
    return r;
}

/// Parses the class starting at p[i] == '[' (syntax already checked by pattern_error); i ends
/// after its ']'. False when a range is reversed (Go's regexp refuses it: the build fails).
bool parse_class(std::string_view p, size_t& i, Token& t) {
    t.kind = Token::Kind::cls;
    ++i;
    if (i < p.size() && p[i] == '^') {
        t.negated = true;
        ++i;
    }
    bool ok = true;
    while (i < p.size()) {
        if (p[i] == ']' && !t.ranges.empty()) {
            ++i;
            break;
        }
        if (p[i] == '\\') {
            ++i;
        }
        char32_t lo = next_rune(p, i);
        char32_t hi = lo;
        if (i < p.size() && p[i] == '-') {
            ++i;
            if (i < p.size() && p[i] == '\\') {
                ++i;
            }
            hi = next_rune(p, i);
        }
        ok = ok && lo <= hi;
        t.ranges.emplace_back(lo, hi);
    }
    return ok;
}

/// Pattern.compile: the match type and, for regexp patterns, the tokens. False on a pattern Go's
/// regexp would refuse.
bool compile(IgnorePattern& pat) {
    const std::string& p = pat.rule.pattern;
    using Type = IgnorePattern::Type;
    Type type = Type::exact;
    size_t i = 0;
    bool ok = true;
    for (int iteration = 0; i < p.size(); ++iteration) {
        char c = p[i];
        Token t;
        if (c == '*') {
            ++i;
            if (i < p.size() && p[i] == '*') {
                ++i;
                if (i < p.size() && p[i] == '/') {
                    ++i;
                }
                if (i == p.size()) {
                    if (type == Type::exact) {
                        type = Type::prefix;
                    } else {
                        t.kind = Token::Kind::any;
                        pat.tokens.push_back(t);
                        type = Type::regexp;
                    }
                } else {
                    t.kind = Token::Kind::dirs;
                    pat.tokens.push_back(t);
                    type = Type::regexp;
                }
                if (iteration == 0) {
                    type = Type::suffix;
                }
            } else {
                t.kind = Token::Kind::star;
                pat.tokens.push_back(t);
                type = Type::regexp;
            }
        } else if (c == '?') {
            ++i;
            t.kind = Token::Kind::one;
            pat.tokens.push_back(t);
            type = Type::regexp;
        } else if (c == '\\' && i + 1 < p.size()) {
            ++i;
            t.ch = next_rune(p, i);
            pat.tokens.push_back(t);
            type = Type::regexp;
        } else if (c == '[') {
            ok = parse_class(p, i, t) && ok;
            pat.tokens.push_back(std::move(t));
            type = Type::regexp;
        } else if (c == ']') {
            ++i;
            t.ch = ']';
            pat.tokens.push_back(t);
            type = Type::regexp;
        } else {
            t.ch = next_rune(p, i);
            pat.tokens.push_back(t);
        }
    }
    pat.type = type;
    return ok;
}

bool token_accepts(const Token& t, char32_t r) {
    switch (t.kind) {
        case Token::Kind::literal:
            return r == t.ch;
        case Token::Kind::one:
        case Token::Kind::star:
            return r != '/';
        case Token::Kind::any:
            return r != '\n';
        case Token::Kind::cls: {
            bool in = false;
            for (const auto& [lo, hi] : t.ranges) {
                in = in || (lo <= r && r <= hi);
            }
            return in != t.negated;
        }
        case Token::Kind::dirs:
            return true;
    }
    return false;
}

/// The anchored regexp of the tokens against `path`, by dynamic programming from the end:
/// ok[j] is true when tokens[i..] match runes[j..].
bool regexp_matches(const std::vector<Token>& tokens, std::string_view path) {
    std::vector<char32_t> runes;
    for (size_t i = 0; i < path.size();) {
        runes.push_back(next_rune(path, i));
    }
    const size_t n = runes.size();
    std::vector<char> next(n + 1, 0);
    next[n] = 1;
    std::vector<char> cur(n + 1, 0);
    for (size_t ti = tokens.size(); ti-- > 0;) {
        const Token& t = tokens[ti];
        switch (t.kind) {
            case Token::Kind::literal:
            case Token::Kind::one:
            case Token::Kind::cls:
                for (size_t j = 0; j <= n; ++j) {
                    cur[j] = static_cast<char>(j < n && token_accepts(t, runes[j]) && next[j + 1] != 0);
                }
                break;
            case Token::Kind::star:
            case Token::Kind::any:
                cur[n] = next[n];
                for (size_t j = n; j-- > 0;) {
                    cur[j] =
                        static_cast<char>(next[j] != 0 || (token_accepts(t, runes[j]) && cur[j + 1] != 0));
                }
                break;
            case Token::Kind::dirs: {
                // (.*/)? : nothing, or anything up to and including a '/'.
                bool slash_ahead = false;
                for (size_t j = n + 1; j-- > 0;) {
                    if (j < n && runes[j] == '/' && next[j + 1] != 0) {
                        slash_ahead = true;
                    }
                    if (j < n && runes[j] == '\n') {
                        slash_ahead = false;
                    }
                    cur[j] = static_cast<char>(next[j] != 0 || slash_ahead);
                }
                break;
            }
        }
        std::swap(cur, next);
    }
    return next[0] != 0;
}

}  // namespace

bool IgnorePattern::matches(std::string_view path) const {
    const std::string& p = rule.pattern;
    switch (type) {
        case Type::exact:
            return path == p;
        case Type::prefix:
            return util::starts_with(path, std::string_view(p).substr(0, p.size() - 2));
        case Type::suffix: {
            std::string_view suffix = std::string_view(p).substr(2);
            if (util::ends_with(path, suffix)) {
                return true;
            }
            return !suffix.empty() && suffix[0] == '/' && path == suffix.substr(1);
        }
        case Type::regexp:
            return regexp_matches(tokens, path);
    }
    return false;
}

IgnoreFile parse_dockerignore(const util::SourcePtr& source) {
    IgnoreFile out;
    const std::string& text = source->text();
    size_t line_start = 0;
    for (uint32_t line = 1; line_start < text.size(); ++line) {
        size_t eol = text.find('\n', line_start);
        size_t next = eol == std::string::npos ? text.size() : eol + 1;
        size_t end = eol == std::string::npos ? text.size() : eol;
        if (end > line_start && text[end - 1] == '\r') {
            --end;  // bufio.ScanLines drops a trailing \r
        }
        std::string_view raw(text.data(), end);  // offsets stay absolute
        size_t begin = line_start;
        line_start = next;
        if (line == 1 && util::starts_with(raw.substr(begin), "\xEF\xBB\xBF")) {
            begin += 3;
        }
        if (end - begin > 64 * 1024) {
            out.diagnostics.push_back(
                core::make_diagnostic(core::DiagLevel::error, *source, begin,
                                      "line longer than 64 KiB: Docker cannot read this ignore file "
                                      "(bufio.Scanner: token too long)"));
            continue;
        }
        if (begin < end && raw[begin] == '#') {
            continue;  // a comment only when '#' is the very first character
        }
        auto [b, e] = trim_span(raw, begin);
        if (b == e) {
            continue;
        }
        bool invert = raw[b] == '!';
        std::string pattern;
        size_t pb = b;
        if (invert) {
            auto [ib, ie] = trim_span(raw.substr(0, e), b + 1);
            pb = ib;
            pattern = std::string(raw.substr(ib, ie - ib));
        } else {
            pattern = std::string(raw.substr(b, e - b));
        }
        if (!pattern.empty()) {
            pattern = clean_path(pattern);
            if (pattern.size() > 1 && pattern[0] == '/') {
                pattern.erase(0, 1);
            }
        }
        if (invert) {
            pattern = "!" + pattern;
        }
        // patternmatcher.New: trimmed and cleaned again, then the '!'.
        pattern = clean_path(util::trim(pattern));
        IgnorePattern pat;
        pat.rule.range = model::Range{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
        if (pattern[0] == '!') {
            if (pattern.size() == 1) {
                out.diagnostics.push_back(
                    core::make_diagnostic(core::DiagLevel::error, *source, b,
                                          "illegal exclusion pattern: \"!\" (Docker refuses the file)"));
                continue;
            }
            pat.rule.exclusion = true;
            pattern.erase(0, 1);
        }
        size_t bad = pattern_error(pattern);
        if (bad != std::string_view::npos) {
            out.diagnostics.push_back(core::make_diagnostic(
                core::DiagLevel::error, *source, pb,
                fmt::format("syntax error in pattern '{}' (Docker refuses the file: {})", pattern,
                            "unterminated or empty '[', bad range, or trailing '\\'")));
            continue;
        }
        pat.rule.pattern = std::move(pattern);
        if (!compile(pat)) {
            out.diagnostics.push_back(core::make_diagnostic(
                core::DiagLevel::error, *source, pb,
                fmt::format("invalid character range in pattern '{}' (Docker fails the build when it "
                            "matches a path against it)",
                            pat.rule.pattern)));
            continue;
        }
        out.patterns.push_back(std::move(pat));
    }
    return out;
}

IgnoreVerdict match_path(const IgnoreFile& file, std::string_view path) {
    IgnoreVerdict v;
    std::string_view parent = path;
    size_t slash = path.rfind('/');
    parent = slash == std::string_view::npos ? std::string_view(".") : path.substr(0, slash);
    for (size_t i = 0; i < file.patterns.size(); ++i) {
        const IgnorePattern& p = file.patterns[i];
        // An inclusion cannot change an excluded path, nor an exclusion an included one.
        if (p.rule.exclusion != v.excluded) {
            continue;
        }
        bool match = p.matches(path);
        if (!match && parent != ".") {
            for (size_t at = 0; !match;) {
                size_t next = parent.find('/', at);
                match = p.matches(parent.substr(0, next));
                if (next == std::string_view::npos) {
                    break;
                }
                at = next + 1;
            }
        }
        if (match) {
            v.excluded = !p.rule.exclusion;
            v.pattern = static_cast<int>(i);
        }
    }
    return v;
}

}  // namespace bulwark::input::context
