// Value syntaxes of `docker run` flags: published ports, -v volumes, --mount CSV, capabilities.
#include <algorithm>

#include "bulwark/input/run/parser.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::run {

namespace {

model::Setting<std::string> text_setting(std::string_view v) {
    model::Setting<std::string> s;
    s.value = std::string(v);
    s.set = !v.empty();
    return s;
}

/// A port or port range: digits, "a-b", or an expansion ("$PORT").
bool valid_port_spec(std::string_view s) {
    if (s.empty()) {
        return false;
    }
    if (s.find('$') != std::string_view::npos || s.find('`') != std::string_view::npos) {
        return true;
    }
    size_t dash = s.find('-');
    auto digits = [](std::string_view d) {
        return !d.empty() && d.size() <= 5 &&
               std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (dash == std::string_view::npos) {
        return digits(s);
    }
    return digits(s.substr(0, dash)) && digits(s.substr(dash + 1));
}

/// Splits on `sep` outside shell expansions (`${VAR:-x}`, `$(cmd)`), whose text is kept whole.
std::vector<std::string_view> split_outside_expansions(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    size_t start = 0;
    int depth = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '$' && i + 1 < s.size() && (s[i + 1] == '{' || s[i + 1] == '(')) {
            ++depth;
            ++i;
        } else if ((c == '}' || c == ')') && depth > 0) {
            --depth;
        } else if (c == sep && depth == 0) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    out.push_back(s.substr(start));
    return out;
}

bool is_mode_word(std::string_view w) {
    static constexpr std::string_view k_modes[] = {"ro",      "rw",    "z",          "Z",       "shared",
                                                   "rshared", "slave", "rslave",     "private", "rprivate",
                                                   "nocopy",  "copy",  "consistent", "cached",  "delegated",
                                                   "rbind",   "bind",  "nosuid",     "noexec",  "nodev"};
    return std::find(std::begin(k_modes), std::end(k_modes), w) != std::end(k_modes);
}

bool is_mode_list(std::string_view s) {
    if (s.empty()) {
        return false;
    }
    for (std::string_view part : util::split(s, ',')) {
        if (!is_mode_word(part)) {
            return false;
        }
    }
    return true;
}

bool looks_like_host_path(std::string_view s) {
    if (s.empty()) {
        return false;
    }
    char c = s.front();
    return c == '/' || c == '.' || c == '~' || c == '$' || c == '`' ||
           s.find('/') != std::string_view::npos || s.find('\\') != std::string_view::npos;
}

void apply_mode_list(model::ContainerMount& m, std::string_view modes) {
    for (std::string_view part : util::split(modes, ',')) {
        if (part == "ro" || part == "rw") {
            m.read_only.value = part == "ro";
            m.read_only.set = true;
        } else if (part == "z" || part == "Z") {
            m.selinux = text_setting(part);
        } else if (part == "shared" || part == "rshared" || part == "slave" || part == "rslave" ||
                   part == "private" || part == "rprivate") {
            m.propagation = text_setting(part);
        }
    }
}

/// Splits a CSV line as Go's encoding/csv does for one record: fields separated by ',', a field
/// that starts with '"' is quoted ("" is a quote inside it). Returns false on a bad quote.
bool split_csv(std::string_view line, std::vector<std::string>& out) {
    size_t i = 0;
    while (true) {
        std::string field;
        if (i < line.size() && line[i] == '"') {
            ++i;
            bool closed = false;
            while (i < line.size()) {
                if (line[i] == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                field += line[i++];
            }
            if (!closed || (i < line.size() && line[i] != ',')) {
                return false;
            }
        } else {
            size_t comma = line.find(',', i);
            size_t stop = comma == std::string_view::npos ? line.size() : comma;
            field = std::string(line.substr(i, stop - i));
            i = stop;
        }
        out.push_back(std::move(field));
        if (i >= line.size()) {
            return true;
        }
        ++i;  // the comma
    }
}

std::optional<bool> parse_bool(std::string_view v) {
    std::string l = util::to_lower(v);
    if (l.empty() || l == "true" || l == "1") {
        return true;
    }
    if (l == "false" || l == "0") {
        return false;
    }
    return std::nullopt;
}

}  // namespace

std::string normalize_capability(std::string_view cap) {
    std::string up = util::to_upper(util::trim(cap));
    if (util::starts_with(up, "CAP_")) {
        up.erase(0, 4);
    }
    return up;
}

std::optional<model::PortMapping> parse_port(std::string_view text) {
    model::PortMapping p;
    std::string_view spec = text;
    if (size_t slash = spec.rfind('/'); slash != std::string_view::npos) {
        p.protocol = util::to_lower(spec.substr(slash + 1));
        spec = spec.substr(0, slash);
        if (p.protocol != "tcp" && p.protocol != "udp" && p.protocol != "sctp") {
            return std::nullopt;
        }
    }
    std::string ip;
    std::string host;
    std::string container;
    if (!spec.empty() && spec.front() == '[') {
        size_t close = spec.find(']');
        if (close == std::string_view::npos || close + 1 >= spec.size() || spec[close + 1] != ':') {
            return std::nullopt;
        }
        ip = std::string(spec.substr(1, close - 1));
        std::string_view rest = spec.substr(close + 2);
        size_t colon = rest.find(':');
        if (colon == std::string_view::npos) {
            container = std::string(rest);
        } else {
            host = std::string(rest.substr(0, colon));
            container = std::string(rest.substr(colon + 1));
        }
    } else {
        std::vector<std::string_view> parts = split_outside_expansions(spec, ':');
        size_t n = parts.size();
        container = std::string(parts[n - 1]);
        if (n >= 2) {
            host = std::string(parts[n - 2]);
        }
        if (n >= 3) {
            std::string_view all = spec.substr(0, spec.size() - container.size() - host.size() - 2);
            ip = std::string(all);
        }
    }
    if (!valid_port_spec(container) || (!host.empty() && !valid_port_spec(host))) {
        return std::nullopt;
    }
    p.host_ip = text_setting(ip);
    p.host_port = text_setting(host);
    p.container_port = text_setting(container);
    return p;
}

std::optional<model::ContainerMount> parse_volume(std::string_view text) {
    if (text.empty()) {
        return std::nullopt;
    }
    model::ContainerMount m;
    std::vector<std::string_view> parts = split_outside_expansions(text, ':');
    // A Windows drive letter ("C:\data:/data") is part of the source.
    if (parts.size() >= 2 && parts[0].size() == 1 &&
        std::isalpha(static_cast<unsigned char>(parts[0][0])) != 0 &&
        (util::starts_with(parts[1], "\\") || util::starts_with(parts[1], "/"))) {
        std::string_view joined = text.substr(0, parts[0].size() + 1 + parts[1].size());
        parts.erase(parts.begin());
        parts[0] = joined;
    }
    std::string_view source;
    std::string_view target;
    std::string_view modes;
    if (parts.size() == 1) {
        target = parts[0];
    } else if (parts.size() == 2) {
        if (is_mode_list(parts[1]) && !util::starts_with(parts[1], "/")) {
            target = parts[0];
            modes = parts[1];
        } else {
            source = parts[0];
            target = parts[1];
        }
    } else if (parts.size() == 3) {
        source = parts[0];
        target = parts[1];
        modes = parts[2];
    } else {
        return std::nullopt;
    }
    if (target.empty() || (!modes.empty() && !is_mode_list(modes))) {
        return std::nullopt;
    }
    m.type = looks_like_host_path(source) ? model::ContainerMount::Type::bind
                                          : model::ContainerMount::Type::volume;
    m.source = text_setting(source);
    m.target = text_setting(target);
    apply_mode_list(m, modes);
    return m;
}

std::optional<model::ContainerMount> parse_mount_flag(std::string_view text, std::string& error) {
    std::vector<std::string> fields;
    if (!split_csv(text, fields)) {
        error = "bad quoting in --mount value";
        return std::nullopt;
    }
    model::ContainerMount m;
    m.type = model::ContainerMount::Type::volume;
    for (const std::string& f : fields) {
        std::string_view field = util::trim(f);
        if (field.empty()) {
            continue;
        }
        size_t eq = field.find('=');
        std::string key = util::to_lower(field.substr(0, eq));
        std::string_view value = eq == std::string_view::npos ? std::string_view{} : field.substr(eq + 1);
        if (key == "type") {
            static constexpr std::pair<std::string_view, model::ContainerMount::Type> k_types[] = {
                {"bind", model::ContainerMount::Type::bind},
                {"volume", model::ContainerMount::Type::volume},
                {"tmpfs", model::ContainerMount::Type::tmpfs},
                {"npipe", model::ContainerMount::Type::npipe},
                {"image", model::ContainerMount::Type::image},
                {"cluster", model::ContainerMount::Type::cluster}};
            auto it = std::find_if(std::begin(k_types), std::end(k_types),
                                   [&](const auto& t) { return t.first == util::to_lower(value); });
            if (it == std::end(k_types)) {
                error = "unknown mount type '" + std::string(value) + "'";
                return std::nullopt;
            }
            m.type = it->second;
        } else if (key == "source" || key == "src") {
            m.source = text_setting(value);
        } else if (key == "target" || key == "destination" || key == "dst" || key == "dest") {
            m.target = text_setting(value);
        } else if (key == "readonly" || key == "ro") {
            std::optional<bool> b = parse_bool(value);
            if (!b) {
                error = "invalid value for " + key + ": '" + std::string(value) + "'";
                return std::nullopt;
            }
            m.read_only.value = *b;
            m.read_only.set = true;
        } else if (key == "bind-propagation") {
            m.propagation = text_setting(util::to_lower(value));
        } else if (key == "consistency" || key == "bind-nonrecursive" || key == "bind-recursive" ||
                   key == "bind-create-src" || util::starts_with(key, "volume-") ||
                   util::starts_with(key, "tmpfs-") || util::starts_with(key, "image-")) {
            // Accepted by Docker, no security meaning here.
        } else {
            error = "unexpected key '" + key + "' in --mount value";
            return std::nullopt;
        }
    }
    if (!m.target.set) {
        error = "--mount needs a target (target=/path)";
        return std::nullopt;
    }
    return m;
}

}  // namespace bulwark::input::run
