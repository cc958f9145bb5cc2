#include "bulwark/rules/container/common.hpp"

#include <fmt/format.h>

#include "bulwark/util/strings.hpp"

namespace bulwark::rules::container {

bool is_run(const model::ContainerSpec& c) {
    return c.source_kind == "run";
}

std::string spelled(const model::ContainerSpec& c, std::string_view run, std::string_view compose) {
    return std::string(is_run(c) ? run : compose);
}

std::string who(const model::ContainerSpec& c) {
    if (!is_run(c)) {
        return fmt::format("service `{}`", c.name);
    }
    std::string image = c.image.set ? c.image.value : "?";
    if (util::starts_with(c.name, "docker ")) {
        return fmt::format("`{}` of {}", c.name, image);
    }
    return fmt::format("container `{}` ({})", c.name, image);
}

SecurityOpt split_security_opt(std::string_view raw) {
    raw = util::trim(raw);
    size_t sep = raw.find_first_of("=:");
    SecurityOpt o;
    o.key = util::to_lower(raw.substr(0, sep));
    if (sep != std::string_view::npos) {
        o.value = std::string(raw.substr(sep + 1));
    }
    return o;
}

bool is_value(const model::Setting<std::string>& s, std::initializer_list<std::string_view> values) {
    if (!s.set || !s.known) {
        return false;
    }
    for (std::string_view v : values) {
        if (util::iequals(util::trim(s.value), v)) {
            return true;
        }
    }
    return false;
}

std::optional<model::ImageRef> image_of(const model::ContainerSpec& c) {
    if (!c.image.set || !c.image.known) {
        return std::nullopt;
    }
    return model::parse_image_ref(util::trim(c.image.value));
}

std::string clean_path(std::string_view path) {
    std::string out;
    for (std::string_view part : util::split(path, '/')) {
        if (part.empty() || part == ".") {
            continue;
        }
        out += '/';
        out += part;
    }
    if (out.empty()) {
        return path.empty() || path.front() != '/' ? std::string(path) : "/";
    }
    if (!path.empty() && path.front() != '/') {
        out.erase(0, 1);
    }
    return out;
}

bool publishes_ports(const model::ContainerSpec& c) {
    return !c.ports.empty() || (c.publish_all.set && c.publish_all.value);
}

bool on_all_interfaces(const model::PortMapping& p) {
    if (!p.host_ip.set || p.host_ip.value.empty()) {
        return true;
    }
    if (!p.host_ip.known) {
        return false;
    }
    std::string_view ip = util::trim(p.host_ip.value);
    return ip == "0.0.0.0" || ip == "::" || ip == "[::]";
}

std::vector<std::string> attached_networks(const model::ContainerSpec& c) {
    if (c.network_mode.set) {
        if (!c.network_mode.known) {
            return {};
        }
        std::string mode = util::to_lower(c.network_mode.value);
        if (mode == "host" || mode == "none" || util::starts_with(mode, "container:") ||
            util::starts_with(mode, "service:")) {
            return {};
        }
    }
    std::vector<std::string> out;
    for (const model::Setting<std::string>& n : c.networks) {
        if (n.known) {
            out.push_back(n.value == "default" && is_run(c) ? "bridge" : n.value);
        }
    }
    if (out.empty() && c.network_mode.set && c.network_mode.known) {
        out.push_back(c.network_mode.value);
    }
    if (out.empty()) {
        out.push_back(is_run(c) ? "bridge" : "default");
    }
    return out;
}

}  // namespace bulwark::rules::container
