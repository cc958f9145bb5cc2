#include "bulwark/report/renderers/json_writer.hpp"

#include "bulwark/report/renderers/ascii_scan.hpp"

#include <charconv>
#include <cstring>

#include <nlohmann/json.hpp>

namespace bulwark::report::detail {

namespace {

using Json = nlohmann::ordered_json;

}  // namespace

void put_json_string(std::string& out, std::string_view s) {
    // ASCII is escaped here as nlohmann escapes it; strings with other bytes (UTF-8, or invalid
    // bytes to replace) are left to nlohmann, so escaping cannot drift.
    static constexpr std::string_view k_hex = "0123456789abcdef";
    const size_t start = out.size();
    out += '"';
    size_t i = 0;
    while (true) {
        size_t k = i + first_unplain<'"', '\\'>(s.substr(i));
        out.append(s.data() + i, k - i);
        if (k == s.size()) {
            break;
        }
        char c = s[k];
        if (static_cast<unsigned char>(c) >= 0x7f) {
            out.resize(start);
            out += Json(s).dump(-1, ' ', false, Json::error_handler_t::replace);
            return;
        }
        i = k + 1;
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default: {
                const char escape[6] = {'\\',
                                        'u',
                                        '0',
                                        '0',
                                        k_hex[static_cast<unsigned char>(c) >> 4U],
                                        k_hex[static_cast<unsigned char>(c) & 0xfU]};
                out.append(escape, sizeof(escape));
                break;
            }
        }
    }
    out += '"';
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
