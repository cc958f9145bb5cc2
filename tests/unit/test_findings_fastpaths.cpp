// Shortcuts in building and ordering findings must give the answers of the plain definitions:
// engine::finish_findings' key sort and in-place permutation, BD001's fix chosen without building
// the image name.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "bulwark/engine/rule_run.hpp"
#include "bulwark/model/image_ref.hpp"
#include "support/scan_helpers.hpp"

namespace bulwark::testing {
namespace {

/// The plain definition: a stable sort of whole findings.
std::vector<core::Finding> plainly_sorted(std::vector<core::Finding> findings) {
    std::stable_sort(findings.begin(), findings.end(), [](const core::Finding& a, const core::Finding& b) {
        return std::tie(a.location.file, a.location.line, a.location.column, a.rule_id) <
               std::tie(b.location.file, b.location.line, b.location.column, b.rule_id);
    });
    return findings;
}

/// Findings with few distinct positions and ids, so that ties are common; each message is unique,
/// which shows where every finding ended up. Ids include long ones equal in their first 8 bytes.
std::vector<core::Finding> random_findings(std::mt19937& rng, size_t n, bool several_files) {
    const std::vector<std::string> ids = {"BD001",         "BD010",          "BD002",    "DL3008",
                                          "custom-rule-2", "custom-rule-10", "custom-r", "BD0010"};
    const std::vector<std::string> files = {"b/Dockerfile", "a/Dockerfile", "a/Dockerfile.dev"};
    std::vector<core::Finding> out;
    for (size_t i = 0; i < n; ++i) {
        core::Finding f;
        f.rule_id = ids[rng() % ids.size()];
        f.location.file = several_files ? files[rng() % files.size()] : files[0];
        f.location.line = static_cast<uint32_t>(1 + rng() % 4);
        f.location.column = static_cast<uint32_t>(1 + rng() % 3);
        f.message = "finding " + std::to_string(i);
        f.evidence = std::string(20 + rng() % 30, 'x');  // a heap string: moves must carry it along
        out.push_back(std::move(f));
    }
    return out;
}

TEST(FindingsFastPaths, FinishFindingsOrdersAsAStableSortOfWholeFindings) {
    std::mt19937 rng(20261202);
    core::Policy policy;
    for (bool several_files : {false, true}) {
        for (size_t n : {0, 1, 2, 3, 7, 16, 17, 40, 200}) {
            for (int round = 0; round < 20; ++round) {
                report::FileResult result;
                result.path = "b/Dockerfile";
                result.findings = random_findings(rng, n, several_files);
                std::vector<core::Finding> expected = plainly_sorted(result.findings);
                engine::finish_findings(policy, result);
                ASSERT_EQ(result.findings.size(), expected.size());
                for (size_t i = 0; i < expected.size(); ++i) {
                    EXPECT_EQ(result.findings[i].message, expected[i].message) << "n=" << n << " at " << i;
                    EXPECT_EQ(result.findings[i].evidence, expected[i].evidence);
                    EXPECT_EQ(result.findings[i].rule_id, expected[i].rule_id);
                    EXPECT_EQ(result.findings[i].location, expected[i].location);
                }
            }
        }
    }
}

TEST(FindingsFastPaths, FinishFindingsKeepsNoGrowthSlack) {
    // The report keeps every file's findings to the end of a scan: neither the vector the rules
    // grew nor texts built by appending keep their spare capacity, sorted input or not.
    core::Policy policy;
    for (bool in_order : {true, false}) {
        report::FileResult result;
        result.path = "Dockerfile";
        result.findings.reserve(64);
        for (uint32_t line : {1U, 2U, 3U}) {
            core::Finding f;
            f.rule_id = "BD001";
            f.location = core::Location{"Dockerfile", in_order ? line : 4 - line, 1, 0, 0, {}};
            f.message.reserve(4096);
            f.message = std::string(100, 'm');
            f.fix.reserve(4096);
            f.fix = std::string(40, 'f');
            f.evidence = std::string(60, 'e');  // exact already: kept as it is
            result.findings.push_back(std::move(f));
        }
        engine::finish_findings(policy, result);
        ASSERT_EQ(result.findings.size(), 3U);
        EXPECT_EQ(result.findings.capacity(), 3U) << in_order;
        for (const core::Finding& f : result.findings) {
            EXPECT_EQ(f.message, std::string(100, 'm'));
            EXPECT_LE(f.message.capacity(), 100U + 100U / 4 + 16) << in_order;
            EXPECT_LE(f.fix.capacity(), 40U + 40U / 4 + 16) << in_order;
            EXPECT_EQ(f.evidence, std::string(60, 'e'));
        }
        EXPECT_EQ(result.findings[0].location.line, 1U);
    }
}

TEST(FindingsFastPaths, NoUserFixReadsTheImageNameAsShortNameColonTag) {
    for (const char* image :
         {"gcr.io/distroless/base:nonroot", "alpine:3.19", "myalpine.example.com/app:1",
          "docker.io/alpinetools/app:2", "example.com/tools/app:busybox", "ubuntu:22.04", "ubuntu:chiseled",
          "docker.io/library/ubuntu:22.04", "library/busybox:1", "randomorg/randomimage:1",
          "registry.example/chiseled/x:1", "docker.io/alpine-ish:1"}) {
        // The plain definition: search short_name():tag.
        std::optional<model::ImageRef> ref = model::parse_image_ref(image);
        ASSERT_TRUE(ref) << image;
        std::string name = ref->short_name() + ":" + ref->tag;
        auto has = [&](const char* word) { return name.find(word) != std::string::npos; };
        std::string expected = has("distroless") || has("chiseled") ? "USER 65532:65532"
                               : has("alpine") || has("busybox")
                                   ? "RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app\n"
                                     "USER 10001:10001"
                                   : "RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 "
                                     "--gid app --no-create-home app\nUSER 10001:10001";
        report::FileResult r =
            scan_text(std::string("FROM ") + image + "\nCMD [\"x\"]\n", test_policy({"BD001"}));
        for (const core::Finding& f : r.findings) {
            EXPECT_EQ(f.fix, expected) << image;
        }
        if (expected != "USER 65532:65532") {
            EXPECT_EQ(r.findings.size(), 1U) << image;  // the fix above was really checked
        }
    }
}

}  // namespace
}  // namespace bulwark::testing
