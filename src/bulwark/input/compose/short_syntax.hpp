#pragma once
// The short (string) syntaxes of compose `volumes:`, `ports:` and `devices:` entries.
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::input::compose {

/// `[SOURCE:]TARGET[:OPTIONS]` with offsets of each part in the text.
struct ShortVolume {
    std::string source;
    std::string target;
    std::vector<std::string> options;  // ro, rw, z, Z, shared, rslave, nocopy ...
    size_t source_at = 0;
    size_t target_at = 0;
    size_t options_at = 0;
    bool bind = false;  // the source is a path (absolute, ./, ../, ~)
};
ShortVolume parse_short_volume(std::string_view text);

/// `[[HOST_IP:][PUBLISHED]:]TARGET[/PROTOCOL]`; IPv6 host addresses in brackets.
struct ShortPort {
    std::string host_ip;
    std::string published;
    std::string target;
    std::string protocol = "tcp";
    size_t host_ip_at = 0;
    size_t published_at = 0;
    size_t target_at = 0;
    bool valid = true;
};
ShortPort parse_short_port(std::string_view text);

/// `HOST[:CONTAINER[:PERMISSIONS]]`.
struct ShortDevice {
    std::string host;
    std::string container;
    std::string permissions = "rwm";
};
ShortDevice parse_short_device(std::string_view text);

/// True for a path-like volume source (bind mount) rather than a volume name.
bool is_bind_source(std::string_view source);

}  // namespace bulwark::input::compose
