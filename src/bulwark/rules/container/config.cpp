// What the container is given: secrets in its environment, and the image it runs.
#include <string>

#include <fmt/format.h>

#include "bulwark/data/base_images.hpp"
#include "bulwark/data/runtime_images.hpp"
#include "bulwark/rules/container/common.hpp"
#include "bulwark/rules/container/families.hpp"
#include "bulwark/rules/secrets/names.hpp"
#include "bulwark/rules/secrets/scanner.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::container {

namespace {

using core::Severity;

std::string secret_file_fix(const model::ContainerSpec& c, const std::string& name) {
    std::optional<model::ImageRef> image = image_of(c);
    std::optional<std::string> file_var = image ? data::file_variant(*image, name) : std::nullopt;
    std::string secret = util::to_lower(name);
    if (file_var) {
        return spelled(
            c,
            fmt::format("-e {}=/run/secrets/{} with the secret mounted read-only: -v "
                        "./secrets/{}:/run/secrets/{}:ro",
                        *file_var, secret, secret, secret),
            fmt::format("secrets: [{}] and environment: {}: /run/secrets/{} (top-level secrets: {}: "
                        "{{file: ./secrets/{}}})",
                        secret, *file_var, secret, secret, secret));
    }
    return spelled(
        c,
        fmt::format("pass it at run time without writing it down: -e {} (taken from the caller's "
                    "environment), or mount it as a file: -v ./secrets/{}:/run/secrets/{}:ro",
                    name, secret, secret),
        fmt::format("use a compose secret (secrets: [{}], read from /run/secrets/{}) or interpolate "
                    "it: {}: ${{{}:?}}",
                    secret, secret, name, name));
}

void check_env_secrets(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    for (const model::NamedValue& e : c.environment) {
        if (!e.value.set || !e.value.known) {
            continue;
        }
        const std::string& value = e.value.value;
        if (secrets::is_secret_name(e.name) && !secrets::is_placeholder(value) &&
            !secrets::looks_like_path(value)) {
            out.report(
                e.origin,
                fmt::format("{} gets secret {} as a literal environment value ({}): it is stored in this "
                            "file, shown by `docker inspect` and inherited by every child process",
                            who(c), e.name, secrets::redact(value)),
                secret_file_fix(c, e.name));
            continue;
        }
        std::string assignment = e.name + "=" + value;
        std::vector<secrets::SecretMatch> found = secrets::SecretScanner::builtin().scan(assignment);
        if (found.empty()) {
            continue;
        }
        const secrets::SecretMatch& m = found.front();
        out.report(
            e.origin, m.severity,
            fmt::format("{} gets a {} in environment variable {} ({}): it is stored in this file and shown "
                        "by `docker inspect`",
                        who(c), m.name, e.name, m.preview),
            secret_file_fix(c, e.name));
    }
}

void check_file_variant(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    std::optional<model::ImageRef> image = image_of(c);
    if (!image) {
        return;
    }
    for (const model::NamedValue& e : c.environment) {
        if (!e.value.set || (e.value.known && e.value.value.empty())) {
            continue;
        }
        std::optional<std::string> file_var = data::file_variant(*image, e.name);
        if (!file_var || !secrets::is_secret_name(e.name)) {
            continue;
        }
        out.report(
            e.origin,
            fmt::format("{} passes {} as an environment value although {} reads it from a file ({}): the "
                        "value shows in `docker inspect` and the environment of every process",
                        who(c), e.name, image->short_name(), *file_var),
            secret_file_fix(c, e.name));
    }
}

void check_image_tag(const ContainerContext& ctx, Reporter& out) {
    const model::ContainerSpec& c = ctx.container;
    if (!c.image.set || !c.image.known) {
        return;
    }
    std::optional<model::ImageRef> image = image_of(c);
    if (!image || !image->digest.empty()) {
        return;
    }
    std::string tag = data::effective_tag(*image);
    if (tag != "latest") {
        return;
    }
    std::string name = image->short_name();
    out.report(
        c.image.origin,
        fmt::format("{} runs image {} {}: what runs changes whenever the tag moves, and a rollback or "
                    "audit cannot tell which version it was",
                    who(c), c.image.value, image->tag.empty() ? "without a tag (latest)" : "with tag latest"),
        fmt::format("pin a version (and ideally a digest): {}:<version>@sha256:<digest>", name));
}

const Rule k_rules[] = {
    {
        .id = "BD125",
        .title = "A secret is written literally in the container's environment",
        .severity = Severity::high,
        .category = category::secrets,
        .tags = "container,runtime,secrets,environment",
        .rationale =
            "A password, token or key written as an environment value (`-e DB_PASSWORD=hunter2`, compose "
            "`environment: {API_TOKEN: ghp_...}`) is committed with the script or compose file, visible to "
            "anyone who can run `docker inspect` or read /proc/<pid>/environ, inherited by every child "
            "process and often printed in crash dumps and debug logs. Variable names are judged with the "
            "shared secret-name rules and values with the shared secret patterns; values taken from the "
            "environment (`-e NAME`, `${NAME}`) are not reported.",
        .remediation =
            "Keep the secret out of the file: read it from a secrets file mounted at "
            "/run/secrets (compose `secrets:`, or the image's `*_FILE` variable), or at least pass "
            "it from the caller's environment (`-e DB_PASSWORD`).",
        .bad_example = "docker run -d -e DB_PASSWORD=s3cr3t-Pa55word nginx:1.27",
        .good_example = "docker run -d -e DB_PASSWORD -v ./secrets/db:/run/secrets/db:ro nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "script",
        .check_container = check_env_secrets,
    },
    {
        .id = "BD126",
        .title = "A secret is passed in the environment although the image reads it from a *_FILE",
        .severity = Severity::medium,
        .category = category::secrets,
        .tags = "container,runtime,secrets,environment",
        .rationale =
            "The official postgres, mysql, mariadb, mongo, wordpress and nextcloud images (and bitnami and "
            "Grafana images) read their passwords from a file named by a `*_FILE` variable "
            "(POSTGRES_PASSWORD_FILE). Passing the password itself in the environment puts it in the "
            "container's config (`docker inspect`), in /proc, and in every process the entrypoint starts, "
            "even when the value comes from a variable.",
        .remediation = "Mount the secret as a file and point the image at it: `-e "
                       "POSTGRES_PASSWORD_FILE=/run/secrets/db_password -v "
                       "./secrets/db_password:/run/secrets/db_password:ro` (compose: `secrets:`).",
        .bad_example = "docker run -d -e POSTGRES_PASSWORD=\"$DB_PASSWORD\" postgres:16",
        .good_example = "docker run -d -e POSTGRES_PASSWORD_FILE=/run/secrets/db_password "
                        "-v ./secrets/db_password:/run/secrets/db_password:ro postgres:16",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "script",
        .check_container = check_file_variant,
    },
    {
        .id = "BD128",
        .title = "The container's image is untagged or `latest`",
        .severity = Severity::medium,
        .category = category::runtime,
        .tags = "container,runtime,image,pinning,reproducibility",
        .rationale =
            "An image without a tag means `latest`, which moves whenever the publisher pushes. The container "
            "then runs whatever was pulled last: an unreviewed major upgrade, or a compromised push, and "
            "nobody can tell afterwards which version ran. A version tag (and a digest) makes what runs "
            "reviewable and reproducible.",
        .remediation = "Use a version tag, ideally with its digest: `nginx:1.27.2@sha256:...`; update it "
                       "deliberately (Renovate, Dependabot).",
        .bad_example = "docker run -d nginx",
        .good_example = "docker run -d nginx:1.27",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "script",
        .check_container = check_image_tag,
    },
};

}  // namespace

std::span<const Rule> config_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::container
