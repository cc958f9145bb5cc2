// The text renderer: exact output for a hand-built report (see test_render_fixture.hpp).
#include <gtest/gtest.h>

#include "test_render_fixture.hpp"

using namespace bulwark;
using test::render;

namespace {

const char* const k_sample_findings =
    "app/Dockerfile (3 findings)\n"
    "\n"
    "app/Dockerfile:1:6: high TST001 base image 'ubuntu:latest' uses a mutable tag\n"
    "FROM ubuntu:latest\n"
    "     ^~~~~~~~~~~~~\n"
    "  fix: FROM ubuntu:24.04@sha256:<digest>\n"
    "\n"
    "app/Dockerfile:2:5: medium TST002 ENV TOKEN looks like a secret\n"
    "ENV TOKEN=abc\n"
    "    ^~~~~~~~~\n"
    "  fix: Pass secrets with RUN --mount=type=secret.\n"
    "\n"
    "app/Dockerfile:3:6: critical TST003 curl output piped to sh\n"
    "\tRUN curl x | sh\n"
    "\t    ^~~~~~~~~~~\n"
    "  fix: Download, verify a checksum, then run.\n"
    "\n"
    "broken/Dockerfile (1 error)\n"
    "\n"
    "broken/Dockerfile:2:5: error: unterminated JSON array\n"
    "RUN [\"a\"\n"
    "    ^\n"
    "\n";

const char* const k_sample_summary =
    "Summary\n"
    "  files scanned:  3 (1 clean)\n"
    "  findings:       3 (critical 1, high 1, medium 1, low 0, info 0)\n"
    "  suppressed:     1\n"
    "  input errors:   1\n"
    "  note: config x/.bulwark.yaml ignored: untrusted (use --trust-config)\n"
    "\n"
    "Top recommendations\n"
    "  1. TST003 Remote script piped to a shell (critical, 1 finding)\n"
    "     Download, verify a checksum, then run.\n"
    "  2. TST001 Base image uses a mutable tag (high, 1 finding)\n"
    "     Pin the base image by digest.\n"
    "  3. TST002 Secret in ENV (medium, 1 finding)\n"
    "     Pass secrets with RUN --mount=type=secret.\n"
    "\n"
    "FAIL: 3 findings at or above medium; 1 input error (exit code 2)\n";

report::Report findings_only() {
    report::Report rep = test::sample_report();
    rep.files.erase(rep.files.begin() + 1);  // drop the file with the parse error
    rep.notes.clear();
    return rep;
}

}  // namespace

TEST(RenderText, GoldenSample) {
    EXPECT_EQ(render(test::sample_report(), "text"), std::string(k_sample_findings) + k_sample_summary);
}

TEST(RenderText, QuietPrintsFindingsAndErrorsWithoutHeadersOrSummary) {
    report::RenderOptions o;
    o.quiet = true;
    EXPECT_EQ(render(test::sample_report(), "text", o),
              "app/Dockerfile:1:6: high TST001 base image 'ubuntu:latest' uses a mutable tag\n"
              "FROM ubuntu:latest\n"
              "     ^~~~~~~~~~~~~\n"
              "  fix: FROM ubuntu:24.04@sha256:<digest>\n"
              "\n"
              "app/Dockerfile:2:5: medium TST002 ENV TOKEN looks like a secret\n"
              "ENV TOKEN=abc\n"
              "    ^~~~~~~~~\n"
              "  fix: Pass secrets with RUN --mount=type=secret.\n"
              "\n"
              "app/Dockerfile:3:6: critical TST003 curl output piped to sh\n"
              "\tRUN curl x | sh\n"
              "\t    ^~~~~~~~~~~\n"
              "  fix: Download, verify a checksum, then run.\n"
              "\n"
              "broken/Dockerfile:2:5: error: unterminated JSON array\n"
              "RUN [\"a\"\n"
              "    ^\n"
              "\n");
}

TEST(RenderText, SuppressedFindingsOnlyOnRequestAndMarked) {
    std::string hidden = render(test::sample_report(), "text");
    EXPECT_EQ(hidden.find("suppressed: inline"), std::string::npos);

    report::RenderOptions o;
    o.show_suppressed = true;
    std::string shown = render(test::sample_report(), "text", o);
    EXPECT_NE(shown.find("app/Dockerfile (3 findings, 1 suppressed)\n"), std::string::npos);
    EXPECT_NE(shown.find("app/Dockerfile:2:5: medium TST002 ENV TOKEN looks like a secret\n"
                         "ENV TOKEN=abc\n"
                         "    ^~~~~~~~~\n"
                         "  fix: Pass secrets with RUN --mount=type=secret.\n"
                         "  suppressed: inline: test token\n"),
              std::string::npos);
    // Suppressed findings never count towards the verdict.
    EXPECT_NE(shown.find("FAIL: 3 findings at or above medium"), std::string::npos);
}

TEST(RenderText, FileWithOnlySuppressedFindingsIsNotListed) {
    report::Report rep = findings_only();
    std::erase_if(rep.files[0].findings, [](const core::Finding& x) { return !x.suppressed; });
    EXPECT_EQ(render(rep, "text"),
              "Summary\n"
              "  files scanned:  2 (2 clean)\n"
              "  findings:       0 (critical 0, high 0, medium 0, low 0, info 0)\n"
              "  suppressed:     1\n"
              "  input errors:   0\n"
              "\n"
              "PASS: no finding at or above medium (exit code 0)\n");
}

TEST(RenderText, ColourOnlyWhenAsked) {
    std::string plain = render(test::sample_report(), "text");
    EXPECT_EQ(plain.find('\x1b'), std::string::npos);

    report::RenderOptions o;
    o.color = true;
    std::string coloured = render(test::sample_report(), "text", o);
    EXPECT_NE(coloured.find(
                  "\x1b[1mapp/Dockerfile:1:6:\x1b[0m \x1b[31mhigh\x1b[0m \x1b[1mTST001\x1b[0m base image"),
              std::string::npos);
    EXPECT_NE(coloured.find("\x1b[1;31mcritical\x1b[0m \x1b[1mTST003\x1b[0m"), std::string::npos);
    EXPECT_NE(coloured.find("\x1b[33mmedium\x1b[0m"), std::string::npos);
    EXPECT_NE(coloured.find("     \x1b[32m^~~~~~~~~~~~~\x1b[0m\n"), std::string::npos);
    EXPECT_NE(coloured.find("\x1b[1;31mFAIL:\x1b[0m 3 findings"), std::string::npos);
    // Stripping the escapes gives back the plain output.
    std::string stripped;
    for (size_t i = 0; i < coloured.size(); ++i) {
        if (coloured[i] == '\x1b') {
            i = coloured.find('m', i);
            continue;
        }
        stripped += coloured[i];
    }
    EXPECT_EQ(stripped, plain);
}

TEST(RenderText, VerdictFollowsFailOn) {
    report::Report rep = findings_only();
    rep.fail_on = core::Severity::critical;
    std::string out = render(rep, "text");
    EXPECT_NE(out.find("\nFAIL: 1 finding at or above critical (exit code 1)\n"), std::string::npos);

    rep.files[0].findings.pop_back();  // the critical one
    out = render(rep, "text");
    EXPECT_NE(out.find("\nPASS: no finding at or above critical (exit code 0)\n"), std::string::npos);

    rep.fail_on = static_cast<core::Severity>(static_cast<int>(core::Severity::critical) + 1);
    out = render(rep, "text");
    EXPECT_NE(out.find("\nPASS: no failure threshold (--fail-on none) (exit code 0)\n"), std::string::npos);
}

TEST(RenderText, TopRecommendationsRankBySeverityThenCountAndStopAtFive) {
    report::Report rep;
    rep.tool_version = "9.9.9";
    report::FileResult f;
    f.path = "Dockerfile";
    auto add = [&f](std::string id, core::Severity s, int n) {
        for (int i = 0; i < n; ++i) {
            f.findings.push_back(
                test::make_finding(id, s, "m", {"Dockerfile", 0, 0, 0, 0, {}}, "", "do " + id));
        }
    };
    add("TST002", core::Severity::medium, 1);
    add("TST001", core::Severity::high, 1);
    add("ZZZ001", core::Severity::low, 4);  // not in the rule table: advice comes from the finding's fix
    add("ZZZ002", core::Severity::high, 3);
    add("ZZZ003", core::Severity::info, 9);
    add("ZZZ004", core::Severity::low, 2);
    for (core::Finding& x : f.findings) {
        if (x.rule_id == "ZZZ002") {
            x.fix = "Use `a. b` (e.g. this). Then more.\nSecond line.";
        }
    }
    rep.files.push_back(f);
    std::string out = render(rep, "text");
    size_t top = out.find("Top recommendations\n");
    ASSERT_NE(top, std::string::npos);
    EXPECT_EQ(out.substr(top, out.find("\n\n", top) - top + 1),
              "Top recommendations\n"
              "  1. ZZZ002 (high, 3 findings)\n"
              "     Use `a. b` (e.g. this).\n"
              "  2. TST001 Base image uses a mutable tag (high, 1 finding)\n"
              "     Pin the base image by digest.\n"
              "  3. TST002 Secret in ENV (medium, 1 finding)\n"
              "     Pass secrets with RUN --mount=type=secret.\n"
              "  4. ZZZ001 (low, 4 findings)\n"
              "     do ZZZ001\n"
              "  5. ZZZ004 (low, 2 findings)\n"
              "     do ZZZ004\n");
    // Without a line, a finding is printed without source or caret.
    EXPECT_NE(out.find("Dockerfile: info ZZZ003 m\n  fix: do ZZZ003\n"), std::string::npos);
}

TEST(RenderText, ReportDiagnosticsComeFirstAndMultiLineRangesUnderlineToEndOfLine) {
    report::Report rep;
    rep.diagnostics.push_back(
        core::Diagnostic{core::DiagLevel::error, {"missing/Dockerfile", 0, 0, 0, 0, {}}, "no such file"});
    report::FileResult f;
    f.path = "Dockerfile";
    f.source = std::make_shared<const util::SourceFile>("Dockerfile", "RUN a \\\n    b\n");
    f.findings.push_back(test::make_finding("TST003", core::Severity::critical, "multi",
                                            {"Dockerfile", 1, 5, 2, 5, {}}, "RUN a \\"));
    f.diagnostics.push_back(core::Diagnostic{
        core::DiagLevel::warning, {"Dockerfile", 1, 5, 0, 0, {}}, "same place, printed first"});
    rep.files.push_back(f);
    report::RenderOptions o;
    o.quiet = true;
    EXPECT_EQ(render(rep, "text", o),
              "missing/Dockerfile: error: no such file\n"
              "\n"
              "Dockerfile:1:5: warning: same place, printed first\n"
              "RUN a \\\n"
              "    ^\n"
              "\n"
              "Dockerfile:1:5: critical TST003 multi\n"
              "RUN a \\\n"
              "    ^~~\n"
              "  fix: Download, verify a checksum, then run.\n"
              "\n");
}

TEST(RenderText, TerminalEscapesAndInvalidUtf8FromInputsAreNeutralised) {
    report::Report rep;
    report::FileResult f;
    f.path = "evil\x1b[2JDockerfile";
    f.source = std::make_shared<const util::SourceFile>(f.path, "RUN echo \x1b]0;pwned\x07 \xff x\n");
    f.findings.push_back(test::make_finding("TST003", core::Severity::critical,
                                            "message \x9b"
                                            "31m here",
                                            {f.path, 1, 22, 1, 22, {}}, "", "fix\x1b[0m"));
    rep.files.push_back(f);
    report::RenderOptions o;
    o.quiet = true;
    const std::string r = "\xef\xbf\xbd";  // U+FFFD
    EXPECT_EQ(render(rep, "text", o), "evil" + r + "[2JDockerfile:1:22: critical TST003 message " + r +
                                          "31m here\n"
                                          "RUN echo " +
                                          r + "]0;pwned" + r + " " + r + " x\n" +
                                          "                     ^\n"
                                          "  fix: fix" +
                                          r + "[0m\n\n");
}

TEST(RenderText, SourceMissingFallsBackToEvidence) {
    report::Report rep = findings_only();
    rep.files[0].source = nullptr;
    report::RenderOptions o;
    o.quiet = true;
    std::string out = render(rep, "text", o);
    EXPECT_NE(out.find("FROM ubuntu:latest\n     ^~~~~~~~~~~~~\n"), std::string::npos);
}

TEST(RenderRegistry, EveryFormatIsInTheTable) {
    for (std::string_view name : {"text", "json", "sarif", "junit", "checkstyle"}) {
        const report::RendererEntry* e = report::find_renderer(name);
        ASSERT_NE(e, nullptr) << name;
        EXPECT_NE(e->make(), nullptr);
        EXPECT_FALSE(e->summary.empty());
    }
    EXPECT_EQ(report::find_renderer("html"), nullptr);
}
