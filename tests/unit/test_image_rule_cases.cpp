// Data-driven image rule tests. For every tests/data/rules/<ID>/{bad,good}*.image.json recipe (the
// format is in support/image_builder.hpp), the harness writes the image archive into a temp
// directory with libarchive, scans it with engine::scan_image (only rule <ID> enabled), and checks:
//   bad:  the rule reports at least once, and every path in the recipe's "expect" list is the
//         Location.pointer of one of its findings;
//   good: the rule reports nothing.
// Either way the image must load without error diagnostics. Recipe keys "today" and
// "max_age_days" set the policy. Rules whose example_kind is "image" have recipes as their
// bad_example/good_example; those are checked the same way.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bulwark/engine/image_scan.hpp"
#include "bulwark/rules/rule.hpp"
#include "bulwark/util/strings.hpp"
#include "support/image_builder.hpp"
#include "support/scan_helpers.hpp"
#include "support/test_names.hpp"

namespace fs = std::filesystem;
using namespace bulwark;

namespace {

struct ImageCase {
    std::string rule;
    fs::path file;
    bool bad = false;
};

std::vector<ImageCase> image_cases() {
    std::vector<ImageCase> cases;
    fs::path root = fs::path(BULWARK_TEST_DATA) / "rules";
    if (!fs::exists(root)) {
        return cases;
    }
    for (const auto& dir : fs::directory_iterator(root)) {
        if (!dir.is_directory()) {
            continue;
        }
        for (const auto& f : fs::directory_iterator(dir.path())) {
            std::string name = f.path().filename().string();
            if (!util::ends_with(name, ".image.json")) {
                continue;
            }
            bool bad = util::starts_with(name, "bad");
            if (bad || util::starts_with(name, "good")) {
                cases.push_back(ImageCase{dir.path().filename().string(), f.path(), bad});
            }
        }
    }
    std::sort(cases.begin(), cases.end(),
              [](const ImageCase& a, const ImageCase& b) { return a.file < b.file; });
    return cases;
}

struct Outcome {
    std::vector<core::Finding> findings;  // of the rule under test
    std::string diagnostics;              // error diagnostics, formatted
    std::string all;                      // every finding, for failure messages
};

Outcome run_recipe(const std::string& rule, const nlohmann::json& recipe) {
    bulwark::testing::TempDir tmp;
    std::string format = recipe.value("format", "docker-save");
    fs::path out = tmp.path() / (format == "oci" ? "layout" : "image.tar");
    bulwark::testing::build_image(recipe, out);
    core::Policy policy = bulwark::testing::test_policy({rule});
    policy.today = recipe.value("today", "2026-01-15");
    policy.image_max_age_days = recipe.value("max_age_days", 90);
    engine::ImageScanResult r = engine::scan_image(out.string(), {}, policy);
    Outcome o;
    for (const core::Diagnostic& d : r.result.diagnostics) {
        if (d.level == core::DiagLevel::error) {
            o.diagnostics += core::format_diagnostic(d, nullptr);
        }
    }
    for (const core::Finding& f : r.result.findings) {
        o.all += "  " + f.rule_id + " " + f.location.pointer + " " + std::to_string(f.location.line) + ": " +
                 f.message + "\n";
        if (f.rule_id == rule && !f.suppressed) {
            o.findings.push_back(f);
        }
    }
    return o;
}

void check_outcome(const std::string& rule, const nlohmann::json& recipe, bool bad, const std::string& what) {
    Outcome o = run_recipe(rule, recipe);
    EXPECT_EQ(o.diagnostics, "") << what;
    if (!bad) {
        EXPECT_TRUE(o.findings.empty())
            << what << ": a good case must not trigger " << rule << "\nfindings:\n"
            << o.all;
        return;
    }
    EXPECT_FALSE(o.findings.empty()) << what << ": a bad case must trigger " << rule << "\nfindings:\n"
                                     << o.all;
    for (const nlohmann::json& p : recipe.value("expect", nlohmann::json::array())) {
        std::string pointer = p.get<std::string>();
        bool found = std::any_of(o.findings.begin(), o.findings.end(),
                                 [&](const core::Finding& f) { return f.location.pointer == pointer; });
        EXPECT_TRUE(found) << what << ": no " << rule << " finding at " << pointer << "\nfindings:\n"
                           << o.all;
    }
}

class ImageRuleCase : public ::testing::TestWithParam<ImageCase> {};

TEST_P(ImageRuleCase, FiresOnBadImagesOnly) {
    const ImageCase& c = GetParam();
    ASSERT_NE(rules::find_rule(c.rule), nullptr) << "no rule " << c.rule << " for " << c.file;
    std::ifstream in(c.file);
    nlohmann::json recipe;
    ASSERT_NO_THROW(recipe = nlohmann::json::parse(in)) << c.file;
    check_outcome(c.rule, recipe, c.bad, c.file.string());
}

std::string case_name(const ::testing::TestParamInfo<ImageCase>& info) {
    std::string stem = info.param.file.filename().string();
    stem = stem.substr(0, stem.size() - std::string(".image.json").size());
    return bulwark::testing::test_name(info.param.rule + "_" + stem);
}

INSTANTIATE_TEST_SUITE_P(Rules, ImageRuleCase, ::testing::ValuesIn(image_cases()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ImageRuleCase);

TEST(ImageRuleCases, ImageExamplesBehave) {
    for (const rules::Rule* r : rules::all_rules()) {
        if (r->example_kind != "image") {
            continue;
        }
        std::string id(r->id);
        nlohmann::json bad;
        nlohmann::json good;
        ASSERT_NO_THROW(bad = nlohmann::json::parse(r->bad_example)) << id << ": bad_example is not a recipe";
        ASSERT_NO_THROW(good = nlohmann::json::parse(r->good_example))
            << id << ": good_example is not a recipe";
        check_outcome(id, bad, true, id + " bad_example");
        check_outcome(id, good, false, id + " good_example");
    }
}

}  // namespace
