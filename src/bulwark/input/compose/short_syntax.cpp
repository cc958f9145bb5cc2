#include "bulwark/input/compose/short_syntax.hpp"

#include "bulwark/util/strings.hpp"

namespace bulwark::input::compose {

namespace {

bool is_drive_letter(std::string_view text, size_t at) {
    // "C:\..." or "C:/..." at the start of a part.
    return at + 2 < text.size() &&
           ((text[at] >= 'A' && text[at] <= 'Z') || (text[at] >= 'a' && text[at] <= 'z')) &&
           text[at + 1] == ':' && (text[at + 2] == '\\' || text[at + 2] == '/');
}

/// Splits on ':' keeping Windows drive letters ("C:\x") in one part.
std::vector<std::pair<std::string_view, size_t>> split_colons(std::string_view text) {
    std::vector<std::pair<std::string_view, size_t>> parts;
    size_t start = 0;
    size_t i = 0;
    while (i <= text.size()) {
        if (i == start && is_drive_letter(text, i)) {
            i += 2;
            continue;
        }
        if (i == text.size() || text[i] == ':') {
            parts.emplace_back(text.substr(start, i - start), start);
            start = i + 1;
        }
        ++i;
    }
    return parts;
}

}  // namespace

bool is_bind_source(std::string_view source) {
    return util::starts_with(source, "/") || util::starts_with(source, ".") ||
           util::starts_with(source, "~") || util::starts_with(source, "\\\\") ||
           is_drive_letter(source, 0) || source.find('/') != std::string_view::npos;
}

ShortVolume parse_short_volume(std::string_view text) {
    ShortVolume v;
    auto parts = split_colons(text);
    if (parts.size() == 1) {
        v.target = std::string(parts[0].first);
        v.target_at = parts[0].second;
        return v;
    }
    v.source = std::string(parts[0].first);
    v.source_at = parts[0].second;
    v.target = std::string(parts[1].first);
    v.target_at = parts[1].second;
    if (parts.size() >= 3) {
        v.options_at = parts[2].second;
        std::string_view opts = text.substr(parts[2].second);
        for (std::string_view o : util::split(opts, ',')) {
            if (!o.empty()) {
                v.options.emplace_back(o);
            }
        }
    }
    v.bind = !v.source.empty() && is_bind_source(v.source);
    return v;
}

ShortPort parse_short_port(std::string_view text) {
    ShortPort p;
    std::string_view rest = text;
    if (size_t slash = rest.rfind('/'); slash != std::string_view::npos) {
        p.protocol = util::to_lower(rest.substr(slash + 1));
        rest = rest.substr(0, slash);
    }
    size_t base = 0;
    if (util::starts_with(rest, "[")) {
        size_t close = rest.find(']');
        if (close == std::string_view::npos || close + 1 >= rest.size() || rest[close + 1] != ':') {
            p.valid = false;
            p.target = std::string(rest);
            return p;
        }
        p.host_ip = std::string(rest.substr(1, close - 1));
        p.host_ip_at = 1;
        base = close + 2;
        rest = rest.substr(base);
        size_t colon = rest.rfind(':');
        if (colon == std::string_view::npos) {
            p.valid = false;
            p.target = std::string(rest);
            p.target_at = base;
            return p;
        }
        p.published = std::string(rest.substr(0, colon));
        p.published_at = base;
        p.target = std::string(rest.substr(colon + 1));
        p.target_at = base + colon + 1;
        return p;
    }
    size_t last = rest.rfind(':');
    if (last == std::string_view::npos) {
        p.target = std::string(rest);
        return p;
    }
    p.target = std::string(rest.substr(last + 1));
    p.target_at = last + 1;
    std::string_view front = rest.substr(0, last);
    size_t prev = front.rfind(':');
    if (prev == std::string_view::npos) {
        p.published = std::string(front);
        return p;
    }
    p.published = std::string(front.substr(prev + 1));
    p.published_at = prev + 1;
    p.host_ip = std::string(front.substr(0, prev));
    return p;
}

ShortDevice parse_short_device(std::string_view text) {
    ShortDevice d;
    std::vector<std::string_view> parts = util::split(text, ':');
    d.host = std::string(parts[0]);
    d.container = parts.size() > 1 ? std::string(parts[1]) : d.host;
    if (parts.size() > 2) {
        d.permissions = std::string(parts[2]);
    }
    return d;
}

}  // namespace bulwark::input::compose
