// Dockerfile semantics: stages, the shipped target, ARG/ENV scopes, Windows detection, users.
#include <gtest/gtest.h>

#include "bulwark/data/base_images.hpp"
#include "bulwark/model/image_ref.hpp"
#include "bulwark/util/strings.hpp"
#include "support/scan_helpers.hpp"

using namespace bulwark;
using bulwark::testing::analyze_text;
using input::dockerfile::AnalyzeOptions;
using model::InstructionKind;

namespace {

/// The value of `name` visible at instruction `index`, "<unset>" or "<unknown:text>".
std::string var(const model::Dockerfile& df, size_t index, const std::string& name) {
    const model::Instruction& inst = df.instructions.at(index);
    if (!inst.scope) {
        return "<no scope>";
    }
    auto it = inst.scope->find(name);
    if (it == inst.scope->end()) {
        return "<unset>";
    }
    return it->second.known ? it->second.text : "<unknown:" + it->second.text + ">";
}

AnalyzeOptions with_args(std::map<std::string, std::string> args, std::string target = {}) {
    AnalyzeOptions o;
    o.build_args = std::move(args);
    o.target = std::move(target);
    return o;
}

bool has_error(const model::Dockerfile& df) {
    for (const core::Diagnostic& d : df.diagnostics) {
        if (d.level == core::DiagLevel::error) {
            return true;
        }
    }
    return false;
}

}  // namespace

TEST(AnalyzerStages, OnePerFromWithNamesBasesAndIndexes) {
    model::Dockerfile df = analyze_text(
        "ARG BASE=python:3.11\n"
        "FROM ${BASE} As Build\n"
        "RUN echo hi\n"
        "FROM build AS test\n"
        "FROM scratch\n"
        "COPY --from=Build /a /a\n");
    ASSERT_FALSE(has_error(df));
    ASSERT_EQ(df.stages.size(), 3U);
    const model::Stage& build = df.stages[0];
    EXPECT_EQ(build.name, "build");
    EXPECT_EQ(build.base.text, "python:3.11");
    EXPECT_TRUE(build.base.known);
    ASSERT_TRUE(build.image);
    EXPECT_EQ(build.image->repository, "library/python");
    EXPECT_EQ(build.image->tag, "3.11");
    EXPECT_EQ(build.from_instruction, 1);
    EXPECT_EQ(build.instructions, (std::vector<int>{1, 2}));
    EXPECT_EQ(df.stages[1].base_stage, 0);
    EXPECT_FALSE(df.stages[1].image);
    EXPECT_TRUE(df.stages[2].scratch);
    EXPECT_FALSE(df.stages[2].image);
    EXPECT_EQ(df.stages[2].copies_from, (std::vector<int>{0}));
    EXPECT_EQ(df.instructions[0].stage, -1);
    EXPECT_EQ(df.instructions[2].stage, 0);
    EXPECT_EQ(df.instructions[5].stage, 2);
}

TEST(AnalyzerStages, StageChainFollowsFromStageBackToTheRoot) {
    model::Dockerfile df = analyze_text(
        "FROM alpine:3.20 AS base\n"
        "FROM scratch AS other\n"
        "FROM base AS deps\n"
        "FROM deps\n");
    ASSERT_EQ(df.stages.size(), 4U);
    EXPECT_EQ(df.stage_chain(3), (std::vector<int>{0, 2, 3}));
    EXPECT_EQ(df.stage_chain(1), (std::vector<int>{1}));
    EXPECT_TRUE(df.stage_chain(4).empty());
    EXPECT_TRUE(df.stage_chain(-1).empty());
    // A hand-made model whose stages point at each other still gives a bounded chain.
    df.stages[0].base_stage = 3;
    EXPECT_EQ(df.stage_chain(3).size(), 4U);
}

TEST(AnalyzerStages, FromUsesOnlyGlobalArgsAndBuildArgs) {
    const std::string text =
        "ARG REGISTRY=docker.io\n"
        "ARG IMAGE=${REGISTRY}/library/alpine:3.19\n"
        "FROM $IMAGE\n"
        "ARG LATER=ubuntu\n"
        "FROM ${LATER:-debian}:12\n";
    model::Dockerfile df = analyze_text(text);
    ASSERT_EQ(df.stages.size(), 2U);
    EXPECT_EQ(df.stages[0].base.text, "docker.io/library/alpine:3.19");
    EXPECT_EQ(df.stages[1].base.text, "debian:12");  // a stage ARG is not visible to FROM

    model::Dockerfile over = analyze_text(text, with_args({{"REGISTRY", "ghcr.io"}}));
    EXPECT_EQ(over.stages[0].base.text, "ghcr.io/library/alpine:3.19");
    model::Dockerfile whole = analyze_text(text, with_args({{"IMAGE", "busybox:1.36"}}));
    EXPECT_EQ(whole.stages[0].base.text, "busybox:1.36");
}

TEST(AnalyzerStages, UnknownBaseFromArgWithoutDefaultOrPlatformArg) {
    model::Dockerfile df = analyze_text(
        "ARG TAG\n"
        "FROM python:${TAG}-slim\n"
        "FROM --platform=$BUILDPLATFORM golang:1.22 AS build\n"
        "FROM alpine:${TARGETARCH}\n");
    ASSERT_EQ(df.stages.size(), 3U);
    EXPECT_FALSE(df.stages[0].base.known);
    EXPECT_EQ(df.stages[0].base.unknown_vars, (std::vector<std::string>{"TAG"}));
    EXPECT_FALSE(df.stages[0].image);
    EXPECT_TRUE(df.stages[1].base.known);
    EXPECT_FALSE(df.stages[2].base.known);
    EXPECT_EQ(df.stages[2].base.unknown_vars, (std::vector<std::string>{"TARGETARCH"}));

    model::Dockerfile given =
        analyze_text("ARG TAG\nFROM python:${TAG}-slim\n", with_args({{"TAG", "3.12"}}));
    EXPECT_EQ(given.stages[0].base.text, "python:3.12-slim");
    ASSERT_TRUE(given.stages[0].image);
}

TEST(AnalyzerStages, BadSubstitutionInFromIsAnError) {
    model::Dockerfile df = analyze_text("FROM alpine:${\n");
    ASSERT_EQ(df.stages.size(), 1U);
    EXPECT_FALSE(df.stages[0].base.known);
    EXPECT_FALSE(df.stages[0].base.error.empty());
    EXPECT_TRUE(has_error(df));
}

TEST(AnalyzerStages, DuplicateStageNameIsAnError) {
    model::Dockerfile df = analyze_text("FROM alpine AS x\nFROM alpine AS X\n");
    ASSERT_TRUE(has_error(df));
    EXPECT_EQ(df.diagnostics.back().message, "duplicate stage name 'x'");
    EXPECT_EQ(df.diagnostics.back().location.line, 2U);
}

TEST(AnalyzerScopes, GlobalArgsReimportedInsideStage) {
    model::Dockerfile df = analyze_text(
        "ARG VERSION=1.0\n"             // 0
        "ARG OTHER\n"                   // 1
        "FROM alpine:3.19\n"            // 2
        "ARG VERSION\n"                 // 3
        "ENV APP=/opt/app-$VERSION\n"   // 4
        "ARG NEW=x-${APP}\n"            // 5
        "RUN echo\n"                    // 6
        "FROM alpine:3.19 AS second\n"  // 7
        "RUN echo\n");                  // 8
    ASSERT_TRUE(df.global_scope);
    EXPECT_EQ(df.global_scope->size(), 2U);
    EXPECT_EQ(df.global_scope->at("VERSION").text, "1.0");
    EXPECT_FALSE(df.global_scope->at("OTHER").known);
    EXPECT_EQ(var(df, 3, "VERSION"), "<unset>");  // the scope before ARG VERSION runs
    EXPECT_EQ(var(df, 6, "VERSION"), "1.0");
    EXPECT_EQ(var(df, 6, "APP"), "/opt/app-1.0");
    EXPECT_EQ(var(df, 6, "NEW"), "x-/opt/app-1.0");
    EXPECT_EQ(var(df, 8, "VERSION"), "<unset>");  // not declared in the second stage
    EXPECT_EQ(var(df, 1, "VERSION"), "1.0");
    EXPECT_EQ(var(df, 0, "VERSION"), "<unset>");

    model::Dockerfile over =
        analyze_text("ARG VERSION=1.0\nFROM alpine\nARG VERSION\nARG NEW=default\nRUN echo\n",
                     with_args({{"VERSION", "2.0"}, {"NEW", "given"}}));
    EXPECT_EQ(over.global_scope->at("VERSION").text, "2.0");
    EXPECT_EQ(var(over, 4, "VERSION"), "2.0");
    EXPECT_EQ(var(over, 4, "NEW"), "given");
}

TEST(AnalyzerScopes, EnvWinsOverArgAndUsesValuesBeforeTheInstruction) {
    model::Dockerfile df = analyze_text(
        "FROM alpine\n"
        "ENV A=env\n"
        "ARG A=arg\n"
        "ENV B=1\n"
        "ENV B=2 C=$B\n"
        "RUN echo\n");
    EXPECT_EQ(var(df, 5, "A"), "env");
    EXPECT_EQ(var(df, 5, "B"), "2");
    EXPECT_EQ(var(df, 5, "C"), "1");
}

TEST(AnalyzerScopes, QuotesInValuesFollowBuildKit) {
    model::Dockerfile df = analyze_text(
        "FROM alpine\n"
        "ENV HOME_DIR=/home/app\n"
        "ENV LIT='$HOME_DIR' EXP=\"$HOME_DIR/x\" ESC=\\$HOME_DIR\n"
        "RUN echo\n");
    EXPECT_EQ(var(df, 3, "LIT"), "$HOME_DIR");
    EXPECT_EQ(var(df, 3, "EXP"), "/home/app/x");
    EXPECT_EQ(var(df, 3, "ESC"), "$HOME_DIR");
}

TEST(AnalyzerScopes, StageFromStageInheritsEnvNotArgs) {
    model::Dockerfile df = analyze_text(
        "FROM alpine AS base\n"
        "ARG BUILD_ONLY=1\n"
        "ENV FOO=bar\n"
        "FROM base\n"
        "RUN echo\n");
    EXPECT_EQ(var(df, 4, "FOO"), "bar");
    EXPECT_EQ(var(df, 4, "BUILD_ONLY"), "<unset>");
}

TEST(AnalyzerScopes, InheritedEnvWinsOverArgInTheChildStage) {
    // The child keeps only the ENV names of its parent; their values come from the parent's scope.
    model::Dockerfile df = analyze_text(
        "FROM alpine AS base\n"
        "ENV A=1\n"
        "ARG B=arg\n"
        "ENV A=2 C=$A\n"
        "FROM base\n"
        "ARG A=child C\n"
        "ENV D=$A$C\n"
        "RUN echo\n");
    EXPECT_EQ(var(df, 7, "A"), "2");
    EXPECT_EQ(var(df, 7, "C"), "1");
    EXPECT_EQ(var(df, 7, "D"), "21");
    EXPECT_EQ(var(df, 7, "B"), "<unset>");
}

TEST(AnalyzerScopes, UnknownValuesPropagate) {
    model::Dockerfile df = analyze_text(
        "FROM alpine\n"
        "ARG U\n"
        "ARG TARGETARCH\n"
        "ENV P=/x/$U\n"
        "RUN echo\n");
    EXPECT_EQ(var(df, 4, "U"), "<unknown:>");
    EXPECT_EQ(var(df, 4, "TARGETARCH"), "<unknown:>");
    EXPECT_EQ(var(df, 4, "P"), "<unknown:/x/>");
    EXPECT_EQ(df.instructions[4].scope->at("P").unknown_vars, (std::vector<std::string>{"U"}));
}

TEST(AnalyzerScopes, SnapshotsAreSharedUntilArgOrEnvChanges) {
    model::Dockerfile df = analyze_text(
        "FROM alpine\n"
        "RUN a\n"
        "WORKDIR /x\n"
        "ENV K=v\n"
        "RUN b\n"
        "COPY . .\n");
    EXPECT_EQ(df.instructions[1].scope.get(), df.instructions[2].scope.get());
    EXPECT_EQ(df.instructions[2].scope.get(), df.instructions[3].scope.get());
    EXPECT_NE(df.instructions[3].scope.get(), df.instructions[4].scope.get());
    EXPECT_EQ(df.instructions[4].scope.get(), df.instructions[5].scope.get());
}

TEST(AnalyzerTarget, LastStageShipsByDefault) {
    model::Dockerfile df = analyze_text("FROM alpine AS a\nFROM a AS b\nFROM alpine AS c\n");
    EXPECT_EQ(df.shipped_stage, 2);
    EXPECT_TRUE(df.stages[2].shipped);
    EXPECT_TRUE(df.stages[2].in_shipped_image);
    EXPECT_FALSE(df.stages[0].in_shipped_image);
}

TEST(AnalyzerTarget, TargetIsCaseInsensitiveAndBringsItsAncestors) {
    model::Dockerfile df =
        analyze_text("FROM alpine AS a\nFROM a AS b\nFROM alpine AS c\n", with_args({}, "B"));
    EXPECT_EQ(df.shipped_stage, 1);
    EXPECT_TRUE(df.stages[1].shipped);
    EXPECT_FALSE(df.stages[2].shipped);
    EXPECT_TRUE(df.stages[1].in_shipped_image);
    EXPECT_TRUE(df.stages[0].in_shipped_image);
    EXPECT_FALSE(df.stages[2].in_shipped_image);
    EXPECT_FALSE(has_error(df));
}

TEST(AnalyzerTarget, UnknownTargetIsAnErrorAtTheFirstFrom) {
    model::Dockerfile df =
        analyze_text("ARG X=1\n\nFROM alpine AS a\nFROM alpine AS b\n", with_args({}, "nope"));
    ASSERT_EQ(df.diagnostics.size(), 1U);
    const core::Diagnostic& d = df.diagnostics[0];
    EXPECT_EQ(d.level, core::DiagLevel::error);
    EXPECT_EQ(d.message, "target stage 'nope' not found");
    EXPECT_EQ(d.location.line, 3U);
    EXPECT_EQ(d.location.column, 1U);
    EXPECT_EQ(df.shipped_stage, 1);  // analysis goes on with the default
}

TEST(AnalyzerGraph, CopiesFromAndFeedsShipped) {
    model::Dockerfile df = analyze_text(
        "FROM alpine AS a\n"  // 0
        "FROM a AS b\n"       // 1
        "FROM alpine AS c\n"  // 2
        "COPY --from=b /x /x\n"
        "FROM alpine AS d\n"  // 3
        "RUN --mount=type=bind,from=c,target=/c true\n"
        "FROM alpine AS unused\n"  // 4
        "COPY --from=a /y /y\n"
        "FROM alpine AS e\n"  // 5
        "FROM e\n"            // 6
        "COPY --from=d /z /z\n"
        "COPY --from=nginx:1.25 /etc/nginx /etc/nginx\n"
        "COPY --from=1 /w /w\n"
        "COPY --from=D /z2 /z2\n");
    ASSERT_EQ(df.stages.size(), 7U);
    EXPECT_EQ(df.stages[6].copies_from, (std::vector<int>{3, 1}));
    EXPECT_EQ(df.stages[3].copies_from, (std::vector<int>{2}));
    EXPECT_EQ(df.stages[2].copies_from, (std::vector<int>{1}));
    EXPECT_TRUE(df.stages[3].feeds_shipped);
    EXPECT_TRUE(df.stages[2].feeds_shipped);  // through d's mount
    EXPECT_TRUE(df.stages[1].feeds_shipped);
    EXPECT_TRUE(df.stages[0].feeds_shipped);  // b is built FROM a
    EXPECT_FALSE(df.stages[4].feeds_shipped);
    EXPECT_FALSE(df.stages[4].in_shipped_image);
    EXPECT_TRUE(df.stages[5].in_shipped_image);
    EXPECT_FALSE(df.stages[5].feeds_shipped);
}

TEST(AnalyzerGraph, SelfNamedStageExpandedCopySourceAndPaddedIndex) {
    model::Dockerfile df = analyze_text(
        "FROM Alpine AS alpine\n"  // its base is the image, not the stage being started
        "FROM ALPINE AS build\n"
        "ARG SRC=ALPINE\n"
        "COPY --from=$SRC /a /a\n"
        "COPY --from=00 /b /b\n"
        "COPY --from=$UNSET_SRC /c /c\n");
    ASSERT_EQ(df.stages.size(), 2U);
    EXPECT_EQ(df.stages[0].base_stage, -1);
    ASSERT_TRUE(df.stages[0].image.has_value());
    EXPECT_EQ(df.stages[0].image->repository, "library/Alpine");
    EXPECT_EQ(df.stages[1].base_stage, 0);
    EXPECT_EQ(df.stages[1].copies_from, (std::vector<int>{0}));
}

TEST(AnalyzerGraph, CopyFromLaterStageOrImageIsNotAStage) {
    model::Dockerfile df = analyze_text(
        "FROM alpine AS a\n"
        "COPY --from=b /x /x\n"
        "COPY --from=5 /x /x\n"
        "FROM alpine AS b\n");
    EXPECT_TRUE(df.stages[0].copies_from.empty());
}

TEST(AnalyzerWindows, EscapeDirectiveShellAndBaseImage) {
    model::Dockerfile esc = analyze_text("# escape=`\nFROM alpine\nRUN echo hi\n");
    EXPECT_TRUE(esc.windows);
    EXPECT_TRUE(esc.instructions[1].shell.empty());

    model::Dockerfile shell = analyze_text(
        "FROM alpine\n"
        "RUN echo before\n"
        "SHELL [\"powershell\", \"-Command\"]\n"
        "RUN Write-Host hi\n");
    EXPECT_TRUE(shell.windows);
    EXPECT_FALSE(shell.instructions[1].shell.empty());
    EXPECT_TRUE(shell.instructions[3].shell.empty());

    model::Dockerfile image = analyze_text("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir\n");
    EXPECT_TRUE(image.windows);
    EXPECT_TRUE(image.stages[0].windows);
    EXPECT_TRUE(image.instructions[1].shell.empty());
    EXPECT_EQ(image.instructions[1].run_shell, (std::vector<std::string>{"cmd", "/S", "/C"}));

    model::Dockerfile framework =
        analyze_text("FROM mcr.microsoft.com/dotnet/framework/sdk:4.8 AS b\nFROM b\n");
    EXPECT_TRUE(framework.stages[1].windows);

    model::Dockerfile linux = analyze_text("FROM mcr.microsoft.com/dotnet/aspnet:8.0\nRUN echo\n");
    EXPECT_FALSE(linux.windows);
    EXPECT_FALSE(linux.instructions[1].shell.empty());
}

TEST(AnalyzerShellInEffect, DefaultShellChangesAndInheritance) {
    model::Dockerfile df = analyze_text(
        "FROM alpine AS base\n"
        "RUN a\n"
        "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
        "RUN b\n"
        "FROM base\n"
        "RUN c\n"
        "FROM alpine\n"
        "RUN d\n");
    EXPECT_EQ(df.instructions[1].run_shell, (std::vector<std::string>{"/bin/sh", "-c"}));
    EXPECT_FALSE(df.instructions[1].pipefail_by_shell());
    EXPECT_EQ(df.instructions[3].run_shell, (std::vector<std::string>{"/bin/bash", "-o", "pipefail", "-c"}));
    EXPECT_TRUE(df.instructions[3].pipefail_by_shell());
    EXPECT_TRUE(df.instructions[5].pipefail_by_shell());  // inherited through FROM base
    EXPECT_FALSE(df.instructions[7].pipefail_by_shell());
}

TEST(AnalyzerShellInEffect, PipefailOptionSpellings) {
    using model::shell_enables_pipefail;
    EXPECT_TRUE(shell_enables_pipefail({"/bin/bash", "-eo", "pipefail", "-c"}));
    EXPECT_TRUE(shell_enables_pipefail({"/bin/bash", "-euxo", "pipefail", "-c"}));
    EXPECT_TRUE(shell_enables_pipefail({"/bin/ash", "-o", "errexit", "-o", "pipefail", "-c"}));
    EXPECT_FALSE(shell_enables_pipefail({"/bin/bash", "-o", "pipefail", "+o", "pipefail", "-c"}));
    EXPECT_FALSE(shell_enables_pipefail({"/bin/bash", "-c"}));
    EXPECT_FALSE(shell_enables_pipefail({"/bin/bash", "-c", "-o", "pipefail"}));
    EXPECT_TRUE(model::is_posix_shell_program("/usr/bin/bash"));
    EXPECT_TRUE(model::is_posix_shell_program("sh"));
    EXPECT_FALSE(model::is_posix_shell_program("powershell.exe"));
    EXPECT_FALSE(model::is_posix_shell_program("python3"));
}

TEST(AnalyzerUsers, DistrolessNonrootAndAssumedRoot) {
    model::Dockerfile df = analyze_text(
        "FROM golang:1.22 AS build\n"
        "FROM gcr.io/distroless/static-debian12:nonroot\n"
        "FROM scratch\n");
    const model::EffectiveUser& build = df.stages[0].user;
    EXPECT_EQ(build.source, model::EffectiveUser::Source::assumed_root);
    EXPECT_TRUE(build.is_root);
    EXPECT_TRUE(build.known);
    const model::EffectiveUser& distroless = df.stages[1].user;
    EXPECT_EQ(distroless.source, model::EffectiveUser::Source::base_image_default);
    EXPECT_EQ(distroless.name, "nonroot");
    EXPECT_FALSE(distroless.is_root);
    EXPECT_EQ(df.stages[2].user.source, model::EffectiveUser::Source::assumed_root);
    EXPECT_TRUE(df.stages[2].user.is_root);
}

TEST(AnalyzerUsers, RememberedBaseImagesGiveThePlainAnswers) {
    // The analyzer remembers each FROM reference's parse, Windows test and default user per thread:
    // a second file (and a second stage) with the same bases must get what the plain lookups give.
    const std::vector<std::string> bases = {"gcr.io/distroless/static-debian12:nonroot",
                                            "mcr.microsoft.com/windows/nanoserver:ltsc2022",
                                            "Debian:12",
                                            "bitnami/redis:7.2",
                                            "python:3.12-slim",
                                            "SCRATCH",
                                            "bad::ref",
                                            "ALPINE"};
    for (int round = 0; round < 2; ++round) {
        for (const std::string& base : bases) {
            // The first stage sets USER (its default user is not needed), the second does not.
            model::Dockerfile df = analyze_text("FROM " + base + " AS one\nUSER app\nFROM " + base + "\n");
            ASSERT_EQ(df.stages.size(), 2U) << base;
            std::optional<model::ImageRef> image = model::parse_image_ref(base);
            bool scratch = util::iequals(base, "scratch");
            for (const model::Stage& stage : df.stages) {
                EXPECT_EQ(stage.windows, data::is_windows_image(base)) << base;
                EXPECT_EQ(stage.scratch, scratch) << base;
                ASSERT_EQ(stage.image.has_value(), image.has_value() && !scratch) << base;
                if (stage.image) {
                    EXPECT_EQ(stage.image->registry, image->registry) << base;
                    EXPECT_EQ(stage.image->repository, image->repository) << base;
                    EXPECT_EQ(stage.image->tag, image->tag) << base;
                }
            }
            const model::EffectiveUser& user = df.stages[1].user;
            std::optional<data::DefaultUser> expected = image ? data::default_user(*image) : std::nullopt;
            if (expected && !scratch) {
                EXPECT_EQ(user.source, model::EffectiveUser::Source::base_image_default) << base;
                EXPECT_EQ(user.name, expected->name) << base;
                EXPECT_EQ(user.is_root, expected->is_root) << base;
            } else {
                EXPECT_NE(user.source, model::EffectiveUser::Source::base_image_default) << base;
            }
        }
    }
}

TEST(AnalyzerUsers, UserInstructionAndInheritanceFromParentStage) {
    model::Dockerfile df = analyze_text(
        "FROM alpine AS base\n"
        "USER root\n"
        "RUN apk add curl\n"
        "USER app:app\n"
        "FROM base\n"
        "RUN echo\n");
    const model::EffectiveUser& base = df.stages[0].user;
    EXPECT_EQ(base.source, model::EffectiveUser::Source::user_instruction);
    EXPECT_EQ(base.name, "app:app");
    EXPECT_FALSE(base.is_root);
    EXPECT_EQ(base.instruction, 3);
    const model::EffectiveUser& child = df.stages[1].user;
    EXPECT_EQ(child.source, model::EffectiveUser::Source::inherited_stage);
    EXPECT_EQ(child.name, "app:app");
    EXPECT_FALSE(child.is_root);
    EXPECT_EQ(child.instruction, 3);
}

TEST(AnalyzerUsers, RootSpellings) {
    for (const char* root : {"root", "0", "0:0", "root:root", "0:1000", "ROOT"}) {
        model::Dockerfile df =
            analyze_text(std::string("FROM gcr.io/distroless/static:nonroot\nUSER ") + root + "\n");
        EXPECT_TRUE(df.stages[0].user.is_root) << root;
    }
    for (const char* user : {"1000:0", "app", "10001", "nobody"}) {
        model::Dockerfile df = analyze_text(std::string("FROM alpine\nUSER ") + user + "\n");
        EXPECT_FALSE(df.stages[0].user.is_root) << user;
        EXPECT_TRUE(df.stages[0].user.known) << user;
    }
}

TEST(AnalyzerUsers, UserFromVariables) {
    model::Dockerfile df = analyze_text(
        "FROM alpine AS a\n"
        "ARG APP_USER\n"
        "USER ${APP_USER}\n"
        "FROM alpine AS b\n"
        "ARG UID=10001\n"
        "USER $UID\n"
        "FROM alpine AS c\n"
        "USER $NEVER_DECLARED\n");
    const model::EffectiveUser& a = df.stages[0].user;
    EXPECT_FALSE(a.known);
    EXPECT_FALSE(a.is_root);
    EXPECT_EQ(a.name, "${APP_USER}");
    EXPECT_EQ(df.stages[1].user.name, "10001");
    EXPECT_TRUE(df.stages[1].user.known);
    EXPECT_FALSE(df.stages[2].user.known);

    model::Dockerfile given =
        analyze_text("FROM alpine\nARG APP_USER\nUSER ${APP_USER}\n", with_args({{"APP_USER", "root"}}));
    EXPECT_TRUE(given.stages[0].user.known);
    EXPECT_TRUE(given.stages[0].user.is_root);
}

TEST(AnalyzerUsers, UnknownBaseGivesUnknownUser) {
    model::Dockerfile df = analyze_text("ARG BASE\nFROM $BASE AS a\nFROM a\n");
    EXPECT_EQ(df.stages[0].user.source, model::EffectiveUser::Source::unknown);
    EXPECT_FALSE(df.stages[0].user.known);
    EXPECT_FALSE(df.stages[0].user.is_root);
    EXPECT_EQ(df.stages[1].base_stage, 0);
    EXPECT_FALSE(df.stages[1].user.known);  // FROM a: a's user is unknown
    EXPECT_EQ(df.stages[1].user.source, model::EffectiveUser::Source::unknown);
}
