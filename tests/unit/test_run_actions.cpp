// GitHub Actions `container:` and `services:` read as the runner's docker create: flags from
// `options`, env/ports/volumes, each value located in the workflow.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "bulwark/input/run/script.hpp"
#include "support/scan_helpers.hpp"

using namespace bulwark;

namespace {

const std::string k_workflow =
    "name: ci\n"
    "on: push\n"
    "jobs:\n"
    "  test:\n"
    "    runs-on: ubuntu-latest\n"
    "    container:\n"
    "      image: node:20\n"
    "      options: --privileged --cap-add SYS_ADMIN -v /var/run/docker.sock:/var/run/docker.sock\n"
    "      env:\n"
    "        NODE_ENV: test\n"
    "        TOKEN: ${{ secrets.TOKEN }}\n"
    "      ports:\n"
    "        - 8080:80\n"
    "      volumes:\n"
    "        - /etc:/host-etc\n"
    "    services:\n"
    "      db:\n"
    "        image: postgres:16\n"
    "        ports:\n"
    "          - 5432:5432\n"
    "      cache: redis:7\n"
    "    steps:\n"
    "      - run: docker run --rm alpine:3.20 true\n"
    "  lint:\n"
    "    runs-on: ubuntu-latest\n"
    "    container: ''\n"
    "    steps:\n"
    "      - run: echo ok\n";

input::run::ScriptScan scan(const std::string& text) {
    auto src = std::make_shared<const util::SourceFile>(".github/workflows/ci.yml", text);
    return input::run::scan_script_file(src, input::run::ScriptFlavor::github_actions);
}

std::string at(const std::string& text, const model::Origin& o) {
    return text.substr(o.range.begin, o.range.end - o.range.begin);
}

const model::ContainerSpec* named(const input::run::ScriptScan& s, const std::string& name) {
    for (const model::ContainerSpec& c : s.project.containers) {
        if (c.name == name) {
            return &c;
        }
    }
    return nullptr;
}

TEST(RunActions, JobContainerFlagsEnvPortsVolumes) {
    input::run::ScriptScan s = scan(k_workflow);
    EXPECT_TRUE(s.warnings.empty()) << s.warnings.front().message;
    // The run: step, the job container and two services; `container: ''` is no container.
    ASSERT_EQ(s.project.containers.size(), 4U);
    const model::ContainerSpec* c = named(s, "test");
    ASSERT_NE(c, nullptr);
    EXPECT_EQ(c->image.value, "node:20");
    EXPECT_EQ(at(k_workflow, c->image.origin), "node:20");
    ASSERT_TRUE(c->privileged.set);
    EXPECT_TRUE(c->privileged.value);
    EXPECT_EQ(at(k_workflow, c->privileged.origin), "--privileged");
    ASSERT_EQ(c->cap_add.size(), 1U);
    EXPECT_EQ(c->cap_add[0].value, "SYS_ADMIN");
    EXPECT_EQ(at(k_workflow, c->cap_add[0].origin), "--cap-add SYS_ADMIN");
    ASSERT_EQ(c->mounts.size(), 2U);
    EXPECT_EQ(at(k_workflow, c->mounts[0].origin), "-v /var/run/docker.sock:/var/run/docker.sock");
    EXPECT_EQ(at(k_workflow, c->mounts[1].origin), "/etc:/host-etc");
    ASSERT_EQ(c->ports.size(), 1U);
    EXPECT_EQ(at(k_workflow, c->ports[0].origin), "8080:80");
    ASSERT_EQ(c->environment.size(), 2U);
    EXPECT_EQ(c->environment[0].name, "NODE_ENV");
    EXPECT_TRUE(c->environment[0].value.known);
    EXPECT_EQ(c->environment[1].name, "TOKEN");
    EXPECT_FALSE(c->environment[1].value.known);  // ${{ secrets.TOKEN }}: known only at run time
}

TEST(RunActions, ServicesStringAndMapForms) {
    input::run::ScriptScan s = scan(k_workflow);
    const model::ContainerSpec* db = named(s, "test/db");
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(db->image.value, "postgres:16");
    ASSERT_EQ(db->ports.size(), 1U);
    EXPECT_EQ(db->ports[0].host_port.value, "5432");
    const model::ContainerSpec* cache = named(s, "test/cache");
    ASSERT_NE(cache, nullptr);
    EXPECT_EQ(cache->image.value, "redis:7");
    EXPECT_EQ(at(k_workflow, cache->origin), "cache");
}

TEST(RunActions, ContainerRulesFireOnTheWorkflow) {
    core::Policy policy = bulwark::testing::test_policy({"BD100"});
    report::FileResult r =
        bulwark::testing::scan_text_as("script", k_workflow, policy, ".github/workflows/ci.yml");
    std::vector<uint32_t> privileged = bulwark::testing::lines_of(r, "BD100");
    ASSERT_EQ(privileged, std::vector<uint32_t>{8});
}

TEST(RunActions, UnknownOptionIsALocatedWarning) {
    std::string wf = "jobs:\n  t:\n    container:\n      image: alpine:3.20\n      options: --privilegd\n";
    input::run::ScriptScan s = scan(wf);
    ASSERT_EQ(s.warnings.size(), 1U);
    EXPECT_EQ(wf.substr(s.warnings[0].range.begin, s.warnings[0].range.end - s.warnings[0].range.begin),
              "--privilegd");
}

}  // namespace
