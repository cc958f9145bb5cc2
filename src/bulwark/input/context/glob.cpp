// Go's path/filepath Clean and Match on '/'-separated paths, ported for Docker's semantics: COPY
// sources and .dockerignore syntax checks use them.
#include <vector>

#include "bulwark/input/context/dockerignore.hpp"

namespace bulwark::input::context {

namespace {

constexpr char32_t k_rune_error = 0xFFFD;

/// Decodes one UTF-8 code point at the start of `s` (k_rune_error with length 1 when invalid).
std::pair<char32_t, size_t> decode_rune(std::string_view s) {
    auto c = static_cast<unsigned char>(s[0]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || len > s.size()) {
        return {k_rune_error, 1};
    }
    if (len == 1) {
        return {c, 1};
    }
    char32_t r = c & (0x7FU >> len);
    for (size_t k = 1; k < len; ++k) {
        auto b = static_cast<unsigned char>(s[k]);
        if ((b & 0xC0U) != 0x80U) {
            return {k_rune_error, 1};
        }
        r = (r << 6) | (b & 0x3FU);
    }
    return {r, len};
}

struct EscResult {
    char32_t rune = 0;
    std::string_view rest;
    bool error = false;
};

/// Go's getEsc: one possibly escaped character of a class.
EscResult get_esc(std::string_view chunk) {
    EscResult r;
    if (chunk.empty() || chunk[0] == '-' || chunk[0] == ']') {
        r.error = true;
        return r;
    }
    if (chunk[0] == '\\') {
        chunk.remove_prefix(1);
        if (chunk.empty()) {
            r.error = true;
            return r;
        }
    }
    auto [rune, n] = decode_rune(chunk);
    if (rune == k_rune_error && n == 1) {
        r.error = true;
    }
    r.rune = rune;
    r.rest = chunk.substr(n);
    if (r.rest.empty()) {
        r.error = true;
    }
    return r;
}

struct Chunk {
    bool star = false;
    std::string_view chunk;
    std::string_view rest;
};

/// Go's scanChunk.
Chunk scan_chunk(std::string_view pattern) {
    Chunk c;
    while (!pattern.empty() && pattern[0] == '*') {
        pattern.remove_prefix(1);
        c.star = true;
    }
    bool inrange = false;
    size_t i = 0;
    for (; i < pattern.size(); ++i) {
        char ch = pattern[i];
        if (ch == '\\') {
            if (i + 1 < pattern.size()) {
                ++i;
            }
        } else if (ch == '[') {
            inrange = true;
        } else if (ch == ']') {
            inrange = false;
        } else if (ch == '*' && !inrange) {
            break;
        }
    }
    c.chunk = pattern.substr(0, i);
    c.rest = pattern.substr(i);
    return c;
}

struct ChunkMatch {
    std::string_view rest;
    bool ok = false;
    bool error = false;
    size_t error_at = 0;  // offset in the chunk
};

/// Go's matchChunk: after a failure it goes on checking the chunk's syntax without reading `s`.
ChunkMatch match_chunk(std::string_view chunk, std::string_view s) {
    ChunkMatch m;
    const size_t chunk_size = chunk.size();
    bool failed = false;
    auto error = [&](std::string_view at) {
        m.error = true;
        m.error_at = chunk_size - at.size();
        return m;
    };
    while (!chunk.empty()) {
        if (!failed && s.empty()) {
            failed = true;
        }
        if (chunk[0] == '[') {
            std::string_view start = chunk;
            char32_t r = 0;
            if (!failed) {
                auto [rune, n] = decode_rune(s);
                r = rune;
                s.remove_prefix(n);
            }
            chunk.remove_prefix(1);
            bool negated = false;
            if (!chunk.empty() && chunk[0] == '^') {
                negated = true;
                chunk.remove_prefix(1);
            }
            bool match = false;
            int nrange = 0;
            for (;;) {
                if (!chunk.empty() && chunk[0] == ']' && nrange > 0) {
                    chunk.remove_prefix(1);
                    break;
                }
                EscResult lo = get_esc(chunk);
                if (lo.error) {
                    return error(start);
                }
                chunk = lo.rest;
                char32_t hi = lo.rune;
                if (chunk[0] == '-') {
                    EscResult h = get_esc(chunk.substr(1));
                    if (h.error) {
                        return error(start);
                    }
                    hi = h.rune;
                    chunk = h.rest;
                }
                if (lo.rune <= r && r <= hi) {
                    match = true;
                }
                ++nrange;
            }
            if (match == negated) {
                failed = true;
            }
        } else if (chunk[0] == '?') {
            if (!failed) {
                if (s[0] == '/') {
                    failed = true;
                }
                s.remove_prefix(decode_rune(s).second);
            }
            chunk.remove_prefix(1);
        } else {
            if (chunk[0] == '\\') {
                std::string_view at = chunk;
                chunk.remove_prefix(1);
                if (chunk.empty()) {
                    return error(at);
                }
            }
            if (!failed) {
                if (chunk[0] != s[0]) {
                    failed = true;
                }
                s.remove_prefix(1);
            }
            chunk.remove_prefix(1);
        }
    }
    if (!failed) {
        m.ok = true;
        m.rest = s;
    }
    return m;
}

}  // namespace

std::string clean_path(std::string_view path) {
    if (path.empty()) {
        return ".";
    }
    bool rooted = path[0] == '/';
    std::vector<std::string_view> parts;
    size_t i = 0;
    while (i <= path.size()) {
        size_t slash = path.find('/', i);
        if (slash == std::string_view::npos) {
            slash = path.size();
        }
        std::string_view elem = path.substr(i, slash - i);
        i = slash + 1;
        if (elem.empty() || elem == ".") {
            continue;
        }
        if (elem == "..") {
            if (!parts.empty() && parts.back() != "..") {
                parts.pop_back();
            } else if (!rooted) {
                parts.push_back(elem);
            }
            continue;
        }
        parts.push_back(elem);
    }
    std::string out = rooted ? "/" : "";
    for (size_t k = 0; k < parts.size(); ++k) {
        if (k > 0) {
            out += '/';
        }
        out += parts[k];
    }
    return out.empty() ? "." : out;
}

bool glob_matches(std::string_view pattern, std::string_view name) {
    if (pattern_error(pattern) != std::string_view::npos) {
        return false;
    }
    while (!pattern.empty()) {
        Chunk c = scan_chunk(pattern);
        pattern = c.rest;
        if (c.star && c.chunk.empty()) {
            // A trailing * matches the rest of the name unless it has a '/'.
            return name.find('/') == std::string_view::npos;
        }
        ChunkMatch m = match_chunk(c.chunk, name);
        if (m.ok && (m.rest.empty() || !pattern.empty())) {
            name = m.rest;
            continue;
        }
        bool found = false;
        if (c.star) {
            // Look for a match skipping i+1 bytes; a star never skips a '/'.
            for (size_t i = 0; i < name.size() && name[i] != '/'; ++i) {
                ChunkMatch t = match_chunk(c.chunk, name.substr(i + 1));
                if (t.ok) {
                    if (pattern.empty() && !t.rest.empty()) {
                        continue;
                    }
                    name = t.rest;
                    found = true;
                    break;
                }
            }
        }
        if (!found) {
            return false;
        }
    }
    return name.empty();
}

size_t pattern_error(std::string_view pattern) {
    const size_t size = pattern.size();
    while (!pattern.empty()) {
        Chunk c = scan_chunk(pattern);
        size_t chunk_at = size - c.rest.size() - c.chunk.size();
        ChunkMatch m = match_chunk(c.chunk, {});
        if (m.error) {
            return chunk_at + m.error_at;
        }
        pattern = c.rest;
    }
    return std::string_view::npos;
}

}  // namespace bulwark::input::context
