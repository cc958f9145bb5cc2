// shell_query: effective argv through wrappers, getopt-style options, operands and subcommands.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bulwark/model/shell_query.hpp"
#include "bulwark/util/strings.hpp"
#include "test_shell_helpers.hpp"

using bulwark::input::shell::parse;
using ::testing::ElementsAre;
namespace sh = bulwark::model::shell;

namespace {

sh::Command first_command(std::string_view text) {
    sh::Script s = parse(text);
    return s.commands.empty() ? sh::Command{} : s.commands.front();
}

std::string effective(std::string_view text) {
    sh::Command c = first_command(text);
    std::string out;
    for (const sh::Word& w : sh::effective_argv(c)) {
        out += out.empty() ? "" : " ";
        out += w.value;
    }
    return out;
}

std::vector<std::string> values(const std::vector<const sh::Word*>& words) {
    std::vector<std::string> out;
    for (const sh::Word* w : words) {
        out.push_back(w->value);
    }
    return out;
}

}  // namespace

TEST(ShellQuery, EffectiveArgvSkipsWrappersAndTheirOptions) {
    EXPECT_EQ(effective("sudo -u postgres -E -H apt-get install x"), "apt-get install x");
    EXPECT_EQ(effective("sudo --user=app -- make"), "make");
    EXPECT_EQ(effective("sudo -uroot FOO=1 id"), "id");
    EXPECT_EQ(effective("doas -u root rc-update"), "rc-update");
    EXPECT_EQ(effective("env -i -u HOME PATH=/bin LANG=C locale -a"), "locale -a");
    EXPECT_EQ(effective("env - A=1 x"), "x");
    EXPECT_EQ(effective("nohup nice -n 10 ionice -c 3 cmd &"), "cmd");
    EXPECT_EQ(effective("nice -10 make"), "make");
    EXPECT_EQ(effective("time -p stdbuf -oL tail -f x"), "tail -f x");
    EXPECT_EQ(effective("timeout -s KILL --preserve-status 30s curl -f x"), "curl -f x");
    EXPECT_EQ(effective("timeout 5 sh"), "sh");
    EXPECT_EQ(effective("command -p exec -a name builtin echo x"), "echo x");
    EXPECT_EQ(effective("/usr/bin/sudo /usr/bin/env pip install x"), "pip install x");
}

TEST(ShellQuery, EffectiveArgvKeepsWrappersWithoutACommand) {
    EXPECT_EQ(effective("sudo -i"), "sudo -i");
    EXPECT_EQ(effective("env"), "env");
    EXPECT_EQ(effective("env A=1"), "env A=1");
    EXPECT_EQ(effective("command -v curl"), "command -v curl");  // a lookup, not a run
    EXPECT_EQ(effective("xargs rm -f"), "xargs rm -f");
    EXPECT_EQ(effective("chroot /x sh"), "chroot /x sh");
    EXPECT_EQ(effective("A=1"), "");
}

TEST(ShellQuery, ProgramAndIsCommandUseTheBasename) {
    sh::Command c = first_command("sudo /usr/bin/apt-get -q install x");
    EXPECT_EQ(sh::program(c), "apt-get");
    EXPECT_TRUE(sh::is_command(c, "apt-get"));
    EXPECT_FALSE(sh::is_command(c, "sudo"));
    EXPECT_FALSE(sh::is_command(c, ""));
    EXPECT_TRUE(sh::is_any_command(c, {"apt", "apt-get"}));
    EXPECT_EQ(sh::command_name(c), "sudo");
    EXPECT_TRUE(sh::is_shell_name("bash"));
    EXPECT_FALSE(sh::is_shell_name("bashful"));
}

TEST(ShellQuery, HasOptionShortGroupsLongFormsAndDoubleDash) {
    sh::Command c = first_command("apt-get -qy install --no-install-recommends --option=x pkg -- -f");
    EXPECT_TRUE(sh::has_option(c, "y", {"yes", "assume-yes"}));
    EXPECT_TRUE(sh::has_option(c, "q", {}));
    EXPECT_TRUE(sh::has_option(c, "", {"no-install-recommends"}));
    EXPECT_TRUE(sh::has_option(c, "", {"option"}));  // --option=x
    EXPECT_FALSE(sh::has_option(c, "f", {}));        // after --
    EXPECT_FALSE(sh::has_option(c, "n", {"no-install"}));
    sh::Command yes = first_command("apt-get install --assume-yes x");
    EXPECT_TRUE(sh::has_option(yes, "y", {"yes", "assume-yes"}));
}

TEST(ShellQuery, HasOptionSkipsValuesOfOptionsTakingOne) {
    sh::Command c = first_command("apt-get install -o APT::Get::Assume-Yes=true x");
    EXPECT_FALSE(sh::has_option(c, "y", {}, {"-o"}));
    sh::Command attached = first_command("apt-get install -oDebug=yes x");
    EXPECT_FALSE(sh::has_option(attached, "y", {}, {"-o"}));
    EXPECT_FALSE(sh::has_option(attached, "e", {}, {"-o"}));
}

TEST(ShellQuery, OptionValueForms) {
    auto argv_of = [](std::string_view text) { return first_command(text); };
    sh::Command a = argv_of("curl -sSLo /tmp/x https://h/x");
    EXPECT_EQ(sh::option_value(a, "o", {"output"}), "/tmp/x");
    sh::Command b = argv_of("curl -o/tmp/y --output /tmp/z u");
    EXPECT_EQ(sh::option_value(b, "o", {"output"}), "/tmp/z");  // the last one wins
    EXPECT_THAT(sh::option_values(sh::effective_argv(b), "o", {"output"}), ElementsAre("/tmp/y", "/tmp/z"));
    sh::Command c = argv_of("useradd --uid=0 -m app");
    EXPECT_EQ(sh::option_value(c, "u", {"uid"}), "0");
    EXPECT_EQ(sh::option_value(c, "g", {"gid"}), std::nullopt);
    sh::Command d = argv_of("wget -O");
    EXPECT_EQ(sh::option_value(d, "O", {}), std::nullopt);
    const sh::Word* w = sh::option_word(sh::effective_argv(a), "o", {"output"});
    ASSERT_NE(w, nullptr);
    EXPECT_EQ(w->value, "/tmp/x");
}

TEST(ShellQuery, OperandsAndSubcommands) {
    sh::Command c =
        first_command("apt-get -q -o Dpkg::Options::=--force-confnew install -y curl git=1.2 -- -x");
    auto argv = sh::effective_argv(c);
    EXPECT_EQ(sh::subcommand(argv, {"-o"}), "install");
    EXPECT_THAT(values(sh::operands(argv, {"-o"})), ElementsAre("install", "curl", "git=1.2", "-x"));
    EXPECT_THAT(values(sh::subcommand_operands(argv, {"-o"})), ElementsAre("curl", "git=1.2", "-x"));
    auto sub = sh::subcommand_argv(argv, {"-o"});
    ASSERT_FALSE(sub.empty());
    EXPECT_EQ(sub[0].value, "install");
    EXPECT_TRUE(sh::has_option(sub, "y", {}));
    // Without the value list, the option's value is mistaken for the subcommand.
    EXPECT_EQ(sh::subcommand(argv), "Dpkg::Options::=--force-confnew");
    sh::Command rm = first_command("rm -rf /var/lib/apt/lists/* /tmp/x");
    EXPECT_THAT(values(sh::operands(sh::effective_argv(rm))), ElementsAre("/var/lib/apt/lists/*", "/tmp/x"));
    sh::Command none = first_command("apt-get -y");
    EXPECT_EQ(sh::subcommand(sh::effective_argv(none)), "");
    EXPECT_TRUE(sh::subcommand_operands(sh::effective_argv(none)).empty());
}

TEST(ShellQuery, PipelineNavigation) {
    sh::Script s = parse("curl -fsSL https://x | sudo bash -s -- -y; echo done");
    ASSERT_EQ(s.commands.size(), 3U);
    auto p = sh::pipeline_commands(s, s.commands[0].pipeline);
    ASSERT_EQ(p.size(), 2U);
    EXPECT_TRUE(sh::is_command(*p[1], "bash"));
    const sh::Command* into = sh::piped_into(s, 0);
    ASSERT_NE(into, nullptr);
    EXPECT_EQ(sh::index_of(s, *into), 1U);
    EXPECT_EQ(sh::piped_into(s, 1), nullptr);
    EXPECT_EQ(sh::piped_into(s, 99), nullptr);
    EXPECT_EQ(sh::commands_named(s, "curl").size(), 1U);
    EXPECT_TRUE(sh::commands_named(s, "wget").empty());
}

TEST(ShellQuery, HandBuiltCommandsWithoutScopes) {
    sh::Script s;
    sh::Command set;
    set.argv = {{"set"}, {"-o"}, {"pipefail"}};
    sh::Command pipe;
    pipe.argv = {{"a"}};
    s.commands = std::vector<sh::Command>{set, pipe};
    EXPECT_TRUE(s.pipefail_before(1));
    EXPECT_FALSE(s.pipefail_before(0));
    EXPECT_TRUE(sh::effective_argv(sh::Command{}).empty());
    EXPECT_EQ(sh::program(sh::Command{}), "");
}

TEST(ShellQuery, SetOptionsByNameAndLetter) {
    auto after = [](std::vector<std::vector<std::string>> sets, std::string_view name, char letter) {
        bool on = false;
        for (const std::vector<std::string>& argv : sets) {
            sh::Command c;
            for (const std::string& a : argv) {
                c.argv.push_back(sh::Word{a});
            }
            sh::apply_set_option(c, name, letter, on);
        }
        return on;
    };
    EXPECT_TRUE(after({{"set", "-e"}}, "errexit", 'e'));
    EXPECT_TRUE(after({{"set", "-eux"}}, "errexit", 'e'));
    EXPECT_TRUE(after({{"set", "-x", "-e"}}, "errexit", 'e'));
    EXPECT_TRUE(after({{"set", "-o", "errexit"}}, "errexit", 'e'));
    EXPECT_TRUE(after({{"set", "-euo", "pipefail"}}, "errexit", 'e'));
    EXPECT_FALSE(after({{"set", "-e"}, {"set", "+e"}}, "errexit", 'e'));
    EXPECT_FALSE(after({{"set", "-o", "pipefail"}}, "errexit", 'e'));
    EXPECT_FALSE(after({{"set", "--", "-e"}}, "errexit", 'e'));  // positional parameters
    EXPECT_FALSE(after({{"echo", "-e"}}, "errexit", 'e'));
    // pipefail has no letter: `-e` does not set it, `-eo pipefail` does.
    EXPECT_FALSE(after({{"set", "-e"}}, "pipefail", '\0'));
    EXPECT_TRUE(after({{"set", "-eo", "pipefail"}}, "pipefail", '\0'));
}

TEST(ShellQuery, PreparedValueOptionsAnswerAsTheList) {
    static const sh::OptionList k_list = {"-o", "-H", "--header", "--output", "-x"};
    const sh::ValueOptions prepared = sh::ValueOptions::of(k_list);
    EXPECT_TRUE(prepared.short_takes('H'));
    EXPECT_FALSE(prepared.short_takes('s'));
    EXPECT_FALSE(prepared.short_takes('-'));
    EXPECT_TRUE(prepared.long_takes("header"));
    EXPECT_FALSE(prepared.long_takes("head"));
    for (std::string_view text : {"curl -sH 'X: -k' --header -L -o out https://h/x more",
                                  "curl -Ho -- -k --output=f u", "curl -x proxy -- --output u", "curl -H"}) {
        sh::Command c = first_command(text);
        std::span<const sh::Word> argv = sh::effective_argv(c);
        EXPECT_EQ(sh::has_option(argv, "kL", {"location"}, prepared),
                  sh::has_option(argv, "kL", {"location"}, k_list))
            << text;
        EXPECT_EQ(sh::option_value(argv, "o", {"output"}, prepared),
                  sh::option_value(argv, "o", {"output"}, k_list))
            << text;
        EXPECT_EQ(values(sh::operands(argv, prepared)), values(sh::operands(argv, k_list))) << text;
    }
    sh::Command c = first_command("curl -sH 'X: y' -o out https://h/x more");
    EXPECT_THAT(values(sh::operands(sh::effective_argv(c), prepared)), ElementsAre("https://h/x", "more"));
    EXPECT_EQ(sh::option_value(sh::effective_argv(c), "o", {"output"}, prepared), "out");
}

TEST(ShellQuery, PreparedLongNamesAnswerAsALinearSearchOfTheList) {
    // Unsorted on purpose, with names that are prefixes of others: the prepared names are sorted.
    static const sh::OptionList k_list = {"--zeta",       "--output", "--out", "--a",     "--header",
                                          "--output-dir", "-o",       "--b",   "--config"};
    const sh::ValueOptions prepared = sh::ValueOptions::of(k_list);
    for (std::string_view name : {"zeta", "output", "out", "a", "header", "output-dir", "b", "config", "o",
                                  "outpu", "outputs", "", "c", "zz", "headers", "-header"}) {
        bool listed = false;
        for (std::string_view x : k_list) {
            listed = listed || (x.size() > 2 && x.substr(0, 2) == "--" && x.substr(2) == name);
        }
        EXPECT_EQ(prepared.long_takes(name), listed) << name;
    }
}

TEST(ShellQuery, ShellQuoteRoundTripsThroughTheParser) {
    // Every byte but NUL, alone and between others, quotes, empty and non-ASCII words: the parser
    // reads back one literal word holding exactly the value.
    std::vector<std::string> words = {"",
                                      "'",
                                      "''",
                                      "it's",
                                      "a b",
                                      "a\tb",
                                      "a\nb",
                                      "\\",
                                      "\"",
                                      "$HOME",
                                      "${V}",
                                      "$(id)",
                                      "`id`",
                                      "*",
                                      "?",
                                      "[a]",
                                      "{a,b}",
                                      "~",
                                      "#x",
                                      "a#b",
                                      "!x",
                                      "a&b|c;d<e>f(g)",
                                      "caf\xc3\xa9",
                                      "\xe6\x97\xa5\xe6\x9c\xac",
                                      "https://x/a?b=1&c=2",
                                      "-_./:=@%+,"};
    for (int c = 1; c < 256; ++c) {
        words.emplace_back(1, static_cast<char>(c));
        words.push_back("x" + std::string(1, static_cast<char>(c)) + "y");
    }
    for (const std::string& w : words) {
        std::string quoted = bulwark::util::shell_quote(w);
        sh::Command c = first_command("echo " + quoted + " end");
        ASSERT_EQ(c.argv.size(), 3U) << quoted;
        EXPECT_EQ(c.argv[1].value, w) << quoted;
        EXPECT_FALSE(c.argv[1].dynamic) << quoted;
        EXPECT_EQ(sh::shell_text(c.argv[1]), quoted) << quoted;
    }
}

TEST(ShellQuery, ShellTextKeepsWhatTheWordMeant) {
    auto text = [](std::string_view script, size_t i, bool keep_globs = true) {
        sh::Command c = first_command(script);
        return i < c.argv.size() ? sh::shell_text(c.argv[i], keep_globs) : std::string("<none>");
    };
    // Literal words: quoted only when needed.
    EXPECT_EQ(text("curl https://x/a.tgz", 1), "https://x/a.tgz");
    EXPECT_EQ(text("curl 'https://x/a?b=1&c=2'", 1), "'https://x/a?b=1&c=2'");
    EXPECT_EQ(text("echo '$HOME'", 1), "'$HOME'");
    EXPECT_EQ(text("echo \"a'b\"", 1), "'a'\\''b'");
    // Unquoted words with expansions or globs: as written.
    EXPECT_EQ(text("chmod 755 $DIR/*.sh", 2), "$DIR/*.sh");
    EXPECT_EQ(text("cp a ~/bin", 2), "~/bin");
    EXPECT_EQ(text("curl https://x/${V}/a.tgz", 1, false), "https://x/${V}/a.tgz");
    // ... but a URL never globs: its ? is quoted.
    EXPECT_EQ(text("curl https://x/a?b=1", 1, false), "'https://x/a?b=1'");
    EXPECT_EQ(text("curl https://x/a?b=1", 1), "https://x/a?b=1");
    // Quoted words with expansions keep them, in double quotes.
    EXPECT_EQ(text("curl \"https://x/dl?v=${V}&os=linux\"", 1, false), "\"https://x/dl?v=${V}&os=linux\"");
    EXPECT_EQ(text("curl -o \"$HOME/my file\" x", 2), "\"$HOME/my file\"");
    // ... and a `$` or backquote the author quoted stays literal beside them; quotes inside an
    // expansion are its own (pasted as written); a name character after `$NAME` would join its name.
    const std::pair<std::string_view, std::string_view> k_quoted[] = {
        {"sh \"echo \\$X $Y\"", "\"echo \\$X $Y\""},
        {"echo '$X'$Y", "\"\\$X$Y\""},
        {"echo \"\\`id\\` `id`\"", "\"\\`id\\` `id`\""},
        {"echo \"${A}\"'$B'", "\"${A}\\$B\""},
        {"echo \"$(cat \"a b\")\"", "\"$(cat \"a b\")\""},
        {"echo \"${X:-\"a b\"} c\"", "\"${X:-\"a b\"} c\""},
        {"echo \"$A\"b", "${A}b"},
        {"echo \"$A\"'b c'", "\"${A}b c\""},
        {"echo \"a\\$b\"", "'a$b'"},  // no expansion: as before
    };
    for (const auto& [script, want] : k_quoted) {
        EXPECT_EQ(text(script, 1), want) << script;
    }
}

TEST(ShellQuery, ShellTextPastesBackWhatTheShellReads) {
    // Each word's text, parsed again, gives the same value with the same expansions.
    auto expansions = [](const sh::Word& w) {
        std::string out;
        for (const bulwark::util::ByteRange& r : w.expansions.ranges()) {
            out += w.value.substr(r.begin, r.end - r.begin) + "|";
        }
        return out;
    };
    for (std::string_view script : {"echo \"\\$X $Y\"", "echo '$X'\"$Y\"", "echo \"$(a \"b\")\"x",
                                    "echo \"${A:-$B}\\`\"", "echo \"a\\\\$A\"", "echo x\\$\"$A\"\\\""}) {
        sh::Command c = first_command(script);
        ASSERT_EQ(c.argv.size(), 2U) << script;
        std::string pasted = sh::shell_text(c.argv[1]);
        sh::Command again = first_command("echo " + pasted);
        ASSERT_EQ(again.argv.size(), 2U) << pasted;
        EXPECT_EQ(again.argv[1].value, c.argv[1].value) << script << " -> " << pasted;
        EXPECT_EQ(expansions(again.argv[1]), expansions(c.argv[1])) << script << " -> " << pasted;
    }
}

TEST(ShellQuery, RunStepsFollowCallsOfFunctionsDefinedBefore) {
    // `f` is called twice (the second time in a subshell), `g` never; `h` is called before its
    // definition, which is no call of it.
    sh::Script s = parse("h; f() { cd /x; g() { cd /y; }; }; f; (f); h() { :; }");
    std::vector<std::string> ran;
    for (const sh::RunStep& step : sh::run_steps(s)) {
        const sh::Command& c = s.commands[step.index];
        std::string text = c.argv.empty() ? std::string() : c.argv[0].value;
        for (size_t i = 1; i < c.argv.size(); ++i) {
            text += " " + c.argv[i].value;
        }
        ran.push_back(
            text + (step.own ? "" : " (subshell)") +
            (step.function >= 0 ? " in " + s.functions[static_cast<size_t>(step.function)].name : ""));
    }
    EXPECT_THAT(ran, ElementsAre("h", "f", "cd /x in f", "f (subshell)", "cd /x (subshell) in f"));
}

TEST(ShellQuery, RunStepsFollowNoCallInANewShell) {
    // `$(f)` is a subshell that has `f`; `sh -c f` is a new shell that does not.
    sh::Script s = parse("f() { cd /x; }; v=$(f); sh -c f");
    size_t bodies = 0;
    for (const sh::RunStep& step : sh::run_steps(s)) {
        bodies += step.function >= 0 ? 1 : 0;
        EXPECT_FALSE(step.function >= 0 && step.own);
    }
    EXPECT_EQ(bodies, 1u);
}

TEST(ShellQuery, RunStepsStopAtRecursion) {
    sh::Script s = parse("f() { cd x; f; }; f");
    std::vector<sh::RunStep> steps = sh::run_steps(s);
    ASSERT_FALSE(steps.empty());
    EXPECT_TRUE(steps.back().unknown_call);
    EXPECT_LT(steps.size(), 20u);
}
