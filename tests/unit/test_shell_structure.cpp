// Shell parser: pipelines, compound commands, substitutions, nested `sh -c` scripts, errors, pipefail.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bulwark/model/shell_query.hpp"
#include "test_shell_helpers.hpp"

using bulwark::input::shell::parse;
using shell_test::commands;
using shell_test::error_messages;
using shell_test::slice;
using ::testing::ElementsAre;
namespace sh = bulwark::model::shell;

namespace {

std::vector<int> pipelines(const sh::Script& s) {
    std::vector<int> out;
    for (const sh::Command& c : s.commands) {
        out.push_back(c.pipeline);
    }
    return out;
}

std::vector<int> depths(const sh::Script& s) {
    std::vector<int> out;
    for (const sh::Command& c : s.commands) {
        out.push_back(c.depth);
    }
    return out;
}

std::vector<bool> conditions(const sh::Script& s) {
    std::vector<bool> out;
    for (const sh::Command& c : s.commands) {
        out.push_back(c.in_condition);
    }
    return out;
}

std::vector<bool> branches(const sh::Script& s) {
    std::vector<bool> out;
    for (const sh::Command& c : s.commands) {
        out.push_back(c.in_branch);
    }
    return out;
}

}  // namespace

TEST(ShellPipelines, CommandsJoinedByPipeShareAnId) {
    sh::Script s = parse("a | b | c && d; e | f");
    ASSERT_THAT(commands(s), ElementsAre("a", "b", "c", "d", "e", "f"));
    std::vector<int> p = pipelines(s);
    EXPECT_EQ(p[0], p[1]);
    EXPECT_EQ(p[1], p[2]);
    EXPECT_NE(p[2], p[3]);
    EXPECT_NE(p[3], p[4]);
    EXPECT_EQ(p[4], p[5]);
    EXPECT_NE(p[0], p[4]);
}

TEST(ShellPipelines, EveryOtherCommandHasItsOwnId) {
    sh::Script s = parse("a; b && c\nd & e");
    std::vector<int> p = pipelines(s);
    ASSERT_EQ(p.size(), 5U);
    for (size_t i = 0; i < p.size(); ++i) {
        for (size_t j = i + 1; j < p.size(); ++j) {
            EXPECT_NE(p[i], p[j]) << i << " " << j;
        }
    }
}

TEST(ShellPipelines, CompoundElementsJoinThePipeline) {
    sh::Script s = parse("curl -fsSL x | (cd /tmp && sh) ; { a; b; } | tar x");
    ASSERT_THAT(commands(s), ElementsAre("curl -fsSL x", "cd /tmp", "sh", "a", "b", "tar x"));
    std::vector<int> p = pipelines(s);
    EXPECT_EQ(p[0], p[1]);  // first command of the subshell reads the pipe
    EXPECT_NE(p[1], p[2]);
    EXPECT_EQ(p[4], p[5]);  // last command of the group feeds the pipe
    EXPECT_EQ(s.commands[4].next, sh::Connector::pipe);
}

TEST(ShellPipelines, ElementBeforeCountsTheCompoundFeedingThePipe) {
    // Only the compound element that feeds the pipe: not the commands of the `bash -c` script, the
    // `if` or the case arms earlier in the list.
    sh::Script s = parse("bash -c 'x; y' && if p; then q; fi; { a; sh -c 'n'; b; } | tee f; c | d");
    ASSERT_THAT(commands(s),
                ElementsAre("bash -c x; y", "x", "y", "p", "q", "a", "sh -c n", "n", "b", "tee f", "c", "d"));
    EXPECT_EQ(s.commands[8].next, sh::Connector::pipe);
    EXPECT_EQ(s.commands[8].element_before, 3);  // a, sh -c, n
    EXPECT_EQ(s.commands[10].next, sh::Connector::pipe);
    EXPECT_EQ(s.commands[10].element_before, 0);  // a simple command
    EXPECT_EQ(s.commands[2].element_before, 0);   // not piped

    sh::Script t = parse("case $x in a) export X=1 ;; esac; go env | grep P; echo $(u; v) | w");
    ASSERT_THAT(commands(t), ElementsAre("export X=1", "go env", "grep P", "echo $(u; v)", "u", "v", "w"));
    EXPECT_EQ(t.commands[1].element_before, 0);
    EXPECT_EQ(t.commands[3].element_before, 0);
}

TEST(ShellPipelines, NegationMarksThePipeline) {
    sh::Script s = parse("! grep -q x f | cat; echo");
    ASSERT_THAT(commands(s), ElementsAre("grep -q x f", "cat", "echo"));
    EXPECT_TRUE(s.commands[0].negated);
    EXPECT_TRUE(s.commands[1].negated);
    EXPECT_FALSE(s.commands[2].negated);
}

TEST(ShellBranches, IfCaseAndLoopBodies) {
    sh::Script s = parse(
        "a; if b; then c; elif d; then e; else f; fi; case $x in 1) g ;; *) h ;; esac; "
        "while i; do j; done; for k in 1 2; do l; done; m");
    ASSERT_THAT(commands(s), ElementsAre("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "l", "m"));
    EXPECT_THAT(branches(s),
                ElementsAre(false, false, true, true, true, true, true, true, true, true, true, false));
}

TEST(ShellBranches, AndOrListsBranchAfterOrAndAfterATest) {
    // A failure of a command that is not a test is the build's error: `a && b` always runs b, and the
    // right of `||` runs only then.
    sh::Script s =
        parse("cd /x || exit 1; a && cd /y && make; test -d /z || cd /w; [ -d v ] && cd v && b; c");
    ASSERT_THAT(commands(s), ElementsAre("cd /x", "exit 1", "a", "cd /y", "make", "test -d /z", "cd /w",
                                         "[ -d v ]", "cd v", "b", "c"));
    EXPECT_THAT(branches(s),
                ElementsAre(false, true, false, false, false, false, true, false, true, true, false));

    // A test whose list ends the script asserts: when it is false, the script fails.
    EXPECT_THAT(branches(parse("a\ntest -s f && cd d && b\n")), ElementsAre(false, false, false, false));
    EXPECT_THAT(branches(parse("test -s f && cd d || true")), ElementsAre(false, true, true));
    EXPECT_THAT(branches(parse("{ test -s f && cd d; }")), ElementsAre(false, true));
    EXPECT_THAT(branches(parse("test -s f && cd d & b")), ElementsAre(false, true, false));

    // After `||` recovers an unsure status with a command that is not a test, `&&` goes on surely;
    // a negated pipeline is a test.
    sh::Script t = parse("[ -f a ] || b && c; ! d && e; x=$(f) || cd $(g)");
    ASSERT_THAT(commands(t), ElementsAre("[ -f a ]", "b", "c", "d", "e", "", "f", "cd $(g)", "g"));
    EXPECT_THAT(branches(t), ElementsAre(false, true, false, false, true, false, false, true, true));
}

TEST(ShellBranches, NestedScriptsKeepTheirBranches) {
    sh::Script s = parse("if a; then sh -c 'b; c || d'; fi; sh -c 'case y in z) e ;; esac'");
    ASSERT_THAT(commands(s),
                ElementsAre("a", "sh -c b; c || d", "b", "c", "d", "sh -c case y in z) e ;; esac", "e"));
    EXPECT_THAT(branches(s), ElementsAre(false, true, true, true, true, false, true));
}

TEST(ShellConditions, LeftOfAndOrAndIfWhileConditions) {
    sh::Script s = parse(
        "a && b || c; if d; then e; elif f; then g; else h; fi; while i; do j; done; until k; do l; done");
    ASSERT_THAT(commands(s), ElementsAre("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l"));
    EXPECT_THAT(conditions(s),
                ElementsAre(true, true, false, true, false, true, false, false, true, false, true, false));
}

TEST(ShellConditions, CompoundOnTheLeftIsACondition) {
    sh::Script s = parse("{ a; b; } || true");
    EXPECT_THAT(conditions(s), ElementsAre(true, true, false));
}

TEST(ShellCompound, SubshellGroupAndDepth) {
    sh::Script s = parse("a; (b; (c)); { d; }; e");
    ASSERT_THAT(commands(s), ElementsAre("a", "b", "c", "d", "e"));
    EXPECT_THAT(depths(s), ElementsAre(0, 1, 2, 1, 0));
    EXPECT_NE(s.commands[1].scope, s.commands[0].scope);
    EXPECT_EQ(s.commands[3].scope, s.commands[0].scope);  // a group is not a subshell
    EXPECT_TRUE(s.errors.empty());
}

TEST(ShellCompound, PipelineElementsAndBackgroundListsAreSubshells) {
    sh::Script s = parse("cd a | (cd b; c) | { cd d; e; }; cd f & g $(h) | i; j");
    ASSERT_THAT(commands(s), ElementsAre("cd a", "cd b", "c", "cd d", "e", "cd f", "g $(h)", "h", "i", "j"));
    auto scope = [&](size_t i) { return s.commands[i].scope; };
    // Each element has its own scope under the top level; a subshell in one sits under that scope.
    EXPECT_NE(scope(0), 0);
    EXPECT_NE(scope(1), scope(0));
    EXPECT_EQ(scope(3), scope(4));
    EXPECT_NE(scope(3), 0);
    EXPECT_NE(scope(3), scope(0));
    EXPECT_NE(scope(5), 0);  // `cd f &`
    EXPECT_NE(scope(6), 0);
    EXPECT_NE(scope(8), 0);
    EXPECT_NE(scope(6), scope(8));
    EXPECT_EQ(scope(9), 0);
    // The substitution's scope is under g's element, not the top level.
    const sh::Scope& h = s.scopes[static_cast<size_t>(scope(7))];
    EXPECT_EQ(h.parent, scope(6));
    const sh::Scope& b = s.scopes[static_cast<size_t>(scope(1))];
    EXPECT_NE(b.parent, 0);
    EXPECT_EQ(s.scopes[static_cast<size_t>(b.parent)].parent, 0);
    // Options set before the pipeline still reach its elements.
    sh::Script p = parse("set -o pipefail; a | b");
    EXPECT_TRUE(p.pipefail_before(1));
    EXPECT_TRUE(p.pipefail_before(2));
}

TEST(ShellCompound, ReservedWordsOnlyInCommandPosition) {
    EXPECT_THAT(commands("echo if then fi done { }"), ElementsAre("echo if then fi done { }"));
    EXPECT_THAT(commands("'if' x"), ElementsAre("if x"));
}

TEST(ShellCompound, ForSelectAndArithmeticFor) {
    sh::Script s = parse(
        "for f in a $(ls /x) \"b c\"; do rm $f; done\n"
        "for x; do echo $x; done\n"
        "for ((i=0; i<3; i++)); do echo $i; done\n"
        "select s in a b\ndo break; done");
    EXPECT_THAT(commands(s), ElementsAre("ls /x", "rm $f", "echo $x", "echo $i", "break"));
    EXPECT_TRUE(s.commands[0].in_substitution);
    EXPECT_TRUE(s.errors.empty()) << testing::PrintToString(error_messages(s));
}

TEST(ShellCompound, CaseStatement) {
    sh::Script s = parse(
        "case \"$arch\" in\n"
        "  amd64|x86_64) url=a; echo amd ;;\n"
        "  (arm64) echo arm ;&\n"
        "  *) echo other; exit 1 ;;\n"
        "esac; echo done");
    EXPECT_THAT(commands(s), ElementsAre("", "echo amd", "echo arm", "echo other", "exit 1", "echo done"));
    EXPECT_TRUE(s.errors.empty()) << testing::PrintToString(error_messages(s));
}

TEST(ShellCompound, CaseWithoutFinalDoubleSemicolon) {
    EXPECT_THAT(commands("case x in a) echo a;; b) echo b\nesac"), ElementsAre("echo a", "echo b"));
}

TEST(ShellCompound, FunctionDefinitions) {
    const std::string_view text = "f() { apt-get update; }\nfunction g { echo g; }\nfunction h() (echo h)\nf";
    sh::Script s = parse(text);
    ASSERT_THAT(commands(s), ElementsAre("apt-get update", "echo g", "echo h", "f"));
    EXPECT_TRUE(s.commands[0].in_function);
    EXPECT_TRUE(s.commands[2].in_function);
    EXPECT_FALSE(s.commands[3].in_function);
    EXPECT_TRUE(s.errors.empty()) << testing::PrintToString(error_messages(s));
    // Each definition is recorded with its name, its body's range and the scope it runs in.
    ASSERT_EQ(s.functions.size(), 3u);
    EXPECT_EQ(s.functions[0].name, "f");
    EXPECT_EQ(slice(text, s.functions[0].body_begin, s.functions[0].body_end), "{ apt-get update; }");
    EXPECT_EQ(s.functions[1].name, "g");
    EXPECT_EQ(s.functions[2].name, "h");
    EXPECT_EQ(s.functions[2].scope, 0);
}

TEST(ShellCompound, FunctionDefinedInABackgroundListRunsInItsSubshell) {
    sh::Script s = parse("f() { cd /x; } & f");
    ASSERT_EQ(s.functions.size(), 1u);
    EXPECT_NE(s.functions[0].scope, 0);
    EXPECT_EQ(s.functions[0].scope, s.commands[0].scope);
}

TEST(ShellCompound, DoubleBracketTreatsOperatorsAsWords) {
    sh::Script s = parse("[[ -n \"$x\" && $y =~ ^(a|b)$ || $z < 3 ]] && echo ok");
    ASSERT_THAT(commands(s), ElementsAre("[[ -n $x && $y =~ ^(a|b)$ || $z < 3 ]]", "echo ok"));
    EXPECT_EQ(s.commands[0].next, sh::Connector::and_if);
    EXPECT_TRUE(s.errors.empty());
}

TEST(ShellCompound, ArithmeticCommandIsSkipped) {
    EXPECT_THAT(commands("(( i++ )) && echo $((i * (2 + 1)))"), ElementsAre("echo $((i * (2 + 1)))"));
}

TEST(ShellCompound, TimeKeywordAndRedirectedCompound) {
    sh::Script s = parse("time { a; } 2>&1; while read l; do echo $l; done < <(find . -name x)");
    EXPECT_THAT(commands(s), ElementsAre("a", "read l", "echo $l", "find . -name x"));
    EXPECT_TRUE(s.commands[3].in_substitution);
}

TEST(ShellSubstitution, CommandsAfterTheirParentWithExactOffsets) {
    std::string_view text = "export GNUPGHOME=\"$(mktemp -d)\" X=`id -u`; echo";
    sh::Script s = parse(text);
    ASSERT_THAT(commands(s),
                ElementsAre("export GNUPGHOME=$(mktemp -d) X=`id -u`", "mktemp -d", "id -u", "echo"));
    const sh::Command& m = s.commands[1];
    EXPECT_TRUE(m.in_substitution);
    EXPECT_EQ(m.depth, 1);
    EXPECT_EQ(m.parent, 0);
    EXPECT_EQ(slice(text, m.begin, m.end), "mktemp -d");
    EXPECT_EQ(slice(text, m.argv[1].begin, m.argv[1].end), "-d");
    EXPECT_EQ(slice(text, s.commands[2].begin, s.commands[2].end), "id -u");
    EXPECT_EQ(s.commands[2].parent, 0);
    EXPECT_EQ(s.commands[3].parent, -1);
    EXPECT_FALSE(s.commands[3].in_substitution);
}

TEST(ShellSubstitution, NestedSubstitutionsAndPipelinesInside) {
    sh::Script s = parse("a=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; b $(c $(d))");
    ASSERT_THAT(commands(s), ElementsAre("", "dpkg --print-architecture", "awk -F- { print $NF }",
                                         "b $(c $(d))", "c $(d)", "d"));
    EXPECT_EQ(s.commands[1].pipeline, s.commands[2].pipeline);
    EXPECT_EQ(s.commands[1].next, sh::Connector::pipe);
    EXPECT_EQ(s.commands[4].parent, 3);
    EXPECT_EQ(s.commands[5].parent, 4);
    EXPECT_EQ(s.commands[5].depth, 2);
}

TEST(ShellSubstitution, EscapedBackticksMapToTheBacktickRange) {
    std::string_view text = "echo `echo \\`id\\``";
    sh::Script s = parse(text);
    ASSERT_THAT(commands(s), ElementsAre("echo `echo \\`id\\``", "echo `id`", "id"));
    EXPECT_EQ(slice(text, s.commands[1].begin, s.commands[1].end), "`echo \\`id\\``");
    EXPECT_EQ(s.commands[2].depth, 2);
}

TEST(ShellSubstitution, CaseInsideSubstitution) {
    EXPECT_THAT(commands("x=$(case $a in b) echo b;; esac); y"), ElementsAre("", "echo b", "y"));
}

TEST(ShellNested, ShDashCWithExactOffsets) {
    std::string_view text = "sh -c 'apt-get update && apt-get install -y curl'";
    sh::Script s = parse(text);
    ASSERT_THAT(commands(s), ElementsAre("sh -c apt-get update && apt-get install -y curl", "apt-get update",
                                         "apt-get install -y curl"));
    const sh::Command& inst = s.commands[2];
    EXPECT_EQ(inst.depth, 1);
    EXPECT_EQ(inst.parent, 0);
    EXPECT_EQ(s.commands[1].parent, 0);
    EXPECT_FALSE(inst.in_substitution);
    EXPECT_EQ(slice(text, inst.begin, inst.end), "apt-get install -y curl");
    EXPECT_EQ(slice(text, inst.argv[3].begin, inst.argv[3].end), "curl");
    EXPECT_EQ(s.commands[1].next, sh::Connector::and_if);
    EXPECT_TRUE(s.commands[1].in_condition);
    EXPECT_NE(s.commands[1].pipeline, s.commands[0].pipeline);
}

TEST(ShellNested, ShellVariantsAndWrappers) {
    EXPECT_THAT(commands("bash -lc \"make install\""), ElementsAre("bash -lc make install", "make install"));
    EXPECT_THAT(commands("/bin/sh -c x"), ElementsAre("/bin/sh -c x", "x"));
    EXPECT_THAT(commands("dash -ec 'a'; ash -c b; zsh -c c"),
                ElementsAre("dash -ec a", "a", "ash -c b", "b", "zsh -c c", "c"));
    EXPECT_THAT(commands("sudo -u app -E env A=1 bash -c 'whoami'"),
                ElementsAre("sudo -u app -E env A=1 bash -c whoami", "whoami"));
    EXPECT_THAT(commands("busybox sh -c 'id'"), ElementsAre("busybox sh -c id", "id"));
    EXPECT_THAT(commands("bash script.sh -c 'x'"), ElementsAre("bash script.sh -c x"));
    EXPECT_THAT(commands("sh -x -c 'y' name arg"), ElementsAre("sh -x -c y name arg", "y"));
    EXPECT_THAT(commands("bash <<< 'z'"), ElementsAre("bash", "z"));
}

TEST(ShellNested, OnlyShellAndSuNamesStartNestedScripts) {
    // Every name that starts a nested script, also as a path ...
    EXPECT_THAT(commands("ksh -c a; /bin/mksh -c b; /usr/bin/busybox sh -c c; runuser -l app -c d"),
                ElementsAre("ksh -c a", "a", "/bin/mksh -c b", "b", "/usr/bin/busybox sh -c c", "c",
                            "runuser -l app -c d", "d"));
    // ... and none of the names that only end like one.
    EXPECT_THAT(
        commands("fish -c a; crash -c b; /opt/sh/x -c c; user -c d; tsu -c e; box -c f"),
        ElementsAre("fish -c a", "crash -c b", "/opt/sh/x -c c", "user -c d", "tsu -c e", "box -c f"));
}

TEST(ShellNested, SuForms) {
    EXPECT_THAT(commands("su -c 'initdb -D /data' postgres"),
                ElementsAre("su -c initdb -D /data postgres", "initdb -D /data"));
    EXPECT_THAT(commands("su postgres -s /bin/sh -c \"pg_ctl start\""),
                ElementsAre("su postgres -s /bin/sh -c pg_ctl start", "pg_ctl start"));
    EXPECT_THAT(commands("su - app --command='npm ci'"), ElementsAre("su - app --command=npm ci", "npm ci"));
}

TEST(ShellNested, WordWithEscapesMapsEveryCommandToTheWord) {
    std::string_view text = "sh -c \"echo \\\"hi\\\" && rm -f x\"";
    sh::Script s = parse(text);
    ASSERT_THAT(commands(s), ElementsAre("sh -c echo \"hi\" && rm -f x", "echo hi", "rm -f x"));
    const sh::Word& w = s.commands[0].argv[2];
    for (size_t i = 1; i < 3; ++i) {
        EXPECT_EQ(s.commands[i].begin, w.begin);
        EXPECT_EQ(s.commands[i].end, w.end);
        EXPECT_EQ(s.commands[i].argv[0].begin, w.begin);
    }
}

TEST(ShellNested, SubstitutionsExpandedByTheOuterShellAreNotRepeated) {
    EXPECT_THAT(commands("sh -c \"$(curl -fsSL https://x/install.sh)\""),
                ElementsAre("sh -c $(curl -fsSL https://x/install.sh)", "curl -fsSL https://x/install.sh",
                            "$(curl -fsSL https://x/install.sh)"));
    // Single-quoted: only the inner shell runs the substitution.
    EXPECT_THAT(commands("sh -c 'echo $(id)'"), ElementsAre("sh -c echo $(id)", "echo $(id)", "id"));
}

TEST(ShellNested, NestedTwiceWithExactOffsets) {
    std::string_view text = "sudo sh -c \"bash -c 'apk add git'\"";
    sh::Script s = parse(text);
    ASSERT_THAT(commands(s),
                ElementsAre("sudo sh -c bash -c 'apk add git'", "bash -c apk add git", "apk add git"));
    EXPECT_EQ(s.commands[2].depth, 2);
    EXPECT_EQ(s.commands[2].parent, 1);
    EXPECT_EQ(slice(text, s.commands[2].begin, s.commands[2].end), "apk add git");
}

TEST(ShellNested, InnerErrorsAreMapped) {
    std::string_view text = "sh -c 'echo \"x'";
    sh::Script s = parse(text);
    ASSERT_EQ(s.errors.size(), 1U);
    EXPECT_EQ(s.errors[0].message, "unterminated double quote");
    EXPECT_EQ(s.errors[0].offset, 12U);
}

TEST(ShellErrors, MissingClosersKeepCommands) {
    sh::Script s = parse("if true; then apt-get install -y x");
    EXPECT_THAT(commands(s), ElementsAre("true", "apt-get install -y x"));
    EXPECT_THAT(error_messages(s), ElementsAre("missing 'fi' to close this 'if'"));
    EXPECT_EQ(s.errors[0].offset, 0U);

    sh::Script d = parse("for x in a; do echo $x");
    EXPECT_THAT(commands(d), ElementsAre("echo $x"));
    EXPECT_THAT(error_messages(d), ElementsAre("missing 'done' to close this 'for'"));

    sh::Script p = parse("echo a; (cd x && make");
    EXPECT_THAT(commands(p), ElementsAre("echo a", "cd x", "make"));
    EXPECT_THAT(error_messages(p), ElementsAre("missing ')' to close this '('"));
    EXPECT_EQ(p.errors[0].offset, 8U);

    sh::Script c = parse("echo $(ls; b");
    EXPECT_THAT(commands(c), ElementsAre("echo $(ls; b", "ls", "b"));
    EXPECT_THAT(error_messages(c), ElementsAre("unterminated command substitution: missing ')'"));
}

TEST(ShellErrors, StrayClosersAreReportedAndSkipped) {
    sh::Script s = parse("a; fi; b ) c; done");
    EXPECT_THAT(commands(s), ElementsAre("a", "b", "c"));
    EXPECT_THAT(error_messages(s), ElementsAre("unexpected 'fi'", "unexpected ')'", "unexpected 'done'"));
}

TEST(ShellErrors, DeepNestingIsReadFlat) {
    // Past 64 levels the parser stops recursing (its stack stays bounded) but still reads the
    // commands, as simple commands with approximated structure, and says so once.
    const std::string k_note =
        "nesting too deep (more than 64 levels); the structure past it is approximated";
    std::string deep(10000, '(');
    deep += "echo x";
    sh::Script s = parse(deep);
    auto approximated = [](const sh::Script& x) {
        return std::count_if(x.errors.begin(), x.errors.end(), [](const auto& e) { return e.approximated; });
    };
    EXPECT_EQ(error_messages(s).at(0), k_note);  // then the 64 levels left open
    EXPECT_EQ(approximated(s), 1);
    EXPECT_FALSE(s.errors.at(0).stops_parse);
    EXPECT_THAT(commands(s), ElementsAre("echo x"));

    std::string subst;
    for (int i = 0; i < 5000; ++i) {
        subst += "$(echo ";
    }
    sh::Script t = parse(subst);
    EXPECT_EQ(error_messages(t).at(0), k_note);
    EXPECT_EQ(approximated(t), 1);
    ASSERT_EQ(t.commands.size(), 5001U);  // the outermost word is a command of its own
    for (size_t i = 1; i < t.commands.size(); ++i) {
        // Each substitution's command follows the command whose word holds it.
        EXPECT_EQ(t.commands[i].parent, static_cast<int>(i) - 1);
        EXPECT_TRUE(t.commands[i].in_substitution);
    }

    // The limit counts levels across a nested `sh -c` script too; the script past it is read flat.
    std::string nested = "echo ok; ";
    for (int i = 0; i < 40; ++i) {
        nested += "( ";
    }
    nested += "sh -c '";
    for (int i = 0; i < 40; ++i) {
        nested += "( ";
    }
    nested += "echo deep" + std::string(40, ')') + "'" + std::string(40, ')') + "; echo after";
    sh::Script n = parse(nested);
    ASSERT_EQ(n.commands.size(), 4U);
    EXPECT_EQ(n.commands.at(1).argv.at(0).value, "sh");
    EXPECT_EQ(shell_test::joined(n.commands.at(2)), "echo deep");
    EXPECT_EQ(shell_test::joined(n.commands.at(3)), "echo after");
    EXPECT_THAT(error_messages(n), ElementsAre(k_note));
    EXPECT_TRUE(n.errors.at(0).approximated);  // kept when the nested script's errors are merged
    EXPECT_EQ(n.commands.at(2).parent, 1);
    EXPECT_TRUE(n.commands.at(2).in_branch);
    EXPECT_FALSE(n.commands.at(3).in_branch);                  // back at the top level, parsed as always
    EXPECT_FALSE(parse("echo 'a").errors.at(0).approximated);  // a syntax error leaves the rest parsed
}

TEST(ShellErrors, CommandsPastTheLimitAreChecked) {
    // 70 levels of `( ... )` and of `$( ... )` around `curl -k https://x | sh`: the pipeline is read
    // past the limit, in a branch and a scope of its own, and the text after the nest as always.
    std::string parens;
    for (int i = 0; i < 70; ++i) {
        parens += "( ";  // "((" would start an arithmetic command
    }
    parens += "curl -k https://x | sh" + std::string(70, ')') + " && echo done";
    std::string substs;
    for (int i = 0; i < 70; ++i) {
        substs += "echo \"$(";
    }
    substs += "curl -k https://x | sh";
    for (int i = 0; i < 70; ++i) {
        substs += ")\"";
    }
    substs += " && echo done";
    for (const std::string& text : {parens, substs}) {
        sh::Script s = parse(text);
        ASSERT_EQ(s.errors.size(), 1U) << text;
        EXPECT_TRUE(s.errors[0].approximated);
        std::vector<const sh::Command*> curl = sh::commands_named(s, "curl");
        ASSERT_EQ(curl.size(), 1U) << text;
        const sh::Command& c = *curl[0];
        EXPECT_EQ(slice(text, c.begin, c.end), "curl -k https://x");
        EXPECT_EQ(c.next, sh::Connector::pipe);
        const sh::Command* runner = sh::piped_into(s, sh::index_of(s, c));
        ASSERT_NE(runner, nullptr);
        EXPECT_EQ(runner->argv.at(0).value, "sh");
        EXPECT_TRUE(c.in_branch);
        EXPECT_NE(c.scope, 0);
        EXPECT_EQ(s.commands.back().argv.at(1).value, "done");
        EXPECT_FALSE(s.commands.back().in_branch);
        EXPECT_EQ(s.commands.back().depth, 0);
    }
    // Outer command first, then the commands of its substitutions, each holding the next.
    sh::Script s = parse(substs);
    EXPECT_EQ(s.commands.size(), 70U + 2U + 1U);
    EXPECT_EQ(s.commands[70].argv.at(0).value, "curl");
    EXPECT_EQ(s.commands[70].parent, 69);
}

TEST(ShellErrors, FlatReadingKeepsWordsAndSkipsStructure) {
    // Past the limit: quotes and expansions as the lexer reads them, compound keywords, loop
    // words and case patterns dropped, here-document bodies skipped, redirections kept.
    std::string text;
    for (int i = 0; i < 65; ++i) {
        text += "( ";
    }
    text +=
        "for f in a b; do echo \"$f x\" 2>/dev/null; done\n"
        "case $x in a|b) rm -rf '/tmp/a b' ;; esac\n"
        "if [[ -n $y && -z $z ]]; then cat <<EOF\nnot a command\nEOF\nfi\n"
        "f() { wget -qO- https://x | sh; }" +
        std::string(65, ')');
    sh::Script s = parse(text);
    ASSERT_EQ(s.errors.size(), 1U);
    ASSERT_THAT(commands(s), ElementsAre("echo $f x", "rm -rf /tmp/a b", "[[ -n $y && -z $z ]]", "cat",
                                         "wget -qO- https://x", "sh"));
    EXPECT_EQ(s.commands[0].argv.at(1).value, "$f x");
    EXPECT_TRUE(s.commands[0].argv.at(1).dynamic);
    ASSERT_EQ(s.commands[0].redirects.size(), 1U);
    EXPECT_EQ(s.commands[0].redirects[0].op, "2>");
    EXPECT_EQ(s.commands[0].redirects[0].target.value, "/dev/null");
    EXPECT_EQ(s.commands[1].argv.at(2).value, "/tmp/a b");
    ASSERT_EQ(s.heredocs.size(), 1U);
    EXPECT_EQ(s.heredocs[0].body, "not a command\n");
    ASSERT_EQ(s.loop_variables.size(), 1U);
    EXPECT_EQ(s.loop_variables[0].name, "f");
}

TEST(ShellErrors, DeepNestingJustUnderTheLimitParses) {
    std::string text;
    for (int i = 0; i < 60; ++i) {
        text += "( ";  // "((" would start an arithmetic command
    }
    text += "echo x";
    text += std::string(60, ')');
    sh::Script s = parse(text);
    EXPECT_TRUE(s.errors.empty());
    ASSERT_EQ(s.commands.size(), 1U);
    EXPECT_EQ(s.commands[0].depth, 60);
}

TEST(ShellPipefail, SetVariants) {
    auto pipefail_at_last = [](std::string_view text) {
        sh::Script s = parse(text);
        return s.pipefail_before(s.commands.size() - 1);
    };
    EXPECT_TRUE(pipefail_at_last("set -o pipefail; a | b"));
    EXPECT_TRUE(pipefail_at_last("set -eo pipefail && a | b"));
    EXPECT_TRUE(pipefail_at_last("set -euxo pipefail\na | b"));
    EXPECT_TRUE(pipefail_at_last("set -o errexit -o pipefail; a | b"));
    EXPECT_TRUE(pipefail_at_last("set -e -o nounset -o pipefail; a | b"));
    EXPECT_FALSE(pipefail_at_last("set -o pipefail; set +o pipefail; a | b"));
    EXPECT_FALSE(pipefail_at_last("set -eux; a | b"));
    EXPECT_FALSE(pipefail_at_last("echo set -o pipefail; a | b"));
    EXPECT_FALSE(pipefail_at_last("set -- -o pipefail; a | b"));
    EXPECT_FALSE(pipefail_at_last("a | b; set -o pipefail"));
}

TEST(ShellPipefail, ScopesOfSubshellsAndNewShells) {
    sh::Script sub = parse("(set -o pipefail); a | b");
    EXPECT_FALSE(sub.pipefail_before(2));
    sh::Script inherit = parse("set -o pipefail; (a | b)");
    EXPECT_TRUE(inherit.pipefail_before(1));
    sh::Script newshell = parse("set -o pipefail; sh -c 'a | b'");
    ASSERT_EQ(newshell.commands.size(), 4U);
    EXPECT_FALSE(newshell.pipefail_before(2));
    sh::Script option = parse("bash -o pipefail -c 'a | b'");
    ASSERT_EQ(option.commands.size(), 3U);
    EXPECT_TRUE(option.pipefail_before(1));
    EXPECT_FALSE(option.pipefail_before(0));
    sh::Script inner = parse("sh -c 'set -o pipefail; a | b'");
    EXPECT_TRUE(inner.pipefail_before(3));
}
