// Reports written a file at a time while a scan runs (Renderer::start, engine::ResultSink): the same
// bytes as rendering the whole report, when the report handed to finish() has lost the findings of
// the files already written and only Report::streamed counts them; and the scan's side of it.
#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "bulwark/core/fingerprint.hpp"
#include "bulwark/engine/scan.hpp"
#include "support/memory_fs.hpp"
#include "support/scan_helpers.hpp"
#include "test_render_fixture.hpp"

using namespace bulwark;

namespace {

/// `full` written as engine::scan with a sink does it: begin with the report-level part, each file
/// in order, then finish with a report whose files have no findings left.
std::string streamed(const report::Report& full, std::string_view format, report::RenderOptions options) {
    options.rule_lookup = test::render_rule;
    std::ostringstream out;
    std::unique_ptr<report::Renderer> renderer = report::find_renderer(format)->make();
    std::unique_ptr<report::ReportWriter> writer = renderer->start(out, full.tool_version, options);
    if (writer == nullptr) {
        ADD_FAILURE() << format << " does not stream";
        return {};
    }
    report::Report rest = full;
    rest.files.clear();
    writer->begin(rest);
    for (const report::FileResult& f : full.files) {
        writer->file(f);
        report::FileResult kept = f;
        for (const core::Finding& x : kept.findings) {
            rest.streamed.add(x);
        }
        kept.findings.clear();
        rest.files.push_back(kept);
    }
    writer->finish(rest);
    return out.str();
}

std::vector<report::RenderOptions> option_sets() {
    std::vector<report::RenderOptions> sets(4);
    sets[1].quiet = true;
    sets[2].show_suppressed = true;
    sets[3].color = true;
    return sets;
}

TEST(RenderStreamed, TextAndJsonWriteTheSameBytesAsTheWholeReport) {
    for (const report::Report& rep : {test::sample_report(), test::compact_report()}) {
        for (std::string_view format : {"text", "json"}) {
            for (const report::RenderOptions& options : option_sets()) {
                std::string whole = test::render(rep, format, options);
                EXPECT_FALSE(whole.empty());
                EXPECT_EQ(streamed(rep, format, options), whole) << format;
            }
        }
    }
}

TEST(RenderStreamed, TheSummaryCountsTheFindingsWrittenEarlier) {
    // Without the tally the streamed summary would say "0 findings" and PASS.
    report::Report rep = test::sample_report();
    std::string text = streamed(rep, "text", {});
    EXPECT_NE(text.find("findings:       3 (critical 1, high 1, medium 1, low 0, info 0)"), std::string::npos)
        << text;
    EXPECT_NE(text.find("suppressed:     1"), std::string::npos);
    EXPECT_NE(text.find("FAIL: 3 findings at or above medium"), std::string::npos);
    EXPECT_NE(text.find("Top recommendations"), std::string::npos);
}

TEST(RenderStreamed, FormatsThatNeedTheWholeReportFirstDoNotStream) {
    // SARIF lists the rules before the results, JUnit writes its totals first, checkstyle its
    // report-level diagnostics first, the SBOMs are one document per image.
    for (std::string_view format : {"sarif", "junit", "checkstyle", "cyclonedx", "spdx"}) {
        std::ostringstream out;
        std::unique_ptr<report::Renderer> renderer = report::find_renderer(format)->make();
        EXPECT_EQ(renderer->start(out, "9.9.9", {}), nullptr) << format;
    }
}

TEST(FindingTally, ReportCountsVerdictAndExitCodeIncludeIt) {
    report::Report whole = test::sample_report();
    report::Report rest = whole;
    for (report::FileResult& f : rest.files) {
        for (const core::Finding& x : f.findings) {
            rest.streamed.add(x);
        }
        f.findings.clear();
    }
    EXPECT_EQ(rest.counts(), whole.counts());
    EXPECT_EQ(rest.finding_count(), 3U);
    EXPECT_EQ(rest.suppressed_count(), 1U);
    for (core::Severity threshold : {core::Severity::info, core::Severity::high, core::Severity::critical}) {
        whole.fail_on = rest.fail_on = threshold;
        EXPECT_EQ(rest.failed(), whole.failed());
    }
    rest.fail_on = whole.fail_on = static_cast<core::Severity>(5);  // --fail-on none
    EXPECT_FALSE(rest.failed());
    EXPECT_EQ(rest.exit_code(), whole.exit_code());
}

/// Records what the scan hands on.
class RecordingSink final : public engine::ResultSink {
  public:
    void begin(const report::Report& head) override {
        ++begins;
        files_at_begin = head.files.size();
        diagnostics_at_begin = head.diagnostics.size();
    }
    void file(report::FileResult& result) override {
        EXPECT_EQ(begins, 1) << "begin() comes first";
        paths.push_back(result.path);
        findings.push_back(result.findings.size());
        had_source.push_back(result.source != nullptr);
    }
    int begins = 0;
    size_t files_at_begin = 99;
    size_t diagnostics_at_begin = 99;
    std::vector<std::string> paths;
    std::vector<size_t> findings;
    std::vector<bool> had_source;
};

TEST(ScanSink, FilesComeInOrderWithTheirFindingsThenTheReportKeepsOnlyCounts) {
    bulwark::testing::MemoryFs fs;
    std::vector<std::string> paths;
    for (int i = 0; i < 40; ++i) {  // more than a worker's chunk: workers finish out of order
        std::string path = "/p" + std::to_string(i) + "/Dockerfile";
        fs.files[path] = i % 3 == 0 ? "FROM ubuntu:latest\nUSER root\nRUN sudo apt-get install x\n"
                                    : "FROM alpine:3.20\nRUN [\"a\"\n";
        paths.push_back(path);
    }
    engine::ScanOptions opts;
    opts.cli_policy = bulwark::testing::test_policy();
    opts.paths = paths;
    opts.paths.push_back("/missing/Dockerfile");
    opts.keep_sources = false;
    report::Report whole;
    for (unsigned jobs : {1U, 2U, 4U}) {
        opts.jobs = jobs;
        opts.sink = nullptr;
        whole = engine::scan(fs, opts);
        RecordingSink sink;
        opts.sink = &sink;
        report::Report rest = engine::scan(fs, opts);

        EXPECT_EQ(sink.begins, 1);
        EXPECT_EQ(sink.files_at_begin, 0U);
        EXPECT_EQ(sink.diagnostics_at_begin, 1U);  // the missing path, known before any file
        ASSERT_EQ(sink.paths.size(), whole.files.size());
        ASSERT_EQ(rest.files.size(), whole.files.size());
        for (size_t i = 0; i < whole.files.size(); ++i) {
            EXPECT_EQ(sink.paths[i], whole.files[i].path);
            EXPECT_EQ(sink.findings[i], whole.files[i].findings.size()) << whole.files[i].path;
            EXPECT_TRUE(sink.had_source[i]) << "the sink sees the text a text report prints";
            EXPECT_TRUE(rest.files[i].findings.empty());
            // Their storage too: a vector emptied with `= {}` keeps its capacity (3.6 MB over the corpus).
            EXPECT_EQ(rest.files[i].findings.capacity(), 0U) << whole.files[i].path;
            EXPECT_EQ(rest.files[i].diagnostics.size(), whole.files[i].diagnostics.size());
            // Kept only where diagnostics are printed with their line, as without a sink.
            EXPECT_EQ(rest.files[i].source != nullptr, whole.files[i].source != nullptr);
        }
        EXPECT_GT(whole.finding_count(), 0U);
        EXPECT_EQ(rest.counts(), whole.counts());
        EXPECT_EQ(rest.exit_code(), whole.exit_code());
    }
}

TEST(ScanSink, FindingsBelowTheMinimumSeverityAreDroppedBeforeTheSink) {
    bulwark::testing::MemoryFs fs;
    fs.files["/a/Dockerfile"] = "FROM ubuntu:latest\nUSER root\nRUN sudo apt-get install x\n";
    engine::ScanOptions opts;
    opts.cli_policy = bulwark::testing::test_policy();
    opts.paths = {"/a/Dockerfile"};
    report::Report all = engine::scan(fs, opts);
    size_t high = 0;
    for (const core::Finding& x : all.files[0].findings) {
        high += x.severity >= core::Severity::high ? 1 : 0;
    }
    ASSERT_GT(high, 0U);
    ASSERT_LT(high, all.files[0].findings.size());  // some are below: the filter has work to do
    opts.min_severity = core::Severity::high;
    report::Report kept = engine::scan(fs, opts);
    EXPECT_EQ(kept.files[0].findings.size(), high);
    RecordingSink sink;
    opts.sink = &sink;
    engine::scan(fs, opts);
    ASSERT_EQ(sink.findings.size(), 1U);
    EXPECT_EQ(sink.findings[0], high);
}

TEST(ScanSink, TheBaselineIsAppliedBeforeTheSinkSeesAFile) {
    bulwark::testing::MemoryFs fs;
    fs.files["/a/Dockerfile"] = "FROM ubuntu:latest\nUSER root\n";
    fs.files["/b/Dockerfile"] = "FROM ubuntu:latest\nUSER root\n";
    engine::ScanOptions opts;
    opts.cli_policy = bulwark::testing::test_policy();
    opts.paths = {"/a/Dockerfile", "/b/Dockerfile"};
    report::Report first = engine::scan(fs, opts);
    ASSERT_GT(first.files[0].findings.size(), 0U);
    // A baseline of /a's findings only (each entry is matched once, in the report's order).
    std::string json = R"({"files":[{"findings":[)";
    for (size_t i = 0; i < first.files[0].findings.size(); ++i) {
        json += (i ? "," : "") + std::string(R"({"fingerprint":")") +
                core::fingerprint(first.files[0].findings[i]) + "\"}";
    }
    fs.files["/baseline.json"] = json + "]}]}";
    opts.baseline_path = "/baseline.json";
    RecordingSink sink;
    opts.sink = &sink;
    report::Report rest = engine::scan(fs, opts);
    ASSERT_EQ(sink.findings.size(), 2U);
    EXPECT_EQ(sink.findings[0], 0U);
    EXPECT_EQ(sink.findings[1], first.files[1].findings.size());
    EXPECT_EQ(rest.finding_count() + rest.suppressed_count(), first.files[1].findings.size());
}

}  // namespace
