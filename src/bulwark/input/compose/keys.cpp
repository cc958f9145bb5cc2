// Valid keys per level, copied from the Compose Specification's JSON schema
// (compose-spec/compose-spec, schema/compose-spec.json).
#include "bulwark/input/compose/service_reader.hpp"

namespace bulwark::input::compose::keys {

namespace {
constexpr std::string_view k_top[] = {"configs", "include",  "models",  "name",   "networks",
                                      "secrets", "services", "version", "volumes"};
constexpr std::string_view k_service[] = {"annotations",
                                          "attach",
                                          "blkio_config",
                                          "build",
                                          "cap_add",
                                          "cap_drop",
                                          "cgroup",
                                          "cgroup_parent",
                                          "command",
                                          "configs",
                                          "container_name",
                                          "cpu_count",
                                          "cpu_percent",
                                          "cpu_period",
                                          "cpu_quota",
                                          "cpu_rt_period",
                                          "cpu_rt_runtime",
                                          "cpu_shares",
                                          "cpus",
                                          "cpuset",
                                          "credential_spec",
                                          "depends_on",
                                          "deploy",
                                          "develop",
                                          "device_cgroup_rules",
                                          "devices",
                                          "dns",
                                          "dns_opt",
                                          "dns_search",
                                          "domainname",
                                          "entrypoint",
                                          "env_file",
                                          "environment",
                                          "expose",
                                          "extends",
                                          "external_links",
                                          "extra_hosts",
                                          "gpus",
                                          "group_add",
                                          "healthcheck",
                                          "hostname",
                                          "image",
                                          "init",
                                          "ipc",
                                          "isolation",
                                          "label_file",
                                          "labels",
                                          "links",
                                          "logging",
                                          "mac_address",
                                          "mem_limit",
                                          "mem_reservation",
                                          "mem_swappiness",
                                          "memswap_limit",
                                          "models",
                                          "network_mode",
                                          "networks",
                                          "oom_kill_disable",
                                          "oom_score_adj",
                                          "pid",
                                          "pids_limit",
                                          "platform",
                                          "ports",
                                          "post_start",
                                          "pre_stop",
                                          "privileged",
                                          "profiles",
                                          "provider",
                                          "pull_policy",
                                          "pull_refresh_after",
                                          "read_only",
                                          "restart",
                                          "runtime",
                                          "scale",
                                          "secrets",
                                          "security_opt",
                                          "shm_size",
                                          "stdin_open",
                                          "stop_grace_period",
                                          "stop_signal",
                                          "storage_opt",
                                          "sysctls",
                                          "tmpfs",
                                          "tty",
                                          "ulimits",
                                          "use_api_socket",
                                          "user",
                                          "userns_mode",
                                          "uts",
                                          "volumes",
                                          "volumes_from",
                                          "working_dir"};
constexpr std::string_view k_deploy[] = {"endpoint_mode",  "labels",          "mode",
                                         "placement",      "replicas",        "resources",
                                         "restart_policy", "rollback_config", "update_config"};
constexpr std::string_view k_resources[] = {"limits", "reservations"};
constexpr std::string_view k_limits[] = {"cpus", "memory", "pids"};
constexpr std::string_view k_reservations[] = {"cpus", "devices", "generic_resources", "memory"};
constexpr std::string_view k_restart_policy[] = {"condition", "delay", "max_attempts", "window"};
constexpr std::string_view k_healthcheck[] = {"disable",      "interval", "retries", "start_interval",
                                              "start_period", "test",     "timeout"};
constexpr std::string_view k_logging[] = {"driver", "options"};
constexpr std::string_view k_network[] = {"attachable",  "driver",   "driver_opts", "enable_ipv4",
                                          "enable_ipv6", "external", "internal",    "ipam",
                                          "labels",      "name"};
constexpr std::string_view k_include[] = {"env_file", "path", "project_directory"};
constexpr std::string_view k_extends[] = {"file", "service"};
constexpr std::string_view k_volume_long[] = {"bind",   "consistency", "image", "read_only", "source",
                                              "target", "tmpfs",       "type",  "volume"};
constexpr std::string_view k_volume_bind[] = {"create_host_path", "propagation", "recursive", "selinux"};
constexpr std::string_view k_volume_volume[] = {"labels", "nocopy", "subpath"};
constexpr std::string_view k_volume_tmpfs[] = {"mode", "size"};
constexpr std::string_view k_volume_image[] = {"subpath"};
constexpr std::string_view k_port_long[] = {"app_protocol", "host_ip",   "mode",  "name",
                                            "protocol",     "published", "target"};
constexpr std::string_view k_env_file_long[] = {"format", "path", "required"};
constexpr std::string_view k_device_long[] = {"permissions", "source", "target"};
constexpr std::string_view k_secret_long[] = {"gid", "mode", "source", "target", "uid"};
constexpr std::string_view k_ulimit_long[] = {"hard", "soft"};
}  // namespace

const std::span<const std::string_view> top = k_top;
const std::span<const std::string_view> service = k_service;
const std::span<const std::string_view> deploy = k_deploy;
const std::span<const std::string_view> resources = k_resources;
const std::span<const std::string_view> limits = k_limits;
const std::span<const std::string_view> reservations = k_reservations;
const std::span<const std::string_view> restart_policy = k_restart_policy;
const std::span<const std::string_view> healthcheck = k_healthcheck;
const std::span<const std::string_view> logging = k_logging;
const std::span<const std::string_view> network = k_network;
const std::span<const std::string_view> include = k_include;
const std::span<const std::string_view> extends = k_extends;
const std::span<const std::string_view> volume_long = k_volume_long;
const std::span<const std::string_view> volume_bind = k_volume_bind;
const std::span<const std::string_view> volume_volume = k_volume_volume;
const std::span<const std::string_view> volume_tmpfs = k_volume_tmpfs;
const std::span<const std::string_view> volume_image = k_volume_image;
const std::span<const std::string_view> port_long = k_port_long;
const std::span<const std::string_view> env_file_long = k_env_file_long;
const std::span<const std::string_view> device_long = k_device_long;
const std::span<const std::string_view> secret_long = k_secret_long;
const std::span<const std::string_view> ulimit_long = k_ulimit_long;

}  // namespace bulwark::input::compose::keys
