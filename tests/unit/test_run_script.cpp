// docker run lines found in scripts, Makefiles, CI workflows and Markdown, located in the file.
#include <gtest/gtest.h>

#include <memory>

#include "bulwark/engine/discover.hpp"
#include "bulwark/engine/inputs.hpp"
#include "bulwark/input/run/script.hpp"
#include "support/memory_fs.hpp"
#include "support/scan_helpers.hpp"

using namespace bulwark;
using input::run::ScriptFlavor;

namespace {

input::run::ScriptScan scan(const std::string& path, const std::string& text) {
    auto src = std::make_shared<const util::SourceFile>(path, text);
    return input::run::scan_script_file(src, input::run::flavor_for_path(path));
}

std::string at(const std::string& text, const model::Origin& o) {
    return text.substr(o.range.begin, o.range.end - o.range.begin);
}

TEST(RunScript, FlavorsByPath) {
    EXPECT_EQ(input::run::flavor_for_path("deploy.sh"), ScriptFlavor::shell);
    EXPECT_EQ(input::run::flavor_for_path("a/Makefile"), ScriptFlavor::makefile);
    EXPECT_EQ(input::run::flavor_for_path("GNUmakefile"), ScriptFlavor::makefile);
    EXPECT_EQ(input::run::flavor_for_path("rules.mk"), ScriptFlavor::makefile);
    EXPECT_EQ(input::run::flavor_for_path(".gitlab-ci.yml"), ScriptFlavor::gitlab_ci);
    EXPECT_EQ(input::run::flavor_for_path("x/.github/workflows/ci.yaml"), ScriptFlavor::github_actions);
    EXPECT_EQ(input::run::flavor_for_path("README.md"), ScriptFlavor::markdown);
}

TEST(RunScript, InputKindsClaimTheirFiles) {
    for (const char* p :
         {"run.sh", "x/deploy.bash", "Makefile", "GNUmakefile", "build/rules.mk", ".gitlab-ci.yml",
          ".github/workflows/ci.yml", "repo/.github/workflows/release.yaml"}) {
        const engine::InputKind* k = engine::kind_for_path(p);
        ASSERT_NE(k, nullptr) << p;
        EXPECT_EQ(k->name, "script") << p;
    }
    const engine::InputKind* md = engine::kind_for_path("docs/README.md");
    ASSERT_NE(md, nullptr);
    EXPECT_EQ(md->name, "markdown");
    EXPECT_FALSE(md->in_walk);
    const engine::InputKind* other = engine::kind_for_path("ci.yml");
    EXPECT_TRUE(other == nullptr || other->name != "script");
}

TEST(RunScript, ShellScriptLinesAndNestedCommands) {
    std::string text =
        "#!/bin/sh\nset -e\nif true; then\n  docker run --privileged a:1\nfi\n"
        "for i in 1 2; do sudo docker create -p 80:80 b:2; done\nx=$(docker run -d c:3)\n";
    input::run::ScriptScan s = scan("deploy.sh", text);
    ASSERT_EQ(s.project.containers.size(), 3U);
    EXPECT_EQ(s.project.containers[0].image.value, "a:1");
    EXPECT_EQ(at(text, s.project.containers[0].privileged.origin), "--privileged");
    EXPECT_EQ(s.project.containers[1].image.value, "b:2");
    EXPECT_EQ(s.project.containers[2].image.value, "c:3");
    EXPECT_EQ(s.project.files.size(), 1U);
}

TEST(RunScript, MakefileRecipes) {
    std::string text =
        "IMAGE := app\nDOCKER = docker\nTAG ?= dev\n\nrun:\n\t@$(DOCKER) run --rm \\\n\t  --privileged \\\n"
        "\t  -e HOME=$$HOME $(IMAGE):$(TAG)\n\ntest:\n\t-docker run -p 80:80 ${IMAGE}:1\n"
        "# docker run --pid host x\n";
    input::run::ScriptScan s = scan("Makefile", text);
    ASSERT_EQ(s.project.containers.size(), 2U);
    const model::ContainerSpec& a = s.project.containers[0];
    EXPECT_EQ(at(text, a.privileged.origin), "--privileged");
    EXPECT_FALSE(a.image.known);  // $(TAG) is `?=`: the environment may override it
    ASSERT_EQ(a.environment.size(), 1U);
    EXPECT_FALSE(a.environment[0].value.known);  // $$HOME is the shell's $HOME
    const model::ContainerSpec& b = s.project.containers[1];
    ASSERT_EQ(b.ports.size(), 1U);
    EXPECT_EQ(at(text, b.ports[0].origin), "-p 80:80");
    EXPECT_TRUE(b.image.known);  // IMAGE has one literal definition
    EXPECT_EQ(b.image.value, "app:1");
    EXPECT_EQ(at(text, b.image.origin), "${IMAGE}:1");
}

TEST(RunScript, GithubActionsRunSteps) {
    std::string text =
        "name: ci\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: docker run --privileged a:1\n"
        "      - name: block\n        run: |\n          echo start\n"
        "          docker run \\\n            -v /var/run/docker.sock:/var/run/docker.sock b:2\n"
        "      - shell: pwsh\n        run: docker run --privileged c:3\n"
        "      - run: docker run -e T=${{ secrets.T }} d:4\n";
    input::run::ScriptScan s = scan(".github/workflows/ci.yml", text);
    ASSERT_EQ(s.project.containers.size(), 3U) << (s.warnings.empty() ? "" : s.warnings[0].message);
    EXPECT_EQ(at(text, s.project.containers[0].privileged.origin), "--privileged");
    const model::ContainerSpec& b = s.project.containers[1];
    ASSERT_EQ(b.mounts.size(), 1U);
    EXPECT_EQ(at(text, b.mounts[0].origin), "-v /var/run/docker.sock:/var/run/docker.sock");
    EXPECT_EQ(at(text, b.image.origin), "b:2");
    const model::ContainerSpec& d = s.project.containers[2];
    ASSERT_EQ(d.environment.size(), 1U);
    EXPECT_FALSE(d.environment[0].value.known);
}

TEST(RunScript, GitlabCiScripts) {
    std::string text =
        "stages: [test]\nbefore_script:\n  - docker info\n"
        "test:\n  stage: test\n  before_script:\n    - docker run -d --name db -p 5432:5432 postgres:16\n"
        "  script:\n    - 'docker run --network host app:1'\n    - >\n      echo folded\n"
        "  after_script:\n    - [docker run --pid host x:1]\nvariables:\n  script: not-a-job\n";
    input::run::ScriptScan s = scan(".gitlab-ci.yml", text);
    ASSERT_GE(s.project.containers.size(), 2U);
    EXPECT_EQ(s.project.containers[0].image.value, "postgres:16");
    ASSERT_EQ(s.project.containers[0].ports.size(), 1U);
    EXPECT_EQ(at(text, s.project.containers[0].ports[0].origin), "-p 5432:5432");
    EXPECT_EQ(at(text, s.project.containers[1].network_mode.origin), "--network host");
}

TEST(RunScript, YamlErrorsAreWarnings) {
    input::run::ScriptScan s = scan(".gitlab-ci.yml", "test:\n  script: [unclosed\n");
    EXPECT_TRUE(s.project.containers.empty());
    ASSERT_EQ(s.warnings.size(), 1U);
    EXPECT_NE(s.warnings[0].message.find("YAML"), std::string::npos);
}

TEST(RunScript, MarkdownShellBlocks) {
    std::string text =
        "# App\n\n```sh\n$ docker run --privileged a:1\n```\n\n"
        "```console\n$ docker run -p 80:80 \\\n  b:2\nOutput docker run --pid host not-a-command\n```\n"
        "\n```python\ndocker run --privileged no:1\n```\n\n~~~bash\ndocker run --ipc host c:3\n~~~\n";
    input::run::ScriptScan s = scan("README.md", text);
    ASSERT_EQ(s.project.containers.size(), 3U);
    EXPECT_EQ(at(text, s.project.containers[0].privileged.origin), "--privileged");
    EXPECT_EQ(s.project.containers[1].image.value, "b:2");
    EXPECT_FALSE(s.project.containers[1].pid.set);
    EXPECT_EQ(at(text, s.project.containers[2].ipc.origin), "--ipc host");
}

TEST(RunScript, DockerNetworkCreateDeclaresNetworks) {
    input::run::ScriptScan s = scan("up.sh",
                                    "docker network create --internal -d bridge backend\n"
                                    "docker network create frontend\n");
    ASSERT_EQ(s.project.networks.size(), 2U);
    EXPECT_TRUE(s.project.networks.at("backend").internal.value);
    EXPECT_FALSE(s.project.networks.at("frontend").internal.set);
}

TEST(RunScript, ScanReportsAtTheFlag) {
    core::Policy policy = bulwark::testing::test_policy({"BD100", "BD114"});
    std::string text = "run:\n\tdocker run \\\n\t\t--privileged nginx:1.27\n";
    report::FileResult r = bulwark::testing::scan_text_as("script", text, policy, "Makefile");
    ASSERT_EQ(r.findings.size(), 1U);
    EXPECT_EQ(r.findings[0].rule_id, "BD100");
    EXPECT_EQ(r.findings[0].location.line, 3U);
    EXPECT_EQ(r.findings[0].location.column, 3U);
    EXPECT_FALSE(r.findings[0].fix.empty());
}

TEST(RunScript, UnknownFlagIsAWarningDiagnostic) {
    core::Policy policy = bulwark::testing::test_policy({"BD100"});
    report::FileResult r =
        bulwark::testing::scan_text_as("script", "docker run --bogus nginx:1.27\n", policy, "run.sh");
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].level, core::DiagLevel::warning);
    EXPECT_EQ(r.diagnostics[0].location.column, 12U);
}

TEST(RunScript, MarkdownOnlyInWalksWhenAsked) {
    bulwark::testing::MemoryFs fs;
    fs.files = {{"repo/README.md", "```sh\ndocker run x\n```\n"}, {"repo/run.sh", "docker run x\n"}};
    engine::Discovery plain = engine::discover(fs, {"repo"}, {});
    ASSERT_EQ(plain.inputs.size(), 1U);
    EXPECT_EQ(plain.inputs[0].path, "repo/run.sh");
    engine::Discovery md = engine::discover(fs, {"repo"}, {}, nullptr, true);
    EXPECT_EQ(md.inputs.size(), 2U);
    engine::Discovery explicit_md = engine::discover(fs, {"repo/README.md"}, {});
    ASSERT_EQ(explicit_md.inputs.size(), 1U);
    EXPECT_EQ(explicit_md.inputs[0].kind->name, "markdown");
}

}  // namespace

namespace {

TEST(RunScript, InlineIgnoreCommentsSuppressOneCommand) {
    core::Policy policy = bulwark::testing::test_policy({"BD100", "BD107"});
    std::string text =
        "# bulwark ignore=BD100 reason=\"CI runner needs it\"\n"
        "docker run --privileged \\\n  --network host x:1\n"
        "docker run --privileged y:1\n"
        "# bulwark ignore=BD107 until=2020-01-01\ndocker run --network host z:1\n"
        "# bulwark ignore=BD999\ndocker run w:1\n";
    report::FileResult r = bulwark::testing::scan_text_as("script", text, policy, "run.sh");
    std::vector<std::string> got;
    for (const core::Finding& f : r.findings) {
        got.push_back(f.rule_id + "@" + std::to_string(f.location.line) + (f.suppressed ? "s" : ""));
    }
    EXPECT_EQ(got, (std::vector<std::string>{"BD100@2s", "BD107@3", "BD100@4", "BD107@6"}));
    ASSERT_EQ(r.diagnostics.size(), 2U);  // expired and unknown id
    EXPECT_NE(r.diagnostics[0].message.find("expired"), std::string::npos);
    EXPECT_NE(r.diagnostics[1].message.find("BD999"), std::string::npos);
    std::string whole = "# bulwark ignore-file=BD100\ndocker run --privileged x:1\n";
    r = bulwark::testing::scan_text_as("script", whole, policy, "run.sh");
    ASSERT_EQ(r.findings.size(), 1U);
    EXPECT_TRUE(r.findings[0].suppressed);
}

}  // namespace

namespace {

TEST(RunScript, ShellErrorsOnlyWhereDockerRuns) {
    EXPECT_TRUE(scan("lib.sh", "if then fi (\n").warnings.empty());
    input::run::ScriptScan s = scan("up.sh", "docker run --privileged x:1\nif then fi (\n");
    EXPECT_EQ(s.project.containers.size(), 1U);
    EXPECT_FALSE(s.warnings.empty());
}

}  // namespace
