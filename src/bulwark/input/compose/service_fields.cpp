// The structured fields of a compose service: volumes, tmpfs, ports, devices, ulimits and NAME=VALUE maps.
#include <algorithm>
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "bulwark/input/compose/service_reader.hpp"
#include "bulwark/input/compose/short_syntax.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::compose {

namespace {

constexpr std::string_view k_propagations[] = {"rprivate", "private", "rshared", "shared", "rslave", "slave"};

model::Setting<std::string> part_setting(const Node& item, std::string value, size_t at) {
    model::Setting<std::string> s;
    s.origin = sub_origin(item, at, at + value.size());
    s.value = std::move(value);
    s.set = true;
    s.known = item.known;
    return s;
}

model::Setting<bool> fixed_bool(bool value, const model::Origin& origin, bool known) {
    model::Setting<bool> s;
    s.value = value;
    s.origin = origin;
    s.set = true;
    s.known = known;
    return s;
}

void short_volume(const Node& item, model::ContainerSpec& spec) {
    ShortVolume v = parse_short_volume(item.scalar);
    model::ContainerMount m;
    m.origin = item.origin;
    m.type = v.bind ? model::ContainerMount::Type::bind : model::ContainerMount::Type::volume;
    if (!v.source.empty()) {
        m.source = part_setting(item, v.source, v.source_at);
    }
    m.target = part_setting(item, v.target, v.target_at);
    size_t at = v.options_at;
    for (const std::string& o : v.options) {
        model::Origin where = sub_origin(item, at, at + o.size());
        at += o.size() + 1;
        if (o == "ro" || o == "rw") {
            m.read_only = fixed_bool(o == "ro", where, item.known);
        } else if (o == "z" || o == "Z") {
            m.selinux.value = o;
            m.selinux.origin = where;
            m.selinux.set = true;
            m.selinux.known = item.known;
        } else if (std::find(std::begin(k_propagations), std::end(k_propagations), o) !=
                   std::end(k_propagations)) {
            m.propagation.value = o;
            m.propagation.origin = where;
            m.propagation.set = true;
            m.propagation.known = item.known;
        }
    }
    spec.mounts.push_back(std::move(m));
}

void long_volume(ReadContext& ctx, const Node& item, model::ContainerSpec& spec) {
    check_keys(ctx, item, keys::volume_long, "volumes");
    model::ContainerMount m;
    m.origin = item.origin;
    std::string type = "volume";
    if (const Node* t = item.find("type")) {
        type = util::to_lower(t->scalar);
    }
    using Type = model::ContainerMount::Type;
    static constexpr std::pair<std::string_view, Type> k_types[] = {
        {"bind", Type::bind},   {"volume", Type::volume}, {"tmpfs", Type::tmpfs},
        {"npipe", Type::npipe}, {"image", Type::image},   {"cluster", Type::cluster}};
    auto found =
        std::find_if(std::begin(k_types), std::end(k_types), [&](const auto& p) { return p.first == type; });
    if (found == std::end(k_types)) {
        report(
            ctx, core::DiagLevel::error, item.find("type")->origin,
            fmt::format("volumes: unknown type '{}' (bind, volume, tmpfs, npipe, image or cluster)", type));
    } else {
        m.type = found->second;
    }
    if (const Node* source = item.find("source")) {
        m.source = scalar_setting(ctx, *source, "volumes.source");
    }
    if (const Node* target = item.find("target")) {
        m.target = scalar_setting(ctx, *target, "volumes.target");
    } else {
        report(ctx, core::DiagLevel::error, item.origin, "volumes: an entry needs a 'target'");
    }
    if (const Node* ro = item.find("read_only")) {
        m.read_only = bool_setting(ctx, *ro, "volumes.read_only");
    }
    if (const Node* bind = item.find("bind"); bind != nullptr && expect_map(ctx, *bind, "volumes.bind")) {
        check_keys(ctx, *bind, keys::volume_bind, "volumes.bind");
        if (const Node* p = bind->find("propagation")) {
            m.propagation = scalar_setting(ctx, *p, "volumes.bind.propagation");
        }
        if (const Node* z = bind->find("selinux")) {
            m.selinux = scalar_setting(ctx, *z, "volumes.bind.selinux");
        }
    }
    for (auto [key, known] :
         {std::pair{"volume", keys::volume_volume}, std::pair{"tmpfs", keys::volume_tmpfs},
          std::pair{"image", keys::volume_image}}) {
        if (const Node* sub = item.find(key);
            sub != nullptr && expect_map(ctx, *sub, fmt::format("volumes.{}", key))) {
            check_keys(ctx, *sub, known, fmt::format("volumes.{}", key));
        }
    }
    spec.mounts.push_back(std::move(m));
}

model::Setting<std::string> port_part(ReadContext& ctx, const Node* n, std::string_view what) {
    return n == nullptr ? model::Setting<std::string>{} : scalar_setting(ctx, *n, what);
}

std::optional<int64_t> to_int(std::string_view text) {
    text = util::trim(text);
    int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return v;
}

model::Setting<int64_t> limit_setting(ReadContext& ctx, const Node& n, std::string_view what) {
    model::Setting<int64_t> s;
    if (!n.is_scalar()) {
        report(ctx, core::DiagLevel::error, n.origin,
               fmt::format("{}: expected a number, found {}", what, kind_name(n)));
        return s;
    }
    s.origin = n.origin;
    s.set = true;
    s.known = n.known;
    if (auto v = to_int(n.scalar)) {
        s.value = *v;
    } else if (n.known) {
        report(ctx, core::DiagLevel::error, n.origin,
               fmt::format("{}: '{}' is not a number", what, n.scalar));
        s.set = false;
    }
    return s;
}

}  // namespace

void read_volumes(ReadContext& ctx, const Node& node, model::ContainerSpec& spec) {
    if (!node.is_sequence()) {
        if (!node.is_null()) {
            report(ctx, core::DiagLevel::error, node.origin,
                   fmt::format("volumes: expected a list, found {}", kind_name(node)));
        }
        return;
    }
    for (const Node& item : node.items) {
        if (item.is_scalar()) {
            short_volume(item, spec);
        } else if (item.is_map()) {
            long_volume(ctx, item, spec);
        } else {
            report(ctx, core::DiagLevel::error, item.origin,
                   fmt::format("volumes: unexpected {}", kind_name(item)));
        }
    }
}

void read_tmpfs(ReadContext& ctx, const Node& node, model::ContainerSpec& spec) {
    for (const model::Setting<std::string>& t : list_settings(ctx, node, "tmpfs")) {
        model::ContainerMount m;
        m.type = model::ContainerMount::Type::tmpfs;
        m.origin = t.origin;
        m.target = t;
        if (size_t colon = t.value.find(':'); colon != std::string::npos) {
            m.target.value = t.value.substr(0, colon);
            m.target.origin.range.end =
                std::min(t.origin.range.end, t.origin.range.begin + static_cast<uint32_t>(colon));
        }
        spec.mounts.push_back(std::move(m));
    }
}

void read_ports(ReadContext& ctx, const Node& node, model::ContainerSpec& spec) {
    if (!node.is_sequence()) {
        if (!node.is_null()) {
            report(ctx, core::DiagLevel::error, node.origin,
                   fmt::format("ports: expected a list, found {}", kind_name(node)));
        }
        return;
    }
    for (const Node& item : node.items) {
        model::PortMapping p;
        p.origin = item.origin;
        p.known = item.known;
        if (item.is_scalar()) {
            ShortPort sp = parse_short_port(item.scalar);
            if (!sp.valid && item.known) {
                report(ctx, core::DiagLevel::error, item.origin,
                       fmt::format("ports: invalid port '{}'", item.scalar));
            }
            if (!sp.host_ip.empty()) {
                p.host_ip = part_setting(item, sp.host_ip, sp.host_ip_at);
            }
            if (!sp.published.empty()) {
                p.host_port = part_setting(item, sp.published, sp.published_at);
            }
            p.container_port = part_setting(item, sp.target, sp.target_at);
            p.protocol = sp.protocol;
        } else if (item.is_map()) {
            check_keys(ctx, item, keys::port_long, "ports");
            p.host_ip = port_part(ctx, item.find("host_ip"), "ports.host_ip");
            p.host_port = port_part(ctx, item.find("published"), "ports.published");
            p.container_port = port_part(ctx, item.find("target"), "ports.target");
            if (const Node* proto = item.find("protocol"); proto != nullptr && proto->is_scalar()) {
                p.protocol = util::to_lower(proto->scalar);
            }
            p.known = p.host_ip.known && p.host_port.known && p.container_port.known;
            if (!p.container_port.set) {
                report(ctx, core::DiagLevel::error, item.origin, "ports: an entry needs a 'target'");
            }
        } else {
            report(ctx, core::DiagLevel::error, item.origin,
                   fmt::format("ports: unexpected {}", kind_name(item)));
            continue;
        }
        spec.ports.push_back(std::move(p));
    }
}

void read_devices(ReadContext& ctx, const Node& node, model::ContainerSpec& spec) {
    if (!node.is_sequence()) {
        if (!node.is_null()) {
            report(ctx, core::DiagLevel::error, node.origin,
                   fmt::format("devices: expected a list, found {}", kind_name(node)));
        }
        return;
    }
    for (const Node& item : node.items) {
        model::Device d;
        d.origin = item.origin;
        if (item.is_scalar()) {
            ShortDevice sd = parse_short_device(item.scalar);
            d.host_path = part_setting(item, sd.host, 0);
            d.container_path = sd.container;
            d.permissions = sd.permissions;
        } else if (item.is_map()) {
            check_keys(ctx, item, keys::device_long, "devices");
            if (const Node* source = item.find("source")) {
                d.host_path = scalar_setting(ctx, *source, "devices.source");
            }
            const Node* target = item.find("target");
            d.container_path = target != nullptr ? target->scalar : d.host_path.value;
            if (const Node* perm = item.find("permissions")) {
                d.permissions = perm->scalar;
            }
        } else {
            report(ctx, core::DiagLevel::error, item.origin,
                   fmt::format("devices: unexpected {}", kind_name(item)));
            continue;
        }
        spec.devices.push_back(std::move(d));
    }
}

void read_ulimits(ReadContext& ctx, const Node& node, model::ContainerSpec& spec) {
    if (!expect_map(ctx, node, "ulimits")) {
        return;
    }
    for (const Entry& e : node.entries) {
        model::Ulimit u;
        u.name = e.key;
        u.origin = entry_origin(e);
        std::string what = "ulimits." + e.key;
        if (e.value.is_map()) {
            check_keys(ctx, e.value, keys::ulimit_long, what);
            const Node* soft = e.value.find("soft");
            const Node* hard = e.value.find("hard");
            if (soft != nullptr) {
                u.soft = limit_setting(ctx, *soft, what + ".soft");
            }
            if (hard != nullptr) {
                u.hard = limit_setting(ctx, *hard, what + ".hard");
            }
            if (soft == nullptr || hard == nullptr) {
                report(ctx, core::DiagLevel::error, e.value.origin,
                       fmt::format("{}: needs both 'soft' and 'hard'", what));
            }
        } else {
            u.soft = limit_setting(ctx, e.value, what);
            u.hard = u.soft;
        }
        spec.ulimits.push_back(std::move(u));
    }
}

void read_named_values(ReadContext& ctx, const Node& node, std::string_view what,
                       std::vector<model::NamedValue>& out) {
    if (!expect_map(ctx, node, what)) {
        return;
    }
    for (const Entry& e : node.entries) {
        model::NamedValue nv;
        nv.name = e.key;
        nv.origin = entry_origin(e);
        if (e.value.is_scalar()) {
            nv.value = string_setting(e.value);
        } else if (!e.value.is_null()) {
            report(ctx, core::DiagLevel::error, e.value.origin,
                   fmt::format("{}.{}: expected a single value, found {}", what, e.key, kind_name(e.value)));
            continue;
        }
        out.push_back(std::move(nv));
    }
}

}  // namespace bulwark::input::compose
