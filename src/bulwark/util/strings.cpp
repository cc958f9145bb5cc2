#include "bulwark/util/strings.hpp"

#include <fnmatch.h>
#include <algorithm>
#include <cstring>

namespace bulwark::util {

std::string to_lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c); });
    return out;
}

std::string to_upper(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>((c >= 'a' && c <= 'z') ? c - 32 : c); });
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    auto lower = [](unsigned char c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; };
    for (size_t i = 0; i < a.size(); ++i) {
        if (a[i] != b[i] &&
            lower(static_cast<unsigned char>(a[i])) != lower(static_cast<unsigned char>(b[i]))) {
            return false;
        }
    }
    return true;
}

std::string_view trim(std::string_view s) {
    // A byte loop: find_first_not_of with a set makes a memchr call per byte (the fingerprint of
    // every finding trims its evidence line).
    auto space = [](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
    };
    size_t b = 0;
    size_t e = s.size();
    while (b < e && space(s[b])) {
        ++b;
    }
    while (e > b && space(s[e - 1])) {
        --e;
    }
    return s.substr(b, e - b);
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    out.reserve(static_cast<size_t>(std::count(s.begin(), s.end(), sep)) + 1);
    size_t start = 0;
    for (;;) {
        size_t pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            out.push_back(s.substr(start));
            return out;
        }
        out.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

bool icontains(std::string_view s, std::string_view needle) {
    for (size_t i = 0; i + needle.size() <= s.size(); ++i) {
        if (iequals(s.substr(i, needle.size()), needle)) {
            return true;
        }
    }
    return false;
}

bool glob_match(std::string_view pattern, std::string_view text, bool pathname) {
    // The literal start of the pattern must start the text: most table lookups stop here.
    size_t i = 0;
    for (; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '*' || c == '?' || c == '[' || c == '\\') {
            break;
        }
        if (i >= text.size() || text[i] != c) {
            return false;
        }
    }
    if (i == pattern.size()) {
        return text.size() == pattern.size();
    }
    // fnmatch is the C library's matcher for exactly this job; it needs NUL-terminated copies,
    // on the stack when they are short.
    constexpr size_t k_stack = 256;
    int flags = pathname ? FNM_PATHNAME : 0;
    if (pattern.size() < k_stack && text.size() < k_stack) {
        char p[k_stack];
        char t[k_stack];
        std::memcpy(p, pattern.data(), pattern.size());
        p[pattern.size()] = '\0';
        std::memcpy(t, text.data(), text.size());
        t[text.size()] = '\0';
        return fnmatch(p, t, flags) == 0;
    }
    std::string p(pattern);
    std::string t(text);
    return fnmatch(p.c_str(), t.c_str(), flags) == 0;
}

size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<size_t> prev(b.size() + 1);
    std::vector<size_t> cur(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) {
        prev[j] = j;
    }
    for (size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (size_t j = 1; j <= b.size(); ++j) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

namespace {

/// Bytes a shell reads as part of a word with no special meaning anywhere in it.
bool shell_plain(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '/' || c == ':' || c == '=' || c == '@' || c == '%' || c == '+' ||
           c == ',';
}

bool is_name_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

std::string double_quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    out += '"';
    return out;
}

std::string shell_quote(std::string_view word) {
    if (!word.empty() && std::all_of(word.begin(), word.end(), shell_plain)) {
        return std::string(word);
    }
    std::string out;
    out.reserve(word.size() + 2);
    out += '\'';
    for (char c : word) {
        if (c == '\'') {
            out += "'\\''";
        } else {
            out += c;
        }
    }
    out += '\'';
    return out;
}

std::string shell_quote_expanding(std::string_view word) {
    if (word.find_first_of("$`") == std::string_view::npos) {
        return shell_quote(word);
    }
    if (std::all_of(word.begin(), word.end(),
                    [](char c) { return shell_plain(c) || c == '$' || c == '{' || c == '}'; })) {
        return std::string(word);
    }
    return double_quote(word);
}

std::string shell_quote_expanding(std::string_view word, std::span<const ByteRange> expansions) {
    uint32_t last = 0;
    for (const ByteRange& r : expansions) {
        if (r.begin < last || r.end <= r.begin || r.end > word.size()) {
            return shell_quote_expanding(word);  // not ranges of this word: read it as written
        }
        last = r.end;
    }
    bool bare = !word.empty();
    size_t k = 0;
    for (size_t i = 0; i < word.size() && bare; ++i) {
        while (k < expansions.size() && expansions[k].end <= i) {
            ++k;
        }
        const char c = word[i];
        bare = shell_plain(c) || c == '{' || c == '}' ||
               (c == '$' && k < expansions.size() && expansions[k].begin <= i);
    }
    std::string out;
    out.reserve(word.size() + 8);
    if (!bare) {
        out += '"';
    }
    auto literal = [&](size_t from, size_t to) {
        for (size_t i = from; i < to; ++i) {
            const char c = word[i];
            if (c == '$' || c == '`' || c == '"' || c == '\\') {
                out += '\\';  // (a bare word has none of these)
            }
            out += c;
        }
    };
    size_t pos = 0;
    for (const ByteRange& r : expansions) {
        literal(pos, r.begin);
        std::string_view e = word.substr(r.begin, r.end - r.begin);
        // `$A` then a literal `b` would read as `$Ab`.
        if (e.size() > 1 && e[0] == '$' && is_name_byte(e[1]) && !(e[1] >= '0' && e[1] <= '9') &&
            r.end < word.size() && is_name_byte(word[r.end])) {
            out.append("${").append(e.substr(1)).append("}");
        } else {
            out += e;
        }
        pos = r.end;
    }
    literal(pos, word.size());
    if (!bare) {
        out += '"';
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp > 0x10FFFF) {
        cp = 0xFFFD;
    }
    auto put = [&out](char32_t v) { out += static_cast<char>(static_cast<unsigned char>(v)); };
    if (cp < 0x80) {
        put(cp);
    } else if (cp < 0x800) {
        put(0xC0U | (cp >> 6U));
        put(0x80U | (cp & 0x3FU));
    } else if (cp < 0x10000) {
        put(0xE0U | (cp >> 12U));
        put(0x80U | ((cp >> 6U) & 0x3FU));
        put(0x80U | (cp & 0x3FU));
    } else {
        put(0xF0U | (cp >> 18U));
        put(0x80U | ((cp >> 12U) & 0x3FU));
        put(0x80U | ((cp >> 6U) & 0x3FU));
        put(0x80U | (cp & 0x3FU));
    }
}

}  // namespace bulwark::util
