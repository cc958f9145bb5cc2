// Dockerfile parser: directives, logical lines, comments, positions and error reporting.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>

#include "test_dockerfile_parser_helpers.hpp"

namespace bulwark::testing {
namespace {

using model::InstructionKind;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(DockerfileParserDirectives, ReadsSyntaxEscapeAndCheck) {
    auto df = parse_text(
        "# syntax=docker/dockerfile:1.7\n#ESCAPE = `\n#  Check = skip=JSONArgsRecommended  \nFROM scratch\n");
    EXPECT_EQ(df.directives.syntax, "docker/dockerfile:1.7");
    EXPECT_EQ(df.directives.escape, '`');
    EXPECT_TRUE(df.directives.escape_set);
    EXPECT_EQ(df.directives.check, "skip=JSONArgsRecommended");
    EXPECT_THAT(diags(df), IsEmpty());
    EXPECT_THAT(df.comments, IsEmpty());  // directives are not comments
}

TEST(DockerfileParserDirectives, DefaultsWhenAbsent) {
    auto df = parse_text("FROM scratch\n");
    EXPECT_EQ(df.directives.escape, '\\');
    EXPECT_FALSE(df.directives.escape_set);
    EXPECT_EQ(df.directives.syntax, "");
}

TEST(DockerfileParserDirectives, LookupStopsAtFirstNonDirectiveLine) {
    // After a comment, a blank line or an instruction, `# escape=` is only a comment.
    for (const char* text : {"# hello\n# escape=`\nFROM scratch\n", "\n# escape=`\nFROM scratch\n",
                             "FROM scratch\n# escape=`\n", "# unknown=1\n# escape=`\nFROM scratch\n"}) {
        auto df = parse_text(text);
        EXPECT_EQ(df.directives.escape, '\\') << text;
        EXPECT_FALSE(df.directives.escape_set) << text;
        ASSERT_FALSE(df.comments.empty()) << text;
        EXPECT_EQ(df.comments.back().text, "escape=`") << text;
    }
}

TEST(DockerfileParserDirectives, InvalidEscapeIsAnError) {
    auto df = parse_text("# escape=x\nFROM scratch\n", "a/Dockerfile");
    EXPECT_EQ(df.directives.escape, '\\');
    ASSERT_EQ(df.diagnostics.size(), 1U);
    EXPECT_EQ(formatted(df, 0),
              "a/Dockerfile:1:10: error: invalid escape token 'x' does not match ` or \\\n"
              "# escape=x\n"
              "         ^\n");
}

TEST(DockerfileParserDirectives, RepeatedDirectiveIsAnError) {
    auto df = parse_text("# syntax=a\n# syntax=b\nFROM scratch\n");
    EXPECT_EQ(df.directives.syntax, "a");
    EXPECT_THAT(diags(df), ElementsAre("2:10: error: only one syntax parser directive can be used"));
}

TEST(DockerfileParserDirectives, ByteOrderMarkIsSkipped) {
    auto df = parse_text("\xEF\xBB\xBF# escape=`\nFROM scratch\n");
    EXPECT_EQ(df.directives.escape, '`');
    ASSERT_EQ(df.instructions.size(), 1U);
    EXPECT_EQ(df.instructions[0].keyword, "FROM");
}

TEST(DockerfileParserLines, KeywordsAreCaseInsensitiveAndKeptAsWritten) {
    auto df = parse_text("from alpine\nRun echo hi\ncOpY a b\n");
    ASSERT_EQ(df.instructions.size(), 3U);
    EXPECT_EQ(df.instructions[0].kind, InstructionKind::from);
    EXPECT_EQ(df.instructions[0].keyword, "from");
    EXPECT_EQ(df.instructions[1].kind, InstructionKind::run);
    EXPECT_EQ(df.instructions[1].keyword, "Run");
    EXPECT_EQ(df.instructions[2].kind, InstructionKind::copy);
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserLines, PositionsOfInstructions) {
    auto df = parse_text("FROM alpine\n\n  RUN apk add \\\n      curl\nUSER app\n");
    ASSERT_EQ(df.instructions.size(), 3U);
    const model::Instruction& run = df.instructions[1];
    EXPECT_EQ(run.line, 3U);
    EXPECT_EQ(run.end_line, 4U);
    EXPECT_EQ(source_of(df, run.keyword_range), "RUN");
    EXPECT_EQ(run.keyword_range.begin, 15U);
    EXPECT_EQ(source_of(df, run.range), "RUN apk add \\\n      curl");
    EXPECT_EQ(run.args.value, "apk add       curl");
    EXPECT_EQ(df.instructions[2].line, 5U);
    EXPECT_EQ(df.instructions[2].end_line, 5U);
}

TEST(DockerfileParserLines, ContinuationMapsEveryByteBackToTheSource) {
    std::string text = "RUN a \\\n  b\\\n c";
    auto df = parse_text(text);
    ASSERT_EQ(df.instructions.size(), 1U);
    const model::MappedText& args = df.instructions[0].args;
    EXPECT_EQ(args.value, "a   b c");
    for (size_t i = 0; i < args.value.size(); ++i) {
        EXPECT_EQ(text[args.to_source(i)], args.value[i]) << i;
    }
    EXPECT_EQ(args.to_source(4), text.find('b'));
    EXPECT_EQ(args.to_source(6), text.find('c'));
}

TEST(DockerfileParserLines, TrailingWhiteSpaceAfterEscapeStillContinues) {
    auto df = parse_text("RUN a \\  \t\n    b\n");
    ASSERT_EQ(df.instructions.size(), 1U);
    EXPECT_EQ(df.instructions[0].args.value, "a     b");
}

TEST(DockerfileParserLines, EscapedEscapeDoesNotContinue) {
    auto df = parse_text("RUN echo \\\\\nRUN b\n");
    ASSERT_EQ(df.instructions.size(), 2U);
    EXPECT_EQ(df.instructions[0].args.value, "echo \\\\");
}

TEST(DockerfileParserLines, CommentsAndBlankLinesInsideContinuationAreDropped) {
    std::string text = "RUN apt-get update \\\n  # install curl\n\n   \n  && apt-get install curl\n";
    auto df = parse_text(text);
    ASSERT_EQ(df.instructions.size(), 1U);
    const model::Instruction& run = df.instructions[0];
    EXPECT_EQ(run.args.value, "apt-get update   && apt-get install curl");
    EXPECT_EQ(run.end_line, 5U);
    ASSERT_EQ(df.comments.size(), 1U);
    EXPECT_EQ(df.comments[0].text, "install curl");
    EXPECT_EQ(df.comments[0].line, 2U);
    EXPECT_EQ(source_of(df, df.comments[0].range), "# install curl");
    size_t amp = run.args.value.find("&&");
    EXPECT_EQ(run.args.to_source(amp), text.find("&&"));
}

TEST(DockerfileParserLines, BacktickEscape) {
    std::string text =
        "# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir C:\\ `\n    && echo done\n"
        "WORKDIR C:\\app\\\n";
    auto df = parse_text(text);
    ASSERT_EQ(df.instructions.size(), 3U);
    EXPECT_EQ(df.instructions[1].args.value, "dir C:\\     && echo done");
    EXPECT_EQ(df.instructions[2].words.at(0).value, "C:\\app\\");
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserLines, BackslashDoesNotContinueWithBacktickEscape) {
    auto df = parse_text("# escape=`\nFROM a\nRUN echo \\\nRUN b\n");
    EXPECT_EQ(df.instructions.size(), 3U);
}

TEST(DockerfileParserLines, CommentsAreRecorded) {
    auto df = parse_text("# first\nFROM a\n   #   indented  \nRUN b # not a comment\n");
    ASSERT_EQ(df.comments.size(), 2U);
    EXPECT_EQ(df.comments[0].text, "first");
    EXPECT_EQ(df.comments[0].line, 1U);
    EXPECT_EQ(df.comments[1].text, "indented");
    EXPECT_EQ(df.comments[1].line, 3U);
    EXPECT_EQ(df.instructions[1].args.value, "b # not a comment");
}

TEST(DockerfileParserLines, CrLfLineEndings) {
    auto df = parse_text("FROM a\r\nRUN b \\\r\n  c\r\nUSER x\r\n");
    ASSERT_EQ(df.instructions.size(), 3U);
    EXPECT_EQ(df.instructions[1].args.value, "b   c");
    EXPECT_EQ(df.instructions[2].words.at(0).value, "x");
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserLines, EmptyContinuationLineDoesNotEndTheInstruction) {
    // As in BuildKit: the blank line is skipped and the next line is joined.
    auto df = parse_text("RUN a \\\n\nRUN b\n");
    ASSERT_EQ(df.instructions.size(), 1U);
    EXPECT_EQ(df.instructions[0].args.value, "a RUN b");
}

TEST(DockerfileParserErrors, UnknownInstruction) {
    auto df = parse_text("FROM a\nBOGUS bar\nrunn x\nRUN ok\n", "dir/Dockerfile");
    ASSERT_EQ(df.instructions.size(), 4U);
    EXPECT_EQ(df.instructions[1].kind, InstructionKind::unknown);
    EXPECT_EQ(df.instructions[1].args.value, "bar");
    EXPECT_EQ(df.instructions[3].kind, InstructionKind::run);
    ASSERT_EQ(df.diagnostics.size(), 2U);
    EXPECT_EQ(formatted(df, 0),
              "dir/Dockerfile:2:1: error: unknown instruction: BOGUS\n"
              "BOGUS bar\n"
              "^\n");
    EXPECT_EQ(formatted(df, 1),
              "dir/Dockerfile:3:1: error: unknown instruction: runn (did you mean run?)\n"
              "runn x\n"
              "^\n");
}

TEST(DockerfileParserErrors, UnknownInstructionAfterMissingContinuation) {
    auto df = parse_text("RUN apt-get update &&\n    apt-get install x\n");
    EXPECT_THAT(diags(df), ElementsAre("2:5: error: unknown instruction: apt-get"));
}

TEST(DockerfileParserErrors, FileWithNoInstructions) {
    for (const char* text : {"", "\n\n", "# just a comment\n", "# syntax=docker/dockerfile:1\n"}) {
        auto df = parse_text(text, "Dockerfile");
        EXPECT_THAT(diags(df), ElementsAre("1:1: error: file with no instructions")) << text;
    }
}

TEST(DockerfileParserErrors, OnlyAnEscapeIsNotAnInstruction) {
    auto df = parse_text("\\\n");
    EXPECT_THAT(df.instructions, IsEmpty());
    EXPECT_THAT(diags(df), ElementsAre("1:1: error: file with no instructions"));
}

TEST(DockerfileParserErrors, StopsAfterTooManyProblems) {
    std::string text = "FROM a\n";
    for (int i = 0; i < 100000; ++i) {
        text += "junk\n";
    }
    auto df = parse_text(text);
    ASSERT_EQ(df.diagnostics.size(), 101U);
    EXPECT_EQ(diags(df).back(), "102:1: note: too many problems (100): the rest of the file is not parsed");
    EXPECT_EQ(df.instructions.size(), 101U);
}

TEST(DockerfileParserErrors, ManyFlagsOnOneLineStayLinear) {
    std::string text = "COPY";
    for (int i = 0; i < 200000; ++i) {
        text += " --link";
    }
    text += " a b\n";
    auto df = parse_text(text);
    ASSERT_EQ(df.instructions.size(), 1U);
    EXPECT_EQ(df.instructions[0].flags.size(), 200000U);
    EXPECT_EQ(df.diagnostics.size(), 101U);  // 100 duplicates (capped), then the "too many" note
}

TEST(DockerfileParserErrors, GarbageNeverCrashes) {
    std::mt19937 rng(12345);
    const std::string alphabet = "RUNCOPYADDFROMENV \t\n\r\\`#[]{}\"',=-<>$:/\x01\xff\xc3\xa9~0123456789";
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        size_t len = rng() % 200;
        for (size_t i = 0; i < len; ++i) {
            text += round % 3 == 0 ? static_cast<char>(rng() % 256) : alphabet[rng() % alphabet.size()];
        }
        auto df = parse_text(text);
        for (const model::Instruction& inst : df.instructions) {
            ASSERT_LE(inst.range.begin, inst.range.end);
            ASSERT_LE(inst.range.end, text.size());
            ASSERT_LE(inst.line, inst.end_line);
            for (size_t i = 0; i < inst.args.value.size(); ++i) {
                ASSERT_EQ(text[inst.args.to_source(i)], inst.args.value[i]);
            }
        }
        for (const core::Diagnostic& d : df.diagnostics) {
            ASSERT_GE(d.location.line, 1U);
        }
    }
}

}  // namespace
}  // namespace bulwark::testing
