// The user rule family: who the shipped image runs as (BD001-BD003).
#include <algorithm>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "bulwark/data/base_images.hpp"
#include "bulwark/rules/dockerfile/families.hpp"
#include "bulwark/rules/dockerfile/supply_chain_common.hpp"
#include "bulwark/rules/image/checks.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace {

namespace shell = model::shell;
using core::Severity;

/// The user part of a USER value ("app" in "app:staff").
std::string_view user_part(std::string_view value) {
    value = util::trim(value);
    return value.substr(0, value.find(':'));
}

bool is_numeric(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// What to add so that an image built on `root` runs as a non-root user.
std::string create_user_fix(const model::Stage& root) {
    if (root.scratch) {
        return "USER 65532:65532";
    }
    if (root.image) {
        // Whether short_name():tag contains `word`, read in the parts themselves: no word spans the
        // '/' or ':' between them, nor lies in the "library/" that short_name() drops.
        const model::ImageRef& ref = *root.image;
        bool registry_shown = ref.explicit_registry && ref.registry != "docker.io";
        auto names = [&](std::string_view word) {
            return ref.repository.find(word) != std::string::npos ||
                   ref.tag.find(word) != std::string::npos ||
                   (registry_shown && ref.registry.find(word) != std::string::npos);
        };
        if (names("distroless") || names("chiseled")) {
            // Their non-root user: app (1654) in .NET images, nonroot (65532) in the others.
            std::optional<data::DefaultUser> d = data::default_user(ref);
            return d && !d->is_root && d->uid > 0 ? fmt::format("USER {0}:{0}", d->uid) : "USER 65532:65532";
        }
        if (names("alpine") || names("busybox")) {
            return "RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app\nUSER 10001:10001";
        }
    }
    return "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --no-create-home "
           "app\n"
           "USER 10001:10001";
}

/// Appends "FROM base" or "stage `name`, FROM base" for `stage` to `out`.
void append_image_description(std::string& out, const model::Dockerfile& df, const model::Stage& stage) {
    const model::Instruction& from = df.instructions[static_cast<size_t>(stage.from_instruction)];
    if (!stage.name.empty()) {
        out.append("stage `").append(stage.name).append("`, ");
    }
    out += "FROM ";
    out += stage.base.text.empty() ? util::trim(from.args.value) : std::string_view(stage.base.text);
}

void check_no_user(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    const model::Stage* shipped = supply::shipped_stage(df);
    if (shipped == nullptr || shipped->windows || shipped->from_instruction < 0) {
        return;
    }
    const model::EffectiveUser& u = shipped->user;
    if (!u.known || !u.is_root || u.instruction >= 0) {
        return;  // a USER instruction decides: BD002 judges it
    }
    const model::Stage* root = supply::root_stage(df, *shipped);
    // Appended into one string: most Dockerfiles of a large scan are reported.
    std::string message = "the shipped image (";
    message.reserve(200);
    append_image_description(message, df, *shipped);
    message += ") sets no USER, ";
    switch (u.source) {
        case model::EffectiveUser::Source::base_image_default:
            message.append("so its processes run as root, the user configured in ").append(root->base.text);
            break;
        case model::EffectiveUser::Source::inherited_stage:
            message
                .append(
                    "and neither does the stage it builds on, so its processes run as root (the default of ")
                .append(root->base.text)
                .append(")");
            break;
        default:
            if (root->scratch) {
                message += "so its processes run as uid 0 (an image FROM scratch has no user)";
            } else {
                message.append("so its processes run as root, the default of ").append(root->base.text);
            }
            break;
    }
    const model::Instruction& from = df.instructions[static_cast<size_t>(shipped->from_instruction)];
    out.report(from, std::move(message), create_user_fix(*root));
}

/// Another non-root USER of the shipped image, to suggest instead of root.
std::string non_root_user_before(const model::Dockerfile& df, const model::Stage& shipped) {
    std::string found;
    for (int s : df.stage_chain(shipped.index)) {
        for (int i : df.stages[static_cast<size_t>(s)].instructions) {
            const model::Instruction& inst = df.instructions[static_cast<size_t>(i)];
            if (inst.kind != model::InstructionKind::user || inst.words.empty()) {
                continue;
            }
            std::string v = inst.words[0].value;
            std::string_view name = user_part(v);
            if (!name.empty() && name != "root" && name != "0" && v.find('$') == std::string::npos) {
                found = v;
            }
        }
    }
    return found;
}

void check_root_user(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    const model::Stage* shipped = supply::shipped_stage(df);
    if (shipped == nullptr || shipped->windows) {
        return;
    }
    const model::EffectiveUser& u = shipped->user;
    if (!u.known || !u.is_root || u.instruction < 0) {
        return;
    }
    const model::Instruction& user = df.instructions[static_cast<size_t>(u.instruction)];
    std::string written = std::string(util::trim(user.args.value));
    std::string shown = written == u.name ? fmt::format("`USER {}`", written)
                                          : fmt::format("`USER {}` (= {})", written, u.name);
    std::string other = non_root_user_before(df, *shipped);
    std::string fix = other.empty() ? create_user_fix(*supply::root_stage(df, *shipped)) : "USER " + other;
    out.report(user,
               fmt::format("{} is the last USER of the shipped image: the container runs as root{}", shown,
                           other.empty() ? "" : fmt::format(" although the image has a user `{}`", other)),
               fix);
}

const shell::OptionList k_useradd_values = {"-u",
                                            "--uid",
                                            "-g",
                                            "--gid",
                                            "-G",
                                            "--groups",
                                            "-d",
                                            "--home-dir",
                                            "--home",
                                            "-s",
                                            "--shell",
                                            "-c",
                                            "--comment",
                                            "--gecos",
                                            "-k",
                                            "--skel",
                                            "-K",
                                            "--key",
                                            "-p",
                                            "--password",
                                            "-e",
                                            "--expiredate",
                                            "-f",
                                            "--inactive",
                                            "-b",
                                            "--base-dir",
                                            "-R",
                                            "--root",
                                            "-P",
                                            "--prefix",
                                            "-Z",
                                            "--selinux-user",
                                            "-h",
                                            "--ingroup",
                                            "--firstuid",
                                            "--lastuid",
                                            "--add_extra_groups",
                                            "--conf"};

/// The uid given to `name` by useradd/adduser in the image of `stage`, or "".
std::string uid_of(const model::Dockerfile& df, const model::Stage& shipped, std::string_view name) {
    std::string uid;
    for (int s : df.stage_chain(shipped.index)) {
        for (int i : df.stages[static_cast<size_t>(s)].instructions) {
            const model::Instruction& inst = df.instructions[static_cast<size_t>(i)];
            for (const supply::RunCommand& rc : supply::run_commands(inst)) {
                const shell::Command& c = rc.command();
                if (!shell::is_any_command(c, {"useradd", "adduser"})) {
                    continue;
                }
                std::span<const shell::Word> argv = shell::effective_argv(c);
                std::vector<const shell::Word*> ops = shell::operands(argv, k_useradd_values);
                if (ops.empty() || ops.front()->value != name) {
                    continue;
                }
                std::optional<std::string> v = shell::option_value(argv, "u", {"uid"}, k_useradd_values);
                if (v && is_numeric(*v)) {
                    uid = *v;
                }
            }
        }
    }
    return uid;
}

void check_named_user(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    const model::Stage* shipped = supply::shipped_stage(df);
    if (shipped == nullptr || shipped->windows) {
        return;
    }
    const model::EffectiveUser& u = shipped->user;
    if (!u.known || u.is_root || u.instruction < 0) {
        return;
    }
    std::string_view name = user_part(u.name);
    if (name.empty() || is_numeric(name)) {
        return;
    }
    const model::Instruction& user = df.instructions[static_cast<size_t>(u.instruction)];
    std::string uid = uid_of(df, *shipped, name);
    if (const model::Stage* root = supply::root_stage(df, *shipped);
        uid.empty() && root != nullptr && root->image) {
        // A user the base image has (app, uid 1654, in .NET chiseled and distroless images).
        std::optional<data::DefaultUser> d = data::default_user(*root->image);
        if (d && !d->is_root && d->uid > 0 && d->name == name) {
            uid = std::to_string(d->uid);
        }
    }
    std::string fix =
        uid.empty() ? fmt::format("USER <uid of {}> (create it with a fixed uid: useradd --uid 10001 {})",
                                  name, util::shell_quote(name))
                    : fmt::format("USER {}", uid);
    out.report(
        user,
        fmt::format("`USER {}` names the user: Kubernetes runAsNonRoot (and other admission checks) can only "
                    "verify a numeric uid{}",
                    util::trim(user.args.value), uid.empty() ? "" : fmt::format("; {} is uid {}", name, uid)),
        fix);
}

const Rule k_rules[] = {
    {
        .id = "BD001",
        .title = "The shipped image runs as root: no USER is set",
        .severity = Severity::medium,
        .category = category::user,
        .tags = "user,root,least-privilege,cis",
        .rationale =
            "Without a USER instruction the container's processes run as the base image's user, which for "
            "almost "
            "every image (and for anything built FROM scratch) is root, uid 0. Root in a container is the "
            "same uid "
            "as root on the host: a process that escapes through a kernel or runtime bug, or a mounted host "
            "path "
            "or socket, acts as host root; inside the container it can also rewrite the application, install "
            "tools and read every file. Running as an unprivileged user costs nothing for most services and "
            "is "
            "required by Kubernetes runAsNonRoot and many admission policies. Only the shipped image "
            "matters: "
            "build stages may run as root. Images whose default user is already non-root (distroless "
            ":nonroot, "
            "Bitnami, .NET chiseled and Azure Linux distroless images, which run as app, uid 1654) are not "
            "reported.",
        .remediation =
            "Create an unprivileged user with a fixed uid and switch to it at the end of the shipped "
            "stage: `RUN useradd --system --uid 10001 app` then `USER 10001`.",
        .bad_example = "FROM python:3.12-slim\nCOPY app.py /app/\nCMD [\"python\", \"/app/app.py\"]",
        .good_example = "FROM python:3.12-slim\nRUN useradd --system --uid 10001 app\nCOPY app.py /app/\n"
                        "USER 10001\nCMD [\"python\", \"/app/app.py\"]",
        .hadolint = "",
        .trivy = "DS002",
        .checkov = "CKV_DOCKER_3",
        .cis = "4.1",
        .check_dockerfile = check_no_user,
        .check_image = rules::image::check_no_user,
        .dockle = "CIS-DI-0001",
    },
    {
        .id = "BD002",
        .title = "The last USER of the shipped image is root",
        .severity = Severity::high,
        .category = category::user,
        .tags = "user,root,least-privilege,cis",
        .rationale =
            "A USER root (or 0, root:root, 0:0, or a variable that resolves to root) as the last USER of the "
            "shipped image makes the container run as uid 0 on purpose. Switching to root for installation "
            "steps "
            "is fine, but the image must switch back before it ends; otherwise every process of the "
            "container "
            "runs with root's rights inside it and, after any escape, on the host.",
        .remediation =
            "Do the privileged steps earlier and end the shipped stage with `USER <non-root uid>`; if the "
            "entrypoint must start as root, drop privileges in it with gosu, su-exec or setpriv.",
        .bad_example = "FROM debian:12-slim\nRUN useradd --uid 10001 app\nUSER app\nRUN id\nUSER root",
        .good_example = "FROM debian:12-slim\nRUN useradd --uid 10001 app\nUSER root\nRUN apt-get update\n"
                        "USER 10001",
        .hadolint = "DL3002",
        .trivy = "DS002",
        .checkov = "CKV_DOCKER_8",
        .cis = "4.1",
        .check_dockerfile = check_root_user,
        .check_image = rules::image::check_root_user,
        .dockle = "CIS-DI-0001",
    },
    {
        .id = "BD003",
        .title = "The final USER names the user instead of a numeric uid",
        .severity = Severity::low,
        .category = category::user,
        .tags = "user,kubernetes,least-privilege",
        .rationale = "Kubernetes' runAsNonRoot (and Pod Security admission, OpenShift SCCs and similar "
                     "checks) look at the "
                     "image's USER without reading /etc/passwd: a name such as `app` cannot be proven "
                     "non-root, so the pod "
                     "is rejected, or the check is skipped by setting runAsUser elsewhere. A numeric uid "
                     "also keeps working "
                     "when the passwd file changes or is absent (distroless, scratch).",
        .remediation =
            "Create the user with a fixed uid (`useradd --uid 10001 app`) and write `USER 10001` (or "
            "`USER 10001:10001`).",
        .bad_example = "FROM debian:12-slim\nRUN useradd --uid 10001 app\nUSER app",
        .good_example = "FROM debian:12-slim\nRUN useradd --uid 10001 app\nUSER 10001",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = check_named_user,
    },
};

}  // namespace

std::span<const Rule> user_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::dockerfile
