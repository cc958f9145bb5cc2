#pragma once
// Helpers shared by the container rules: how a setting is spelled in each input, where to report
// a setting that is absent, and small normalisations.
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/container.hpp"
#include "bulwark/model/image_ref.hpp"
#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::container {

/// True for a `docker run`/`docker create` line (else a compose service or an inspected container).
bool is_run(const model::ContainerSpec& c);

/// `run` for a docker run line, `compose` otherwise: how to spell a fix in the container's input.
std::string spelled(const model::ContainerSpec& c, std::string_view run, std::string_view compose);

/// "service `web`" or "`docker run` of nginx:1.27", for messages.
std::string who(const model::ContainerSpec& c);

/// Where to report a setting: where it was written, or the container itself when it is absent.
template <class T>
const model::Origin& where(const model::ContainerSpec& c, const model::Setting<T>& s) {
    return s.set ? s.origin : c.origin;
}

/// A `--security-opt` entry split at its first '=' or ':' ("seccomp=unconfined" -> seccomp, unconfined).
struct SecurityOpt {
    std::string key;    // lower case
    std::string value;  // as written; empty for a bare "no-new-privileges"
};
SecurityOpt split_security_opt(std::string_view raw);

/// True when the setting is written with a known value equal to one of `values` (case-insensitive).
bool is_value(const model::Setting<std::string>& s, std::initializer_list<std::string_view> values);

/// The container's image, parsed, when known.
std::optional<model::ImageRef> image_of(const model::ContainerSpec& c);

/// `path` with duplicate and trailing slashes removed and `.` components dropped ("/etc//" -> "/etc").
std::string clean_path(std::string_view path);

/// True when the container publishes any port (ports or -P / publish_all).
bool publishes_ports(const model::ContainerSpec& c);

/// True when a published port listens on every host interface (no host_ip, 0.0.0.0 or ::).
bool on_all_interfaces(const model::PortMapping& p);

/// Networks the container is attached to: compose networks (or "default"), `--network` values (or
/// the default "bridge"); empty for host/none/container: modes.
std::vector<std::string> attached_networks(const model::ContainerSpec& c);

}  // namespace bulwark::rules::container
