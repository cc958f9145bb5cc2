#include "bulwark/report/renderers/json_writer.hpp"

#include "bulwark/report/renderers/ascii_scan.hpp"

#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

namespace bulwark::report::detail {

namespace {

using Json = nlohmann::ordered_json;

/// Copies the run of plain bytes (ascii_scan::plain<'"', '\\'>) of `s` from `i` to `out` and
/// returns its length: tested and copied 16 bytes at a time, each chunk stored as it is tested,
/// without a call to memcpy for each run. `out` has room for json_string_bound(s) bytes from the
/// literal's start, which holds every 16-byte store (see below).
size_t copy_plain(char* out, std::string_view s, size_t i) {
    const char* p = s.data();
    const size_t n = s.size();
    size_t k = i;
#if defined(__SSE2__)
    // While 16 bytes remain, at most 1 + 6 * k bytes of the literal are written (6 per byte escaped),
    // and 1 + 6 * k + 16 <= 6 * n + 2: the store fits.
    for (; k + 16 <= n; k += 16) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + (k - i)), v);
        if (unsigned m = ascii_scan::unplain_mask16<'"', '\\'>(v); m != 0) {
            return k - i + static_cast<size_t>(__builtin_ctz(m));
        }
    }
    if (k < n && n >= i + 16) {
        // The last 16 bytes, overlapping bytes of this run already copied: stored where those
        // went, which they already hold.
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + n - 16));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(out + (n - 16 - i)), v);
        unsigned m = ascii_scan::unplain_mask16<'"', '\\'>(v) >> (k - (n - 16));
        return m != 0 ? k - i + static_cast<size_t>(__builtin_ctz(m)) : n - i;
    }
#endif
    for (; k < n && ascii_scan::plain<'"', '\\'>(p[k]); ++k) {
        out[k - i] = p[k];
    }
    return k - i;
}

}  // namespace

char* write_json_string(char* out, std::string_view s) {
    // ASCII is escaped here as nlohmann escapes it; strings with other bytes (UTF-8, or invalid
    // bytes to replace) are left to nlohmann, so escaping cannot drift.
    static constexpr std::string_view k_hex = "0123456789abcdef";
    char* const start = out;
    *out++ = '"';
    size_t i = 0;
    while (true) {
        const size_t k = i + copy_plain(out, s, i);
        out += k - i;
        if (k == s.size()) {
            break;
        }
        auto c = static_cast<unsigned char>(s[k]);
        if (c >= 0x7f) {
            std::string text = Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
            std::memcpy(start, text.data(), text.size());  // at most 6 bytes for each of `s`, and quotes
            return start + text.size();
        }
        i = k + 1;
        const char* escape = nullptr;  // the two-character escapes
        switch (c) {
            case '"':
                escape = "\\\"";
                break;
            case '\\':
                escape = "\\\\";
                break;
            case '\b':
                escape = "\\b";
                break;
            case '\f':
                escape = "\\f";
                break;
            case '\n':
                escape = "\\n";
                break;
            case '\r':
                escape = "\\r";
                break;
            case '\t':
                escape = "\\t";
                break;
            default:
                break;
        }
        if (escape != nullptr) {
            std::memcpy(out, escape, 2);
            out += 2;
        } else {
            const char unicode[6] = {'\\', 'u', '0', '0', k_hex[c >> 4U], k_hex[c & 0xfU]};
            std::memcpy(out, unicode, sizeof(unicode));
            out += sizeof(unicode);
        }
    }
    *out++ = '"';
    return out;
}

void put_json_string(std::string& out, std::string_view s) {
    constexpr size_t k_small = 256;  // most strings: escaped on the stack, appended at once
    if (s.size() <= k_small) {
        char buffer[6 * k_small + 2];  // json_string_bound() of the longest
        out.append(buffer, static_cast<size_t>(write_json_string(buffer, s) - buffer));
        return;
    }
    const size_t size = out.size();
    out.resize(size + json_string_bound(s));
    out.resize(static_cast<size_t>(write_json_string(out.data() + size, s) - out.data()));
}

std::string json_string(std::string_view s) {
    std::string out;
    put_json_string(out, s);
    return out;
}

void put_json_number(std::string& out, uint64_t n) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), n);
    out.append(buffer, end);
}

void put_json_dom(std::string& out, const Json& j, size_t indent) {
    std::string text = j.dump(2, ' ', false, Json::error_handler_t::replace);
    size_t from = 0;
    for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', from)) {
        out.append(text, from, nl + 1 - from);  // JSON strings never hold a raw newline
        out.append(indent, ' ');
        from = nl + 1;
    }
    out.append(text, from, std::string::npos);
}

std::string& JsonContainer::key(std::string_view k) {
    size_t indent = m_indent + 2;
    char buffer[128];  // `,` + newline + indentation + `"key": `, appended at once
    if (indent + k.size() + 7 > sizeof(buffer)) {
        element();  // deeper or longer than the renderers write, but correct all the same
        m_out += '"';
        m_out += k;
        m_out += "\": ";
        return m_out;
    }
    size_t n = 0;
    if (!m_empty) {
        buffer[n++] = ',';
    }
    m_empty = false;
    buffer[n++] = '\n';
    std::memset(buffer + n, ' ', indent);
    n += indent;
    buffer[n++] = '"';
    std::memcpy(buffer + n, k.data(), k.size());
    n += k.size();
    std::memcpy(buffer + n, "\": ", 3);
    n += 3;
    m_out.append(buffer, n);
    return m_out;
}

std::string& JsonContainer::element() {
    if (!m_empty) {
        m_out += ',';
    }
    m_empty = false;
    m_out += '\n';
    m_out.append(m_indent + 2, ' ');
    return m_out;
}

void JsonContainer::close() {
    if (!m_empty) {
        m_out += '\n';
        m_out.append(m_indent, ' ');
    }
    m_out += m_close;
}

}  // namespace bulwark::report::detail
