// Stage rules (BD090-BD099): references between build stages and what crosses them.
// The checks live in stages_*.cpp.
#include "bulwark/rules/dockerfile/families.hpp"
#include "bulwark/rules/dockerfile/stages_checks.hpp"

namespace bulwark::rules::dockerfile {

namespace {

using core::Severity;

const Rule k_rules[] = {
    {
        .id = "BD090",
        .title = "COPY --from must not refer to its own stage",
        .severity = Severity::high,
        .category = category::best_practice,
        .tags = "multi-stage,copy",
        .rationale =
            "A stage cannot copy from itself: its result does not exist yet. BuildKit rejects the build as a "
            "circular dependency, and older builders resolved the name as an image on the registry, silently "
            "copying files from whatever image of that name exists there. Either way the files the author "
            "meant "
            "(the output of an earlier build stage) are not the ones that end up in the image.",
        .remediation = "Point --from at the earlier stage that produces the files (FROM ... AS build, then "
                       "COPY --from=build).",
        .bad_example = "FROM golang:1.22 AS build\nRUN go build -o /out/app .\nCOPY --from=build /out/app "
                       "/usr/local/bin/app",
        .good_example = "FROM golang:1.22 AS build\nRUN go build -o /out/app .\n\nFROM "
                        "gcr.io/distroless/static-debian12\n"
                        "COPY --from=build /out/app /usr/local/bin/app",
        .hadolint = "DL3023",
        .trivy = "DS006",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::copy_from_own_stage,
    },
    {
        .id = "BD091",
        .title = "COPY --from and RUN --mount from= must name an earlier stage",
        .severity = Severity::medium,
        .category = category::best_practice,
        .tags = "multi-stage,copy,mount,supply-chain",
        .rationale =
            "When `--from` names no stage of the Dockerfile, the builder treats the name as an image "
            "reference "
            "and pulls it from Docker Hub. A typo (`--from=buidler`) or a renamed stage therefore copies "
            "files "
            "from an arbitrary public image — possibly a squatted name controlled by someone else — into "
            "your "
            "image, instead of failing. Referring to a stage defined later, or to a stage index that is not "
            "earlier, is rejected by the classic builder and makes the build order hard to follow. Explicit "
            "image references (with a registry, namespace, tag or digest) are accepted.",
        .remediation =
            "Name a stage defined earlier (FROM ... AS name), or write a full image reference with a tag or "
            "digest when copying from an image is intended.",
        .bad_example = "FROM golang:1.22 AS builder\nRUN go build -o /out/app .\n\nFROM alpine:3.20\n"
                       "COPY --from=biulder /out/app /usr/local/bin/app",
        .good_example = "FROM golang:1.22 AS builder\nRUN go build -o /out/app .\n\nFROM alpine:3.20\n"
                        "COPY --from=builder /out/app /usr/local/bin/app",
        .hadolint = "DL3022",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::copy_from_undefined,
    },
    {
        .id = "BD092",
        .title = "Stage names must be unique",
        .severity = Severity::medium,
        .category = category::best_practice,
        .tags = "multi-stage,naming",
        .rationale =
            "Stage names are case-insensitive and must be unique. With two stages called `build`, BuildKit "
            "rejects the file and other tools resolve `COPY --from=build` or `--target build` to different "
            "stages, so what is tested, scanned and shipped may not be the same build.",
        .remediation = "Give every stage a distinct name.",
        .bad_example = "FROM node:20 AS build\nRUN npm ci\n\nFROM node:20 AS Build\nRUN npm run build",
        .good_example = "FROM node:20 AS deps\nRUN npm ci\n\nFROM deps AS build\nRUN npm run build",
        .hadolint = "DL3024",
        .trivy = "DS012",
        .checkov = "CKV_DOCKER_11",
        .cis = "",
        .check_dockerfile = checks::duplicate_stage_name,
    },
    {
        .id = "BD093",
        .title = "FROM must not refer to a stage defined later",
        .severity = Severity::low,
        .category = category::best_practice,
        .tags = "multi-stage,base-image,supply-chain",
        .rationale =
            "FROM can only build on stages defined above it. A FROM naming a stage that comes later (or the "
            "stage itself) is not a stage reference at all: the builder pulls an image of that name from the "
            "registry, so the stage silently starts from an unrelated, possibly malicious public image "
            "instead "
            "of the intended build output.",
        .remediation =
            "Move the base stage above the stage that uses it, or rename the stage if an image was meant.",
        .bad_example = "FROM base AS app\nCOPY . /app\n\nFROM debian:12-slim AS base\nRUN apt-get update",
        .good_example = "FROM debian:12-slim AS base\nRUN apt-get update\n\nFROM base AS app\nCOPY . /app",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .check_dockerfile = checks::from_later_stage,
    },
    {
        .id = "BD094",
        .title = "Do not write a build secret into the image",
        .severity = Severity::high,
        .category = category::secrets,
        .tags = "secrets,buildkit,mount",
        .rationale =
            "`RUN --mount=type=secret` exists so that a credential is available while one RUN executes and "
            "never "
            "reaches a layer. Copying the mounted file (`cp /run/secrets/npmrc ~/.npmrc`), redirecting it "
            "(`cat /run/secrets/token > .env`, `echo \"$TOKEN\" >> ~/.netrc`) or handing it to a command "
            "that "
            "stores credentials (`git config`, `npm config set`, `docker login`, `git clone "
            "https://$TOKEN@...`) writes it into the layer, where anyone who can pull the image, or read the "
            "build cache, can extract it — defeating the secret mount. Files deleted later in the same RUN "
            "do not "
            "reach the layer and are not reported.",
        .remediation =
            "Use the secret in place: point the tool at the mounted file (`--mount=type=secret,id=npmrc,"
            "target=/root/.npmrc`), pass it through an environment variable for the one command "
            "(`NPM_TOKEN=$(cat /run/secrets/npm) npm ci`), or delete any file written from it in the same "
            "RUN.",
        .bad_example = "FROM node:20-slim\nWORKDIR /app\n"
                       "RUN --mount=type=secret,id=npmrc cp /run/secrets/npmrc /root/.npmrc && npm ci",
        .good_example =
            "FROM node:20-slim\nWORKDIR /app\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.10",
        .check_dockerfile = checks::secret_persisted,
    },
};

}  // namespace

std::span<const Rule> stage_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::dockerfile
