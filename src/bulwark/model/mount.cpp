#include "bulwark/model/mount.hpp"

#include <fmt/format.h>

#include "bulwark/util/strings.hpp"

namespace bulwark::model {

namespace {

/// Splits one CSV record as Go's encoding/csv does; returns an error message or "".
std::string split_csv(std::string_view s, std::vector<std::string>& fields) {
    if (s.empty()) {
        return "EOF";
    }
    size_t i = 0;
    while (true) {
        std::string field;
        if (i < s.size() && s[i] == '"') {
            ++i;
            bool closed = false;
            while (i < s.size()) {
                if (s[i] != '"') {
                    field += s[i++];
                    continue;
                }
                if (i + 1 < s.size() && s[i + 1] == '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                closed = true;
                ++i;
                break;
            }
            if (!closed || (i < s.size() && s[i] != ',')) {
                return "extraneous or missing \" in quoted-field";
            }
        } else {
            size_t comma = s.find(',', i);
            std::string_view raw =
                s.substr(i, comma == std::string_view::npos ? std::string_view::npos : comma - i);
            if (raw.find('"') != std::string_view::npos) {
                return "bare \" in non-quoted-field";
            }
            field.assign(raw);
            i += raw.size();
        }
        fields.push_back(std::move(field));
        if (i >= s.size()) {
            return {};
        }
        ++i;  // the comma
    }
}

bool parse_go_bool(std::string_view v) {
    static constexpr std::string_view k_values[] = {"1", "t", "T", "TRUE",  "true",  "True",
                                                    "0", "f", "F", "FALSE", "false", "False"};
    for (std::string_view x : k_values) {
        if (v == x) {
            return true;
        }
    }
    return false;
}

bool all_digits(std::string_view v, char max_digit) {
    if (v.empty()) {
        return false;
    }
    for (char c : v) {
        if (c < '0' || c > max_digit) {
            return false;
        }
    }
    return true;
}

/// BuildKit's per-key checks for a field with a value; returns an error message or "".
std::string check_field(Mount& m, const std::string& key, const std::string& value,
                        const std::string& field) {
    if (key == "from") {
        size_t dollar = value.find('$');
        if (dollar != std::string::npos && dollar + 1 != value.size()) {
            return "'from' doesn't support variable expansion, define alias stage instead";
        }
        return {};
    }
    if (value.find('$') != std::string::npos) {
        return {};  // expanded at build time
    }
    if (key == "type") {
        std::string t = util::to_lower(value);
        if (t != "bind" && t != "cache" && t != "tmpfs" && t != "secret" && t != "ssh") {
            return fmt::format("unsupported mount type \"{}\"", value);
        }
        m.type = t;
    } else if (key == "readonly" || key == "ro" || key == "readwrite" || key == "rw" || key == "required") {
        if (!parse_go_bool(value)) {
            return fmt::format("invalid value for {}: {}", key, value);
        }
    } else if (key == "sharing") {
        std::string s = util::to_lower(value);
        if (s != "shared" && s != "private" && s != "locked") {
            return fmt::format("unsupported sharing value \"{}\"", value);
        }
    } else if (key == "mode") {
        if (!all_digits(value, '7') || value.size() > 11) {
            return fmt::format("invalid value {} for mode", value);
        }
    } else if (key == "uid" || key == "gid") {
        if (!all_digits(value, '9') || value.size() > 10) {
            return fmt::format("invalid value {} for {}", value, key);
        }
    } else if (key != "source" && key != "src" && key != "target" && key != "dst" && key != "destination" &&
               key != "dest" && key != "id" && key != "env" && key != "size") {
        return fmt::format("unexpected key '{}' in '{}'", key, field);
    }
    return {};
}

}  // namespace

const std::string* Mount::get(std::initializer_list<std::string_view> keys) const {
    for (const auto& [k, v] : options) {
        for (std::string_view key : keys) {
            if (k == key) {
                return &v;
            }
        }
    }
    return nullptr;
}

std::string_view Mount::target() const {
    const std::string* v = get({"target", "dst", "destination", "dest"});
    return v != nullptr ? std::string_view(*v) : std::string_view();
}

std::string_view Mount::source() const {
    const std::string* v = get({"source", "src"});
    return v != nullptr ? std::string_view(*v) : std::string_view();
}

std::string_view Mount::id() const {
    const std::string* v = get({"id"});
    return v != nullptr ? std::string_view(*v) : std::string_view();
}

std::string_view Mount::from() const {
    const std::string* v = get({"from"});
    return v != nullptr ? std::string_view(*v) : std::string_view();
}

bool Mount::has(std::string_view key) const {
    return get({key}) != nullptr;
}

Mount parse_mount(std::string_view value) {
    Mount m;
    std::vector<std::string> fields;
    if (std::string err = split_csv(value, fields); !err.empty()) {
        m.error = "failed to parse csv mounts: " + err;
        return m;
    }
    for (const std::string& field : fields) {
        size_t eq = field.find('=');
        std::string key = util::to_lower(std::string_view(field).substr(0, eq));
        if (eq == std::string::npos) {
            m.options.emplace_back(key, std::string());
            if (!m.error.empty()) {
                continue;
            }
            if (key == "required" && m.type != "secret" && m.type != "ssh") {
                m.error = fmt::format("unexpected key '{}' for mount type '{}'", key, m.type);
            } else if (key != "readonly" && key != "ro" && key != "readwrite" && key != "rw" &&
                       key != "required") {
                m.error = fmt::format("invalid field '{}' must be a key=value pair", field);
            }
            continue;
        }
        std::string v = field.substr(eq + 1);
        if (m.error.empty()) {
            m.error = check_field(m, key, v, field);
        }
        m.options.emplace_back(std::move(key), std::move(v));
    }
    return m;
}

}  // namespace bulwark::model
