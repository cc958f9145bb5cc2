// Dockerfile parser: arguments per instruction (exec/shell form, words, key=value pairs, ONBUILD).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_dockerfile_parser_helpers.hpp"

namespace bulwark::testing {
namespace {

using model::InstructionKind;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(DockerfileParserExecForm, JsonArrayWithRangesAndEscapes) {
    std::string text = "CMD [ \"node\",\"a \\\"b\\\"\" , \"\\u00e9\\\\x\" ]\n";
    auto df = parse_text(text);
    ASSERT_EQ(df.instructions.size(), 1U);
    const model::Instruction& cmd = df.instructions[0];
    EXPECT_TRUE(cmd.json_form);
    EXPECT_THAT(values(cmd.json), ElementsAre("node", "a \"b\"", "\xC3\xA9\\x"));
    EXPECT_EQ(source_of(df, cmd.json[0].range), "\"node\"");
    EXPECT_EQ(source_of(df, cmd.json[1].range), "\"a \\\"b\\\"\"");
    EXPECT_EQ(source_of(df, cmd.json[2].range), "\"\\u00e9\\\\x\"");
    EXPECT_THAT(cmd.words, IsEmpty());
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserExecForm, JsonAcrossContinuationLines) {
    std::string text = "ENTRYPOINT [\"/bin/sh\", \\\n            \"-c\"]\n";
    auto df = parse_text(text);
    const model::Instruction& ep = df.instructions.at(0);
    ASSERT_TRUE(ep.json_form);
    EXPECT_THAT(values(ep.json), ElementsAre("/bin/sh", "-c"));
    EXPECT_EQ(df.source->position(ep.json[1].range.begin), (util::Position{2, 13}));
}

TEST(DockerfileParserExecForm, EmptyArraysAndShellForm) {
    auto df = parse_text("CMD []\nENTRYPOINT   [ ]  \nRUN echo [a]\n");
    ASSERT_EQ(df.instructions.size(), 3U);
    EXPECT_TRUE(df.instructions[0].json_form);
    EXPECT_THAT(df.instructions[0].json, IsEmpty());
    EXPECT_TRUE(df.instructions[1].json_form);
    EXPECT_FALSE(df.instructions[2].json_form);
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserExecForm, InvalidJsonWarnsAndFallsBackToShellForm) {
    auto df = parse_text(
        "CMD ['node', 'app.js']\n"
        "ENTRYPOINT [\"a\" \"b\"]\n"
        "RUN [\"a\",]\n"
        "CMD [\"a\"] && b\n"
        "VOLUME [/data]\n"
        "CMD [\"C:\\path\"]\n"
        "RUN [\"unterminated\n",
        "Dockerfile");
    ASSERT_EQ(df.instructions.size(), 7U);
    for (const model::Instruction& inst : df.instructions) {
        EXPECT_FALSE(inst.json_form);
    }
    EXPECT_THAT(values(df.instructions[4].words), ElementsAre("[/data]"));
    EXPECT_EQ(df.instructions[0].args.value, "['node', 'app.js']");
    EXPECT_THAT(
        diags(df),
        ElementsAre("1:5: warning: not a valid JSON array (strings must use double quotes): Docker runs "
                    "this in shell form",
                    "2:12: warning: not a valid JSON array (expected ',' or ']' after a string): Docker "
                    "runs this in shell form",
                    "3:5: warning: not a valid JSON array (trailing ','): Docker runs this in shell form",
                    "4:5: warning: not a valid JSON array (text after the closing ']'): Docker runs this "
                    "in shell form",
                    "5:8: warning: not a valid JSON array (expected a string): Docker runs this in shell "
                    "form",
                    "6:5: warning: not a valid JSON array (invalid escape \\p in a string): Docker runs "
                    "this in shell form",
                    "7:5: warning: not a valid JSON array (unterminated string): Docker runs this in "
                    "shell form"));
    EXPECT_EQ(
        formatted(df, 0),
        "Dockerfile:1:5: warning: not a valid JSON array (strings must use double quotes): Docker runs this "
        "in shell form\n"
        "CMD ['node', 'app.js']\n"
        "    ^\n");
}

TEST(DockerfileParserExecForm, ShellTestCommandIsNotAWarning) {
    auto df =
        parse_text("RUN [ -f /etc/os-release ] && cat /etc/os-release\nRUN [[ \"$A\" = b ]] || exit 1\n");
    EXPECT_THAT(diags(df), IsEmpty());
    EXPECT_FALSE(df.instructions.at(0).json_form);
}

TEST(DockerfileParserExecForm, NonStringElementsAreAnError) {
    auto df = parse_text("CMD [\"a\", 1]\nENTRYPOINT [[\"x\"]]\n");
    EXPECT_THAT(
        diags(df),
        ElementsAre("1:5: error: when using JSON array syntax, arrays must be comprised of strings only",
                    "2:12: error: when using JSON array syntax, arrays must be comprised of strings only"));
}

TEST(DockerfileParserExecForm, ShellRequiresJson) {
    auto df = parse_text("SHELL [\"powershell\", \"-Command\"]\nSHELL /bin/bash -c\nSHELL ['sh']\n");
    EXPECT_TRUE(df.instructions.at(0).json_form);
    EXPECT_THAT(values(df.instructions[0].json), ElementsAre("powershell", "-Command"));
    EXPECT_THAT(diags(df), ElementsAre("2:7: error: SHELL requires the arguments to be in JSON form",
                                       "3:7: error: SHELL requires the arguments to be in JSON form"));
}

TEST(DockerfileParserExecForm, CopyAndVolumeJsonFillWords) {
    auto df = parse_text("COPY [\"a b.txt\", \"/dst/\"]\nVOLUME [\"/data\", \"/logs\"]\nVOLUME /a /b\n");
    EXPECT_TRUE(df.instructions.at(0).json_form);
    EXPECT_THAT(values(df.instructions[0].words), ElementsAre("a b.txt", "/dst/"));
    EXPECT_EQ(source_of(df, df.instructions[0].words[0].range), "\"a b.txt\"");
    EXPECT_THAT(values(df.instructions[1].words), ElementsAre("/data", "/logs"));
    EXPECT_THAT(values(df.instructions[2].words), ElementsAre("/a", "/b"));
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserWords, FromWordsAndStageName) {
    auto df = parse_text("FROM --platform=linux/amd64 golang:1.22 AS Build\nFROM \"alpine\"\n");
    const model::Instruction& from = df.instructions.at(0);
    EXPECT_THAT(values(from.words), ElementsAre("golang:1.22", "AS", "Build"));
    EXPECT_EQ(source_of(df, from.words[2].range), "Build");
    EXPECT_EQ(df.instructions.at(1).words.at(0).value, "alpine");
    EXPECT_EQ(df.instructions[1].words[0].raw, "\"alpine\"");
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserWords, FromErrors) {
    auto df = parse_text("FROM a AS 1st\nFROM a b\nFROM\nFROM a AS b_c.d-e\n");
    EXPECT_THAT(
        diags(df),
        ElementsAre("1:11: error: invalid name for build stage: \"1st\", name can't start with a number or "
                    "contain symbols",
                    "2:1: error: FROM requires either one or three arguments",
                    "3:1: error: FROM requires either one or three arguments"));
}

TEST(DockerfileParserWords, ExposeUserWorkdirStopsignal) {
    auto df = parse_text(
        "EXPOSE 80/tcp 443\nUSER app:app\nWORKDIR \"/my app\"\nSTOPSIGNAL SIGTERM\n"
        "MAINTAINER Jane \"J\" Doe\n");
    EXPECT_THAT(values(df.instructions.at(0).words), ElementsAre("80/tcp", "443"));
    EXPECT_THAT(values(df.instructions.at(1).words), ElementsAre("app:app"));
    EXPECT_THAT(values(df.instructions.at(2).words), ElementsAre("/my app"));
    EXPECT_EQ(source_of(df, df.instructions[2].words[0].range), "\"/my app\"");
    EXPECT_THAT(values(df.instructions.at(3).words), ElementsAre("SIGTERM"));
    EXPECT_THAT(values(df.instructions.at(4).words), ElementsAre("Jane \"J\" Doe"));
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserWords, MissingArguments) {
    auto df = parse_text("FROM a\nUSER\nWORKDIR  \nEXPOSE\nCOPY a\nVOLUME\nENV\nARG\nLABEL\nONBUILD\n");
    EXPECT_THAT(diags(df),
                ElementsAre("2:1: error: USER requires exactly one argument",
                            "3:1: error: WORKDIR requires exactly one argument",
                            "4:1: error: EXPOSE requires at least one argument",
                            "5:1: error: COPY requires at least two arguments, but only one was provided. "
                            "Destination could not be determined",
                            "6:1: error: VOLUME requires at least one argument",
                            "7:1: error: ENV requires at least one argument",
                            "8:1: error: ARG requires at least one argument",
                            "9:1: error: LABEL requires at least one argument",
                            "10:1: error: ONBUILD requires at least one argument"));
}

TEST(DockerfileParserPairs, EnvKeyValuesWithQuotesAndEscapes) {
    std::string text = "ENV A=1 B=\"two words\" C='$x' D=a\\ b E= F=\"q\\\"x\"\n";
    auto df = parse_text(text);
    const auto& pairs = df.instructions.at(0).pairs;
    ASSERT_EQ(pairs.size(), 6U);
    EXPECT_EQ(pairs[0].key, "A");
    EXPECT_EQ(pairs[0].value, "1");
    EXPECT_EQ(pairs[1].key, "B");
    EXPECT_EQ(pairs[1].value, "two words");
    EXPECT_EQ(pairs[1].raw_value, "\"two words\"");
    EXPECT_EQ(source_of(df, pairs[1].value_range), "\"two words\"");
    EXPECT_EQ(source_of(df, pairs[1].key_range), "B");
    EXPECT_EQ(pairs[2].value, "$x");
    EXPECT_EQ(pairs[2].raw_value, "'$x'");
    EXPECT_EQ(pairs[3].value, "a b");
    EXPECT_EQ(pairs[4].value, "");
    EXPECT_TRUE(pairs[4].has_value);
    EXPECT_EQ(pairs[5].value, "q\"x");
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserPairs, EnvLegacyForm) {
    auto df = parse_text("ENV PATH /usr/local/bin:$PATH and more\nENV ONLYKEY\n");
    const auto& pairs = df.instructions.at(0).pairs;
    ASSERT_EQ(pairs.size(), 1U);
    EXPECT_EQ(pairs[0].key, "PATH");
    EXPECT_EQ(pairs[0].value, "/usr/local/bin:$PATH and more");
    EXPECT_EQ(source_of(df, pairs[0].value_range), "/usr/local/bin:$PATH and more");
    EXPECT_THAT(diags(df), ElementsAre("2:5: error: ENV must have two arguments"));
}

TEST(DockerfileParserPairs, EnvAcrossContinuations) {
    auto df = parse_text("ENV A=1 \\\n    B=2 \\\n    # comment\n    C=\"x \\\n    y\"\n");
    const auto& pairs = df.instructions.at(0).pairs;
    ASSERT_EQ(pairs.size(), 3U);
    EXPECT_EQ(pairs[1].key, "B");
    EXPECT_EQ(df.source->position(pairs[1].key_range.begin), (util::Position{2, 5}));
    EXPECT_EQ(pairs[2].value, "x     y");
    EXPECT_EQ(df.source->position(pairs[2].value_range.end), (util::Position{5, 7}));
}

TEST(DockerfileParserPairs, EnvErrors) {
    auto df = parse_text("ENV A=1 B\nLABEL =x\n");
    EXPECT_THAT(
        diags(df),
        ElementsAre("1:9: error: Syntax error - can't find = in \"B\". Must be of the form: name=value",
                    "2:7: error: LABEL names can not be blank"));
}

TEST(DockerfileParserPairs, LabelQuotedKeys) {
    auto df =
        parse_text("LABEL \"com.example.vendor\"=\"ACME Inc\" version=1.0 description=\"multi\\\n line\"\n");
    const auto& pairs = df.instructions.at(0).pairs;
    ASSERT_EQ(pairs.size(), 3U);
    EXPECT_EQ(pairs[0].key, "com.example.vendor");
    EXPECT_EQ(pairs[0].raw_key, "\"com.example.vendor\"");
    EXPECT_EQ(pairs[0].value, "ACME Inc");
    EXPECT_EQ(pairs[2].value, "multi line");
}

TEST(DockerfileParserPairs, ArgNamesAndDefaults) {
    auto df = parse_text("ARG A B=2 C=\"x y\" D=\nARG =bad\n");
    const auto& pairs = df.instructions.at(0).pairs;
    ASSERT_EQ(pairs.size(), 4U);
    EXPECT_EQ(pairs[0].key, "A");
    EXPECT_FALSE(pairs[0].has_value);
    EXPECT_EQ(source_of(df, pairs[0].key_range), "A");
    EXPECT_EQ(pairs[1].value, "2");
    EXPECT_TRUE(pairs[1].has_value);
    EXPECT_EQ(pairs[2].value, "x y");
    EXPECT_EQ(pairs[3].value, "");
    EXPECT_TRUE(pairs[3].has_value);
    EXPECT_THAT(diags(df), ElementsAre("2:5: error: ARG names can not be blank"));
}

TEST(DockerfileParserPairs, BacktickEscapeInValues) {
    auto df = parse_text("# escape=`\nFROM a\nENV P=C:\\tools A=x`\" y\n");
    const auto& pairs = df.instructions.at(1).pairs;
    ASSERT_EQ(pairs.size(), 2U);
    EXPECT_EQ(pairs[0].value, "C:\\tools");
    EXPECT_EQ(pairs[1].value, "x\"");
    EXPECT_THAT(diags(df),
                ElementsAre("3:22: error: Syntax error - can't find = in \"y\". Must be of the form: "
                            "name=value"));
}

TEST(DockerfileParserHealthcheck, Forms) {
    auto df = parse_text(
        "HEALTHCHECK NONE\n"
        "HEALTHCHECK --interval=5m CMD curl -f http://localhost/ || exit 1\n"
        "HEALTHCHECK CMD [\"/bin/check\", \"-q\"]\n"
        "HEALTHCHECK NONE extra\n"
        "HEALTHCHECK RUN x\n"
        "HEALTHCHECK CMD\n");
    ASSERT_EQ(df.instructions.size(), 6U);
    EXPECT_THAT(values(df.instructions[0].words), ElementsAre("NONE"));
    EXPECT_FALSE(df.instructions[1].json_form);
    EXPECT_EQ(df.instructions[1].words.at(0).value, "CMD");
    EXPECT_EQ(df.instructions[1].words.at(1).value, "curl");
    EXPECT_TRUE(df.instructions[2].json_form);
    EXPECT_THAT(values(df.instructions[2].json), ElementsAre("/bin/check", "-q"));
    EXPECT_THAT(diags(df), ElementsAre("4:18: error: HEALTHCHECK NONE takes no arguments",
                                       "5:13: error: Unknown type \"RUN\" in HEALTHCHECK (try CMD)",
                                       "6:13: error: Missing command after HEALTHCHECK CMD"));
}

TEST(DockerfileParserOnbuild, TriggerIsAnInstruction) {
    std::string text = "onbuild  RUN --mount=type=cache,target=/x make \\\n  install\n";
    auto df = parse_text(text);
    const model::Instruction& ob = df.instructions.at(0);
    EXPECT_EQ(ob.kind, InstructionKind::onbuild);
    ASSERT_TRUE(ob.trigger);
    const model::Instruction& t = *ob.trigger;
    EXPECT_EQ(t.kind, InstructionKind::run);
    EXPECT_EQ(t.keyword, "RUN");
    EXPECT_EQ(t.keyword_range.begin, text.find("RUN"));
    EXPECT_EQ(t.line, 1U);
    EXPECT_EQ(t.end_line, 2U);
    EXPECT_EQ(t.flag("mount")->value, "type=cache,target=/x");
    EXPECT_EQ(t.args.value, "make   install");
    EXPECT_EQ(t.args.to_source(7), text.find("install"));
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserOnbuild, ForbiddenTriggers) {
    auto df = parse_text("ONBUILD ONBUILD RUN x\nONBUILD FROM a\nONBUILD maintainer me\nONBUILD BOGUS\n");
    EXPECT_THAT(diags(df), ElementsAre("1:9: error: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
                                       "2:9: error: FROM isn't allowed as an ONBUILD trigger",
                                       "3:9: error: MAINTAINER isn't allowed as an ONBUILD trigger",
                                       "4:9: error: unknown instruction: BOGUS"));
}

TEST(DockerfileParserOnbuild, LongChainsDoNotRecurse) {
    std::string text = "FROM a\n";
    for (int i = 0; i < 200000; ++i) {
        text += "ONBUILD ";
    }
    text += "RUN x\n";
    auto df = parse_text(text);
    ASSERT_EQ(df.instructions.size(), 2U);
    ASSERT_TRUE(df.instructions[1].trigger);
    EXPECT_EQ(df.instructions[1].trigger->kind, InstructionKind::onbuild);
    EXPECT_FALSE(df.instructions[1].trigger->trigger);
    EXPECT_THAT(diags(df), ElementsAre("2:9: error: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"));
}

}  // namespace
}  // namespace bulwark::testing
