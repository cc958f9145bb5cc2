// RUN instructions as shell programs, with every command mapped back to its line and column.
#include <gtest/gtest.h>

#include "bulwark/input/dockerfile/analyzer_detail.hpp"
#include "support/scan_helpers.hpp"

using namespace bulwark;
using bulwark::testing::analyze_text;

namespace {

/// Commands named `name` in `body`, in order.
std::vector<const model::shell::Command*> named(const model::ShellBody& body, std::string_view name) {
    std::vector<const model::shell::Command*> out;
    for (const model::shell::Command& c : body.script.commands) {
        if (model::shell::command_name(c) == name) {
            out.push_back(&c);
        }
    }
    return out;
}

/// line:col of byte `offset` of the body text.
std::string where(const model::Dockerfile& df, const model::ShellBody& body, uint32_t offset) {
    util::Position p = df.source->position(body.text.to_source(offset));
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::vector<std::string> argv_of(const model::shell::Command& c) {
    std::vector<std::string> out;
    for (const model::shell::Word& w : c.argv) {
        out.push_back(w.value);
    }
    return out;
}

/// `if true; then ` `levels` times, `echo hi; `, then `fi; ` as many times.
std::string nested_ifs(int levels) {
    std::string out;
    for (int i = 0; i < levels; ++i) {
        out += "if true; then ";
    }
    out += "echo hi; ";
    for (int i = 0; i < levels; ++i) {
        out += "fi; ";
    }
    return out;
}

}  // namespace

TEST(AnalyzerShell, ShellFormWithContinuationLines) {
    model::Dockerfile df = analyze_text(
        "FROM alpine\n"
        "RUN apk add --no-cache curl \\\n"
        "    && curl -fsSL https://example.com/i.sh | sh\n");
    const model::Instruction& run = df.instructions[1];
    ASSERT_EQ(run.shell.size(), 1U);
    const model::ShellBody& body = run.shell[0];
    EXPECT_EQ(body.heredoc, -1);
    auto apk = named(body, "apk");
    ASSERT_EQ(apk.size(), 1U);
    EXPECT_EQ(where(df, body, apk[0]->argv[0].begin), "2:5");
    auto curl = named(body, "curl");
    ASSERT_EQ(curl.size(), 1U);
    EXPECT_EQ(where(df, body, curl[0]->argv[0].begin), "3:8");
    EXPECT_EQ(where(df, body, curl[0]->argv[2].begin), "3:19");
    auto sh = named(body, "sh");
    ASSERT_EQ(sh.size(), 1U);
    EXPECT_EQ(where(df, body, sh[0]->argv[0].begin), "3:46");
}

TEST(AnalyzerShell, HeredocScript) {
    model::Dockerfile df = analyze_text(
        "FROM alpine\n"
        "RUN <<EOF\n"
        "set -e\n"
        "  apk add curl\n"
        "EOF\n"
        "RUN echo after\n");
    const model::Instruction& run = df.instructions[1];
    ASSERT_EQ(run.shell.size(), 1U);
    const model::ShellBody& body = run.shell[0];
    EXPECT_EQ(body.heredoc, 0);
    auto apk = named(body, "apk");
    ASSERT_EQ(apk.size(), 1U);
    EXPECT_EQ(where(df, body, apk[0]->argv[0].begin), "4:3");
    EXPECT_EQ(named(body, "set").size(), 1U);
    ASSERT_EQ(df.instructions[2].shell.size(), 1U);
    EXPECT_EQ(named(df.instructions[2].shell[0], "echo").size(), 1U);
}

TEST(AnalyzerShell, HeredocFedToAShellWithOptions) {
    model::Dockerfile df = analyze_text(
        "FROM debian\n"
        "RUN bash -ex <<'EOF'\n"
        "apt-get update\n"
        "EOF\n");
    ASSERT_EQ(df.instructions[1].shell.size(), 1U);
    const model::ShellBody& body = df.instructions[1].shell[0];
    EXPECT_EQ(body.heredoc, 0);
    auto apt = named(body, "apt-get");
    ASSERT_EQ(apt.size(), 1U);
    EXPECT_EQ(where(df, body, apt[0]->argv[1].begin), "3:9");
}

TEST(AnalyzerShell, HeredocWithNonShellShebangIsNotShell) {
    model::Dockerfile df = analyze_text(
        "FROM python:3.12\n"
        "RUN <<EOF\n"
        "#!/usr/bin/env python3\n"
        "import os\n"
        "EOF\n"
        "RUN <<EOF\n"
        "#!/bin/bash\n"
        "echo ok\n"
        "EOF\n");
    EXPECT_TRUE(df.instructions[1].shell.empty());
    ASSERT_EQ(df.instructions[2].shell.size(), 1U);
    EXPECT_EQ(named(df.instructions[2].shell[0], "echo").size(), 1U);
}

TEST(AnalyzerShell, SeveralHeredocScripts) {
    model::Dockerfile df = analyze_text(
        "FROM alpine\n"
        "RUN <<ONE <<TWO\n"
        "echo one\n"
        "ONE\n"
        "echo two\n"
        "TWO\n");
    const model::Instruction& run = df.instructions[1];
    ASSERT_EQ(run.shell.size(), 2U);
    EXPECT_EQ(run.shell[0].heredoc, 0);
    EXPECT_EQ(run.shell[1].heredoc, 1);
    auto two = named(run.shell[1], "echo");
    ASSERT_EQ(two.size(), 1U);
    EXPECT_EQ(where(df, run.shell[1], two[0]->argv[1].begin), "5:6");
}

TEST(AnalyzerShell, HeredocAsDataIsNotParsedAsCommands) {
    model::Dockerfile df = analyze_text(
        "FROM alpine\n"
        "RUN cat <<EOF > /etc/app.conf && chmod 600 /etc/app.conf\n"
        "rm -rf /\n"
        "EOF\n");
    const model::Instruction& run = df.instructions[1];
    ASSERT_EQ(run.shell.size(), 1U);
    const model::ShellBody& body = run.shell[0];
    EXPECT_EQ(body.heredoc, -1);
    EXPECT_EQ(named(body, "cat").size(), 1U);
    auto chmod = named(body, "chmod");
    ASSERT_EQ(chmod.size(), 1U);
    EXPECT_EQ(where(df, body, chmod[0]->argv[0].begin), "2:34");
    EXPECT_TRUE(named(body, "rm").empty());
}

TEST(AnalyzerShell, ExecFormShellScript) {
    model::Dockerfile df = analyze_text(
        "FROM debian\n"
        "RUN [\"/bin/sh\", \"-c\", \"apt-get update && apt-get install -y curl\"]\n"
        "RUN [\"bash\", \"-c\", \"echo \\\"hi\\\" && curl -o x https://x\"]\n");
    ASSERT_EQ(df.instructions[1].shell.size(), 1U);
    const model::ShellBody& body = df.instructions[1].shell[0];
    auto apt = named(body, "apt-get");
    ASSERT_EQ(apt.size(), 2U);
    EXPECT_EQ(where(df, body, apt[0]->argv[0].begin), "2:24");
    EXPECT_EQ(where(df, body, apt[1]->argv[0].begin), "2:42");
    EXPECT_EQ(where(df, body, apt[1]->argv[3].begin), "2:61");

    // Escapes inside the JSON string: offsets still land on the source bytes.
    ASSERT_EQ(df.instructions[2].shell.size(), 1U);
    const model::ShellBody& escaped = df.instructions[2].shell[0];
    auto curl = named(escaped, "curl");
    ASSERT_EQ(curl.size(), 1U);
    EXPECT_EQ(where(df, escaped, curl[0]->argv[0].begin), "3:36");
}

TEST(AnalyzerShell, ExecFormOtherProgramIsOneSyntheticCommand) {
    model::Dockerfile df = analyze_text(
        "FROM debian\n"
        "RUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n");
    ASSERT_EQ(df.instructions[1].shell.size(), 1U);
    const model::ShellBody& body = df.instructions[1].shell[0];
    ASSERT_EQ(body.script.commands.size(), 1U);
    const model::shell::Command& c = body.script.commands[0];
    EXPECT_EQ(argv_of(c), (std::vector<std::string>{"apt-get", "install", "-y", "curl"}));
    EXPECT_EQ(body.text.value, "apt-get install -y curl");
    EXPECT_EQ(where(df, body, c.argv[0].begin), "2:7");
    EXPECT_EQ(where(df, body, c.argv[3].begin), "2:35");
    EXPECT_EQ(body.text.value.substr(c.argv[2].begin, c.argv[2].end - c.argv[2].begin), "-y");
}

TEST(AnalyzerShell, ExecFormPipefailFromShellOptions) {
    model::Dockerfile df = analyze_text(
        "FROM debian\n"
        "RUN [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\", \"curl -s x | sh\"]\n");
    ASSERT_EQ(df.instructions[1].shell.size(), 1U);
    const model::shell::Script& s = df.instructions[1].shell[0].script;
    ASSERT_FALSE(s.scopes.empty());
    EXPECT_TRUE(s.scopes[0].pipefail);
    EXPECT_EQ(named(df.instructions[1].shell[0], "curl").size(), 1U);
}

TEST(AnalyzerShell, ShellInstructionPipefailReachesTheScript) {
    model::Dockerfile df = analyze_text(
        "FROM debian\n"
        "SHELL [\"/bin/bash\", \"-eo\", \"pipefail\", \"-c\"]\n"
        "RUN curl -s https://x | bash\n");
    const model::Instruction& run = df.instructions[2];
    EXPECT_TRUE(run.pipefail_by_shell());
    ASSERT_EQ(run.shell.size(), 1U);
    ASSERT_FALSE(run.shell[0].script.scopes.empty());
    EXPECT_TRUE(run.shell[0].script.scopes[0].pipefail);
}

TEST(AnalyzerShell, NonPosixShellGetsNoBody) {
    model::Dockerfile df = analyze_text(
        "FROM alpine\n"
        "SHELL [\"/usr/bin/python3\", \"-c\"]\n"
        "RUN print(1)\n"
        "RUN [\"sh\", \"-c\", \"echo exec form still runs sh\"]\n");
    EXPECT_TRUE(df.instructions[2].shell.empty());
    EXPECT_EQ(df.instructions[3].shell.size(), 1U);
}

TEST(AnalyzerShell, OnbuildRunTriggerIsAnalysed) {
    model::Dockerfile df = analyze_text(
        "FROM node:20\n"
        "ONBUILD RUN npm install && npm run build\n");
    const model::Instruction& onbuild = df.instructions[1];
    ASSERT_TRUE(onbuild.trigger);
    EXPECT_EQ(onbuild.trigger->stage, 0);
    ASSERT_EQ(onbuild.trigger->shell.size(), 1U);
    const model::ShellBody& body = onbuild.trigger->shell[0];
    auto npm = named(body, "npm");
    ASSERT_EQ(npm.size(), 2U);
    EXPECT_EQ(where(df, body, npm[1]->argv[0].begin), "2:28");
}

TEST(AnalyzerShell, DeepNestingIsAWarning) {
    // Past the 64th level the commands are read with their structure approximated: the rules see
    // them (`echo hi`, in a branch), and the Dockerfile says where that starts (line 3, the 65th
    // `if`), in the RUN and in ONBUILD; the commands after the nest (`chmod 777`) are parsed as always.
    std::string deep = nested_ifs(70) + "chmod 777 /app\n";
    model::Dockerfile df = analyze_text("FROM debian:12\n\nRUN " + deep + "ONBUILD RUN " + deep);
    ASSERT_EQ(df.diagnostics.size(), 2U);
    for (size_t k = 0; k < 2; ++k) {
        const core::Diagnostic& d = df.diagnostics[k];
        EXPECT_EQ(d.level, core::DiagLevel::warning);
        EXPECT_EQ(d.message,
                  "shell: nesting too deep (more than 64 levels); the structure past it is approximated: "
                  "rules check its commands as simple commands that may not run");
        EXPECT_EQ(d.location.line, 3U + k);
        EXPECT_EQ(d.location.column, (k == 0 ? 5U : 13U) + 64U * 14U);
    }
    const model::ShellBody& body = df.instructions[1].shell.at(0);
    ASSERT_EQ(named(body, "echo").size(), 1U);
    EXPECT_TRUE(named(body, "echo")[0]->in_branch);
    ASSERT_EQ(named(body, "chmod").size(), 1U);
    EXPECT_FALSE(named(body, "chmod")[0]->in_branch);

    // Ordinary syntax errors are not reported (bulwark is not a shell linter), nor is nesting of 64.
    model::Dockerfile fine =
        analyze_text("FROM debian:12\nRUN " + nested_ifs(63) + "chmod 777 /app\nRUN echo 'a\n");
    EXPECT_TRUE(fine.diagnostics.empty());
    EXPECT_EQ(named(fine.instructions[1].shell.at(0), "chmod").size(), 1U);
}

TEST(AnalyzerShell, JsonStringTextMapsEscapes) {
    auto src = std::make_shared<const util::SourceFile>("Dockerfile", "RUN [\"a\\tb\\u00e9c\"]\n");
    model::JsonArg arg;
    arg.value =
        "a\tb\xc3\xa9"
        "c";
    arg.range = {5, 18};
    model::MappedText t = input::dockerfile::analysis::json_string_text(*src, arg);
    EXPECT_EQ(t.value, arg.value);
    EXPECT_EQ(t.to_source(0), 6U);   // a
    EXPECT_EQ(t.to_source(1), 7U);   // \t
    EXPECT_EQ(t.to_source(2), 9U);   // b
    EXPECT_EQ(t.to_source(3), 10U);  // first byte of \u00e9
    EXPECT_EQ(t.to_source(4), 10U);
    EXPECT_EQ(t.to_source(5), 16U);  // c
}
