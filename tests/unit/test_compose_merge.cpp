// extends, include, override files and `-f a -f b` merging, with the Compose merge rules.
#include <gtest/gtest.h>

#include <string>

#include "compose_test_helpers.hpp"

namespace bulwark {
namespace {

using testing::container;
using testing::diagnostics_text;
using testing::env_var;
using testing::load_compose;
using testing::MemoryFs;
using testing::origin_text;
using testing::origin_where;

std::string data_dir(const std::string& sub) {
    return std::string(BULWARK_TEST_DATA) + "/compose/" + sub;
}

input::compose::LoadResult load_file(const std::string& path, bool merge_override = true) {
    util::ReadResult text = util::real_filesystem().read(path, 1 << 20);
    EXPECT_EQ(text.error, "") << path;
    return load_compose(text.data, &util::real_filesystem(), {}, path, merge_override);
}

input::compose::LoadResult load_files(const MemoryFs& fs, const std::vector<std::string>& paths) {
    std::vector<util::SourcePtr> sources;
    for (const std::string& p : paths) {
        sources.push_back(std::make_shared<const util::SourceFile>(p, fs.files.at(p)));
    }
    input::compose::LoadOptions o;
    o.fs = &fs;
    return input::compose::load_project(sources, o);
}

TEST(ComposeMerge, ExtendsInTheSameFile) {
    auto r = load_compose(
        "services:\n  base:\n    image: base\n    privileged: true\n    environment:\n      A: 1\n      B: "
        "2\n  "
        "app:\n    extends: base\n    environment:\n      - B=3\n  other:\n    extends:\n      service: "
        "app\n    "
        "image: other\n");
    ASSERT_EQ(diagnostics_text(r), "");
    const model::ContainerSpec& app = *container(r, "app");
    EXPECT_EQ(app.image.value, "base");
    EXPECT_TRUE(app.privileged.value);
    EXPECT_EQ(origin_where(app.privileged.origin), "compose.yaml:4:17");
    EXPECT_EQ(env_var(app, "A")->value.value, "1");
    EXPECT_EQ(env_var(app, "B")->value.value, "3");
    EXPECT_EQ(origin_where(env_var(app, "B")->value.origin), "compose.yaml:11:11");
    const model::ContainerSpec& other = *container(r, "other");
    EXPECT_EQ(other.image.value, "other");
    EXPECT_TRUE(other.privileged.value);
    EXPECT_EQ(env_var(other, "B")->value.value, "3");
}

TEST(ComposeMerge, ExtendsAnotherFileKeepsItsOrigins) {
    std::string dir = data_dir("extends");
    auto r = load_file(dir + "/compose.yaml");
    ASSERT_EQ(diagnostics_text(r), "");
    const model::ContainerSpec& app = *container(r, "app");
    EXPECT_EQ(app.image.value, "app:2");
    EXPECT_TRUE(app.privileged.value);
    EXPECT_EQ(origin_where(app.privileged.origin), dir + "/common.yaml:4:17");
    EXPECT_EQ(app.user.value, "root");
    EXPECT_EQ(origin_where(app.user.origin), dir + "/common.yaml:12:11");
    ASSERT_EQ(app.cap_add.size(), 2U);
    EXPECT_EQ(app.cap_add[0].value, "NET_ADMIN");
    EXPECT_EQ(app.cap_add[1].value, "SYS_TIME");
    // Volumes merge by container path: the local one replaces the base's.
    ASSERT_EQ(app.mounts.size(), 1U);
    EXPECT_EQ(app.mounts[0].source.value, "./data");
    EXPECT_TRUE(app.mounts[0].read_only.value);
    // env_file paths are relative to the file that names them.
    ASSERT_NE(env_var(app, "FROM_BASE_ENV"), nullptr);
    EXPECT_EQ(env_var(app, "FROM_BASE_ENV")->origin.file->path(), dir + "/base.env");
    EXPECT_EQ(r.project.containers.size(), 1U);
}

TEST(ComposeMerge, ExtendsCycleIsReported) {
    auto r = load_compose(
        "services:\n  a:\n    extends: b\n    image: a\n  b:\n    extends: a\n  c:\n    extends: c\n");
    std::string text = diagnostics_text(r);
    EXPECT_NE(text.find("extends itself"), std::string::npos) << text;
    EXPECT_EQ(r.project.containers.size(), 3U);
}

TEST(ComposeMerge, ExtendsMissingServiceOrFile) {
    MemoryFs fs;
    auto r = load_compose(
        "services:\n  a:\n    extends: nope\n  b:\n    extends: {file: gone.yaml, service: x}\n", &fs);
    EXPECT_EQ(diagnostics_text(r),
              "compose.yaml:3:5: error: extends: no service 'nope' in compose.yaml\n"
              "compose.yaml:5:21: warning: cannot read 'gone.yaml': No such file or directory; what it "
              "defines is not "
              "scanned\n");
}

TEST(ComposeMerge, IncludeAddsServicesAndNetworks) {
    std::string dir = data_dir("include");
    auto r = load_file(dir + "/compose.yaml");
    ASSERT_EQ(diagnostics_text(r), "");
    ASSERT_EQ(r.project.containers.size(), 3U);
    EXPECT_EQ(container(r, "included")->pid.value, "host");
    EXPECT_EQ(origin_where(container(r, "included")->pid.origin), dir + "/sub/compose.yaml:4:10");
    EXPECT_EQ(container(r, "other")->user.value, "someone");
    EXPECT_TRUE(r.project.networks.at("shared").internal.value);
}

TEST(ComposeMerge, IncludeConflictAndCycle) {
    MemoryFs fs;
    fs.files["a.yaml"] = "include: [b.yaml]\nservices:\n  x:\n    image: a\n";
    fs.files["b.yaml"] = "include: [a.yaml]\nservices:\n  x:\n    image: b\n";
    auto r = load_files(fs, {"a.yaml"});
    std::string text = diagnostics_text(r);
    EXPECT_NE(text.find("includes itself"), std::string::npos) << text;
    EXPECT_NE(text.find("a.yaml:3:3: error: service 'x' conflicts with the one included from b.yaml"),
              std::string::npos)
        << text;
    EXPECT_EQ(container(r, "x")->image.value, "a");
}

TEST(ComposeMerge, IncludeIntoEmptyOrWrongSections) {
    MemoryFs fs;
    fs.files["inc.yaml"] = "services:\n  web:\n    image: nginx:1.25\nnetworks:\n  n1: {internal: true}\n";
    // `services:` with no value is an empty map, as docker compose reads it: the included ones are added.
    fs.files["a.yaml"] = "include: [inc.yaml]\nservices:\nnetworks:\n";
    auto r = load_files(fs, {"a.yaml"});
    EXPECT_EQ(diagnostics_text(r), "");
    ASSERT_NE(container(r, "web"), nullptr);
    EXPECT_EQ(container(r, "web")->image.value, "nginx:1.25");
    EXPECT_TRUE(r.project.networks.at("n1").internal.value);

    // Not a map, in the including file or in the included one: an error at it.
    fs.files["b.yaml"] = "include: [inc.yaml, bad.yaml]\nservices: 5\nnetworks: [x]\n";
    fs.files["bad.yaml"] = "volumes: 7\nsecrets:\n";
    r = load_files(fs, {"b.yaml"});
    EXPECT_EQ(diagnostics_text(r),
              "b.yaml:2:11: error: services: expected a map, found a single value\n"
              "b.yaml:3:11: error: networks: expected a map, found a list\n"
              "bad.yaml:1:10: error: volumes: expected a map, found a single value\n");
}

TEST(ComposeMerge, IncludeLongSyntaxWithEnvFile) {
    MemoryFs fs;
    fs.files["p/compose.yaml"] =
        "include:\n  - path: [sub/a.yaml, sub/b.yaml]\n    env_file: vars.env\n    project_dirctory: x\n";
    fs.files["p/vars.env"] = "IMAGE=from-vars\n";
    fs.files["p/sub/a.yaml"] = "services:\n  web:\n    image: ${IMAGE}\n";
    fs.files["p/sub/b.yaml"] = "services:\n  web:\n    user: nobody\n";
    auto r = load_files(fs, {"p/compose.yaml"});
    EXPECT_EQ(diagnostics_text(r),
              "p/compose.yaml:4:5: warning: unknown key 'project_dirctory' in include (did you mean "
              "'project_directory'?)\n");
    const model::ContainerSpec* web = container(r, "web");
    ASSERT_NE(web, nullptr);
    EXPECT_EQ(web->image.value, "from-vars");
    EXPECT_EQ(web->user.value, "nobody");
    EXPECT_EQ(web->user.origin.file->path(), "p/sub/b.yaml");
}

TEST(ComposeMerge, SeveralFilesMergeInOrder) {
    MemoryFs fs;
    fs.files["a.yaml"] =
        "services:\n  web:\n    image: web:1\n    command: [\"run\", \"a\"]\n    ports: [\"80:80\"]\n    "
        "cap_add: [NET_ADMIN]\n    volumes: [\"/data:/data\"]\n    environment: [A=1, B=2]\n    "
        "healthcheck:\n      "
        "test: [CMD, a]\n      interval: 5s\n";
    fs.files["b.yaml"] =
        "services:\n  web:\n    image: web:2\n    command: [\"run\"]\n    ports: [\"80:80\", \"443:443\"]\n  "
        "  "
        "cap_add: [NET_ADMIN, SYS_TIME]\n    volumes: [\"/other:/data:ro\"]\n    environment:\n      B: 3\n  "
        "  "
        "healthcheck:\n      test: [CMD, b]\n  db:\n    image: db\n";
    auto r = load_files(fs, {"a.yaml", "b.yaml"});
    ASSERT_EQ(diagnostics_text(r), "");
    const model::ContainerSpec& web = *container(r, "web");
    EXPECT_EQ(web.image.value, "web:2");
    EXPECT_EQ(web.image.origin.file->path(), "b.yaml");
    EXPECT_EQ(web.command.value, "run");
    ASSERT_EQ(web.ports.size(), 2U);
    ASSERT_EQ(web.cap_add.size(), 2U);
    ASSERT_EQ(web.mounts.size(), 1U);
    EXPECT_EQ(web.mounts[0].source.value, "/other");
    EXPECT_EQ(env_var(web, "A")->value.value, "1");
    EXPECT_EQ(env_var(web, "B")->value.value, "3");
    EXPECT_EQ(web.healthcheck_test.value, "CMD b");
    EXPECT_NE(container(r, "db"), nullptr);
    ASSERT_EQ(r.project.files.size(), 2U);
    EXPECT_EQ(r.project.files[0]->path(), "a.yaml");
    auto twice = load_files(fs, {"a.yaml", "a.yaml"});
    EXPECT_EQ(diagnostics_text(twice), "");
    EXPECT_EQ(container(twice, "web")->ports.size(), 1U);
}

TEST(ComposeMerge, OverrideFileIsMergedAutomatically) {
    std::string dir = data_dir("override");
    auto r = load_file(dir + "/docker-compose.yml");
    ASSERT_EQ(diagnostics_text(r), "");
    ASSERT_EQ(r.project.containers.size(), 2U);
    const model::ContainerSpec& web = *container(r, "web");
    EXPECT_TRUE(web.privileged.value);
    EXPECT_EQ(web.privileged.origin.file->path(), dir + "/docker-compose.override.yml");
    EXPECT_EQ(web.ports.size(), 2U);
    EXPECT_EQ(env_var(web, "MODE")->value.value, "debug");
    EXPECT_EQ(env_var(web, "KEEP")->value.value, "yes");
    auto alone = load_file(dir + "/docker-compose.yml", false);
    EXPECT_FALSE(container(alone, "web")->privileged.set);
}

TEST(ComposeMerge, OverrideNames) {
    MemoryFs fs;
    fs.files["p/compose.yaml"] = "";
    fs.files["p/compose.override.yml"] = "";
    fs.files["p/docker-compose.override.yml"] = "";
    EXPECT_EQ(input::compose::find_override(fs, "p/compose.yaml"), "p/compose.override.yml");
    EXPECT_EQ(input::compose::find_override_base(fs, "p/compose.override.yml"), "p/compose.yaml");
    EXPECT_EQ(input::compose::find_override_base(fs, "p/docker-compose.override.yml"), "");
    EXPECT_EQ(input::compose::find_override(fs, "p/compose.prod.yaml"), "");
    EXPECT_TRUE(input::compose::is_compose_name("docker-compose.yml"));
    EXPECT_TRUE(input::compose::is_compose_name("Compose.YAML"));
    EXPECT_TRUE(input::compose::is_compose_name("docker-compose.prod.yaml"));
    EXPECT_TRUE(input::compose::is_compose_name("compose.override.yml"));
    EXPECT_FALSE(input::compose::is_compose_name("compose.json"));
    EXPECT_FALSE(input::compose::is_compose_name("composer.yaml"));
    EXPECT_FALSE(input::compose::is_compose_name("compose..yaml"));
    EXPECT_FALSE(input::compose::is_compose_name("my-compose.yml"));
}

TEST(ComposeMerge, ManyExtendsOfALargeServiceAreBounded) {
    // 10^4 values behind aliases, inherited by 200 services: copying stops at the loader's budget.
    std::string text = "x-a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\n";
    text += "x-b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n";
    text += "x-c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
    text += "x-d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n";
    text += "services:\n  base:\n    image: x\n    labels:\n      big: *d\n";
    for (int i = 0; i < 200; ++i) {
        text += "  s" + std::to_string(i) + ":\n    extends: base\n";
    }
    auto r = load_compose(text);
    EXPECT_NE(diagnostics_text(r).find("extends and include copy more than"), std::string::npos);
    EXPECT_EQ(r.project.containers.size(), 201U);
}

TEST(ComposeMerge, MergeKeyAndExtendsTogether) {
    auto r = load_compose(
        "x-common: &common\n  read_only: true\nservices:\n  base:\n    <<: *common\n    image: b\n  app:\n   "
        " extends: "
        "base\n");
    ASSERT_EQ(diagnostics_text(r), "");
    EXPECT_TRUE(container(r, "app")->read_only.value);
    EXPECT_EQ(origin_text(container(r, "app")->read_only.origin), "true");
}

}  // namespace
}  // namespace bulwark
