#include "bulwark/input/compose/dotenv.hpp"

#include <fmt/format.h>

#include "bulwark/util/strings.hpp"

namespace bulwark::input::compose {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
}

bool valid_name(std::string_view name) {
    if (name.empty()) {
        return false;
    }
    for (char c : name) {
        bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                  c == '.' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

/// The body of a double-quoted value with its escapes applied.
std::string unescape_double(std::string_view body) {
    std::string out;
    for (size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\\' || i + 1 == body.size()) {
            out += body[i];
            continue;
        }
        char next = body[++i];
        switch (next) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            default:
                if (next != '"' && next != '\\' && next != '$') {
                    out += '\\';
                }
                out += next;
                break;
        }
    }
    return out;
}

}  // namespace

std::vector<DotenvEntry> parse_dotenv(const util::SourceFile& file, const Environment& env,
                                      std::vector<core::Diagnostic>& diagnostics) {
    std::vector<DotenvEntry> out;
    Environment scope = env;
    const std::string& text = file.text();
    size_t pos = 0;
    while (pos < text.size()) {
        size_t eol = text.find('\n', pos);
        size_t line_end = eol == std::string::npos ? text.size() : eol;
        size_t next = line_end + 1;
        size_t i = pos;
        while (i < line_end && is_blank(text[i])) {
            ++i;
        }
        if (i == line_end || text[i] == '#') {
            pos = next;
            continue;
        }
        if (text.compare(i, 7, "export ") == 0) {
            i += 7;
            while (i < line_end && is_blank(text[i])) {
                ++i;
            }
        }
        size_t name_begin = i;
        while (i < line_end && text[i] != '=' && !is_blank(text[i])) {
            ++i;
        }
        DotenvEntry e;
        e.name = text.substr(name_begin, i - name_begin);
        e.name_range = {static_cast<uint32_t>(name_begin), static_cast<uint32_t>(i)};
        while (i < line_end && is_blank(text[i])) {
            ++i;
        }
        if (!valid_name(e.name) || (i < line_end && text[i] != '=')) {
            diagnostics.push_back(core::make_diagnostic(
                core::DiagLevel::warning, file, name_begin,
                fmt::format("invalid line in env file (expected NAME=VALUE): '{}'",
                            util::trim(std::string_view(text).substr(pos, line_end - pos)))));
            pos = next;
            continue;
        }
        if (i < line_end) {
            e.has_value = true;
            ++i;  // '='
            while (i < line_end && is_blank(text[i])) {
                ++i;
            }
            char quote = i < line_end ? text[i] : '\0';
            if (quote == '"' || quote == '\'') {
                // A quoted value may span lines.
                size_t j = i + 1;
                while (j < text.size() && text[j] != quote) {
                    j += (quote == '"' && text[j] == '\\') ? 2 : 1;
                }
                size_t close = std::min(j, text.size());
                std::string_view body = std::string_view(text).substr(i + 1, close - i - 1);
                if (close >= text.size()) {
                    diagnostics.push_back(core::make_diagnostic(core::DiagLevel::warning, file, i,
                                                                "unterminated quoted value in env file"));
                }
                if (quote == '\'') {
                    e.value = std::string(body);
                } else {
                    Interpolated r = interpolate(unescape_double(body), scope);
                    e.value = std::move(r.value);
                    e.known = r.known;
                }
                size_t after = text.find('\n', std::min(close, text.size()));
                line_end = after == std::string::npos ? text.size() : after;
                next = line_end + 1;
            } else {
                std::string_view raw = std::string_view(text).substr(i, line_end - i);
                if (size_t hash = raw.find(" #"); hash != std::string_view::npos) {
                    raw = raw.substr(0, hash);
                }
                Interpolated r = interpolate(util::trim(raw), scope);
                e.value = std::move(r.value);
                e.known = r.known;
            }
            if (e.known) {
                scope[e.name] = e.value;
            } else {
                scope.erase(e.name);
            }
        }
        e.range = {static_cast<uint32_t>(pos), static_cast<uint32_t>(line_end)};
        out.push_back(std::move(e));
        pos = next;
    }
    return out;
}

}  // namespace bulwark::input::compose
