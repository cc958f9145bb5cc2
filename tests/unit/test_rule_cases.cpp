// Data-driven rule tests. Each rule has tests/data/rules/<ID>/ with bad* and good* case files. Add
// a case by adding a file. The extension says which input kind scans it: `.Dockerfile` a
// Dockerfile, `.yaml`/`.yml` a compose file, `.sh` a script with docker run lines, `.json` the
// rule's example_kind (daemon.json, seccomp profile), `.service`/`.conf` a systemd unit or drop-in
// running dockerd.
//
// In a case file:
//   `#! <ID>` (a comment line) marks that rule <ID> must report on the next line that is neither a
//   comment nor blank (continuation lines of a RUN count, so a marker can sit inside a RUN).
//   `#! build-arg NAME=VALUE`, `#! target NAME`, `#! trusted-registry R`, `#! allowed-image GLOB`,
//   `#! today YYYY-MM-DD` set options for the case.
//   `#! fix TEXT` and `#! message TEXT` (in a bad case) say what the rule's finding on the next line
//   that is neither a comment nor blank carries: exactly the one-line fix TEXT (`#! fix` alone: no
//   fix of its own), or a message that contains TEXT.
// A case that is a directory (`bad-copy-all/`) is a build context: its `Dockerfile` is scanned from
// disk with the files next to it (and its `.dockerignore`), and markers may also sit in the
// `.dockerignore` (`#!` lines are comments there too) for findings that point into it.
// JSON has no comments: a `.json` case lists its expected lines in a sibling `<file>.lines`
// (whitespace-separated line numbers) and takes no options.
// A bad case passes when the rule reports on exactly the marked lines (at least one). A good case
// passes when the rule reports nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bulwark/rules/rule.hpp"
#include "bulwark/util/strings.hpp"
#include "support/scan_helpers.hpp"
#include "support/test_names.hpp"

namespace fs = std::filesystem;
using namespace bulwark;

namespace {

struct Case {
    std::string rule;
    fs::path file;
    bool bad = false;
};

/// Every case; `.image.json` image recipes (run by test_image_rule_cases.cpp) only with `images`.
std::vector<Case> all_cases(bool images = false) {
    std::vector<Case> cases;
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
            bool bad = util::starts_with(name, "bad");
            bool good = util::starts_with(name, "good");
            if (util::ends_with(name, ".lines") || (!images && util::ends_with(name, ".image.json"))) {
                continue;
            }
            if ((bad || good) && f.is_directory()) {
                cases.push_back(Case{dir.path().filename().string(), f.path() / "Dockerfile", bad});
            } else if (bad || good) {
                cases.push_back(Case{dir.path().filename().string(), f.path(), bad});
            }
        }
    }
    std::sort(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.file < b.file; });
    return cases;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// What a finding on `line` must carry: `fix` is its whole fix, `message` part of its message.
struct Expectation {
    uint32_t line = 0;
    std::string what;  // "fix" or "message"
    std::string text;
};

/// The line a `#!` comment at index `i` of `lines` speaks of (1-based), or 0.
uint32_t target_line(const std::vector<std::string>& lines, size_t i) {
    for (size_t j = i + 1; j < lines.size(); ++j) {
        std::string_view n = util::trim(lines[j]);
        if (!n.empty() && n[0] != '#') {
            return static_cast<uint32_t>(j + 1);
        }
    }
    return 0;
}

/// Expected lines for `rule` and the options, from `#!` comments; `#! fix` and `#! message` lines
/// go to `expectations` when it is given.
std::vector<uint32_t> parse_markers(const std::string& text, const std::string& rule, core::Policy& policy,
                                    std::vector<Expectation>* expectations = nullptr) {
    std::vector<std::string> lines;
    std::stringstream ss(text);
    for (std::string l; std::getline(ss, l);) {
        lines.push_back(l);
    }
    std::vector<uint32_t> expected;
    for (size_t i = 0; i < lines.size(); ++i) {
        std::string_view l = util::trim(lines[i]);
        if (!util::starts_with(l, "#!")) {
            continue;
        }
        std::string_view body = util::trim(l.substr(2));
        size_t sp = body.find(' ');
        std::string_view key = body.substr(0, sp);
        std::string value(sp == std::string_view::npos ? "" : util::trim(body.substr(sp + 1)));
        if (key == "build-arg") {
            size_t eq = value.find('=');
            policy.build_args[value.substr(0, eq)] = eq == std::string::npos ? "" : value.substr(eq + 1);
        } else if (key == "target") {
            policy.target = value;
        } else if (key == "trusted-registry") {
            policy.trusted_registries.push_back(value);
        } else if (key == "allowed-image") {
            policy.allowed_images.push_back(value);
        } else if (key == "today") {
            policy.today = value;
        } else if ((key == "fix" || key == "message") && expectations != nullptr) {
            expectations->push_back(Expectation{target_line(lines, i), std::string(key), value});
        } else if (key == rule) {
            if (uint32_t line = target_line(lines, i); line != 0) {
                expected.push_back(line);
            }
        }
    }
    return expected;
}

/// The input kind that scans a case file.
std::string kind_of(const Case& c) {
    std::string ext = c.file.extension().string();
    if (ext == ".yaml" || ext == ".yml") {
        return "compose";
    }
    if (ext == ".sh") {
        return "script";
    }
    if (ext == ".service" || ext == ".conf") {
        return "dockerd";  // a systemd unit or drop-in with a dockerd command line
    }
    if (ext == ".json") {
        const rules::Rule* r = rules::find_rule(c.rule);
        return r != nullptr ? std::string(r->example_kind) : "dockerfile";
    }
    return "dockerfile";
}

/// Expected lines of a `.json` case, from its `.lines` sidecar.
std::vector<uint32_t> sidecar_lines(const fs::path& file) {
    std::vector<uint32_t> out;
    std::ifstream in(file.string() + ".lines");
    for (uint32_t n = 0; in >> n;) {
        out.push_back(n);
    }
    return out;
}

class RuleCase : public ::testing::TestWithParam<Case> {};

TEST_P(RuleCase, ReportsExactlyOnMarkedLines) {
    const Case& c = GetParam();
    ASSERT_NE(rules::find_rule(c.rule), nullptr) << "no rule " << c.rule << " for " << c.file;
    std::string text = read_file(c.file);
    core::Policy policy = bulwark::testing::test_policy({c.rule});
    std::string kind = kind_of(c);
    std::vector<Expectation> expectations;
    std::vector<uint32_t> expected = c.file.extension() == ".json"
                                         ? sidecar_lines(c.file)
                                         : parse_markers(text, c.rule, policy, &expectations);
    fs::path ignore = c.file.parent_path() / ".dockerignore";
    if (c.file.filename() == "Dockerfile" && fs::exists(ignore)) {
        core::Policy unused;
        for (uint32_t line : parse_markers(read_file(ignore), c.rule, unused)) {
            expected.push_back(line);
        }
    }
    report::FileResult r = bulwark::testing::scan_text_as(kind, text, policy, c.file.string());
    std::vector<uint32_t> got = bulwark::testing::lines_of(r, c.rule);
    std::sort(got.begin(), got.end());
    std::sort(expected.begin(), expected.end());
    std::string messages;
    for (const core::Finding& f : r.findings) {
        messages += "  " + std::to_string(f.location.line) + ": " + f.message + "\n";
    }
    if (c.bad) {
        ASSERT_FALSE(expected.empty())
            << c.file << ": a bad case needs at least one '#! " << c.rule << "' marker";
    } else {
        ASSERT_TRUE(expected.empty()) << c.file << ": a good case must not have markers";
    }
    EXPECT_EQ(got, expected) << c.file << "\nfindings:\n" << messages;
    for (const Expectation& e : expectations) {
        ASSERT_TRUE(c.bad) << c.file << ": '#! " << e.what << "' belongs in a bad case";
        bool met = false;
        std::string seen;
        for (const core::Finding& f : r.findings) {
            if (f.rule_id != c.rule || f.location.line != e.line) {
                continue;
            }
            met = met || (e.what == "fix" ? f.fix == e.text : f.message.find(e.text) != std::string::npos);
            seen += "  " + (e.what == "fix" ? f.fix : f.message) + "\n";
        }
        EXPECT_TRUE(met) << c.file << ":" << e.line << ": no " << c.rule << " finding with the " << e.what
                         << " '" << e.text << "'; found:\n"
                         << seen;
    }
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
    const fs::path& f = info.param.file;
    return bulwark::testing::test_name(
        info.param.rule + "_" +
        (f.filename() == "Dockerfile" ? f.parent_path().filename() : f.stem()).string());
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleCase, ::testing::ValuesIn(all_cases()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleCase);

TEST(RuleCases, EveryRuleHasGoodAndBadCases) {
    std::vector<Case> cases = all_cases(true);
    for (const rules::Rule* r : rules::all_rules()) {
        bool bad = false;
        bool good = false;
        for (const Case& c : cases) {
            if (c.rule == r->id) {
                (c.bad ? bad : good) = true;
            }
        }
        EXPECT_TRUE(bad) << r->id << " has no bad case in tests/data/rules/" << r->id;
        EXPECT_TRUE(good) << r->id << " has no good case in tests/data/rules/" << r->id;
    }
}

TEST(RuleCases, DocumentedExamplesBehave) {
    for (const rules::Rule* r : rules::all_rules()) {
        if (r->check_context != nullptr) {
            continue;  // an example of a build context is a directory: its directory cases cover it
        }
        if (r->example_kind == "image") {
            continue;  // image recipes: test_image_rule_cases.cpp builds and scans them (ImageExamplesBehave)
        }
        // The policy the examples of BD013 and BD018 state in their leading comment.
        core::Policy policy = bulwark::testing::test_policy({std::string(r->id)});
        policy.trusted_registries = {"registry.corp.example"};
        policy.allowed_images = {"debian:12*"};
        // A file name the example's input kind claims (compose.yaml, daemon.json ...).
        std::string name = r->example_kind == "dockerfile" ? "Dockerfile" : "example";
        for (const engine::InputKind& k : engine::input_kinds()) {
            for (const char* candidate :
                 {"Dockerfile", "compose.yaml", "daemon.json", "seccomp.json", "run.sh"}) {
                if (k.name == r->example_kind && k.claims(candidate)) {
                    name = candidate;
                }
            }
        }
        auto bad =
            bulwark::testing::scan_text_as(r->example_kind, std::string(r->bad_example) + "\n", policy, name);
        auto good = bulwark::testing::scan_text_as(r->example_kind, std::string(r->good_example) + "\n",
                                                   policy, name);
        EXPECT_NE(engine::find_input_kind(r->example_kind), nullptr) << r->id << ": unknown example_kind";
        EXPECT_FALSE(bulwark::testing::lines_of(bad, std::string(r->id)).empty())
            << r->id << ": bad_example does not trigger the rule";
        EXPECT_TRUE(bulwark::testing::lines_of(good, std::string(r->id)).empty())
            << r->id << ": good_example triggers the rule";
    }
}

}  // namespace
