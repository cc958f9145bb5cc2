// Dockerfile parser: `--flag` words and their checks per instruction.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bulwark/model/mount.hpp"
#include "test_dockerfile_parser_helpers.hpp"

namespace bulwark::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(DockerfileParserFlags, EveryKnownFlagIsAccepted) {
    auto df = parse_text(
        "FROM --platform=$BUILDPLATFORM golang AS build\n"
        "RUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=npm,required "
        "--mount=type=bind,source=.,target=/src,rw --mount=type=tmpfs,target=/tmp,size=64m "
        "--mount=type=ssh --network=none --security=insecure go build\n"
        "COPY --from=build --chown=app:app --chmod=755 --link --parents --exclude=*.md --exclude=x /src "
        "/dst\n"
        "ADD --chown=1 --chmod=644 --link=false --checksum=sha256:abc --keep-git-dir=true --exclude=a "
        "https://example.com/x.tgz /x\n"
        "HEALTHCHECK --interval=30s --timeout=1m30s --start-period=5s --start-interval=500ms --retries=3 "
        "CMD curl -f http://localhost/\n");
    EXPECT_THAT(diags(df), IsEmpty());
    ASSERT_EQ(df.instructions.size(), 5U);
    EXPECT_EQ(df.instructions[0].flag("platform")->value, "$BUILDPLATFORM");
    EXPECT_EQ(df.instructions[1].flags_named("mount").size(), 5U);
    EXPECT_EQ(df.instructions[1].flag("network")->value, "none");
    EXPECT_EQ(df.instructions[1].args.value, "go build");
    const model::Instruction& copy = df.instructions[2];
    EXPECT_EQ(copy.flags.size(), 7U);
    EXPECT_EQ(copy.flag("link")->has_value, false);
    EXPECT_EQ(copy.flag("from")->value, "build");
    EXPECT_THAT(values(copy.words), ElementsAre("/src", "/dst"));
    EXPECT_EQ(df.instructions[4].flag("retries")->value, "3");
}

TEST(DockerfileParserFlags, RangesAndQuotedValues) {
    std::string text = "RUN --mount=\"type=cache,target=/a b\" \\\n    --network=host echo\n";
    auto df = parse_text(text);
    ASSERT_EQ(df.instructions.size(), 1U);
    const model::Instruction& run = df.instructions[0];
    ASSERT_EQ(run.flags.size(), 2U);
    EXPECT_EQ(run.flags[0].name, "mount");
    EXPECT_EQ(run.flags[0].value, "type=cache,target=/a b");
    EXPECT_TRUE(run.flags[0].has_value);
    EXPECT_EQ(source_of(df, run.flags[0].range), "--mount=\"type=cache,target=/a b\"");
    EXPECT_EQ(source_of(df, run.flags[0].value_range), "\"type=cache,target=/a b\"");
    EXPECT_EQ(source_of(df, run.flags[1].range), "--network=host");
    EXPECT_EQ(df.source->position(run.flags[1].range.begin), (util::Position{2, 5}));
    EXPECT_EQ(run.args.value, "echo");
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserFlags, UnknownFlagIsAnErrorButRecorded) {
    auto df = parse_text("FROM a\nCOPY --form=build a b\nENV --x=1 A=b\nCMD --help\n", "Dockerfile");
    ASSERT_EQ(df.instructions.size(), 4U);
    ASSERT_EQ(df.instructions[1].flags.size(), 1U);
    EXPECT_EQ(df.instructions[1].flags[0].name, "form");
    EXPECT_EQ(df.instructions[1].flags[0].value, "build");
    EXPECT_THAT(values(df.instructions[1].words), ElementsAre("a", "b"));
    ASSERT_EQ(df.diagnostics.size(), 3U);
    EXPECT_EQ(formatted(df, 0),
              "Dockerfile:2:6: error: unknown flag: form (did you mean from?)\n"
              "COPY --form=build a b\n"
              "     ^\n");
    EXPECT_EQ(diags(df)[1], "3:5: error: unknown flag: x");
    EXPECT_EQ(diags(df)[2], "4:5: error: unknown flag: help");
}

TEST(DockerfileParserFlags, ValueProblems) {
    auto df = parse_text(
        "FROM --platform a\n"
        "COPY --link=maybe --from=a --from=b x y\n"
        "ADD --link= x y\n"
        "RUN --network=wifi --security=loose x\n");
    EXPECT_THAT(diags(df), ElementsAre("1:6: error: missing a value on flag: platform",
                                       "2:13: error: expecting boolean value for flag link, not: maybe",
                                       "2:28: error: duplicate flag specified: from",
                                       "3:5: error: missing a value on flag: link",
                                       "4:15: error: unsupported network mode \"wifi\"",
                                       "4:31: error: unsupported security mode \"loose\""));
}

TEST(DockerfileParserFlags, MountValuesAreChecked) {
    auto df = parse_text(
        "RUN --mount=type=volume,target=/x a\n"
        "RUN --mount=type=cache,target=/x,colour=red b\n"
        "RUN --mount=type=cache,sharing=mine,target=/x c\n"
        "RUN --mount=type=bind,required d\n"
        "RUN --mount=type=cache,target=$DIR,id=${ID} e\n");
    EXPECT_THAT(diags(df), ElementsAre("1:13: error: unsupported mount type \"volume\"",
                                       "2:13: error: unexpected key 'colour' in 'colour=red'",
                                       "3:13: error: unsupported sharing value \"mine\"",
                                       "4:13: error: unexpected key 'required' for mount type 'bind'"));
}

TEST(DockerfileParserFlags, ParseMount) {
    model::Mount m = model::parse_mount("type=secret,id=aws,target=/root/.aws/credentials,required");
    EXPECT_EQ(m.error, "");
    EXPECT_EQ(m.type, "secret");
    EXPECT_EQ(m.id(), "aws");
    EXPECT_EQ(m.target(), "/root/.aws/credentials");
    EXPECT_TRUE(m.has("required"));
    model::Mount bind = model::parse_mount("source=.,dst=/src");
    EXPECT_EQ(bind.type, "bind");
    EXPECT_EQ(bind.source(), ".");
    EXPECT_EQ(bind.target(), "/src");
    model::Mount csv = model::parse_mount("type=bind,\"source=a,b\",target=/x");
    EXPECT_EQ(csv.source(), "a,b");
    EXPECT_EQ(model::parse_mount("type=bind,so\"urce=a").error,
              "failed to parse csv mounts: bare \" in non-quoted-field");
    EXPECT_EQ(model::parse_mount("").error, "failed to parse csv mounts: EOF");
    EXPECT_EQ(model::parse_mount("type=cache,target").error,
              "invalid field 'target' must be a key=value pair");
}

TEST(DockerfileParserFlags, HealthcheckValues) {
    auto df = parse_text(
        "HEALTHCHECK --interval=5 CMD a\n"
        "HEALTHCHECK --timeout=10x CMD a\n"
        "HEALTHCHECK --start-period=100us CMD a\n"
        "HEALTHCHECK --retries=0 CMD a\n"
        "HEALTHCHECK --retries=two CMD a\n"
        "HEALTHCHECK --interval=0s --timeout=1.5m CMD a\n");
    EXPECT_THAT(diags(df), ElementsAre("1:24: error: time: missing unit in duration \"5\"",
                                       "2:23: error: time: unknown unit \"x\" in duration \"10x\"",
                                       "3:28: error: Interval \"start-period\" cannot be less than 1ms",
                                       "4:23: error: --retries must be at least 1 (not 0)",
                                       "5:23: error: strconv.ParseInt: parsing \"two\": invalid syntax"));
}

TEST(DockerfileParserFlags, DoubleDashEndsFlags) {
    auto df = parse_text("COPY --chown=a -- --weird-name /dst\n");
    ASSERT_EQ(df.instructions.size(), 1U);
    EXPECT_EQ(df.instructions[0].flags.size(), 1U);
    EXPECT_THAT(values(df.instructions[0].words), ElementsAre("--weird-name", "/dst"));
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserFlags, FlagsOnlyBeforeArguments) {
    auto df = parse_text("RUN echo --mount=x\n");
    EXPECT_THAT(df.instructions.at(0).flags, IsEmpty());
    EXPECT_EQ(df.instructions[0].args.value, "echo --mount=x");
}

TEST(DockerfileParserFlags, OnbuildTriggerFlags) {
    auto df = parse_text("ONBUILD COPY --from=builder /a /b\n");
    ASSERT_TRUE(df.instructions.at(0).trigger);
    EXPECT_THAT(df.instructions[0].flags, IsEmpty());
    EXPECT_EQ(df.instructions[0].trigger->flag("from")->value, "builder");
    EXPECT_THAT(diags(df), IsEmpty());
}

}  // namespace
}  // namespace bulwark::testing
