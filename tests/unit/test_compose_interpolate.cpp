// Compose interpolation: ${VAR} forms, $$, nested defaults, .env and the environment, unknown values.
#include <gtest/gtest.h>

#include <string>

#include "bulwark/input/compose/dotenv.hpp"
#include "bulwark/input/compose/interpolate.hpp"
#include "compose_test_helpers.hpp"
#include "support/forwarding_fs.hpp"

namespace bulwark {
namespace {

using input::compose::Environment;
using input::compose::interpolate;
using testing::container;
using testing::diagnostics_text;
using testing::load_compose;

const Environment k_env = {{"SET", "value"}, {"EMPTY", ""}, {"PORT", "8080"}};

std::string value_of(std::string_view text) {
    input::compose::Interpolated r = interpolate(text, k_env);
    return r.known ? r.value : "<unknown>";
}

TEST(ComposeInterpolate, Forms) {
    EXPECT_EQ(value_of("${SET}"), "value");
    EXPECT_EQ(value_of("$SET/x"), "value/x");
    EXPECT_EQ(value_of("a${SET}b"), "avalueb");
    EXPECT_EQ(value_of("${UNSET}"), "<unknown>");
    EXPECT_EQ(value_of("$UNSET"), "<unknown>");
    EXPECT_EQ(value_of("${EMPTY}"), "");
    EXPECT_EQ(value_of("${UNSET:-d}"), "d");
    EXPECT_EQ(value_of("${EMPTY:-d}"), "d");
    EXPECT_EQ(value_of("${EMPTY-d}"), "");
    EXPECT_EQ(value_of("${UNSET-d}"), "d");
    EXPECT_EQ(value_of("${SET:-d}"), "value");
    EXPECT_EQ(value_of("${SET:+alt}"), "alt");
    EXPECT_EQ(value_of("${EMPTY:+alt}"), "");
    EXPECT_EQ(value_of("${EMPTY+alt}"), "alt");
    EXPECT_EQ(value_of("${UNSET+alt}"), "");
    EXPECT_EQ(value_of("$$SET"), "$SET");
    EXPECT_EQ(value_of("$${SET}"), "${SET}");
    EXPECT_EQ(value_of("${UNSET:-${PORT}}"), "8080");
    EXPECT_EQ(value_of("${UNSET:-${ALSO_UNSET:-deep}}"), "deep");
    EXPECT_EQ(value_of("${UNSET:-${ALSO_UNSET}}"), "<unknown>");
    EXPECT_EQ(value_of("${UNSET:-a}:${SET}"), "a:value");
    EXPECT_EQ(value_of("${SET:?must be set}"), "value");
}

TEST(ComposeInterpolate, RequiredWithoutValueIsAnError) {
    input::compose::Interpolated r = interpolate("x${UNSET:?set it}", k_env);
    EXPECT_FALSE(r.known);
    ASSERT_EQ(r.problems.size(), 1U);
    EXPECT_TRUE(r.problems[0].error);
    EXPECT_EQ(r.problems[0].offset, 1U);
    EXPECT_EQ(r.problems[0].message, "required variable UNSET is not set: set it");
    input::compose::Interpolated empty = interpolate("${EMPTY?x}", k_env);
    EXPECT_TRUE(empty.problems.empty());
    input::compose::Interpolated colon = interpolate("${EMPTY:?}", k_env);
    ASSERT_EQ(colon.problems.size(), 1U);
    EXPECT_EQ(colon.problems[0].message, "required variable EMPTY is empty");
}

TEST(ComposeInterpolate, InvalidSyntaxIsAWarning) {
    for (const char* text : {"${", "${A", "${1A}", "${A/x/y}", "$1", "${}"}) {
        input::compose::Interpolated r = interpolate(text, k_env);
        ASSERT_EQ(r.problems.size(), 1U) << text;
        EXPECT_FALSE(r.problems[0].error) << text;
    }
}

TEST(ComposeInterpolate, DeepNestingIsBounded) {
    std::string text;
    for (int i = 0; i < 5000; ++i) {
        text += "${A:-";
    }
    text += "x" + std::string(5000, '}');
    EXPECT_NO_THROW(interpolate(text, k_env));
}

TEST(ComposeInterpolate, InTheComposeFile) {
    auto r = load_compose(
        "services:\n  web:\n    image: \"nginx:${TAG:-latest}\"\n    user: ${APP_USER}\n    privileged: "
        "${PRIV}\n    environment:\n      - PASSWORD=${DB_PASSWORD:?the database password}\n      - "
        "COST=$$5\n",
        nullptr, {{"PRIV", "true"}});
    EXPECT_EQ(diagnostics_text(r),
              "compose.yaml:7:18: error: required variable DB_PASSWORD is not set: the database password\n");
    const model::ContainerSpec& web = *container(r, "web");
    EXPECT_EQ(web.image.value, "nginx:latest");
    EXPECT_TRUE(web.image.known);
    EXPECT_FALSE(web.user.known);
    EXPECT_TRUE(web.user.set);
    EXPECT_TRUE(web.privileged.value);
    EXPECT_EQ(testing::origin_text(web.privileged.origin), "${PRIV}");
    EXPECT_FALSE(web.environment[0].value.known);
    EXPECT_EQ(web.environment[1].value.value, "$5");
}

TEST(ComposeInterpolate, UnknownBooleanIsNotGuessed) {
    auto r = load_compose("services:\n  web:\n    privileged: ${PRIV}\n");
    EXPECT_EQ(diagnostics_text(r), "");
    const model::ContainerSpec& web = *container(r, "web");
    EXPECT_TRUE(web.privileged.set);
    EXPECT_FALSE(web.privileged.known);
}

TEST(ComposeInterpolate, DotEnvNextToTheFileAndProcessEnvironmentWins) {
    std::string dir = std::string(BULWARK_TEST_DATA) + "/compose/dotenv";
    util::ReadResult text = util::real_filesystem().read(dir + "/compose.yaml", 1 << 20);
    ASSERT_EQ(text.error, "");
    auto r = load_compose(text.data, &util::real_filesystem(),
                          {{"FROM_PROCESS", "proc"}, {"BOTH", "process"}}, dir + "/compose.yaml");
    ASSERT_EQ(diagnostics_text(r), "");
    const model::ContainerSpec& web = *container(r, "web");
    EXPECT_EQ(web.image.value, "registry.example/app:1.2");
    EXPECT_EQ(web.user.value, "proc");
    EXPECT_EQ(testing::env_var(web, "BOTH")->value.value, "process");
    EXPECT_EQ(testing::env_var(web, "SINGLE")->value.value, "${TAG}");
}

TEST(ComposeInterpolate, DotEnvThatCannotBeReadIsAWarning) {
    // A .env that exists but is refused (permissions) or too large: its variables are unknown, and why.
    testing::MemoryFs fs;
    fs.files["p/.env"] = "TAG=1.25\n";
    testing::DenyingReadFs refusing(fs, "p/.env");
    const std::string text = "services:\n  web:\n    image: nginx:${TAG}\n";
    auto r = load_compose(text, &refusing, {}, "p/compose.yaml");
    EXPECT_EQ(diagnostics_text(r),
              "p/.env: warning: cannot read the project's .env: Permission denied; its variables are unknown "
              "to the scan\n");
    EXPECT_FALSE(container(r, "web")->image.known);

    fs.files["p/.env"] = "TAG=1.25\n" + std::string(64, '#') + "\n";
    input::compose::LoadOptions o;
    o.fs = &fs;
    o.max_file_size = 32;
    r = input::compose::load_project({std::make_shared<const util::SourceFile>("p/compose.yaml", text)}, o);
    EXPECT_EQ(
        diagnostics_text(r),
        "p/.env: warning: cannot read the project's .env: file too large: 74 bytes (limit 32 bytes, see "
        "--max-file-size); its variables are unknown to the scan\n");

    fs.files.erase("p/.env");  // no .env: nothing to say
    EXPECT_EQ(diagnostics_text(load_compose(text, &fs, {}, "p/compose.yaml")), "");
}

TEST(ComposeInterpolate, DotenvFormat) {
    util::SourceFile f(
        ".env",
        "# comment\nA=1\nexport B = two # trailing\nC='${A} literal'\nD=\"${A}\\nx\"\nE=${A}${B}\nBARE\n"
        "bad line\nM=\"multi\nline\"\n");
    std::vector<core::Diagnostic> diags;
    std::vector<input::compose::DotenvEntry> e = input::compose::parse_dotenv(f, {}, diags);
    ASSERT_EQ(e.size(), 7U);
    EXPECT_EQ(e[0].value, "1");
    EXPECT_EQ(e[1].name, "B");
    EXPECT_EQ(e[1].value, "two");
    EXPECT_EQ(e[2].value, "${A} literal");
    EXPECT_EQ(e[3].value, "1\nx");
    EXPECT_EQ(e[4].value, "1two");
    EXPECT_FALSE(e[5].has_value);
    EXPECT_EQ(e[6].value, "multi\nline");
    ASSERT_EQ(diags.size(), 1U);
    EXPECT_EQ(core::format_diagnostic(diags[0], nullptr),
              ".env:8:1: warning: invalid line in env file (expected NAME=VALUE): 'bad line'\n");
}

}  // namespace
}  // namespace bulwark
