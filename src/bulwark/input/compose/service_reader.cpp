#include "bulwark/input/compose/service_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bulwark/util/strings.hpp"

namespace bulwark::input::compose {

namespace {

/// "CAP_SYS_ADMIN", "sys_admin" -> "SYS_ADMIN".
std::vector<model::Setting<std::string>> capabilities(ReadContext& ctx, const Node& node,
                                                      std::string_view what) {
    std::vector<model::Setting<std::string>> caps = list_settings(ctx, node, what);
    for (model::Setting<std::string>& c : caps) {
        c.value = util::to_upper(c.value);
        if (util::starts_with(c.value, "CAP_")) {
            c.value.erase(0, 4);
        }
    }
    return caps;
}

/// command/entrypoint: a string or a list, joined.
model::Setting<std::string> command_setting(const Node& node) {
    model::Setting<std::string> s = string_setting(node);
    for (const Node& item : node.items) {
        s.known = s.known && item.known;
    }
    if (node.is_null()) {
        s.set = false;
    }
    return s;
}

void read_healthcheck(ReadContext& ctx, const Node& node, model::ContainerSpec& spec) {
    if (!expect_map(ctx, node, "healthcheck")) {
        return;
    }
    check_keys(ctx, node, keys::healthcheck, "healthcheck");
    if (const Node* disable = node.find("disable")) {
        spec.healthcheck_disabled = bool_setting(ctx, *disable, "healthcheck.disable");
    }
    if (const Node* test = node.find("test")) {
        spec.healthcheck_test = command_setting(*test);
        const Node* first = test->is_sequence() && !test->items.empty() ? &test->items.front() : test;
        if (first->is_scalar() && first->scalar == "NONE") {
            spec.healthcheck_disabled.value = true;
            spec.healthcheck_disabled.set = true;
            spec.healthcheck_disabled.known = first->known;
            spec.healthcheck_disabled.origin = first->origin;
        }
    }
}

/// deploy.resources.limits and deploy.restart_policy; service-level settings win.
void read_deploy(ReadContext& ctx, const Node& node, model::ContainerSpec& spec) {
    if (!expect_map(ctx, node, "deploy")) {
        return;
    }
    check_keys(ctx, node, keys::deploy, "deploy");
    if (const Node* resources = node.find("resources");
        resources != nullptr && expect_map(ctx, *resources, "deploy.resources")) {
        check_keys(ctx, *resources, keys::resources, "deploy.resources");
        if (const Node* limits = resources->find("limits");
            limits != nullptr && expect_map(ctx, *limits, "deploy.resources.limits")) {
            check_keys(ctx, *limits, keys::limits, "deploy.resources.limits");
            for (auto [key, field] : {std::pair{"memory", &spec.memory}, std::pair{"cpus", &spec.cpus},
                                      std::pair{"pids", &spec.pids_limit}}) {
                if (const Node* v = limits->find(key); v != nullptr && !field->set) {
                    *field = scalar_setting(ctx, *v, fmt::format("deploy.resources.limits.{}", key));
                }
            }
        }
        if (const Node* reservations = resources->find("reservations");
            reservations != nullptr && expect_map(ctx, *reservations, "deploy.resources.reservations")) {
            check_keys(ctx, *reservations, keys::reservations, "deploy.resources.reservations");
        }
    }
    if (const Node* policy = node.find("restart_policy");
        policy != nullptr && expect_map(ctx, *policy, "deploy.restart_policy")) {
        check_keys(ctx, *policy, keys::restart_policy, "deploy.restart_policy");
        if (const Node* cond = policy->find("condition"); cond != nullptr && !spec.restart.set) {
            spec.restart = scalar_setting(ctx, *cond, "deploy.restart_policy.condition");
            // Swarm's names for docker's restart policies.
            if (spec.restart.value == "any") {
                spec.restart.value = "always";
            } else if (spec.restart.value == "none") {
                spec.restart.value = "no";
            }
        }
        if (const Node* max = policy->find("max_attempts")) {
            spec.restart_max_attempts = scalar_setting(ctx, *max, "deploy.restart_policy.max_attempts");
        }
    }
}

void read_env_files(ReadContext& ctx, const Node& node, model::ContainerSpec& spec) {
    std::vector<const Node*> items;
    if (node.is_sequence()) {
        for (const Node& item : node.items) {
            items.push_back(&item);
        }
    } else if (!node.is_null()) {
        items.push_back(&node);
    }
    for (const Node* item : items) {
        model::Setting<std::string> path;
        bool required = true;
        if (item->is_map()) {
            check_keys(ctx, *item, keys::env_file_long, "env_file");
            if (const Node* p = item->find("path")) {
                path = scalar_setting(ctx, *p, "env_file.path");
            } else {
                report(ctx, core::DiagLevel::error, item->origin, "env_file: an entry needs a 'path'");
            }
            if (const Node* r = item->find("required")) {
                model::Setting<bool> req = bool_setting(ctx, *r, "env_file.required");
                required = !req.set || req.value;
            }
        } else if (item->is_scalar()) {
            path = string_setting(*item);
        } else {
            report(ctx, core::DiagLevel::error, item->origin,
                   fmt::format("env_file: expected a path, found {}", kind_name(*item)));
        }
        if (!path.set) {
            continue;
        }
        spec.env_files.push_back(path);
        if (ctx.load_env_file && path.known) {
            ctx.load_env_file(path, required, spec);
        }
    }
}

void read_logging(ReadContext& ctx, const Node& node, model::ContainerSpec& spec) {
    if (!expect_map(ctx, node, "logging")) {
        return;
    }
    check_keys(ctx, node, keys::logging, "logging");
    if (const Node* driver = node.find("driver")) {
        spec.logging_driver = scalar_setting(ctx, *driver, "logging.driver");
    }
}

void read_networks(ReadContext& ctx, const Node& node, model::ContainerSpec& spec) {
    if (!expect_map(ctx, node, "networks")) {
        return;
    }
    for (const Entry& e : node.entries) {
        model::Setting<std::string> s;
        s.value = e.key;
        s.origin = e.key_origin;
        s.set = true;
        spec.networks.push_back(std::move(s));
    }
}

void read_secrets(ReadContext& ctx, const Node& node, model::ContainerSpec& spec) {
    if (!node.is_sequence()) {
        if (!node.is_null()) {
            report(ctx, core::DiagLevel::error, node.origin,
                   fmt::format("secrets: expected a list, found {}", kind_name(node)));
        }
        return;
    }
    for (const Node& item : node.items) {
        if (item.is_map()) {
            check_keys(ctx, item, keys::secret_long, "secrets");
            if (const Node* source = item.find("source")) {
                spec.secrets.push_back(scalar_setting(ctx, *source, "secrets.source"));
            }
        } else if (item.is_scalar()) {
            spec.secrets.push_back(string_setting(item));
        }
    }
}

}  // namespace

model::ContainerSpec read_service(ReadContext& ctx, const Entry& service) {
    model::ContainerSpec spec;
    spec.name = service.key;
    spec.source_kind = "compose";
    spec.origin = service.key_origin;
    const Node& s = service.value;
    if (!expect_map(ctx, s, fmt::format("service '{}'", service.key))) {
        return spec;
    }
    check_keys(ctx, s, keys::service, fmt::format("service '{}'", service.key));
    using StringField = model::Setting<std::string> model::ContainerSpec::*;
    static constexpr std::pair<std::string_view, StringField> k_strings[] = {
        {"image", &model::ContainerSpec::image},
        {"user", &model::ContainerSpec::user},
        {"network_mode", &model::ContainerSpec::network_mode},
        {"pid", &model::ContainerSpec::pid},
        {"ipc", &model::ContainerSpec::ipc},
        {"uts", &model::ContainerSpec::uts},
        {"userns_mode", &model::ContainerSpec::userns_mode},
        {"cgroup", &model::ContainerSpec::cgroupns},
        {"mem_limit", &model::ContainerSpec::memory},
        {"memswap_limit", &model::ContainerSpec::memory_swap},
        {"cpus", &model::ContainerSpec::cpus},
        {"cpu_shares", &model::ContainerSpec::cpu_shares},
        {"pids_limit", &model::ContainerSpec::pids_limit},
        {"restart", &model::ContainerSpec::restart},
        {"cgroup_parent", &model::ContainerSpec::cgroup_parent},
        {"runtime", &model::ContainerSpec::runtime},
    };
    using BoolField = model::Setting<bool> model::ContainerSpec::*;
    static constexpr std::pair<std::string_view, BoolField> k_bools[] = {
        {"privileged", &model::ContainerSpec::privileged},
        {"read_only", &model::ContainerSpec::read_only},
        {"init", &model::ContainerSpec::init},
    };
    for (const Entry& e : s.entries) {
        const Node& v = e.value;
        const std::string& k = e.key;
        auto str = std::find_if(std::begin(k_strings), std::end(k_strings),
                                [&](const auto& p) { return p.first == k; });
        auto bln =
            std::find_if(std::begin(k_bools), std::end(k_bools), [&](const auto& p) { return p.first == k; });
        if (str != std::end(k_strings)) {
            spec.*(str->second) = scalar_setting(ctx, v, k);
        } else if (bln != std::end(k_bools)) {
            spec.*(bln->second) = bool_setting(ctx, v, k);
        } else if (k == "cap_add" || k == "cap_drop") {
            (k == "cap_add" ? spec.cap_add : spec.cap_drop) = capabilities(ctx, v, k);
        } else if (k == "security_opt") {
            spec.security_opt = list_settings(ctx, v, k);
        } else if (k == "group_add") {
            spec.group_add = list_settings(ctx, v, k);
        } else if (k == "profiles") {
            spec.profiles = list_settings(ctx, v, k);
        } else if (k == "volumes") {
            read_volumes(ctx, v, spec);
        } else if (k == "tmpfs") {
            read_tmpfs(ctx, v, spec);
        } else if (k == "ports") {
            read_ports(ctx, v, spec);
        } else if (k == "devices") {
            read_devices(ctx, v, spec);
        } else if (k == "ulimits") {
            read_ulimits(ctx, v, spec);
        } else if (k == "sysctls") {
            read_named_values(ctx, v, k, spec.sysctls);
        } else if (k == "environment") {
            read_named_values(ctx, v, k, spec.environment);
        } else if (k == "labels") {
            read_named_values(ctx, v, k, spec.labels);
        } else if (k == "healthcheck") {
            read_healthcheck(ctx, v, spec);
        } else if (k == "logging") {
            read_logging(ctx, v, spec);
        } else if (k == "networks") {
            read_networks(ctx, v, spec);
        } else if (k == "secrets") {
            read_secrets(ctx, v, spec);
        } else if (k == "entrypoint") {
            spec.entrypoint = command_setting(v);
        } else if (k == "command") {
            spec.command = command_setting(v);
        }
    }
    // After the loop: deploy limits apply only where the service-level key is absent, and env_file
    // values come before `environment` (which wins) as in docker compose.
    if (const Node* deploy = s.find("deploy")) {
        read_deploy(ctx, *deploy, spec);
    }
    if (const Node* env_file = s.find("env_file")) {
        std::vector<model::NamedValue> own = std::move(spec.environment);
        spec.environment.clear();
        read_env_files(ctx, *env_file, spec);
        for (model::NamedValue& nv : own) {
            std::erase_if(spec.environment, [&](const model::NamedValue& x) { return x.name == nv.name; });
            spec.environment.push_back(std::move(nv));
        }
    }
    return spec;
}

model::NetworkSpec read_network(ReadContext& ctx, const Entry& network) {
    model::NetworkSpec net;
    net.name = network.key;
    net.origin = network.key_origin;
    const Node& n = network.value;
    if (!expect_map(ctx, n, fmt::format("network '{}'", network.key))) {
        return net;
    }
    check_keys(ctx, n, keys::network, fmt::format("network '{}'", network.key));
    if (const Node* internal = n.find("internal")) {
        net.internal = bool_setting(ctx, *internal, "internal");
    }
    if (const Node* driver = n.find("driver")) {
        net.driver = scalar_setting(ctx, *driver, "driver");
    }
    return net;
}

}  // namespace bulwark::input::compose
