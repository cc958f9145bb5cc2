// Daemon rules about logging and access to the Engine API: the log level, authorization plugins
// and centralised logging.
#include <fmt/format.h>

#include "bulwark/rules/daemon/families.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::daemon {

namespace {

using core::Severity;

void check_log_level(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    std::string fix = fix_for(d, "\"log-level\": \"info\"", "--log-level=info");
    if (d.debug.set && d.debug.known && d.debug.value) {
        out.report(d.debug.origin,
                   "debug mode sets the log level to `debug`: logs grow fast and record request details that "
                   "may include secrets",
                   fix_for(d, "\"debug\": false", "remove -D/--debug"));
    }
    if (!d.log_level.set || !d.log_level.known) {
        return;
    }
    std::string level = util::to_lower(d.log_level.value);
    if (level == "info") {
        return;
    }
    std::string why =
        level == "debug" || level == "trace"
            ? "logs grow fast and record request details that may include secrets"
            : "events needed to audit the daemon (container starts, API errors) are not recorded";
    out.report(d.log_level.origin, fmt::format("log level `{}`: {}", d.log_level.value, why), fix);
}

void check_authorization(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!d.defaults_apply || !d.authorization_plugins.empty()) {
        return;
    }
    out.report(
        d.origin,
        "no `authorization-plugins`: every client of the Engine API may do everything, including running "
        "privileged containers",
        "\"authorization-plugins\": [\"<plugin>\"] (for example opa-docker-authz), if access to the "
        "daemon must be restricted per user or per action");
}

bool is_local_log_driver(std::string_view driver) {
    return driver == "json-file" || driver == "local" || driver == "none";
}

void check_remote_logging(const DaemonContext& ctx, Reporter& out) {
    const model::DaemonSpec& d = ctx.daemon;
    if (!counts(d.log_driver, d) || !is_local_log_driver(d.log_driver.value)) {
        return;
    }
    std::string message =
        d.log_driver.value == "none"
            ? std::string("`log-driver` is `none`: containers keep no logs at all")
            : fmt::format("{}: container logs stay on this host, where an intruder can erase them",
                          described(d, "log-driver", "log-driver", d.log_driver.set,
                                    fmt::format("\"{}\"", d.log_driver.value)));
    out.report(
        where(d.log_driver, d), message,
        fix_for(d,
                "\"log-driver\": \"syslog\", \"log-opts\": {\"syslog-address\": \"tcp://logs.example:514\"} "
                "(or journald, fluentd, gelf, awslogs, gcplogs, splunk)",
                "--log-driver=syslog --log-opt syslog-address=tcp://logs.example:514"));
}

const Rule k_rules[] = {
    {
        .id = "BD201",
        .title = "The daemon's log level is not info",
        .severity = Severity::low,
        .category = category::daemon,
        .tags = "daemon,logging,audit,cis",
        .rationale =
            "At `info` the daemon records the events an audit needs without flooding the logs. `warn`, "
            "`error` and `fatal` drop those events; `debug` (also set by `debug: true` or `-D`) "
            "writes large amounts of detail, including parts of API requests that may hold secrets, "
            "and can fill the disk.",
        .remediation =
            "Remove `log-level` (info is the default) or set `\"log-level\": \"info\"`; turn debug "
            "on only while investigating.",
        .bad_example = "{\n  \"log-level\": \"debug\"\n}",
        .good_example = "{\n  \"log-level\": \"info\"\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.3",
        .example_kind = "daemon",
        .check_daemon = check_log_level,
    },
    {
        .id = "BD209",
        .title = "No authorization plugin controls access to the Engine API",
        .severity = Severity::info,
        .category = category::daemon,
        .tags = "daemon,api,access-control,cis",
        .rationale =
            "Docker's access control is all or nothing: any user who can reach the socket (members of "
            "the docker group) can do everything, which amounts to root on the host. An "
            "authorization plugin can allow or refuse each API request (for example no privileged "
            "containers). Many hosts have a single trusted operator, hence info. Fires on an empty "
            "daemon.json.",
        .remediation = "Install an authorization plugin and list it in `authorization-plugins`, or keep the "
                       "docker group to the people who may be root.",
        .bad_example = "{\n  \"icc\": false\n}",
        .good_example = "{\n  \"authorization-plugins\": [\"opa-docker-authz\"]\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.12",
        .example_kind = "daemon",
        .check_daemon = check_authorization,
    },
    {
        .id = "BD210",
        .title = "Container logs are not sent to a central log service",
        .severity = Severity::info,
        .category = category::daemon,
        .tags = "daemon,logging,audit,cis",
        .rationale =
            "With the json-file or local driver (json-file is the default) container logs stay on the "
            "host: they are lost with it and an intruder can erase the traces. A remote driver "
            "(syslog to a remote server, journald forwarded, fluentd, gelf, cloud drivers) keeps them "
            "elsewhere. `none` keeps no logs at all. Fires on an empty daemon.json.",
        .remediation = "Set `log-driver` to a remote driver with its address in `log-opts`, or forward "
                       "journald to a central server.",
        .bad_example = "{\n  \"log-driver\": \"json-file\"\n}",
        .good_example = "{\n  \"log-driver\": \"syslog\",\n  \"log-opts\": {\"syslog-address\": "
                        "\"tcp://logs.example:514\"}\n}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "2.13",
        .example_kind = "daemon",
        .check_daemon = check_remote_logging,
    },
};

}  // namespace

std::span<const Rule> logging_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::daemon
