#pragma once
// Compose tree (after merges, extends and interpolation) -> model::ContainerSpec / NetworkSpec,
// checking keys against the Compose Specification's schema.
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/compose/node.hpp"
#include "bulwark/model/container.hpp"

namespace bulwark::input::compose {

/// Valid keys per level, from the Compose Specification's JSON schema.
namespace keys {
extern const std::span<const std::string_view> top;
extern const std::span<const std::string_view> service;
extern const std::span<const std::string_view> deploy;
extern const std::span<const std::string_view> resources;
extern const std::span<const std::string_view> limits;
extern const std::span<const std::string_view> reservations;
extern const std::span<const std::string_view> restart_policy;
extern const std::span<const std::string_view> healthcheck;
extern const std::span<const std::string_view> logging;
extern const std::span<const std::string_view> network;
extern const std::span<const std::string_view> include;
extern const std::span<const std::string_view> extends;
extern const std::span<const std::string_view> volume_long;
extern const std::span<const std::string_view> volume_bind;
extern const std::span<const std::string_view> volume_volume;
extern const std::span<const std::string_view> volume_tmpfs;
extern const std::span<const std::string_view> volume_image;
extern const std::span<const std::string_view> port_long;
extern const std::span<const std::string_view> env_file_long;
extern const std::span<const std::string_view> device_long;
extern const std::span<const std::string_view> secret_long;
extern const std::span<const std::string_view> ulimit_long;
}  // namespace keys

/// What reading a service needs from the loader.
struct ReadContext {
    std::vector<core::Diagnostic>& diagnostics;
    /// Reads an env_file (path as written, with its origin) into `spec.environment`.
    std::function<void(const model::Setting<std::string>& path, bool required, model::ContainerSpec& spec)>
        load_env_file;
};

/// Adds a diagnostic at `where` (nothing when it has no file).
void report(ReadContext& ctx, core::DiagLevel level, const model::Origin& where, std::string message);

/// Warns about keys of map `node` not in `known` (`x-` extensions allowed), with "did you mean".
void check_keys(ReadContext& ctx, const Node& node, std::span<const std::string_view> known,
                std::string_view where);

/// The closest of `candidates` to `word` when it is a plausible misspelling.
std::string_view closest_key(std::string_view word, std::span<const std::string_view> candidates);

/// Checks that `node` is a map (null is an empty map); an error otherwise.
bool expect_map(ReadContext& ctx, const Node& node, std::string_view what);

/// A boolean setting (true/false, yes/no, on/off); an error for anything else.
model::Setting<bool> bool_setting(ReadContext& ctx, const Node& node, std::string_view what);

/// A scalar setting; an error (and an unset setting) for a collection.
model::Setting<std::string> scalar_setting(ReadContext& ctx, const Node& node, std::string_view what);

/// Scalars of a list (a single scalar counts as a one-item list).
std::vector<model::Setting<std::string>> list_settings(ReadContext& ctx, const Node& node,
                                                       std::string_view what);

/// One service.
model::ContainerSpec read_service(ReadContext& ctx, const Entry& service);

/// Mounts, ports, devices, ulimits and the other structured fields of a service (service_fields.cpp).
void read_volumes(ReadContext& ctx, const Node& node, model::ContainerSpec& spec);
void read_tmpfs(ReadContext& ctx, const Node& node, model::ContainerSpec& spec);
void read_ports(ReadContext& ctx, const Node& node, model::ContainerSpec& spec);
void read_devices(ReadContext& ctx, const Node& node, model::ContainerSpec& spec);
void read_ulimits(ReadContext& ctx, const Node& node, model::ContainerSpec& spec);
void read_named_values(ReadContext& ctx, const Node& node, std::string_view what,
                       std::vector<model::NamedValue>& out);

/// One top-level network.
model::NetworkSpec read_network(ReadContext& ctx, const Entry& network);

}  // namespace bulwark::input::compose
