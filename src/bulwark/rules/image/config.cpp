// Image config checks: the same verdicts as the Dockerfile final-stage rules (user, health check,
// exposed ports, secret-like ENV and labels, volumes on system paths, end-of-life OS), and the
// image-only config rules BD308 (image age) and BD309 (sensitive exposed ports).
#include <charconv>
#include <optional>

#include <fmt/format.h>

#include "bulwark/data/eol.hpp"
#include "bulwark/model/user.hpp"
#include "bulwark/rules/image/checks.hpp"
#include "bulwark/rules/image/common.hpp"
#include "bulwark/rules/image/families.hpp"
#include "bulwark/rules/judge.hpp"
#include "bulwark/rules/secrets/names.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::image {

namespace {

using core::Severity;
namespace sec = rules::secrets;

constexpr std::string_view k_user_fix =
    "in the Dockerfile: RUN useradd --system --uid 10001 app (or adduser -S -u 10001 app on Alpine), then "
    "USER 10001:10001";
constexpr std::string_view k_health_fix =
    "in the Dockerfile: HEALTHCHECK --interval=30s --timeout=3s CMD [\"/app/healthcheck\"]";

bool windows(const model::ImageSpec& image) {
    return util::iequals(image.os, "windows");
}

/// Where a config value's finding goes: the value, else the config object.
model::Origin at_or_config(const model::ImageSpec& image, const model::Origin& o) {
    return o.file != nullptr ? o : config_origin(image);
}

/// "22/tcp" -> 22 and "tcp"; nullopt when not a single port.
std::optional<std::pair<unsigned, std::string>> parse_exposed(std::string_view item) {
    std::string proto = "tcp";
    if (size_t slash = item.find('/'); slash != std::string_view::npos) {
        proto = util::to_lower(item.substr(slash + 1));
        item = item.substr(0, slash);
    }
    unsigned port = 0;
    auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), port);
    if (ec != std::errc() || ptr != item.data() + item.size() || item.empty() || port > 65535) {
        return std::nullopt;
    }
    return std::make_pair(port, proto);
}

/// Days since 1970-01-01 of "YYYY-MM-DD..." (RFC 3339), or nullopt.
std::optional<long> days_of(std::string_view date) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-') {
        return std::nullopt;
    }
    int y = 0;
    unsigned m = 0;
    unsigned d = 0;
    if (std::from_chars(date.data(), date.data() + 4, y).ec != std::errc() ||
        std::from_chars(date.data() + 5, date.data() + 7, m).ec != std::errc() ||
        std::from_chars(date.data() + 8, date.data() + 10, d).ec != std::errc() || m < 1 || m > 12 || d < 1 ||
        d > 31) {
        return std::nullopt;
    }
    // Howard Hinnant's days_from_civil.
    y -= m <= 2 ? 1 : 0;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long>(era) * 146097 + static_cast<long>(doe) - 719468;
}

/// The range of the top-level "created" value in the config JSON (Docker and OCI configs write it
/// before "history"), or an origin without a file.
model::Origin created_origin(const model::ImageSpec& image) {
    model::Origin o;
    if (image.config_source == nullptr || image.created.empty()) {
        return o;
    }
    const std::string& text = image.config_source->text();
    size_t key = text.find("\"created\"");
    if (key == std::string::npos) {
        return o;
    }
    size_t value = text.find('"' + image.created + '"', key + 9);
    if (value == std::string::npos || text.find_first_not_of(" \t\r\n:", key + 9) != value) {
        return o;
    }
    o.file = image.config_source;
    o.range =
        model::Range{static_cast<uint32_t>(value), static_cast<uint32_t>(value + image.created.size() + 2)};
    return o;
}

void check_age(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    std::optional<long> built = days_of(img.created);
    std::optional<long> today = days_of(ctx.policy.today);
    int max = ctx.policy.image_max_age_days;
    if (!built || !today || max <= 0 || *today - *built <= max) {
        return;
    }
    // Reproducible builds set `created` to the epoch (SOURCE_DATE_EPOCH=0): not a build date.
    if (img.created.rfind("1970-01-01", 0) == 0 || img.created.rfind("0001-01-01", 0) == 0) {
        return;
    }
    std::string message = fmt::format(
        "the image was built on {} ({} days ago, more than the {} allowed): packages and the base image have "
        "had no security updates since",
        img.created.substr(0, 10), *today - *built, max);
    std::string fix =
        "rebuild the image regularly (e.g. weekly in CI, with --pull so the base image is fresh)";
    model::Origin o = created_origin(img);
    if (o.file != nullptr) {
        out.report(o, message, fix);
    } else {
        core::Location l = file_location(img, "");
        l.pointer = "/created";
        out.report_at(l, out.rule().severity, message, fix, "created: " + img.created);
    }
}

void check_sensitive_ports(const ImageContext& ctx, Reporter& out) {
    for (const model::Setting<std::string>& p : ctx.image.config.exposed_ports) {
        auto parsed = parse_exposed(p.value);
        if (!parsed || parsed->second != "tcp") {
            continue;
        }
        std::optional<judge::SensitivePort> s = judge::sensitive_port(parsed->first);
        if (!s) {
            continue;
        }
        out.report(
            at_or_config(ctx.image, p.origin), s->severity,
            fmt::format("the image exposes {} ({}): anyone who can reach the published port gets {}", p.value,
                        s->service, s->why),
            "remove the port from EXPOSE in the Dockerfile and do not run the service in the container");
    }
}

const Rule k_rules[] = {
    {
        .id = "BD308",
        .title = "Image built too long ago",
        .severity = Severity::medium,
        .category = category::base_image,
        .tags = "image,age,patching,updates",
        .rationale =
            "An image is a snapshot of its base image and packages on the day it was built. Security fixes "
            "published since then are not in it until it is rebuilt, however often the distribution updates. "
            "An image older than the allowed age (policy `image_max_age_days`, default 90 days, since the "
            "config's `created` date) almost certainly ships known vulnerabilities. Images built "
            "reproducibly "
            "with a `created` date of 1970-01-01 are not judged.",
        .remediation =
            "Rebuild and redeploy images on a schedule (weekly in CI, `docker build --pull` so "
            "the base image "
            "is refreshed too), and when a base image publishes a fix."
            "\n\nBefore:\n\n```dockerfile\n# built once on 2025-01-02 (config \"created\") and deployed "
            "since\nFROM debian:12-slim\nCOPY app /app\n```\n\nAfter:\n\n```dockerfile\n# rebuilt every week "
            "by CI with `docker build --pull`\nFROM debian:12-slim\nCOPY app /app\n```",
        .bad_example = R"json({
  "created": "2025-06-01T10:00:00Z",
  "layers": [[
    {"path": "app/main.py", "content": "print(1)\n"}
  ]]
})json",
        .good_example = R"json({
  "created": "2026-01-10T10:00:00Z",
  "layers": [[
    {"path": "app/main.py", "content": "print(1)\n"}
  ]]
})json",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.7",
        .example_kind = "image",
        .check_image = check_age,
    },
    {
        .id = "BD309",
        .title = "Image exposes a remote administration or unauthenticated service port",
        .severity = Severity::high,
        .category = category::network,
        .tags = "image,ports,expose,network",
        .rationale =
            "EXPOSE in an image says which service the container runs, and `docker run -P` publishes every "
            "exposed port. Ports of cleartext logins (Telnet 23, rlogin/rsh/rexec 512-514, FTP 21), remote "
            "desktops (RDP 3389, VNC 5900, X11 6000), host control APIs (Docker 2375/2376, kubelet 10250, "
            "etcd 2379/2380) and Windows/RPC file sharing (111, 135, 139, 445) mean a service that gives a "
            "remote user a shell, the host or the cluster is running in the container. SSH (22) is BD043. "
            "Database ports are not reported: exposing them is the purpose of a database image.",
        .remediation = "Do not run administration services in application containers: use `docker exec` or "
                       "`kubectl exec` to get a shell, and remove the port from EXPOSE."
                       "\n\nBefore:\n\n```dockerfile\nFROM debian:12-slim\nRUN apt-get update && apt-get "
                       "install -y telnetd\nEXPOSE 23\n```\n\nAfter:\n\n```dockerfile\nFROM "
                       "debian:12-slim\nCOPY app /app\nEXPOSE 8080\n```",
        .bad_example = R"json({
  "config": {"ExposedPorts": {"23/tcp": {}, "8080/tcp": {}}},
  "layers": [[
    {"path": "usr/sbin/in.telnetd", "mode": "0755", "content": "ELF"}
  ]]
})json",
        .good_example = R"json({
  "config": {"ExposedPorts": {"8080/tcp": {}}},
  "layers": [[
    {"path": "app/server", "mode": "0755", "content": "ELF"}
  ]]
})json",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.8",
        .example_kind = "image",
        .check_image = check_sensitive_ports,
    },
};

}  // namespace

std::span<const Rule> config_rules() {
    return k_rules;
}

void check_no_user(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    if (windows(img) || !util::trim(img.config.user.value).empty()) {
        return;
    }
    out.report(
        at_or_config(img, img.config.user.origin),
        "the image config sets no User: its processes run as root (uid 0) unless the runtime overrides "
        "it",
        std::string(k_user_fix));
}

void check_root_user(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    const std::string& user = img.config.user.value;
    if (windows(img) || util::trim(user).empty() || !model::is_root_user(user)) {
        return;
    }
    out.report(at_or_config(img, img.config.user.origin),
               fmt::format("the image config's User is `{}`: the container runs as root", user),
               std::string(k_user_fix));
}

void check_missing_healthcheck(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    const auto& hc = img.config.healthcheck;
    if (!hc.set || hc.value.empty()) {
        out.report(
            config_origin(img),
            "the image has no health check: the runtime cannot tell a hung container from a healthy one",
            std::string(k_health_fix));
        return;
    }
    if (util::iequals(hc.value.front(), "NONE")) {
        out.report(
            at_or_config(img, hc.origin),
            "the image disables its health check (Healthcheck.Test is [\"NONE\"]), including any the base "
            "image defined",
            std::string(k_health_fix));
    }
}

void check_ssh_port(const ImageContext& ctx, Reporter& out) {
    for (const model::Setting<std::string>& p : ctx.image.config.exposed_ports) {
        auto parsed = parse_exposed(p.value);
        if (parsed && parsed->first == 22 && parsed->second == "tcp") {
            out.report(at_or_config(ctx.image, p.origin),
                       fmt::format("the image exposes {}: it declares SSH access to its containers", p.value),
                       "remove EXPOSE 22 from the Dockerfile; use docker exec or kubectl exec for a shell");
        }
    }
}

void check_system_volume(const ImageContext& ctx, Reporter& out) {
    for (const model::Setting<std::string>& v : ctx.image.config.volumes) {
        std::string path = v.value;
        while (path.size() > 1 && path.back() == '/') {
            path.pop_back();
        }
        std::string message;
        switch (judge::classify_system_path(path)) {
            case judge::SystemPath::none:
                continue;
            case judge::SystemPath::virtual_fs:
                message = fmt::format(
                    "the image declares volume '{}' inside a kernel or boot file system: the volume hides "
                    "what "
                    "the runtime mounts there",
                    v.value);
                break;
            case judge::SystemPath::docker_socket:
                message = fmt::format(
                    "the image declares volume '{}': it expects the Docker socket, which gives the container "
                    "root on the host",
                    v.value);
                break;
            case judge::SystemPath::system_dir:
                message = fmt::format(
                    "the image declares volume '{}' on a system directory: later changes to it are lost and "
                    "the "
                    "volume shadows the image's files, including security updates",
                    v.value);
                break;
        }
        out.report(at_or_config(ctx.image, v.origin), message, "remove the VOLUME from the Dockerfile");
    }
}

void check_secret_env(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    auto judge_pairs = [&](const std::vector<model::NamedValue>& values, std::string_view what) {
        for (const model::NamedValue& nv : values) {
            if (!nv.value.set || !sec::is_secret_name(nv.name) ||
                !sec::is_literal_secret_value(nv.value.value)) {
                continue;
            }
            out.report(
                at_or_config(img, nv.origin),
                fmt::format("{} {} holds a literal secret (`{}`): the image config is readable by anyone who "
                            "can pull the image (docker inspect)",
                            what, nv.name, sec::redact(nv.value.value)),
                fmt::format("revoke it, remove it from the Dockerfile and provide {} at run time (docker run "
                            "--env-file, Compose or Kubernetes secrets)",
                            nv.name));
        }
    };
    judge_pairs(img.config.env, "ENV");
    judge_pairs(img.config.labels, "label");
    check_history_args(ctx, out);
}

void check_os_eol(const ImageContext& ctx, Reporter& out) {
    const model::OsRelease& os = ctx.image.os_release;
    if (ctx.policy.today.empty() || os.id.empty()) {
        return;
    }
    std::optional<data::EolInfo> eol = data::lookup_os_eol(os.id, os.version_id);
    if (!eol || !data::eol_reached(*eol, ctx.policy.today)) {
        return;
    }
    std::string path = os.path.empty() ? std::string("/etc/os-release") : os.path;
    out.report_at(
        file_location(ctx.image, path), Severity::high,
        fmt::format("the image's operating system, {} ({} in layer {}), reached end of life on {}; it gets "
                    "no more security fixes",
                    eol->name, path, os.layer, eol->eol),
        eol->suggestion.empty() ? std::string("rebuild on a supported release of the distribution")
                                : fmt::format("rebuild FROM {}", eol->suggestion),
        os.pretty_name.empty() ? fmt::format("ID={} VERSION_ID={}", os.id, os.version_id)
                               : fmt::format("PRETTY_NAME=\"{}\"", os.pretty_name));
}

}  // namespace bulwark::rules::image
