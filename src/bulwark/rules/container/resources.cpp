// Runtime limits and lifecycle: memory, CPU and PIDs limits, restart policy, health check, logging.
#include <string>

#include <fmt/format.h>

#include "bulwark/rules/container/common.hpp"
#include "bulwark/rules/container/families.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::container {

namespace {

using core::Severity;

/// True when a limit is written as "unlimited" (0 or -1).
bool unlimited(const model::Setting<std::string>& s) {
    return is_value(s, {"0", "-1", "0b", "0m", "0g"});
}

void check_memory(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (c.memory.set && (!c.memory.known || !unlimited(c.memory))) {
        return;
    }
    out.report(
        where(c, c.memory),
        fmt::format("{} has no memory limit: a leak or an attack can take all of the host's memory and "
                    "get other containers (or dockerd) killed",
                    who(c)),
        spelled(c, "--memory 512m (sized for the workload; also --memory-swap 512m to forbid swap)",
                "mem_limit: 512m  # or deploy.resources.limits.memory, sized for the workload"));
}

void check_cpu(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if ((c.cpus.set && (!c.cpus.known || !unlimited(c.cpus))) ||
        (c.cpu_shares.set && (!c.cpu_shares.known || !unlimited(c.cpu_shares)))) {
        return;
    }
    out.report(
        where(c, c.cpus.set ? c.cpus : c.cpu_shares),
        fmt::format("{} has no CPU limit or weight: it can starve the host and the other containers", who(c)),
        spelled(c, "--cpus 1.0 (or a relative weight: --cpu-shares 512)",
                "cpus: \"1.0\"  # or deploy.resources.limits.cpus"));
}

void check_pids(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (c.pids_limit.set && (!c.pids_limit.known || !unlimited(c.pids_limit))) {
        return;
    }
    out.report(
        where(c, c.pids_limit),
        fmt::format("{} has no PIDs limit: a fork bomb in it exhausts the host's process table", who(c)),
        spelled(c, "--pids-limit 200", "pids_limit: 200"));
}

void check_restart(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (!c.restart.set || !c.restart.known) {
        return;
    }
    std::string policy = util::to_lower(util::trim(c.restart.value));
    if (c.restart_max_attempts.set) {
        return;
    }
    if (policy == "always" || policy == "unless-stopped" || policy == "any") {
        out.report(
            c.restart.origin,
            fmt::format("{} restarts `{}` without a limit: a container that crashes on start (or is "
                        "crashed on purpose) restarts forever, hiding the failure and burning resources",
                        who(c), policy),
            spelled(c, "--restart on-failure:5", "restart: on-failure:5"));
    } else if (policy == "on-failure") {
        out.report(c.restart.origin,
                   fmt::format("{} restarts on failure without a maximum retry count", who(c)),
                   spelled(c, "--restart on-failure:5", "restart: on-failure:5"));
    }
}

void check_healthcheck(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (!c.healthcheck_disabled.set || !c.healthcheck_disabled.known || !c.healthcheck_disabled.value) {
        return;
    }
    out.report(
        c.healthcheck_disabled.origin,
        fmt::format("{} disables the image's health check: a hung or compromised service keeps "
                    "receiving traffic and is never restarted",
                    who(c)),
        spelled(c,
                "remove --no-healthcheck (or define one: --health-cmd 'curl -fsS http://localhost/health')",
                "remove `disable: true` (or define one: healthcheck: {test: [\"CMD\", \"curl\", \"-fsS\", "
                "\"http://localhost/health\"]})"));
}

void check_logging(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (!is_value(c.logging_driver, {"none"})) {
        return;
    }
    out.report(c.logging_driver.origin,
               fmt::format("{} discards its logs (logging driver none): attacks and failures leave no trace",
                           who(c)),
               spelled(c, "--log-driver local (or journald, fluentd, syslog ...)",
                       "logging: {driver: local}  # or journald, fluentd, syslog ..."));
}

const Rule k_rules[] = {
    {
        .id = "BD117",
        .title = "The container has no memory limit",
        .severity = Severity::low,
        .category = category::runtime,
        .tags = "container,runtime,limits,memory,dos,cis",
        .rationale =
            "Without a memory limit a container can use all of the host's memory; the kernel's OOM killer "
            "then picks victims among other containers or dockerd itself. A limit contains leaks and "
            "memory-exhaustion attacks to the container that causes them.",
        .remediation = "Set `--memory` (compose `mem_limit` or `deploy.resources.limits.memory`) to what the "
                       "workload needs, and `--memory-swap` to the same value to forbid swap.",
        .bad_example = "docker run -d nginx:1.27",
        .good_example = "docker run -d --memory 256m nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.10",
        .example_kind = "script",
        .check_container = check_memory,
    },
    {
        .id = "BD118",
        .title = "The container has no CPU limit",
        .severity = Severity::low,
        .category = category::runtime,
        .tags = "container,runtime,limits,cpu,dos,cis",
        .rationale =
            "By default every container gets an equal, unlimited share of all CPUs. One busy or attacked "
            "container then slows every other service on the host. `--cpus` caps it; `--cpu-shares` sets "
            "its weight under contention.",
        .remediation =
            "Set `--cpus` (compose `cpus` or `deploy.resources.limits.cpus`), or at least a relative "
            "weight with `--cpu-shares`.",
        .bad_example = "docker run -d nginx:1.27",
        .good_example = "docker run -d --cpus 0.5 nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.11",
        .example_kind = "script",
        .check_container = check_cpu,
    },
    {
        .id = "BD119",
        .title = "The container has no PIDs limit",
        .severity = Severity::low,
        .category = category::runtime,
        .tags = "container,runtime,limits,pids,fork-bomb,dos,cis",
        .rationale =
            "Processes are a host-wide resource. Without `--pids-limit` one container's fork bomb (or a "
            "runaway worker pool) exhausts the host's PID space and no process anywhere can start.",
        .remediation = "Set `--pids-limit` (compose `pids_limit` or `deploy.resources.limits.pids`) to a few "
                       "times the process count the workload needs.",
        .bad_example = "docker run -d nginx:1.27",
        .good_example = "docker run -d --pids-limit 100 nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.28",
        .example_kind = "script",
        .check_container = check_pids,
    },
    {
        .id = "BD123",
        .title = "The restart policy retries without a limit",
        .severity = Severity::low,
        .category = category::runtime,
        .tags = "container,runtime,restart,dos,cis",
        .rationale =
            "`always`, `unless-stopped` and `on-failure` without a count restart a failing container "
            "forever. A crash loop then hides the failure from monitoring, floods logs and, when an attacker "
            "can crash the service, gives unlimited attempts. A bounded `on-failure:N` surfaces the problem.",
        .remediation = "Use `--restart on-failure:5` (compose `restart: on-failure:5`, or "
                       "`deploy.restart_policy` with `max_attempts`).",
        .bad_example = "docker run -d --restart always nginx:1.27",
        .good_example = "docker run -d --restart on-failure:5 nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.14",
        .example_kind = "script",
        .check_container = check_restart,
    },
    {
        .id = "BD124",
        .title = "The container's health check is disabled",
        .severity = Severity::low,
        .category = category::runtime,
        .tags = "container,runtime,healthcheck,availability,cis",
        .rationale = "`--no-healthcheck` (compose `healthcheck: {disable: true}` or `test: [\"NONE\"]`) "
                     "switches off the "
                     "image's HEALTHCHECK. Docker, Swarm and load balancers then cannot tell a hung or "
                     "hijacked service "
                     "from a healthy one.",
        .remediation = "Keep the image's health check or define one for the service "
                       "(`--health-cmd 'wget -qO- http://localhost/health || exit 1'`).",
        .bad_example = "docker run -d --no-healthcheck nginx:1.27",
        .good_example = "docker run -d --health-cmd 'curl -fsS http://localhost/ || exit 1' nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "5.26",
        .example_kind = "script",
        .check_container = check_healthcheck,
    },
    {
        .id = "BD130",
        .title = "The container's logs are discarded (logging driver none)",
        .severity = Severity::medium,
        .category = category::runtime,
        .tags = "container,runtime,logging,audit",
        .rationale =
            "With the `none` logging driver nothing the container writes to stdout or stderr is kept: "
            "intrusions, errors and audit events leave no trace and `docker logs` shows nothing.",
        .remediation =
            "Use the `local` or `json-file` driver with rotation (`--log-opt max-size=10m`), or ship "
            "logs to journald, syslog or a collector.",
        .bad_example = "docker run -d --log-driver none nginx:1.27",
        .good_example = "docker run -d --log-driver local nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "script",
        .check_container = check_logging,
    },
};

}  // namespace

std::span<const Rule> resource_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::container
