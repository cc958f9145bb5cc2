// Compose YAML reading: origins, anchors, merge keys, invalid input, unknown keys, hostile input.
#include <gtest/gtest.h>

#include <string>

#include "bulwark/input/compose/yaml_reader.hpp"
#include "compose_test_helpers.hpp"

namespace bulwark {
namespace {

using testing::container;
using testing::diagnostics_text;
using testing::load_compose;
using testing::origin_text;
using testing::origin_where;

TEST(ComposeYaml, ValuesKeepTheirByteRange) {
    auto r =
        load_compose("services:\n  web:\n    image: \"nginx:1.25\"\n    user: 'app'\n    privileged: true\n");
    ASSERT_EQ(diagnostics_text(r), "");
    const model::ContainerSpec* web = container(r, "web");
    ASSERT_NE(web, nullptr);
    EXPECT_EQ(web->image.value, "nginx:1.25");
    EXPECT_EQ(origin_text(web->image.origin), "\"nginx:1.25\"");
    EXPECT_EQ(origin_text(web->user.origin), "'app'");
    EXPECT_EQ(origin_text(web->privileged.origin), "true");
    EXPECT_EQ(origin_where(web->privileged.origin), "compose.yaml:5:17");
    EXPECT_EQ(origin_text(web->origin), "web");
    EXPECT_EQ(web->source_kind, "compose");
}

TEST(ComposeYaml, OriginsAfterMultibyteTextAndCrLf) {
    auto r = load_compose(
        "\xEF\xBB\xBFservices:\r\n  web:\r\n    labels: {a: \"\xC3\xB1\xC3\xB1\"}\r\n    privileged: "
        "true\r\n");
    ASSERT_EQ(diagnostics_text(r), "");
    const model::ContainerSpec* web = container(r, "web");
    ASSERT_NE(web, nullptr);
    EXPECT_EQ(origin_text(web->privileged.origin), "true");
    EXPECT_EQ(origin_where(web->privileged.origin), "compose.yaml:4:17");
}

TEST(ComposeYaml, AnchorsAndAliasesKeepTheAnchorsOrigin) {
    auto r = load_compose(
        "x-caps: &caps\n  - SYS_ADMIN\nservices:\n  a:\n    image: x\n    cap_add: *caps\n  b:\n    image: "
        "y\n    cap_add: "
        "*caps\n");
    ASSERT_EQ(diagnostics_text(r), "");
    for (const char* name : {"a", "b"}) {
        const model::ContainerSpec* c = container(r, name);
        ASSERT_NE(c, nullptr);
        ASSERT_EQ(c->cap_add.size(), 1U);
        EXPECT_EQ(c->cap_add[0].value, "SYS_ADMIN");
        EXPECT_EQ(origin_where(c->cap_add[0].origin), "compose.yaml:2:5");
    }
}

/// "line:col" of every item of the sequence `key` of the top-level map of `text`.
std::vector<std::string> item_positions(const std::string& text, const std::string& key) {
    auto source = std::make_shared<const util::SourceFile>("c.yaml", text);
    std::vector<core::Diagnostic> diagnostics;
    bool ok = false;
    input::compose::Node root = input::compose::read_yaml(source, diagnostics, ok);
    EXPECT_TRUE(ok && diagnostics.empty()) << text;
    std::vector<std::string> out;
    if (const input::compose::Node* seq = root.find(key)) {
        for (const input::compose::Node& item : seq->items) {
            util::Position p = source->position(item.origin.range.begin);
            out.push_back(std::to_string(p.line) + ":" + std::to_string(p.column));
        }
    }
    return out;
}

TEST(ComposeYaml, EmptyListItemIsAtItsOwnDash) {
    // yaml-cpp marks an empty item with the next token: it is put back at its own `-`.
    using V = std::vector<std::string>;
    EXPECT_EQ(item_positions("ports:\n  -\n  - \"22:22\"\n", "ports"), (V{"2:3", "3:5"}));
    EXPECT_EQ(item_positions("a:\n  -\n  -  # none\n\n  -\nb: 1\n", "a"), (V{"2:3", "3:3", "5:3"}));
    EXPECT_EQ(item_positions("a:\n- x\n-\n", "a"), (V{"2:3", "3:1"}));  // indentless, at the end
    EXPECT_EQ(item_positions("a:\r\n  - x\r\n  -\r\nb:\r\n", "a"), (V{"2:5", "3:3"}));  // CRLF
    EXPECT_EQ(item_positions("a: &s\n  -\n  - x\n", "a"), (V{"2:3", "3:5"}));           // anchored sequence
    EXPECT_EQ(item_positions("a:\n  - k:\n  -\n  - |\n    text\n  -\n", "a"),
              (V{"2:5", "3:3", "4:5", "6:3"}));
    // Written nulls keep their place; an alias is at its anchor, and the empty item after it at its `-`.
    EXPECT_EQ(item_positions("a:\n  - ~\n  - null\n  -\n", "a"), (V{"2:5", "3:5", "4:3"}));
    EXPECT_EQ(item_positions("x: &x y\na:\n  - *x\n  -\n", "a"), (V{"1:4", "4:3"}));
    EXPECT_EQ(item_positions("a: [x, ~]\n", "a"), (V{"1:5", "1:8"}));  // flow: yaml-cpp's marks

    // A diagnostic about an empty item points at it, not at the next line.
    EXPECT_EQ(diagnostics_text(load_compose("services:\n  web:\n    image: x\n    cap_add:\n      -\n    "
                                            "ports:\n      -\n      - \"22:22\"\n")),
              "compose.yaml:5:7: error: cap_add: expected a single value, found nothing\n"
              "compose.yaml:7:7: error: ports: unexpected nothing\n");
}

TEST(ComposeYaml, EmptyValueIsAfterItsColon) {
    // yaml-cpp marks `key:` with nothing with the next token, lines below: it is put after the `:`.
    auto source = std::make_shared<const util::SourceFile>(
        "c.yaml", "a:\n  b:\n\n  c: ~\n  d: 1\n  e :  # none\nf:\n  - g:\n  - h\nx: &x\ny: *x\n");
    std::vector<core::Diagnostic> diagnostics;
    bool ok = false;
    input::compose::Node root = input::compose::read_yaml(source, diagnostics, ok);
    ASSERT_TRUE(ok);
    auto where = [&](const input::compose::Node* n) {
        if (n == nullptr) {
            return std::string("<none>");
        }
        util::Position p = source->position(n->origin.range.begin);
        return std::to_string(p.line) + ":" + std::to_string(p.column) + "-" + std::to_string(n->last_line);
    };
    const input::compose::Node* a = root.find("a");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(where(a->find("b")), "2:5-2");
    EXPECT_EQ(where(a->find("c")), "4:6-4");  // written: yaml-cpp's mark
    EXPECT_EQ(where(a->find("e")), "6:6-6");
    EXPECT_EQ(where(a), "2:3-6");
    const input::compose::Node* f = root.find("f");
    ASSERT_TRUE(f != nullptr && f->items.size() == 2);
    EXPECT_EQ(where(f->items[0].find("g")), "8:7-8");
    EXPECT_EQ(where(root.find("x")), "10:4-10");  // an anchor: yaml-cpp's mark
    EXPECT_EQ(where(root.find("y")), "10:4-10");  // an alias: its anchor's place
}

TEST(ComposeYaml, MergeKeyLocalKeysWin) {
    auto r = load_compose(
        "x-base: &base\n  image: base\n  privileged: true\n  user: root\nservices:\n  web:\n    <<: *base\n  "
        "  user: "
        "app\n");
    ASSERT_EQ(diagnostics_text(r), "");
    const model::ContainerSpec* web = container(r, "web");
    ASSERT_NE(web, nullptr);
    EXPECT_EQ(web->image.value, "base");
    EXPECT_TRUE(web->privileged.value);
    EXPECT_EQ(origin_where(web->privileged.origin), "compose.yaml:3:15");
    EXPECT_EQ(web->user.value, "app");
    EXPECT_EQ(origin_where(web->user.origin), "compose.yaml:8:11");
}

TEST(ComposeYaml, MergeKeyListOfMapsEarlierWins) {
    auto r = load_compose(
        "x-a: &a\n  user: a\nx-b: &b\n  user: b\n  image: from-b\nservices:\n  web:\n    <<: [*a, *b]\n");
    ASSERT_EQ(diagnostics_text(r), "");
    const model::ContainerSpec* web = container(r, "web");
    ASSERT_NE(web, nullptr);
    EXPECT_EQ(web->user.value, "a");
    EXPECT_EQ(web->image.value, "from-b");
}

TEST(ComposeYaml, MergeKeyOfAScalarIsAnError) {
    auto r = load_compose("services:\n  web:\n    <<: nope\n    image: x\n");
    EXPECT_EQ(diagnostics_text(r),
              "compose.yaml:3:9: error: a merge key '<<' takes a map or a list of maps\n");
}

TEST(ComposeYaml, InvalidYamlIsALocatedError) {
    auto r = load_compose("services:\n  web:\n    image: [unclosed\n");
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].level, core::DiagLevel::error);
    EXPECT_EQ(r.diagnostics[0].location.file, "compose.yaml");
    EXPECT_GT(r.diagnostics[0].location.line, 2U);
    EXPECT_NE(r.diagnostics[0].message.find("invalid YAML"), std::string::npos);
    EXPECT_TRUE(r.project.containers.empty());
}

TEST(ComposeYaml, TopLevelMustBeAMap) {
    auto r = load_compose("- a\n- b\n");
    EXPECT_EQ(diagnostics_text(r),
              "compose.yaml:1:1: error: a compose file is a map of top-level keys (services, networks, ...); "
              "found a "
              "list\n");
}

TEST(ComposeYaml, EmptyFileIsNoProblem) {
    auto r = load_compose("");
    EXPECT_EQ(diagnostics_text(r), "");
    EXPECT_TRUE(r.project.containers.empty());
}

TEST(ComposeYaml, MisspeltKeyGetsDidYouMean) {
    auto r = load_compose("services:\n  web:\n    image: x\n    privilegd: true\n    x-custom: 1\n");
    EXPECT_EQ(
        diagnostics_text(r),
        "compose.yaml:4:5: warning: unknown key 'privilegd' in service 'web' (did you mean 'privileged'?)\n");
}

TEST(ComposeYaml, UnknownKeysAtOtherLevels) {
    auto r = load_compose(
        "servics: {}\nx-ok: 1\nservices:\n  web:\n    deploy:\n      resources:\n        limits:\n          "
        "memroy: 1g\n    healthcheck:\n      disabled: true\n");
    EXPECT_EQ(
        diagnostics_text(r),
        "compose.yaml:1:1: warning: unknown key 'servics' in the top level (did you mean 'services'?)\n"
        "compose.yaml:8:11: warning: unknown key 'memroy' in deploy.resources.limits (did you mean "
        "'memory'?)\n"
        "compose.yaml:10:7: warning: unknown key 'disabled' in healthcheck (did you mean 'disable'?)\n");
}

TEST(ComposeYaml, DuplicateKeyIsAnError) {
    auto r = load_compose("services:\n  web:\n    image: a\n    image: b\n");
    EXPECT_EQ(diagnostics_text(r),
              "compose.yaml:4:5: error: duplicate key 'image' (first at line 3); docker compose rejects the "
              "file\n");
    EXPECT_EQ(container(r, "web")->image.value, "a");
}

TEST(ComposeYaml, WrongTypeIsAnError) {
    auto r = load_compose("services:\n  web:\n    privileged: maybe\n    cap_add: {a: b}\n");
    EXPECT_EQ(diagnostics_text(r),
              "compose.yaml:3:17: error: privileged: expected true or false, found 'maybe'\n"
              "compose.yaml:4:14: error: cap_add: expected a list, found a map\n");
}

TEST(ComposeYaml, AliasBombIsBounded) {
    std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c) {
        text += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 10; ++i) {
            text += std::string(i == 0 ? "" : ", ") + "*" + prev;
        }
        text += "]\n";
        prev = c;
    }
    auto r = load_compose(text);
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_NE(diagnostics_text(r).find("expands to more than"), std::string::npos);
}

TEST(ComposeYaml, DeepNestingIsBounded) {
    std::string text =
        "services:\n  web:\n    labels:\n      x: " + std::string(5000, '[') + std::string(5000, ']') + "\n";
    auto r = load_compose(text);
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_EQ(r.diagnostics[0].level, core::DiagLevel::error);
}

TEST(ComposeYaml, GarbageNeverThrows) {
    for (const char* text :
         {"\t\t:", "{", "? [a]\n: b", "!!binary x", "%YAML 9\n---\n", "services: !!map\n  - a",
          "services:\n  web: [1, {a: *nope}]", "\xff\xfe\x00", "a: b\n---\nc: d\n"}) {
        EXPECT_NO_THROW(load_compose(text)) << text;
    }
}

TEST(ComposeYaml, Version1FileIsScannedAsServices) {
    auto r = load_compose("version: '1'\nweb:\n  image: nginx\n  privileged: true\ndb:\n  build: .\n");
    EXPECT_EQ(
        diagnostics_text(r),
        "compose.yaml:2:1: warning: compose file format 1 (services at the top level, no 'services:' key): "
        "docker compose v2 rejects it; its entries are scanned as services\n");
    ASSERT_EQ(r.project.containers.size(), 2U);
    EXPECT_TRUE(container(r, "web")->privileged.value);
    EXPECT_EQ(origin_where(container(r, "web")->privileged.origin), "compose.yaml:4:15");
}

TEST(ComposeYaml, NonScalarKeyIsAnError) {
    auto r = load_compose("services:\n  ? [a, b]\n  : image: x\n");
    EXPECT_NE(diagnostics_text(r).find("expected a key name"), std::string::npos);
}

}  // namespace
}  // namespace bulwark
