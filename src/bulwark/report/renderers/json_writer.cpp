#include "bulwark/report/renderers/json_writer.hpp"

#include "bulwark/report/renderers/ascii_scan.hpp"

#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

namespace bulwark::report::detail {

namespace {

using Json = nlohmann::ordered_json;

}  // namespace

char* write_json_string(char* out, std::string_view s) {
    // ASCII is escaped here as nlohmann escapes it; strings with other bytes (UTF-8, or invalid
    // bytes to replace) are left to nlohmann, so escaping cannot drift.
    static constexpr std::string_view k_hex = "0123456789abcdef";
    char* const start = out;
    *out++ = '"';
    size_t i = 0;
    while (true) {
        size_t k = i + first_unplain<'"', '\\'>(s.substr(i));
        if (k > i) {  // (an empty view may have no data at all)
            std::memcpy(out, s.data() + i, k - i);
            out += k - i;
        }
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
