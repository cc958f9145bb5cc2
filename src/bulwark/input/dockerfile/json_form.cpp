#include "bulwark/input/dockerfile/json_form.hpp"

#include <nlohmann/json.hpp>

namespace bulwark::input::dockerfile::detail {

namespace {

bool is_json_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

size_t skip_json_space(std::string_view s, size_t pos) {
    while (pos < s.size() && is_json_space(s[pos])) {
        ++pos;
    }
    return pos;
}

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Scans the string starting at s[pos] == '"'. Returns its end (after the closing quote) or npos
/// with `reason` set.
size_t scan_string(std::string_view s, size_t pos, bool& has_escape, std::string& reason) {
    ++pos;
    while (pos < s.size()) {
        auto c = static_cast<unsigned char>(s[pos]);
        if (c == '"') {
            return pos + 1;
        }
        if (c < 0x20) {
            reason = "control character in a string";
            return std::string_view::npos;
        }
        if (c != '\\') {
            ++pos;
            continue;
        }
        has_escape = true;
        if (pos + 1 >= s.size()) {
            break;
        }
        char e = s[pos + 1];
        if (e == 'u') {
            for (size_t k = 2; k < 6; ++k) {
                if (pos + k >= s.size() || !is_hex(s[pos + k])) {
                    reason = "invalid \\u escape in a string";
                    return std::string_view::npos;
                }
            }
            pos += 6;
        } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' ||
                   e == 't') {
            pos += 2;
        } else {
            reason = std::string("invalid escape \\") + e + " in a string";
            return std::string_view::npos;
        }
    }
    reason = "unterminated string";
    return std::string_view::npos;
}

/// Element that is not a string: decides between "valid JSON, wrong type" and "not JSON".
JsonArray non_string(std::string_view text, char c, std::string& reason) {
    if (c == '\'') {
        reason = "strings must use double quotes";
        return JsonArray::not_json;
    }
    if (nlohmann::json::accept(text)) {
        return JsonArray::not_strings;
    }
    reason = "expected a string";
    return JsonArray::not_json;
}

}  // namespace

JsonArray parse_json_array(std::string_view text, std::vector<JsonElement>& out, std::string& reason) {
    out.clear();
    size_t pos = skip_json_space(text, 1);
    if (pos < text.size() && text[pos] == ']') {
        pos = skip_json_space(text, pos + 1);
        if (pos != text.size()) {
            reason = "text after the closing ']'";
            return JsonArray::not_json;
        }
        return JsonArray::strings;
    }
    while (true) {
        if (pos >= text.size()) {
            reason = "missing ']'";
            return JsonArray::not_json;
        }
        if (text[pos] != '"') {
            return non_string(text, text[pos], reason);
        }
        bool has_escape = false;
        size_t end = scan_string(text, pos, has_escape, reason);
        if (end == std::string_view::npos) {
            return JsonArray::not_json;
        }
        JsonElement el;
        el.begin = pos;
        el.end = end;
        if (has_escape) {
            nlohmann::json j = nlohmann::json::parse(text.substr(pos, end - pos), nullptr, false);
            if (j.is_discarded() || !j.is_string()) {
                reason = "invalid string";
                return JsonArray::not_json;
            }
            el.value = j.get<std::string>();
        } else {
            el.value.assign(text.substr(pos + 1, end - pos - 2));
        }
        out.push_back(std::move(el));
        pos = skip_json_space(text, end);
        if (pos >= text.size()) {
            reason = "missing ']'";
            return JsonArray::not_json;
        }
        if (text[pos] == ']') {
            pos = skip_json_space(text, pos + 1);
            if (pos != text.size()) {
                reason = "text after the closing ']'";
                return JsonArray::not_json;
            }
            return JsonArray::strings;
        }
        if (text[pos] != ',') {
            reason = "expected ',' or ']' after a string";
            return JsonArray::not_json;
        }
        pos = skip_json_space(text, pos + 1);
        if (pos < text.size() && text[pos] == ']') {
            reason = "trailing ','";
            return JsonArray::not_json;
        }
    }
}

bool looks_like_shell_test(std::string_view text) {
    size_t open = text.starts_with("[[") ? 2 : 1;
    if (text.size() <= open || (text[open] != ' ' && text[open] != '\t')) {
        return false;
    }
    std::string_view close = open == 2 ? "]]" : "]";
    // The closing bracket must be a word of its own, with no ',' before it (exec arrays have some).
    for (size_t i = open; i + close.size() <= text.size(); ++i) {
        if (text[i] == ',') {
            return false;
        }
        bool before = text[i - 1] == ' ' || text[i - 1] == '\t';
        size_t after = i + close.size();
        bool word_end = after == text.size() || text[after] == ' ' || text[after] == '\t' ||
                        text[after] == ';' || text[after] == '&' || text[after] == '|' || text[after] == ')';
        if (before && word_end && text.substr(i, close.size()) == close) {
            return true;
        }
    }
    return false;
}

}  // namespace bulwark::input::dockerfile::detail
