// The secret rule family: credentials written into the Dockerfile or copied into the image
// (BD020-BD023). The pattern set itself lives in rules/secrets/.
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bulwark/model/expand.hpp"
#include "bulwark/rules/dockerfile/families.hpp"
#include "bulwark/rules/dockerfile/supply_chain_common.hpp"
#include "bulwark/rules/image/checks.hpp"
#include "bulwark/rules/secrets/files.hpp"
#include "bulwark/rules/secrets/names.hpp"
#include "bulwark/rules/secrets/scanner.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace {

using core::Severity;
using model::InstructionKind;
namespace sec = rules::secrets;

bool in_shipped_image(const model::Dockerfile& df, int stage) {
    return stage >= 0 && stage < static_cast<int>(df.stages.size()) &&
           df.stages[static_cast<size_t>(stage)].in_shipped_image;
}

/// True when a global ARG (before the first FROM) is brought into a stage of the shipped image by a
/// value-less `ARG NAME` there, which is how its default reaches RUN instructions and the history.
bool global_arg_used_in_shipped_image(const model::Dockerfile& df, std::string_view name) {
    for (const model::Instruction& inst : df.instructions) {
        if (inst.kind != InstructionKind::arg || !in_shipped_image(df, inst.stage)) {
            continue;
        }
        for (const model::KeyValue& kv : inst.pairs) {
            if (kv.key == name && !kv.has_value) {
                return true;
            }
        }
    }
    return false;
}

/// True when the ENV/ARG pair ships in the image: its instruction is in a stage of the shipped image,
/// or it is a global ARG redeclared there.
bool pair_ships(const model::Dockerfile& df, const model::Instruction& inst, const model::KeyValue& kv) {
    if (inst.stage < 0) {
        return inst.kind == InstructionKind::arg && global_arg_used_in_shipped_image(df, kv.key);
    }
    return in_shipped_image(df, inst.stage);
}

/// True when `kv` assigns a literal, real-looking value (not a variable, placeholder or file path).
bool literal_secret_value(const model::KeyValue& kv) {
    if (!kv.has_value) {
        return false;
    }
    std::string_view raw = kv.value_as_written();
    if (model::refers_to_variables(raw)) {
        return false;
    }
    return sec::is_literal_secret_value(kv.value);
}

/// BD020's verdict, shared with BD021 and BD022 so that one assignment is reported once.
bool literal_secret_pair(const model::Dockerfile& df, const model::Instruction& inst,
                         const model::KeyValue& kv) {
    return (inst.kind == InstructionKind::env || inst.kind == InstructionKind::arg) &&
           sec::is_secret_name(kv.key) && literal_secret_value(kv) && pair_ships(df, inst, kv);
}

std::string secret_id(std::string_view name) {
    return util::to_lower(name);
}

// A fix's command line names what the user must fill in with a placeholder in single quotes: to
// sh, `<command>` unquoted is two redirections. The prose after it, in parentheses, says the rest.
constexpr std::string_view k_command = "'<command>'";

/// The RUN that reads secret `name` from a build secret into its environment, for fixes.
std::string secret_mount_run(std::string_view name) {
    return fmt::format("RUN --mount=type=secret,id={},env={} {}", secret_id(name), name, k_command);
}

/// The fix for secret `name` passed in an ARG (BD020 on a literal default, BD021 on the ARG): the
/// RUN that reads it from a build secret instead.
std::string secret_arg_fix(std::string_view name) {
    return fmt::format("{}   (in place of ARG {}; build with docker build --secret id={},env={})",
                       secret_mount_run(name), name, secret_id(name), name);
}

void check_env_arg_literal(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Instruction& inst : df.instructions) {
        for (const model::KeyValue& kv : inst.pairs) {
            if (!literal_secret_pair(df, inst, kv)) {
                continue;
            }
            bool env = inst.kind == InstructionKind::env;
            std::string message =
                env ? fmt::format(
                          "ENV {} holds a literal secret (`{}`): ENV values are stored in the image config, "
                          "readable by anyone who can pull the image (docker inspect)",
                          kv.key, sec::redact(kv.value))
                    : fmt::format(
                          "ARG {} has a literal secret default (`{}`): it is in the Dockerfile and recorded "
                          "in the image history of every RUN that uses it",
                          kv.key, sec::redact(kv.value));
            std::string fix =
                env ? fmt::format(
                          "{}   (for a build step; remove the value from ENV {} and provide it at run "
                          "time: docker run --env-file, Compose or Kubernetes secrets)",
                          secret_mount_run(kv.key), kv.key)
                    : secret_arg_fix(kv.key);
            out.report(kv.key_range, message, fix);
        }
    }
}

void check_secret_arg(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Instruction& inst : df.instructions) {
        if (inst.kind != InstructionKind::arg || !in_shipped_image(df, inst.stage)) {
            continue;
        }
        for (const model::KeyValue& kv : inst.pairs) {
            if (!sec::is_secret_name(kv.key) || literal_secret_pair(df, inst, kv)) {
                continue;
            }
            out.report(
                kv.key_range,
                fmt::format("ARG {} passes a secret as a build argument: values given with --build-arg are "
                            "recorded in the image history (docker history) and build provenance",
                            kv.key),
                secret_arg_fix(kv.key));
        }
    }
}

/// Where in the Dockerfile a byte offset is, for messages ("RUN", "ENV", "a comment").
std::string place_of(const model::Dockerfile& df, uint64_t offset, const model::Instruction** found) {
    *found = nullptr;
    for (const model::Instruction& inst : df.instructions) {
        if (offset >= inst.range.begin && offset < inst.range.end) {
            *found = &inst;
            return std::string(model::keyword_name(inst.kind));
        }
    }
    for (const model::Comment& c : df.comments) {
        if (offset >= c.range.begin && offset < c.range.end) {
            return "a comment";
        }
    }
    return "the Dockerfile";
}

/// True when generic match `m` is an ENV/ARG assignment that BD020 already reports.
bool reported_by_env_rule(const model::Dockerfile& df, const model::Instruction* inst,
                          const sec::SecretMatch& m) {
    if (inst == nullptr) {
        return false;
    }
    for (const model::KeyValue& kv : inst->pairs) {
        if (m.begin >= kv.key_range.begin && m.begin < kv.key_range.end + 1 &&
            literal_secret_pair(df, *inst, kv)) {
            return true;
        }
    }
    return false;
}

void check_secret_literal(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    const sec::SecretScanner& scanner = sec::SecretScanner::builtin();
    for (const sec::SecretMatch& m : scanner.scan(df.source->text())) {
        const model::Instruction* inst = nullptr;
        std::string place = place_of(df, m.begin, &inst);
        sec::PatternKind kind = scanner.patterns()[m.pattern].kind;
        if (kind == sec::PatternKind::named_assignment && reported_by_env_rule(df, inst, m)) {
            continue;
        }
        std::string what = m.key.empty() || kind == sec::PatternKind::url
                               ? fmt::format("`{}`", m.preview)
                               : fmt::format("{}=`{}`", m.key, m.preview);
        if (kind == sec::PatternKind::url) {
            size_t at = m.key.find('@');
            what = fmt::format("`{}:{}@{}`", m.key.substr(0, at), m.preview, m.key.substr(at + 1));
        }
        std::string id = m.key.empty() ? std::string(m.id) : secret_id(m.key);
        out.report(
            model::Range{static_cast<uint32_t>(m.begin), static_cast<uint32_t>(m.end)}, m.severity,
            fmt::format("{} {} in {}: it is readable by anyone with the Dockerfile or the image history; "
                        "revoke it",
                        m.name, what, place),
            fmt::format("RUN --mount=type=secret,id={} {}   (revoke the credential and remove it from the "
                        "file and its history; build with docker build --secret {})",
                        id, k_command, util::shell_quote(fmt::format("id={},src=<file>", id))));
    }
}

/// The paths a COPY/ADD writes for `source` into `dest` (several sources or a trailing '/' mean a
/// directory).
std::string destination_of(std::string_view source, std::string_view dest, bool into_directory) {
    if (!into_directory) {
        return std::string(dest);
    }
    std::string_view s = source;
    while (s.size() > 1 && s.back() == '/') {
        s.remove_suffix(1);
    }
    size_t slash = s.rfind('/');
    std::string_view base = slash == std::string_view::npos ? s : s.substr(slash + 1);
    std::string out;
    out.reserve(dest.size() + 1 + base.size());
    out += dest;
    if (!out.empty() && out.back() != '/') {
        out += '/';
    }
    out += base;
    return out;
}

void check_secret_copy(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Instruction& inst : df.instructions) {
        if ((inst.kind != InstructionKind::copy && inst.kind != InstructionKind::add) ||
            !in_shipped_image(df, inst.stage)) {
            continue;
        }
        struct Arg {
            std::string_view value;  // in `inst`
            model::Range range;
        };
        thread_local std::vector<Arg> args;  // reused: one per COPY and ADD of every file
        args.clear();
        if (inst.json_form) {
            for (const model::JsonArg& j : inst.json) {
                args.push_back({j.value, j.range});
            }
        } else {
            for (const model::Word& w : inst.words) {
                args.push_back({w.value, w.range});
            }
        }
        if (args.size() < 2) {
            continue;
        }
        std::string_view dest = args.back().value;
        size_t sources = args.size() - 1;
        bool into_directory = sources > 1 || (!dest.empty() && dest.back() == '/');
        for (size_t i = 0; i < sources; ++i) {
            std::string_view src = args[i].value;
            if (util::starts_with(src, "<<") || src.find("://") != std::string::npos ||
                util::starts_with(src, "git@")) {
                continue;  // heredoc content (BD022 reads it) or a download
            }
            std::string expanded;
            if (src.find('$') != std::string::npos && inst.scope != nullptr) {
                model::Value v = model::expand(src, *inst.scope, df.directives.escape);
                if (!v.known) {
                    continue;
                }
                expanded = std::move(v.text);
                src = expanded;
            }
            std::optional<sec::SecretFileKind> kind = sec::secret_file_kind(src);
            bool via_target = false;
            if (!kind) {
                std::string target = destination_of(src, dest, into_directory);
                if (target.find('$') == std::string::npos) {
                    kind = sec::secret_file_kind(target);
                    via_target = true;
                }
            }
            if (!kind) {
                continue;
            }
            std::string target = destination_of(src, dest, into_directory);
            std::string shown = via_target ? fmt::format("{} (to {})", src, target) : std::string(src);
            std::string fix =
                kind->id == "ssh"
                    ? fmt::format(
                          "RUN --mount=type=ssh '<command that needs the key>'   (in place of the {}; "
                          "build with docker build --ssh default)",
                          model::keyword_name(inst.kind))
                    : fmt::format(
                          "RUN --mount=type=secret,id={},target={} {}   (in place of the {}; build with "
                          "docker build --secret {})",
                          kind->id, target, k_command, model::keyword_name(inst.kind),
                          util::shell_quote(fmt::format("id={},src={}", kind->id, src)));
            out.report(
                args[i].range,
                fmt::format("{} copies {} ({}) into the image: every layer is readable by anyone who can "
                            "pull it, even if a later step deletes the file",
                            model::keyword_name(inst.kind), shown, kind->what),
                fix);
        }
    }
}

const Rule k_rules[] = {
    {
        .id = "BD020",
        .title = "Secret in ENV or ARG",
        .severity = Severity::high,
        .category = category::secrets,
        .tags = "secrets,env,arg,credentials,cis",
        .rationale =
            "ENV values become part of the image configuration: `docker inspect` and `docker history` show "
            "them "
            "to anyone who can pull the image, every container and child process inherits them, and they end "
            "up in logs and crash reports. ARG defaults are written in the Dockerfile and recorded in the "
            "history "
            "of the steps that use them. A password, token or key given a literal value in either is "
            "therefore "
            "published with the image and the repository. Variables are judged by name (PASSWORD, DB_PASS, "
            "GITHUB_TOKEN, API_KEY, AWS_SECRET_ACCESS_KEY ...; not *_FILE, *_PATH, *_URL, PUBLIC_KEY); "
            "values "
            "that are variable references, file paths or placeholders are not reported, nor are stages that "
            "do "
            "not ship.",
        .remediation =
            "Remove the value from the Dockerfile. Provide runtime secrets when the container starts "
            "(orchestrator secrets, --env-file); for build steps use `RUN --mount=type=secret`.",
        .bad_example = "FROM postgres:16\nENV POSTGRES_PASSWORD=Sup3rS3cret",
        .good_example = "FROM postgres:16\nENV POSTGRES_PASSWORD_FILE=/run/secrets/postgres_password",
        .hadolint = "",
        .trivy = "DS031",
        .checkov = "",
        .cis = "4.10",
        .check_dockerfile = check_env_arg_literal,
        .check_image = rules::image::check_secret_env,
        .dockle = "CIS-DI-0010",
    },
    {
        .id = "BD021",
        .title = "Secret passed as a build argument",
        .severity = Severity::medium,
        .category = category::secrets,
        .tags = "secrets,arg,build-args,credentials,cis",
        .rationale =
            "An ARG named like a secret (NPM_TOKEN, GITHUB_TOKEN, DB_PASSWORD) is meant to receive one with "
            "`--build-arg`. Build arguments are not secret: their values are recorded in the image history "
            "of "
            "every RUN that uses them (`docker history --no-trunc`), in build cache metadata and in "
            "provenance "
            "attestations, so the credential ships with the image. BuildKit secret mounts give a step the "
            "value "
            "without writing it anywhere. Only stages of the shipped image are reported.",
        .remediation =
            "Replace the ARG with a secret mount: `RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm "
            "ci` and build with `--secret id=npm_token,env=NPM_TOKEN`.",
        .bad_example =
            "FROM node:20-slim\nARG NPM_TOKEN\nRUN echo \"//registry.npmjs.org/:_authToken=${NPM_TOKEN}\" > "
            ".npmrc && npm ci",
        .good_example = "FROM node:20-slim\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci",
        .hadolint = "",
        .trivy = "DS031",
        .checkov = "",
        .cis = "4.10",
        .check_dockerfile = check_secret_arg,
        .check_image = rules::image::check_history,
    },
    {
        .id = "BD022",
        .title = "Hard-coded secret in the Dockerfile",
        .severity = Severity::critical,
        .category = category::secrets,
        .tags = "secrets,credentials,tokens,private-key,cis",
        .rationale =
            "A credential written literally in the Dockerfile (a cloud access key, a GitHub/GitLab/npm/PyPI "
            "token, a private key, a password in a URL or an assignment) is leaked twice: to everyone who "
            "can "
            "read the repository, forever in its history, and to everyone who can pull the image, through "
            "the "
            "layer contents and the history of the instruction that used it. It must be treated as "
            "compromised. "
            "The whole file is scanned (RUN bodies, heredocs, comments, build stages too) with a "
            "multi-pattern "
            "set of known token formats plus generic password/secret assignments; placeholders and variable "
            "references are ignored.",
        .remediation =
            "Revoke and rotate the credential, remove it from the Dockerfile and the repository history, "
            "and pass it to the build with `RUN --mount=type=secret` (or to the container at run time).",
        .bad_example =
            "FROM alpine:3.20\nRUN wget --header \"Authorization: Bearer MdfPhLTV3sF0xvwkWE/sD7G6\" "
            "https://api.internal/artifact",
        .good_example =
            "FROM alpine:3.20\nRUN --mount=type=secret,id=api_token wget --header \"Authorization: "
            "Bearer $(cat /run/secrets/api_token)\" https://api.internal/artifact",
        .hadolint = "",
        .trivy = "DS031",
        .checkov = "",
        .cis = "4.10",
        .check_dockerfile = check_secret_literal,
        .check_image = rules::image::check_history,
        .dockle = "CIS-DI-0010",
    },
    {
        .id = "BD023",
        .title = "Credential file copied into the image",
        .severity = Severity::high,
        .category = category::secrets,
        .tags = "secrets,copy,ssh,credentials,cis",
        .rationale =
            "COPY and ADD put files into a layer, and layers are immutable: a private key, .npmrc, .env, "
            "cloud credentials, kubeconfig or Terraform state copied in stays readable in the image even if "
            "a "
            "later RUN deletes it. Anyone who can pull the image (or a registry, CI cache or backup) gets "
            "the "
            "credential. Files are recognised by name (id_rsa, *.pem, *.key, .npmrc, .pypirc, .netrc, "
            ".git-credentials, .aws/, .ssh/, .docker/config.json, credentials.json, *.p12, kubeconfig, "
            "*.tfstate); public material such as id_rsa.pub, known_hosts and CA certificates is not "
            "reported, nor "
            "are stages that do not ship.",
        .remediation =
            "Mount the file only for the step that needs it (`RUN --mount=type=secret,id=npmrc,target=/root/"
            ".npmrc npm ci`, `RUN --mount=type=ssh`), or provide it at run time as a volume or secret.",
        .bad_example = "FROM node:20-slim\nCOPY .npmrc /root/.npmrc\nRUN npm ci && rm /root/.npmrc",
        .good_example = "FROM node:20-slim\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci",
        .hadolint = "",
        .trivy = "DS031",
        .checkov = "",
        .cis = "4.10",
        .check_dockerfile = check_secret_copy,
    },
};

}  // namespace

std::span<const Rule> secret_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::dockerfile
