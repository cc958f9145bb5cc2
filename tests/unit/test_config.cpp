// .bulwark.yaml parsing: every key, unknown keys, invalid YAML, rule ids and values.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bulwark/config/config_file.hpp"
#include "bulwark/rules/rule.hpp"

using namespace bulwark;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

/// Every diagnostic as its first formatted line (path:line:col: level: message).
std::vector<std::string> diags(const config::ConfigFile& cf) {
    std::vector<std::string> out;
    for (const core::Diagnostic& d : cf.diagnostics) {
        std::string s = core::format_diagnostic(d, nullptr);
        out.push_back(s.substr(0, s.find('\n')));
    }
    return out;
}

std::string rule_id(size_t n) {
    return std::string(rules::all_rules()[n]->id);
}

/// A rule with a hadolint equivalent that maps back to exactly that rule.
const rules::Rule* rule_with_hadolint() {
    for (const rules::Rule* r : rules::all_rules()) {
        auto ids = rules::split_list(r->hadolint);
        if (!ids.empty() && rules::rules_equivalent_to(ids[0]).size() == 1) {
            return r;
        }
    }
    return nullptr;
}

std::vector<std::string> ids_of(const std::vector<config::RuleRef>& refs) {
    std::vector<std::string> out;
    for (const config::RuleRef& r : refs) {
        out.insert(out.end(), r.ids.begin(), r.ids.end());
    }
    return out;
}

}  // namespace

TEST(ConfigParse, EmptyAndCommentOnlyFilesAreValid) {
    EXPECT_THAT(diags(config::parse_config("c.yaml", "")), IsEmpty());
    EXPECT_THAT(diags(config::parse_config("c.yaml", "# nothing yet\n")), IsEmpty());
}

TEST(ConfigParse, EveryKey) {
    ASSERT_GE(rules::all_rules().size(), 3U);
    std::string a = rule_id(0);
    std::string b = rule_id(1);
    std::string c = rule_id(2);
    std::string text =
        "rules:\n"
        "  disable: [" +
        a +
        "]\n"
        "  enable: [" +
        b + ", " + c +
        "]\n"
        "  severity:\n"
        "    " +
        c +
        ": critical\n"
        "categories:\n"
        "  disable: [secrets, Best-Practice]\n"
        "registries:\n"
        "  trusted: [docker.io, ghcr.io/acme]\n"
        "images:\n"
        "  allowed: ['debian:*', 'gcr.io/distroless/*']\n"
        "ignore:\n"
        "  - path: ./legacy/*\n"
        "    rules: [" +
        a +
        "]\n"
        "    reason: vendored\n"
        "    until: 2027-01-31\n"
        "  - path: '**/Dockerfile.dev'\n"
        "build_args:\n"
        "  VERSION: 1.2\n"
        "  EMPTY:\n"
        "target: runtime\n";
    config::ConfigFile cf = config::parse_config("c.yaml", text);
    EXPECT_THAT(diags(cf), IsEmpty());
    EXPECT_THAT(ids_of(cf.disabled_rules), ElementsAre(a));
    EXPECT_EQ(cf.disabled_rules[0].mark.line, 2U);
    EXPECT_EQ(cf.disabled_rules[0].mark.column, 13U);
    EXPECT_THAT(ids_of(cf.enabled_rules), ElementsAre(b, c));
    ASSERT_EQ(cf.severities.size(), 1U);
    EXPECT_EQ(cf.severities[0].rule.ids, std::vector<std::string>{c});
    EXPECT_EQ(cf.severities[0].severity, core::Severity::critical);
    EXPECT_THAT(cf.disabled_categories, ElementsAre("secrets", "best-practice"));
    EXPECT_THAT(cf.trusted_registries, ElementsAre("docker.io", "ghcr.io/acme"));
    EXPECT_THAT(cf.allowed_images, ElementsAre("debian:*", "gcr.io/distroless/*"));
    ASSERT_EQ(cf.ignores.size(), 2U);
    EXPECT_EQ(cf.ignores[0].ignore.path_glob, "legacy/*");  // leading ./ dropped
    EXPECT_EQ(cf.ignores[0].ignore.rules, std::set<std::string>{a});
    EXPECT_EQ(cf.ignores[0].ignore.reason, "vendored");
    EXPECT_EQ(cf.ignores[0].ignore.until, "2027-01-31");
    EXPECT_EQ(cf.ignores[0].until_mark.line, 16U);
    EXPECT_EQ(cf.ignores[0].until_mark.column, 12U);
    EXPECT_EQ(cf.ignores[1].index, 1U);
    EXPECT_EQ(cf.ignores[1].ignore.path_glob, "**/Dockerfile.dev");
    EXPECT_TRUE(cf.ignores[1].ignore.rules.empty());
    EXPECT_EQ(cf.build_args, (std::map<std::string, std::string>{{"EMPTY", ""}, {"VERSION", "1.2"}}));
    EXPECT_EQ(cf.target, "runtime");
}

TEST(ConfigParse, UnknownKeysWarnWithExactPositionAndSuggestion) {
    config::ConfigFile cf = config::parse_config(".bulwark.yaml",
                                                 "rule:\n"
                                                 "  disable: [x]\n"
                                                 "rules:\n"
                                                 "  disabel: [x]\n"
                                                 "  frobnicate: 1\n"
                                                 "ignore:\n"
                                                 "  - path: a\n"
                                                 "    resaon: old\n"
                                                 "ignored: [DL3008]\n"
                                                 "Target: x\n");
    EXPECT_THAT(
        diags(cf),
        ElementsAre(".bulwark.yaml:1:1: warning: unknown key 'rule' (did you mean 'rules'?)",
                    ".bulwark.yaml:4:3: warning: unknown key 'disabel' in rules (did you mean 'disable'?)",
                    ".bulwark.yaml:5:3: warning: unknown key 'frobnicate' in rules",
                    ".bulwark.yaml:8:5: warning: unknown key 'resaon' in ignore[0] (did you mean 'reason'?)",
                    ".bulwark.yaml:9:1: warning: unknown key 'ignored' (a .hadolint.yaml key; bulwark "
                    "uses rules.disable)",
                    ".bulwark.yaml:10:1: warning: unknown key 'Target' (did you mean 'target'?)"));
    // The valid parts are still used.
    ASSERT_EQ(cf.ignores.size(), 1U);
    EXPECT_EQ(cf.ignores[0].ignore.path_glob, "a");
}

TEST(ConfigParse, ColumnsCountCodePoints) {
    // 'zz' is byte 17 but code point 16: the two-byte e-acute before it counts once.
    config::ConfigFile cf = config::parse_config("c.yaml", "images: {\xc3\xa9: 1, zz: 2}\n");
    EXPECT_THAT(diags(cf), ElementsAre("c.yaml:1:10: warning: unknown key '\xc3\xa9' in images",
                                       "c.yaml:1:16: warning: unknown key 'zz' in images"));
}

TEST(ConfigParse, InvalidYamlIsAnErrorAtItsPosition) {
    config::ConfigFile cf = config::parse_config("c.yaml", "rules:\n  disable: [BD001\ntarget: x\n");
    ASSERT_EQ(cf.diagnostics.size(), 1U);
    EXPECT_EQ(cf.diagnostics[0].level, core::DiagLevel::error);
    EXPECT_THAT(cf.diagnostics[0].message, ::testing::StartsWith("invalid YAML: "));
    EXPECT_FALSE(cf.target.has_value());

    cf = config::parse_config("c.yaml", "rules:\n  disable: []\n bad: [\n");
    EXPECT_THAT(diags(cf), ElementsAre("c.yaml:3:2: error: invalid YAML: end of map not found"));

    cf = config::parse_config("c.yaml", "target: x\n  y: z\n");
    EXPECT_THAT(diags(cf), ElementsAre("c.yaml:2:4: error: invalid YAML: illegal map value"));

    cf = config::parse_config("c.yaml", "rules:\n  disable: [a,\ntarget: x\n");
    EXPECT_THAT(diags(cf), ElementsAre("c.yaml:4:1: error: invalid YAML: end of sequence flow not found"));
}

TEST(ConfigParse, WrongShapesAreErrors) {
    config::ConfigFile cf = config::parse_config("c.yaml",
                                                 "rules: [BD001]\n"
                                                 "categories:\n"
                                                 "  disable: secrets\n"
                                                 "ignore:\n"
                                                 "  path: x\n");
    EXPECT_THAT(
        diags(cf),
        ElementsAre("c.yaml:1:8: error: rules: expected a map, found a list",
                    "c.yaml:3:12: error: categories.disable: expected a list, found a single value",
                    "c.yaml:5:3: error: ignore: expected a list of {path, rules, reason, until} maps, "
                    "found a map"));
    EXPECT_THAT(
        diags(config::parse_config("c.yaml", "- a\n- b\n")),
        ElementsAre("c.yaml:1:1: error: expected a map of settings (rules:, ignore:, ...), found a list"));
    EXPECT_THAT(
        diags(config::parse_config("c.yaml", "target: x\ntarget: y\n")),
        ElementsAre("c.yaml:2:1: warning: duplicate key 'target' (first at line 1); this one is ignored"));
}

TEST(ConfigParse, UnknownRuleIdsCategoriesAndSeverities) {
    ASSERT_FALSE(rules::all_rules().empty());
    std::string a = rule_id(0);
    config::ConfigFile cf = config::parse_config("c.yaml",
                                                 "rules:\n"
                                                 "  disable: [BD999, DL9999, " +
                                                     a +
                                                     "]\n"
                                                     "  enable: [BD998]\n"
                                                     "  severity: {" +
                                                     a +
                                                     ": hihg, BD997: low}\n"
                                                     "categories: {disable: [secret, nonsense]}\n");
    EXPECT_THAT(
        diags(cf),
        ElementsAre("c.yaml:2:13: warning: unknown rule id 'BD999' in rules.disable; ignored (see "
                    "`bulwark rules`)",
                    "c.yaml:2:20: warning: 'DL9999' in rules.disable has no equivalent bulwark rule; ignored",
                    "c.yaml:3:12: error: unknown rule id 'BD998' in rules.enable; nothing is enabled for it "
                    "(see `bulwark rules`)",
                    "c.yaml:4:" + std::to_string(16 + a.size()) + ": error: unknown severity 'hihg' for " +
                        a + " (expected info, low, medium, high or critical) (did you mean 'high'?)",
                    "c.yaml:4:" + std::to_string(22 + a.size()) +
                        ": warning: unknown rule id 'BD997' in rules.severity; ignored (see "
                        "`bulwark rules`)",
                    "c.yaml:5:24: warning: unknown category 'secret' in categories.disable; ignored (did "
                    "you mean 'secrets'?)",
                    "c.yaml:5:32: warning: unknown category 'nonsense' in categories.disable; ignored"));
    EXPECT_THAT(ids_of(cf.disabled_rules), ElementsAre(a));
    EXPECT_TRUE(cf.enabled_rules.empty());
    EXPECT_TRUE(cf.severities.empty());
    EXPECT_TRUE(cf.disabled_categories.empty());
}

TEST(ConfigParse, RuleIdsAreCaseInsensitiveAndHadolintIdsMap) {
    const rules::Rule* r = rule_with_hadolint();
    ASSERT_NE(r, nullptr) << "no rule with a hadolint equivalent";
    std::string dl(rules::split_list(r->hadolint)[0]);
    std::string lower_id = std::string(r->id);
    for (char& ch : lower_id) {
        ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    }
    config::ConfigFile cf =
        config::parse_config("c.yaml", "rules:\n  disable: [" + dl + ", " + lower_id + "]\n  severity: {" +
                                           dl + ": high}\nignore: [{path: x, rules: [" + dl + "]}]\n");
    EXPECT_THAT(diags(cf), IsEmpty());
    ASSERT_EQ(cf.disabled_rules.size(), 2U);
    EXPECT_EQ(cf.disabled_rules[0].written, dl);
    EXPECT_EQ(cf.disabled_rules[0].ids, std::vector<std::string>{std::string(r->id)});
    EXPECT_EQ(cf.disabled_rules[1].ids, std::vector<std::string>{std::string(r->id)});
    ASSERT_EQ(cf.severities.size(), 1U);
    EXPECT_EQ(cf.severities[0].rule.ids, std::vector<std::string>{std::string(r->id)});
    ASSERT_EQ(cf.ignores.size(), 1U);
    EXPECT_EQ(cf.ignores[0].ignore.rules, std::set<std::string>{std::string(r->id)});
}

TEST(ConfigParse, BadIgnoresAreDroppedNeverWidened) {
    config::ConfigFile cf = config::parse_config("c.yaml",
                                                 "ignore:\n"
                                                 "  - rules: []\n"
                                                 "  - path: a\n"
                                                 "    rules: [BD999]\n"
                                                 "  - path: b\n"
                                                 "    until: 2026-02-30\n"
                                                 "  - path: c\n"
                                                 "    until: soon\n"
                                                 "  - just-a-string\n");
    EXPECT_THAT(
        diags(cf),
        ElementsAre("c.yaml:2:5: error: ignore[0]: missing 'path'; the ignore is not applied",
                    "c.yaml:4:13: warning: unknown rule id 'BD999' in ignore[1].rules; ignored (see "
                    "`bulwark rules`)",
                    "c.yaml:3:5: warning: ignore[1]: 'rules' names no known rule; the ignore is not applied",
                    "c.yaml:6:12: error: ignore[2].until: '2026-02-30' is not a date (YYYY-MM-DD); the "
                    "ignore is not applied",
                    "c.yaml:8:12: error: ignore[3].until: 'soon' is not a date (YYYY-MM-DD); the ignore is "
                    "not applied",
                    "c.yaml:9:5: error: ignore[4]: expected a map, found a single value"));
    EXPECT_TRUE(cf.ignores.empty());
}

TEST(ConfigParse, BadConfigNeverThrows) {
    // Anchors, aliases, tags, deep nesting, binary junk: diagnostics at most, never an exception.
    for (const char* text : {"a: &x [1]\nb: *x\nrules: *x\n", "rules: !!binary aGk=\n",
                             "[[[[[[[[[[[[[[[[[[[[", "\x01\x02\xff\xfe: [\n", "rules:\n\tdisable: []\n",
                             "? [a]\n: b\n", "*unknown\n", "target: |\n  x\n  y\n"}) {
        EXPECT_NO_THROW(config::parse_config("c.yaml", text)) << text;
    }
    std::string deep(5000, '[');
    EXPECT_NO_THROW(config::parse_config("c.yaml", deep));
}

TEST(ConfigParse, Dates) {
    EXPECT_TRUE(config::is_date("2026-12-31"));
    EXPECT_TRUE(config::is_date("2028-02-29"));
    EXPECT_FALSE(config::is_date("2027-02-29"));
    EXPECT_FALSE(config::is_date("2026-13-01"));
    EXPECT_FALSE(config::is_date("2026-1-01"));
    EXPECT_FALSE(config::is_date("20261231"));
    EXPECT_FALSE(config::is_date("2026-12-3x"));
}

TEST(ConfigParse, ClosestWord) {
    constexpr std::string_view k_words[] = {"disable", "enable", "severity"};
    EXPECT_EQ(config::closest_word("disabel", k_words), "disable");
    EXPECT_EQ(config::closest_word("ENABLE", k_words), "enable");
    EXPECT_EQ(config::closest_word("sev", k_words), std::nullopt);
    EXPECT_EQ(config::closest_word("xyz", k_words), std::nullopt);
}
