// The base-image rule family: what FROM pulls and from where (BD010-BD018).
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bulwark/data/base_images.hpp"
#include "bulwark/data/eol.hpp"
#include "bulwark/model/expand.hpp"
#include "bulwark/rules/dockerfile/families.hpp"
#include "bulwark/rules/dockerfile/supply_chain_common.hpp"
#include "bulwark/rules/image/checks.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::dockerfile {

namespace {

using core::Severity;

const model::Instruction& from_of(const model::Dockerfile& df, const model::Stage& s) {
    return df.instructions[static_cast<size_t>(s.from_instruction)];
}

/// The FROM's image word (the first argument), or nullptr.
const model::Word* image_word(const model::Instruction& from) {
    return from.words.empty() ? nullptr : &from.words[0];
}

/// Stages whose FROM names an external image whose reference is fully known.
template <class Fn>
void for_each_external(const model::Dockerfile& df, Fn&& fn) {
    for (const model::Stage& s : df.stages) {
        if (s.from_instruction < 0 || !s.image || !s.base.known || s.base_stage >= 0 || s.scratch) {
            continue;
        }
        fn(s, from_of(df, s), *s.image);
    }
}

/// " (from ARG VERSION)" when the FROM argument uses variables.
std::string via_args(const model::Instruction& from) {
    const model::Word* w = image_word(from);
    if (w == nullptr || !model::refers_to_variables(w->as_written())) {
        return {};
    }
    std::vector<std::string> vars = model::referenced_variables(w->as_written());
    std::string list;
    for (const std::string& v : vars) {
        list += (list.empty() ? "" : ", ") + v;
    }
    return fmt::format(" (through ARG {})", list);
}

/// The FROM line with the image reference replaced.
std::string with_image(const util::SourceFile& src, const model::Instruction& from, std::string_view image) {
    const model::Word* w = image_word(from);
    return w == nullptr ? fmt::format("FROM {}", image) : supply::corrected_line(src, from, w->range, image);
}

std::string repo_with_tag(const model::ImageRef& ref, std::string_view tag) {
    std::string out = ref.short_name();
    out += ':';
    out += tag;
    return out;
}

void check_no_tag(const DockerfileContext& ctx, Reporter& out) {
    const util::SourceFile& src = *ctx.dockerfile.source;
    for_each_external(
        ctx.dockerfile, [&](const model::Stage&, const model::Instruction& from, const model::ImageRef& ref) {
            if (!ref.tag.empty() || !ref.digest.empty()) {
                return;
            }
            out.report(
                from,
                fmt::format("`FROM {}` has no tag{}: Docker pulls `{}:latest`, which moves to a new release "
                            "without notice",
                            ref.short_name(), via_args(from), ref.short_name()),
                with_image(src, from, repo_with_tag(ref, "<version>")));
        });
}

void check_latest(const DockerfileContext& ctx, Reporter& out) {
    const util::SourceFile& src = *ctx.dockerfile.source;
    for_each_external(ctx.dockerfile, [&](const model::Stage&, const model::Instruction& from,
                                          const model::ImageRef& ref) {
        if (ref.tag != "latest" || !ref.digest.empty()) {
            return;
        }
        out.report(
            from,
            fmt::format("`FROM {}:latest`{} uses the floating `latest` tag: every build may get a different "
                        "image",
                        ref.short_name(), via_args(from)),
            with_image(src, from, repo_with_tag(ref, "<version>")));
    });
}

void check_digest(const DockerfileContext& ctx, Reporter& out) {
    const util::SourceFile& src = *ctx.dockerfile.source;
    for_each_external(ctx.dockerfile,
                      [&](const model::Stage&, const model::Instruction& from, const model::ImageRef& ref) {
                          if (!ref.digest.empty()) {
                              return;
                          }
                          std::string name = repo_with_tag(ref, data::effective_tag(ref));
                          // Concatenated: nearly every FROM of a large scan is reported.
                          std::string message;
                          message.reserve(name.size() + 72);
                          message += '`';
                          message += name;
                          message += "` is not pinned by digest: the tag can be moved to a different image";
                          name += "@sha256:<digest>";
                          out.report(from, std::move(message), with_image(src, from, name));
                      });
}

/// Docker Hub's aliases all mean docker.io.
std::string normalize_registry_entry(std::string_view entry) {
    std::string e = util::to_lower(util::trim(entry));
    while (!e.empty() && e.back() == '/') {
        e.pop_back();
    }
    for (std::string_view alias :
         {"index.docker.io", "registry-1.docker.io", "registry.hub.docker.com", "hub.docker.com"}) {
        if (e == alias || util::starts_with(e, std::string(alias) + "/")) {
            e = "docker.io" + e.substr(alias.size());
        }
    }
    return e;
}

void check_trusted_registry(const DockerfileContext& ctx, Reporter& out) {
    const std::vector<std::string>& trusted = ctx.policy.trusted_registries;
    if (trusted.empty()) {
        return;
    }
    const util::SourceFile& src = *ctx.dockerfile.source;
    for_each_external(
        ctx.dockerfile, [&](const model::Stage&, const model::Instruction& from, const model::ImageRef& ref) {
            std::string full = util::to_lower(data::full_name(ref));
            std::string list;
            for (const std::string& t : trusted) {
                std::string e = normalize_registry_entry(t);
                if (!e.empty() && (full == e || util::starts_with(full, e + "/"))) {
                    return;
                }
                list += (list.empty() ? "" : ", ") + t;
            }
            std::string mirror = normalize_registry_entry(trusted.front());
            std::string repo = ref.repository;
            if (util::starts_with(repo, "library/") && mirror != "docker.io") {
                repo = repo.substr(8);
            }
            std::string tag = ref.digest.empty() ? ":" + data::effective_tag(ref) : "@" + ref.digest;
            out.report(from,
                       fmt::format("`{}` comes from {}, which is not a trusted registry ({})",
                                   ref.short_name(), ref.registry, list),
                       with_image(src, from, fmt::format("{}/{}{}", mirror, repo, tag)));
        });
}

bool is_platform_variable(std::string_view name) {
    for (std::string_view v : {"BUILDPLATFORM", "TARGETPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
                               "TARGETOS", "TARGETARCH", "TARGETVARIANT"}) {
        if (name == v) {
            return true;
        }
    }
    return false;
}

void check_platform(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Stage& s : df.stages) {
        if (s.from_instruction < 0) {
            continue;
        }
        const model::Instruction& from = from_of(df, s);
        const model::Flag* flag = from.flag("platform");
        if (flag == nullptr || !flag->has_value) {
            continue;
        }
        std::string value = flag->value;
        std::vector<std::string> vars = model::referenced_variables(value, df.directives.escape);
        std::string resolved = value;
        if (!vars.empty()) {
            bool automatic = true;
            for (const std::string& v : vars) {
                automatic = automatic && is_platform_variable(v);
            }
            if (automatic || from.scope == nullptr) {
                continue;
            }
            model::Value v = model::expand(value, *from.scope, df.directives.escape);
            if (!v.known || v.text.empty()) {
                continue;  // given with --build-arg at build time
            }
            resolved = v.text;
        }
        std::string fix =
            s.shipped || s.in_shipped_image
                ? supply::corrected_line(*df.source, from, flag->range, "")
                : supply::corrected_line(*df.source, from, flag->range, "--platform=$BUILDPLATFORM");
        out.report(flag->range,
                   fmt::format("`FROM --platform={}`{} pins the stage to {}: on other build hosts it runs "
                               "emulated or produces an image for the wrong platform",
                               value, resolved == value ? "" : fmt::format(" (= {})", resolved), resolved),
                   fix);
    }
}

/// The ended entry whose replacement to suggest: the image's own product when it ended (its
/// replacement moves the distribution too), else the earliest.
const data::EolInfo& replaced_entry(const std::vector<data::EolInfo>& ended) {
    for (const data::EolInfo& e : ended) {
        if (e.image_product) {
            return e;
        }
    }
    return ended.front();
}

/// `suggestion`, followed on while the release it names has ended by `today` as well (openjdk:11 ->
/// eclipse-temurin:11 -> eclipse-temurin:21 once Temurin 11 ends).
std::string supported_suggestion(std::string suggestion, std::string_view today) {
    for (int step = 0; step < 4 && !suggestion.empty(); ++step) {
        std::optional<model::ImageRef> ref = model::parse_image_ref(suggestion);
        if (!ref) {
            break;
        }
        std::vector<data::EolInfo> ended = data::lookup_eol_all(*ref);
        std::erase_if(ended, [&](const data::EolInfo& info) { return !data::eol_reached(info, today); });
        if (ended.empty()) {
            break;
        }
        const std::string& next = replaced_entry(ended).suggestion;
        if (next.empty() || next == suggestion) {
            break;  // the tables recommend nothing newer: keep the nearest
        }
        suggestion = next;
    }
    return suggestion;
}

void check_eol(const DockerfileContext& ctx, Reporter& out) {
    if (ctx.policy.today.empty()) {
        return;
    }
    const util::SourceFile& src = *ctx.dockerfile.source;
    for_each_external(ctx.dockerfile, [&](const model::Stage& s, const model::Instruction& from,
                                          const model::ImageRef& ref) {
        std::vector<data::EolInfo> ended = data::lookup_eol_all(ref);
        std::erase_if(ended,
                      [&](const data::EolInfo& info) { return !data::eol_reached(info, ctx.policy.today); });
        if (ended.empty()) {
            return;
        }
        // Appended in place rather than formatted: many FROMs of a large scan name an ended release.
        std::string message;
        message.reserve(160);
        message += '`';
        message += repo_with_tag(ref, ref.tag);
        message += "`: ";
        for (size_t i = 0; i < ended.size(); ++i) {
            const data::EolInfo& e = ended[i];
            message += i == 0 ? "" : "; ";
            message.append(e.name).append(" (product ").append(e.product).append(", cycle ").append(e.cycle);
            message.append(") reached end of life on ").append(e.eol);
        }
        const data::EolInfo& chosen = replaced_entry(ended);
        std::string suggestion = supported_suggestion(chosen.suggestion, ctx.policy.today);
        bool ships = s.in_shipped_image;
        message += "; it gets no more security fixes";
        message += ships ? "" : " (build stage only)";
        if (!suggestion.empty() || !chosen.advice.empty()) {
            message += "; use ";
            message += suggestion.empty() ? chosen.advice : suggestion;
        }
        out.report(from.keyword_range, ships ? Severity::high : Severity::low, std::move(message),
                   suggestion.empty() ? std::string() : with_image(src, from, suggestion));
    });
}

void check_full_image(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    const model::Stage* shipped = supply::shipped_stage(df);
    if (shipped == nullptr) {
        return;
    }
    const model::Stage* root = supply::root_stage(df, *shipped);
    if (root->from_instruction < 0 || !root->image || !root->base.known || root->scratch) {
        return;
    }
    std::optional<data::SmallerVariant> smaller = data::smaller_variant(*root->image);
    if (!smaller) {
        return;
    }
    const model::Instruction& from = from_of(df, *root);
    out.report(
        from,
        fmt::format("the shipped image is based on `{}`, the full image with compilers and tools it does not "
                    "need to run; the {} variant `{}` is smaller and has fewer packages to patch",
                    repo_with_tag(*root->image, data::effective_tag(*root->image)), smaller->kind,
                    smaller->suggestion),
        with_image(*df.source, from, smaller->suggestion));
}

void check_unknown_base(const DockerfileContext& ctx, Reporter& out) {
    const model::Dockerfile& df = ctx.dockerfile;
    for (const model::Stage& s : df.stages) {
        if (s.from_instruction < 0 || s.base.known || !s.base.error.empty() || s.base.unknown_vars.empty()) {
            continue;
        }
        std::string names;
        for (const std::string& v : s.base.unknown_vars) {
            names += (names.empty() ? "" : ", ") + v;
        }
        const model::Instruction& from = from_of(df, s);
        const std::string& first = s.base.unknown_vars.front();
        // `FROM ${BASE}` needs a whole reference; `FROM python:${VERSION}` only the missing part.
        const model::Word* w = image_word(from);
        std::string raw = w == nullptr ? std::string() : (w->as_written());
        bool whole = raw == "$" + first || raw == "${" + first + "}";
        out.report(
            from,
            fmt::format("the base image depends on {} (no default and no --build-arg), so it cannot be "
                        "checked: tag, registry and end of life are unknown",
                        names),
            fmt::format("ARG {}={}", first, whole ? "<image>:<tag>" : "<default value>"));
    }
}

void check_allowed_image(const DockerfileContext& ctx, Reporter& out) {
    const std::vector<std::string>& allowed = ctx.policy.allowed_images;
    if (allowed.empty()) {
        return;
    }
    for_each_external(
        ctx.dockerfile, [&](const model::Stage&, const model::Instruction& from, const model::ImageRef& ref) {
            std::string name = ref.short_name();
            std::vector<std::string> forms = {name, name + ":" + data::effective_tag(ref)};
            if (!ref.digest.empty()) {
                forms.push_back(name + "@" + ref.digest);
            }
            std::string list;
            for (const std::string& glob : allowed) {
                for (const std::string& f : forms) {
                    if (util::glob_match(glob, f)) {
                        return;
                    }
                }
                list += (list.empty() ? "" : ", ") + glob;
            }
            out.report(from, fmt::format("`{}` is not an allowed base image (allowed: {})", forms[1], list));
        });
}

const Rule k_rules[] = {
    {
        .id = "BD010",
        .title = "FROM without a tag pulls latest",
        .severity = Severity::medium,
        .category = category::base_image,
        .tags = "base-image,reproducibility,tag",
        .rationale = "A FROM without a tag or digest means `:latest`, whatever the publisher points it at on "
                     "the day of "
                     "the build. Two builds of the same commit can then get different operating systems, "
                     "language versions "
                     "and vulnerabilities, a new major version can break the build, and a scanner's verdict "
                     "about the image "
                     "says nothing about the next build. Stage references, scratch and digests are not "
                     "affected; a tag "
                     "that comes from a build argument without a value is not judged.",
        .remediation = "Name a version tag (`FROM debian:12-slim`), ideally with a digest as well.",
        .bad_example = "FROM ubuntu\nRUN apt-get update",
        .good_example = "FROM ubuntu:24.04\nRUN apt-get update",
        .hadolint = "DL3006",
        .trivy = "DS001",
        .checkov = "CKV_DOCKER_7",
        .cis = "",
        .check_dockerfile = check_no_tag,
    },
    {
        .id = "BD011",
        .title = "FROM uses the latest tag",
        .severity = Severity::medium,
        .category = category::base_image,
        .tags = "base-image,reproducibility,tag",
        .rationale = "`:latest` is a moving pointer, not a version: the image behind it changes whenever the "
                     "publisher "
                     "releases, so builds are not reproducible, a rebuild can silently switch major "
                     "versions, and rolling "
                     "back means guessing which image was used. It also hides which release (and which "
                     "end-of-life date) "
                     "the image is on.",
        .remediation =
            "Replace `latest` with the version you test against (`node:20-slim`, `alpine:3.20`), and pin "
            "the digest for full reproducibility.",
        .bad_example = "FROM node:latest\nCMD [\"node\"]",
        .good_example = "FROM node:20.11-slim\nCMD [\"node\"]",
        .hadolint = "DL3007",
        .trivy = "DS001",
        .checkov = "CKV_DOCKER_7",
        .cis = "",
        .check_dockerfile = check_latest,
        .dockle = "DKL-DI-0006",
    },
    {
        .id = "BD012",
        .title = "Base image not pinned by digest",
        .severity = Severity::info,
        .category = category::base_image,
        .tags = "base-image,reproducibility,supply-chain,digest",
        .rationale = "Tags are mutable: a registry account compromise, a republished tag or a mirror can "
                     "hand the build a "
                     "different image under the same name. A digest (`@sha256:...`) names exactly one image, "
                     "so builds are "
                     "reproducible and a tampered tag is not picked up. Pinning means updating the digest "
                     "deliberately, "
                     "which tools such as Renovate or Dependabot automate.",
        .remediation =
            "Append the digest of the tested image: `FROM python:3.12-slim@sha256:<digest>` (get it with "
            "`docker buildx imagetools inspect python:3.12-slim`).",
        .bad_example = "FROM alpine:3.20",
        .good_example =
            "FROM alpine:3.20@sha256:beefdbd8a1da6d2915566fde36db9db0b524eb737fc57cd1367effd16dc0d06d",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = check_digest,
    },
    {
        .id = "BD013",
        .title = "Base image from a registry that is not trusted",
        .severity = Severity::medium,
        .category = category::base_image,
        .tags = "base-image,supply-chain,registry,policy,cis",
        .rationale =
            "When an organisation mirrors and scans the images it builds on, pulling from any other registry "
            "bypasses that control: the image has not been vetted, can change or disappear, and a "
            "typo-squatted or "
            "look-alike registry can serve malware. The rule applies the `registries.trusted` policy in "
            "`.bulwark.yaml` "
            "(entries are "
            "a registry or a registry path prefix, such as `docker.io` or `ghcr.io/myorg`) and is silent "
            "when no "
            "list is configured.",
        .remediation = "Pull the image through a trusted registry (mirror it there), or add the registry to "
                       "`registries.trusted` after reviewing it.",
        .bad_example = "# .bulwark.yaml: registries: {trusted: [registry.corp.example]}\nFROM "
                       "quay.io/prometheus/busybox:latest",
        .good_example = "# .bulwark.yaml: registries: {trusted: [registry.corp.example]}\nFROM "
                        "registry.corp.example/prometheus/busybox:1.36",
        .hadolint = "DL3026",
        .trivy = "",
        .checkov = "",
        .cis = "4.2",
        .check_dockerfile = check_trusted_registry,
    },
    {
        .id = "BD014",
        .title = "FROM --platform with a fixed value",
        .severity = Severity::low,
        .category = category::base_image,
        .tags = "base-image,portability,multi-platform",
        .rationale = "`FROM --platform=linux/amd64` forces one architecture whatever the build asks for: on "
                     "an arm64 host "
                     "(or in a multi-platform build) the stage then runs under emulation, much slower, or "
                     "ships an image "
                     "that cannot run on the target. BuildKit's automatic variables (`$BUILDPLATFORM` for "
                     "cross-compiling "
                     "build stages, `$TARGETPLATFORM`) keep the Dockerfile portable.",
        .remediation =
            "Remove the flag and choose the platform with `docker build --platform`; for cross-compiling "
            "build stages use `FROM --platform=$BUILDPLATFORM`.",
        .bad_example = "FROM --platform=linux/amd64 debian:12-slim",
        .good_example = "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\nFROM debian:12-slim",
        .hadolint = "DL3029",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = check_platform,
    },
    {
        .id = "BD015",
        .title = "Base image past end of life",
        .severity = Severity::high,
        .category = category::base_image,
        .tags = "base-image,eol,vulnerabilities,cis",
        .rationale =
            "After its end-of-life date a distribution or runtime release gets no more security fixes: every "
            "vulnerability found later stays open in the image forever, package repositories are often moved "
            "or "
            "removed so builds break, and scanners may stop reporting on it. The date comes from the "
            "project's "
            "published support schedule (the tag's own product and any distribution named in the tag). Build "
            "stages that do not ship are reported at low severity. The replacement named keeps the variant "
            "the tag chose (slim, alpine, chiseled, distroless, jre, Windows ...) and is a tag that exists: "
            "the same Java release on Eclipse Temurin for the deprecated openjdk image, the supported .NET "
            "release on the same distribution family, the supported codename in rust and buildpack-deps "
            "tags and the newest supported Alpine release a pinned Rust release has alpine3.N tags on, "
            "and the same image in an architecture namespace (arm32v7/debian, winamd64/golang; the "
            "deprecated "
            "armhf/, armel/ and aarch64/ get arm32v7/, arm32v5/ and arm64v8/) when the release is built for "
            "that architecture. A language runtime in an architecture namespace (arm32v7/python) is judged "
            "like the library image and gets the library image's replacement in its namespace where the "
            "tables list that release and variant for the architecture (python, golang, node 22 and 24, "
            "Temurin 8 and 21); otherwise the message says which architectures the replacement is built "
            "for, or that the tables do not know. For images whose tags the tables do not know, the message "
            "says in words what to look for instead of guessing a tag.",
        .remediation = "Move to a supported release of the same image and variant (the message names one, or "
                       "what to look for) and rebuild regularly.",
        .bad_example = "FROM python:3.7-slim",
        .good_example = "FROM python:3.13-slim",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.4",
        .check_dockerfile = check_eol,
        .check_image = rules::image::check_os_eol,
    },
    {
        .id = "BD016",
        .title = "Full distribution image where a smaller variant exists",
        .severity = Severity::low,
        .category = category::base_image,
        .tags = "base-image,attack-surface,size",
        .rationale = "The default variants of official images (python:3.12, node:20, golang:1.22, "
                     "eclipse-temurin JDKs) "
                     "carry compilers, headers, version control and hundreds of libraries that a running "
                     "service does not "
                     "use. Each one is more code to patch and more tools for an attacker once inside. The "
                     "slim, alpine or "
                     "JRE variants of the same release run the same application with a fraction of the "
                     "packages. Only the "
                     "shipped image's base is reported; build stages may need the full toolchain.",
        .remediation =
            "Build in a full image if needed and ship the slim, alpine, JRE or distroless variant named in "
            "the message.",
        .bad_example = "FROM python:3.12\nCOPY app.py /app/",
        .good_example = "FROM python:3.12-slim\nCOPY app.py /app/",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.3",
        .check_dockerfile = check_full_image,
    },
    {
        .id = "BD017",
        .title = "Base image comes from a build argument without a value",
        .severity = Severity::info,
        .category = category::base_image,
        .tags = "base-image,build-args,coverage",
        .rationale = "`FROM $BASE_IMAGE` with an ARG that has no default and no --build-arg given to the "
                     "scan cannot be "
                     "resolved: tag, registry, digest, end of life and the default user of the image are "
                     "unknown, so the "
                     "base-image and user rules cannot judge it. The build can also fail when the argument "
                     "is forgotten.",
        .remediation = "Give the ARG a default (`ARG BASE_IMAGE=debian:12-slim`), or scan with `--build-arg "
                       "BASE_IMAGE=...` as the build does.",
        .bad_example = "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}",
        .good_example = "ARG BASE_IMAGE=debian:12-slim\nFROM ${BASE_IMAGE}",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = check_unknown_base,
    },
    {
        .id = "BD018",
        .title = "Base image not in the allowed list",
        .severity = Severity::medium,
        .category = category::base_image,
        .tags = "base-image,policy,supply-chain,cis",
        .rationale = "Organisations often standardise on a few vetted, patched base images. The "
                     "`images.allowed` policy in `.bulwark.yaml` "
                     "lists them as globs over the image's short name and tag (`debian:12-*`, "
                     "`gcr.io/distroless/*`); any "
                     "other FROM bypasses that vetting. The rule is silent when no list is configured; stage "
                     "references "
                     "and scratch are always allowed.",
        .remediation =
            "Use one of the allowed images, or add the image to `images.allowed` after reviewing it.",
        .bad_example = "# .bulwark.yaml: images: {allowed: [\"debian:12*\"]}\nFROM ubuntu:24.04",
        .good_example = "# .bulwark.yaml: images: {allowed: [\"debian:12*\"]}\nFROM debian:12-slim",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.2",
        .check_dockerfile = check_allowed_image,
    },
};

}  // namespace

std::span<const Rule> base_image_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::dockerfile
