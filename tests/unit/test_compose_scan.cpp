// The "compose" input kind: which names it claims, the scan (rules, diagnostics, override files),
// inline `# bulwark ignore=` comments and `--compose-file`.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "bulwark/engine/compose_scan.hpp"
#include "bulwark/engine/inputs.hpp"
#include "bulwark/engine/scan.hpp"
#include "compose_test_helpers.hpp"
#include "support/forwarding_fs.hpp"
#include "support/scan_helpers.hpp"

namespace bulwark {
namespace {

using testing::MemoryFs;

const char* const k_privileged =
    "services:\n"
    "  web:\n"
    "    image: nginx:1.25\n"
    "    privileged: true\n"
    "  db:\n"
    "    image: postgres:16\n"
    "    privileged: true\n";

report::FileResult scan_in(const MemoryFs& fs, const std::string& path, const core::Policy& policy) {
    const engine::InputKind* kind = engine::find_input_kind("compose");
    EXPECT_NE(kind, nullptr);
    auto source = std::make_shared<const util::SourceFile>(path, fs.files.at(path));
    return kind->scan(source, engine::InputContext{fs, policy});
}

/// A rule id reported (unsuppressed) on `line`, or empty.
std::string rule_on_line(const report::FileResult& r, uint32_t line) {
    for (const core::Finding& f : r.findings) {
        if (f.location.line == line && !f.suppressed) {
            return f.rule_id;
        }
    }
    return {};
}

/// Options of a one-thread scan of `paths` and the project merged from `compose_files`.
engine::ScanOptions scan_options(std::vector<std::string> paths, std::vector<std::string> compose_files) {
    engine::ScanOptions opts;
    opts.cli_policy = bulwark::testing::test_policy();
    opts.paths = std::move(paths);
    opts.compose_files = std::move(compose_files);
    opts.jobs = 1;
    return opts;
}

/// The one diagnostic of a report of one file, formatted; empty after a test failure when there is not
/// exactly one.
std::string sole_diagnostic(const report::Report& rep) {
    if (rep.files.size() != 1 || rep.files[0].diagnostics.size() != 1) {
        ADD_FAILURE() << rep.files.size() << " files, not one with one diagnostic";
        return {};
    }
    return core::format_diagnostic(rep.files[0].diagnostics[0], nullptr);
}

size_t suppressed_on_line(const report::FileResult& r, uint32_t line) {
    size_t n = 0;
    for (const core::Finding& f : r.findings) {
        n += (f.location.line == line && f.suppressed) ? 1 : 0;
    }
    return n;
}

TEST(ComposeScan, ClaimsComposeNames) {
    const engine::InputKind* compose = engine::find_input_kind("compose");
    ASSERT_NE(compose, nullptr);
    for (const char* path : {"compose.yaml", "compose.yml", "docker-compose.yaml", "a/docker-compose.yml",
                             "x/Docker-Compose.Prod.YML", "compose.dev.yaml", "compose.override.yml"}) {
        EXPECT_EQ(engine::kind_for_path(path), compose) << path;
    }
    for (const char* path : {"compose.json", "my-compose.yml", "compose", "docker-compose.yml.bak"}) {
        EXPECT_NE(engine::kind_for_path(path), compose) << path;
    }
}

TEST(ComposeScan, RunsContainerRulesAtTheirLines) {
    MemoryFs fs;
    fs.files["compose.yaml"] = k_privileged;
    report::FileResult r = scan_in(fs, "compose.yaml", bulwark::testing::test_policy());
    EXPECT_TRUE(r.diagnostics.empty());
    if (rule_on_line(r, 4).empty()) {
        GTEST_SKIP() << "no container rule reports privileged: true yet";
    }
    EXPECT_NE(rule_on_line(r, 7), "");
    EXPECT_EQ(r.path, "compose.yaml");
}

TEST(ComposeScan, IgnoreCommentAboveAKeySuppressesWithinIt) {
    MemoryFs fs;
    fs.files["compose.yaml"] = k_privileged;
    std::string id = rule_on_line(scan_in(fs, "compose.yaml", bulwark::testing::test_policy()), 4);
    if (id.empty()) {
        GTEST_SKIP() << "no container rule reports privileged: true yet";
    }
    // Above the service key: covers the whole service (lines 3-5 after the insert), not db.
    fs.files["compose.yaml"] =
        "services:\n  # bulwark ignore=" + id +
        " reason=\"needs it\"\n  web:\n    image: nginx:1.25\n    privileged: true\n  db:\n    "
        "image: postgres:16\n    privileged: true\n";
    report::FileResult r = scan_in(fs, "compose.yaml", bulwark::testing::test_policy());
    EXPECT_TRUE(r.diagnostics.empty());
    EXPECT_EQ(suppressed_on_line(r, 5), 1U);
    EXPECT_EQ(rule_on_line(r, 8), id);
    for (const core::Finding& f : r.findings) {
        if (f.suppressed) {
            EXPECT_EQ(f.suppression, "inline: needs it");
        }
    }
    // Above the key itself, and the whole file.
    fs.files["compose.yaml"] = "services:\n  web:\n    # bulwark ignore=" + id + "\n    privileged: true\n";
    EXPECT_EQ(suppressed_on_line(scan_in(fs, "compose.yaml", bulwark::testing::test_policy()), 4), 1U);
    fs.files["compose.yaml"] = "# bulwark ignore-file=" + id + "\n" + k_privileged;
    report::FileResult whole = scan_in(fs, "compose.yaml", bulwark::testing::test_policy());
    EXPECT_EQ(rule_on_line(whole, 5), "");
    EXPECT_EQ(rule_on_line(whole, 8), "");
}

TEST(ComposeScan, IgnoreCommentAboveAnEmptyKeyCoversOnlyThatKey) {
    // `ports:` with no value, or with one empty item: the value ends on the key's (or the item's)
    // line, so the comment does not reach `privileged: true` below it.
    MemoryFs fs;
    for (const char* empty : {"", "\n    -"}) {
        fs.files["compose.yaml"] = std::string(
                                       "services:\n  web:\n    image: nginx:1.25\n    # bulwark "
                                       "ignore=BD100\n    ports:") +
                                   empty + "\n    privileged: true\n";
        report::FileResult r = scan_in(fs, "compose.yaml", bulwark::testing::test_policy());
        uint32_t line = *empty == '\0' ? 6 : 7;
        EXPECT_EQ(rule_on_line(r, line), "BD100") << fs.files["compose.yaml"];
        EXPECT_EQ(suppressed_on_line(r, line), 0U);
    }
}

TEST(ComposeScan, BadIgnoreCommentsAreWarnings) {
    MemoryFs fs;
    fs.files["compose.yaml"] =
        "services:\n  web:\n    # bulwark ignore=NOPE123\n    image: x\n    # bulwark ignore=all\n    user: "
        "root\n# bulwark ignore=BD100\n";
    report::FileResult r = scan_in(fs, "compose.yaml", bulwark::testing::test_policy());
    std::string text;
    for (const core::Diagnostic& d : r.diagnostics) {
        text += core::format_diagnostic(d, nullptr);
    }
    EXPECT_EQ(
        text,
        "compose.yaml:3:22: warning: unknown rule id 'NOPE123' in ignore comment\n"
        "compose.yaml:5:22: warning: 'all' is not accepted in an ignore: name the rule ids (an ignore-all "
        "would also hide rules added later)\n"
        "compose.yaml:7:2: warning: ignore comment is not followed by a key; it has no effect\n");
}

TEST(ComposeScan, DiagnosticsOfTheLoaderAreReported) {
    MemoryFs fs;
    fs.files["compose.yaml"] = "services:\n  web:\n    privilegd: true\n";
    report::FileResult r = scan_in(fs, "compose.yaml", bulwark::testing::test_policy());
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(
        core::format_diagnostic(r.diagnostics[0], r.source.get()),
        "compose.yaml:3:5: warning: unknown key 'privilegd' in service 'web' (did you mean 'privileged'?)\n"
        "    privilegd: true\n"
        "    ^\n");
}

/// True when a finding (unsuppressed) is at `file`:`line`.
bool finding_at(const report::FileResult& r, const std::string& file, uint32_t line) {
    for (const core::Finding& f : r.findings) {
        if (f.location.file == file && f.location.line == line && !f.suppressed) {
            return true;
        }
    }
    return false;
}

/// The result of input `path` in `rep` (a failure and an empty result when there is none).
const report::FileResult& result_of(const report::Report& rep, const std::string& path) {
    static const report::FileResult none;
    for (const report::FileResult& f : rep.files) {
        if (f.path == path) {
            return f;
        }
    }
    ADD_FAILURE() << "no result for " << path;
    return none;
}

TEST(ComposeScan, OverrideIsScannedWithItsBase) {
    MemoryFs fs;
    fs.files["p/compose.yaml"] = "services:\n  web:\n    image: nginx:1.25\n";
    fs.files["p/compose.override.yaml"] = "services:\n  web:\n    privileged: true\n";
    // Both scanned: the base's result has the findings of both files, the override's a note.
    report::Report both = engine::scan(fs, scan_options({"p"}, {}));
    ASSERT_EQ(both.files.size(), 2U);
    const report::FileResult& over = result_of(both, "p/compose.override.yaml");
    EXPECT_TRUE(over.findings.empty());
    ASSERT_EQ(over.diagnostics.size(), 1U);
    EXPECT_EQ(
        core::format_diagnostic(over.diagnostics[0], nullptr),
        "p/compose.override.yaml: note: merged into p/compose.yaml as docker compose does; its findings are "
        "reported there\n");
    const report::FileResult& base = result_of(both, "p/compose.yaml");
    EXPECT_TRUE(base.diagnostics.empty());
    EXPECT_EQ(rule_on_line(base, 3), "BD100");
    EXPECT_TRUE(finding_at(base, "p/compose.override.yaml", 3));
}

TEST(ComposeScan, OverrideWithoutItsBaseAmongTheInputsIsScannedMergedOntoIt) {
    MemoryFs fs;
    fs.files["p/compose.yaml"] = "services:\n  web:\n    image: nginx:1.25\n";
    fs.files["p/compose.override.yaml"] = "services:\n  web:\n    privileged: true\n";
    const std::string note =
        "p/compose.override.yaml: note: merged onto p/compose.yaml as docker compose does and reported here, "
        "since p/compose.yaml is not among the scanned files\n";
    // `bulwark scan p/compose.override.yaml`, and `bulwark scan p --skip compose.yaml`.
    engine::ScanOptions skipped = scan_options({"p"}, {});
    skipped.skip = {"compose.yaml"};
    for (const engine::ScanOptions& opts : {scan_options({"p/compose.override.yaml"}, {}), skipped}) {
        report::Report rep = engine::scan(fs, opts);
        ASSERT_EQ(rep.files.size(), 1U);
        const report::FileResult& over = result_of(rep, "p/compose.override.yaml");
        ASSERT_EQ(over.diagnostics.size(), 1U);
        EXPECT_EQ(core::format_diagnostic(over.diagnostics[0], nullptr), note);
        EXPECT_TRUE(finding_at(over, "p/compose.override.yaml", 3));
        EXPECT_TRUE(
            finding_at(over, "p/compose.yaml", 2));  // the service is the base's (no memory limit ...)
    }

    // A base that cannot be read: the override alone, and why.
    bulwark::testing::DenyingReadFs denying(fs, "p/compose.yaml");
    report::Report alone = engine::scan(denying, scan_options({"p/compose.override.yaml"}, {}));
    EXPECT_EQ(
        sole_diagnostic(alone),
        "p/compose.override.yaml: warning: cannot read its base file p/compose.yaml: Permission denied; "
        "scanned alone\n");
    ASSERT_EQ(alone.files.size(), 1U);
    EXPECT_TRUE(finding_at(alone.files[0], "p/compose.override.yaml", 3));
    EXPECT_FALSE(finding_at(alone.files[0], "p/compose.yaml", 2));

    // A base over --max-file-size is refused like any file over it.
    fs.files["p/compose.yaml"] += "# " + std::string(100, 'x') + "\n";
    engine::ScanOptions limited = scan_options({"p/compose.override.yaml"}, {});
    limited.max_file_size = 100;
    EXPECT_EQ(
        sole_diagnostic(engine::scan(fs, limited)),
        "p/compose.override.yaml: warning: cannot read its base file p/compose.yaml: file too large: 142 "
        "bytes (limit 100 bytes, see --max-file-size); scanned alone\n");
}

TEST(ComposeScan, ComposeFileOptionMergesInOrder) {
    MemoryFs fs;
    fs.files["p/base.yaml"] = "services:\n  web:\n    image: nginx:1.25\n    privileged: false\n";
    fs.files["p/prod.yaml"] = "services:\n  web:\n    privileged: true\n";
    engine::ScanOptions opts = scan_options({}, {"p/base.yaml", "p/prod.yaml"});
    report::Report rep = engine::scan(fs, opts);
    ASSERT_EQ(rep.files.size(), 1U);
    EXPECT_EQ(rep.files[0].path, "p/base.yaml");
    EXPECT_EQ(rep.files[0].kind, "compose");
    EXPECT_TRUE(rep.files[0].diagnostics.empty());
    bool privileged_reported = finding_at(rep.files[0], "p/prod.yaml", 3);
    opts.compose_files = {"p/prod.yaml", "p/base.yaml"};
    report::Report reversed = engine::scan(fs, opts);
    ASSERT_EQ(reversed.files.size(), 1U);
    EXPECT_FALSE(finding_at(reversed.files[0], "p/prod.yaml", 3));  // privileged: false from base.yaml wins
    opts.compose_files = {"p/missing.yaml"};
    report::Report missing = engine::scan(fs, opts);
    ASSERT_EQ(missing.files.size(), 1U);
    ASSERT_EQ(missing.files[0].diagnostics.size(), 1U);
    EXPECT_EQ(missing.files[0].diagnostics[0].level, core::DiagLevel::error);
    if (!privileged_reported) {
        GTEST_SKIP() << "no container rule reports privileged: true yet";
    }
}

TEST(ComposeScan, ComposeFileOptionReportsItsConfig) {
    MemoryFs fs;
    fs.files["/repo/compose.yaml"] = "services:\n  web:\n    image: nginx:1.25\n";
    fs.files["/repo/.bulwark.yaml"] = "rules:\n  x: [\n  a: {\n";
    engine::ScanOptions opts = scan_options({}, {"/repo/compose.yaml"});
    report::Report rep = engine::scan(fs, opts);
    ASSERT_EQ(rep.files.size(), 1U);
    ASSERT_EQ(rep.diagnostics.size(), 1U);
    EXPECT_EQ(rep.diagnostics[0].level, core::DiagLevel::error);
    EXPECT_EQ(rep.diagnostics[0].location.file, "/repo/.bulwark.yaml");
    EXPECT_TRUE(rep.diagnostics[0].message.starts_with("invalid YAML")) << rep.diagnostics[0].message;

    // The same config found again for a positional input in that directory is reported once.
    opts.paths = {"/repo/compose.yaml"};
    EXPECT_EQ(engine::scan(fs, opts).diagnostics.size(), 1U);

    opts.paths.clear();
    opts.trust.explicit_config = "/nonexistent.yaml";
    report::Report missing = engine::scan(fs, opts);
    ASSERT_EQ(missing.diagnostics.size(), 1U);
    EXPECT_EQ(core::format_diagnostic(missing.diagnostics[0], nullptr),
              "/nonexistent.yaml: error: cannot read config: No such file or directory\n");
}

}  // namespace
}  // namespace bulwark
