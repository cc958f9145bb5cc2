// Dockerfile parser: heredocs in RUN, COPY, ADD (and ONBUILD triggers).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_dockerfile_parser_helpers.hpp"

namespace bulwark::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(DockerfileParserHeredoc, RunHeredoc) {
    std::string text = "FROM a\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\nUSER app\n";
    auto df = parse_text(text);
    ASSERT_EQ(df.instructions.size(), 3U);
    const model::Instruction& run = df.instructions[1];
    ASSERT_EQ(run.heredocs.size(), 1U);
    const model::Heredoc& h = run.heredocs[0];
    EXPECT_EQ(h.delimiter, "EOF");
    EXPECT_FALSE(h.quoted);
    EXPECT_FALSE(h.strip_tabs);
    EXPECT_FALSE(h.is_file);
    EXPECT_EQ(h.body.value, "apt-get update\napt-get install -y curl\n");
    EXPECT_EQ(h.body.to_source(0), text.find("apt-get"));
    EXPECT_EQ(source_of(df, h.range), "<<EOF");
    EXPECT_EQ(run.args.value, "<<EOF");
    EXPECT_EQ(run.line, 2U);
    EXPECT_EQ(run.end_line, 5U);
    EXPECT_EQ(source_of(df, run.range), "RUN <<EOF\napt-get update\napt-get install -y curl\nEOF");
    EXPECT_EQ(df.instructions[2].line, 6U);
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserHeredoc, QuotedDelimitersDisableExpansion) {
    auto df = parse_text("RUN <<\"EOF\"\necho $HOME\nEOF\nRUN <<'END'\nx\nEND\nRUN <<E\"O\"F\ny\nEOF\n");
    ASSERT_EQ(df.instructions.size(), 3U);
    EXPECT_EQ(df.instructions[0].heredocs.at(0).delimiter, "EOF");
    EXPECT_TRUE(df.instructions[0].heredocs.at(0).quoted);
    EXPECT_EQ(df.instructions[0].heredocs.at(0).body.value, "echo $HOME\n");
    EXPECT_EQ(df.instructions[1].heredocs.at(0).delimiter, "END");
    EXPECT_TRUE(df.instructions[1].heredocs.at(0).quoted);
    EXPECT_EQ(df.instructions[2].heredocs.at(0).delimiter, "EOF");
    EXPECT_TRUE(df.instructions[2].heredocs.at(0).quoted);
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserHeredoc, DashStripsLeadingTabs) {
    std::string text = "RUN <<-EOF\n\t\techo a\n\techo b\n\tEOF\nUSER x\n";
    auto df = parse_text(text);
    ASSERT_EQ(df.instructions.size(), 2U);
    const model::Heredoc& h = df.instructions[0].heredocs.at(0);
    EXPECT_TRUE(h.strip_tabs);
    EXPECT_EQ(h.body.value, "echo a\necho b\n");
    EXPECT_EQ(h.body.to_source(0), text.find("echo a"));
    EXPECT_EQ(h.body.to_source(7), text.find("echo b"));
    EXPECT_EQ(df.instructions[0].end_line, 4U);
}

TEST(DockerfileParserHeredoc, WithoutDashTabsStayAndTabbedDelimiterDoesNotEnd) {
    auto df = parse_text("RUN <<EOF\n\techo\n\tEOF\nEOF\n");
    ASSERT_EQ(df.instructions.size(), 1U);
    EXPECT_EQ(df.instructions[0].heredocs.at(0).body.value, "\techo\n\tEOF\n");
}

TEST(DockerfileParserHeredoc, SeveralHeredocsFollowInOrder) {
    auto df = parse_text("RUN <<A cat /dev/stdin - <<B\nfirst\nA\nsecond\nB\nUSER u\n");
    ASSERT_EQ(df.instructions.size(), 2U);
    const auto& docs = df.instructions[0].heredocs;
    ASSERT_EQ(docs.size(), 2U);
    EXPECT_EQ(docs[0].delimiter, "A");
    EXPECT_EQ(docs[0].body.value, "first\n");
    EXPECT_EQ(docs[1].delimiter, "B");
    EXPECT_EQ(docs[1].body.value, "second\n");
    EXPECT_EQ(df.instructions[0].end_line, 5U);
}

TEST(DockerfileParserHeredoc, CopyAndAddHeredocsAreFiles) {
    auto df = parse_text(
        "COPY <<EOF /etc/app.conf\nkey=value\nEOF\nADD --chmod=600 <<KEY /root/key\nsecret\nKEY\n");
    ASSERT_EQ(df.instructions.size(), 2U);
    EXPECT_TRUE(df.instructions[0].heredocs.at(0).is_file);
    EXPECT_EQ(df.instructions[0].heredocs.at(0).body.value, "key=value\n");
    EXPECT_THAT(values(df.instructions[0].words), ElementsAre("<<EOF", "/etc/app.conf"));
    EXPECT_TRUE(df.instructions[1].heredocs.at(0).is_file);
    EXPECT_EQ(df.instructions[1].heredocs.at(0).delimiter, "KEY");
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserHeredoc, HeredocTokenInsideQuotesIsNotAHeredoc) {
    auto df = parse_text("RUN echo \"<<EOF\" '<<X' \\<<Y\nUSER a\n");
    ASSERT_EQ(df.instructions.size(), 2U);
    EXPECT_THAT(df.instructions[0].heredocs, IsEmpty());
}

TEST(DockerfileParserHeredoc, OnlyWordsStartingWithTheOperator) {
    // BuildKit only looks at whole words: `cat<<EOF` is not a heredoc, `2<<EOF` is.
    auto df = parse_text("RUN cat<<EOF\nRUN 3<<EOF\nx\nEOF\n");
    ASSERT_EQ(df.instructions.size(), 2U);
    EXPECT_THAT(df.instructions[0].heredocs, IsEmpty());
    EXPECT_EQ(df.instructions[1].heredocs.size(), 1U);
}

TEST(DockerfileParserHeredoc, NotForOtherInstructionsOrExecForm) {
    auto df = parse_text("FROM a\nENV A=<<EOF\nRUN [\"cat\", \"<<EOF\"]\nCMD <<EOF\n");
    ASSERT_EQ(df.instructions.size(), 4U);
    for (const model::Instruction& inst : df.instructions) {
        EXPECT_THAT(inst.heredocs, IsEmpty());
    }
    EXPECT_THAT(diags(df), IsEmpty());
}

TEST(DockerfileParserHeredoc, UnterminatedHeredoc) {
    auto df = parse_text("FROM a\nRUN <<EOF\necho hi\nUSER x\n", "Dockerfile");
    ASSERT_EQ(df.instructions.size(), 2U);
    const model::Heredoc& h = df.instructions[1].heredocs.at(0);
    EXPECT_EQ(h.body.value, "echo hi\nUSER x\n");
    EXPECT_EQ(df.instructions[1].end_line, 4U);
    ASSERT_EQ(df.diagnostics.size(), 1U);
    EXPECT_EQ(formatted(df, 0),
              "Dockerfile:2:5: error: unterminated heredoc: no line 'EOF' before end of file\n"
              "RUN <<EOF\n"
              "    ^\n");
}

TEST(DockerfileParserHeredoc, OnbuildTriggerCarriesTheHeredoc) {
    auto df = parse_text("ONBUILD RUN <<EOF\necho\nEOF\nUSER a\n");
    ASSERT_EQ(df.instructions.size(), 2U);
    const model::Instruction& ob = df.instructions[0];
    ASSERT_TRUE(ob.trigger);
    ASSERT_EQ(ob.trigger->heredocs.size(), 1U);
    EXPECT_EQ(ob.trigger->heredocs[0].body.value, "echo\n");
    EXPECT_EQ(ob.end_line, 3U);
    EXPECT_EQ(ob.trigger->end_line, 3U);
}

TEST(DockerfileParserHeredoc, CrLfBodiesAndDelimiter) {
    auto df = parse_text("RUN <<EOF\r\necho\r\nEOF\r\nUSER a\r\n");
    ASSERT_EQ(df.instructions.size(), 2U);
    EXPECT_EQ(df.instructions[0].heredocs.at(0).body.value, "echo\r\n");
}

TEST(DockerfileParserHeredoc, HeredocAsCopyDestinationIsAnError) {
    auto df = parse_text("COPY a <<EOF\nx\nEOF\n");
    EXPECT_THAT(diags(df), ElementsAre("1:8: error: COPY cannot accept a heredoc as a destination"));
}

TEST(DockerfileParserHeredoc, BodyLinesAreNotCommentsOrInstructions) {
    auto df = parse_text("RUN <<EOF\n# not a comment\nFROM x\nEOF\n");
    EXPECT_EQ(df.instructions.size(), 1U);
    EXPECT_THAT(df.comments, IsEmpty());
}

}  // namespace
}  // namespace bulwark::testing
