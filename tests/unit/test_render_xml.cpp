// The JUnit and checkstyle renderers and their XML escaping.
#include <gtest/gtest.h>

#include "bulwark/report/renderers/xml.hpp"
#include "test_render_fixture.hpp"

using namespace bulwark;
using report::detail::xml_escape;
using test::render;

namespace {

const char* const k_sample_junit = R"golden(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="bulwark" tests="5" failures="3" errors="1">
  <testsuite name="app/Dockerfile" tests="3" failures="3" errors="0" skipped="0">
    <testcase classname="app/Dockerfile" name="TST001: Base image uses a mutable tag (line 1)">
      <failure message="base image 'ubuntu:latest' uses a mutable tag" type="high">app/Dockerfile:1:6: high TST001 base image 'ubuntu:latest' uses a mutable tag
evidence: FROM ubuntu:latest
fix: FROM ubuntu:24.04@sha256:&lt;digest&gt;
</failure>
    </testcase>
    <testcase classname="app/Dockerfile" name="TST002: Secret in ENV (line 2)">
      <failure message="ENV TOKEN looks like a secret" type="medium">app/Dockerfile:2:5: medium TST002 ENV TOKEN looks like a secret
evidence: ENV TOKEN=abc
fix: Pass secrets with RUN --mount=type=secret.
</failure>
    </testcase>
    <testcase classname="app/Dockerfile" name="TST003: Remote script piped to a shell (line 3)">
      <failure message="curl output piped to sh" type="critical">app/Dockerfile:3:6: critical TST003 curl output piped to sh
evidence: 	RUN curl x | sh
fix: Download, verify a checksum, then run.
</failure>
    </testcase>
  </testsuite>
  <testsuite name="broken/Dockerfile" tests="1" failures="0" errors="1" skipped="0">
    <testcase classname="broken/Dockerfile" name="input error (line 2)">
      <error message="unterminated JSON array" type="input">broken/Dockerfile:2:5: error: unterminated JSON array
RUN ["a"
    ^
</error>
    </testcase>
  </testsuite>
  <testsuite name="clean/Dockerfile" tests="1" failures="0" errors="0" skipped="0">
    <testcase classname="clean/Dockerfile" name="bulwark"/>
  </testsuite>
</testsuites>
)golden";

const char* const k_compact_junit = R"golden(<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="bulwark" tests="2" failures="1" errors="1">
  <testsuite name="bulwark" tests="1" failures="0" errors="1" skipped="0">
    <testcase classname="gone" name="input error">
      <error message="no such file" type="input">gone: error: no such file
</error>
    </testcase>
  </testsuite>
  <testsuite name="web app/Dockerfile" tests="1" failures="1" errors="0" skipped="0">
    <testcase classname="web app/Dockerfile" name="TST001: Base image uses a mutable tag (line 1)">
      <failure message="uses &lt;latest&gt; &amp; &quot;floats&quot;" type="high">web app/Dockerfile:1:6: high TST001 uses &lt;latest&gt; &amp; "floats"
evidence: FROM ubuntu:latest
fix: Pin the base image by digest.
Second line of advice.
</failure>
    </testcase>
    <system-err>web app/Dockerfile:2:1: warning: ignore for unknown rule XX1
ENV TOKEN=abc
^
</system-err>
  </testsuite>
</testsuites>
)golden";

const char* const k_sample_checkstyle = R"golden(<?xml version="1.0" encoding="UTF-8"?>
<checkstyle version="4.3">
  <file name="app/Dockerfile">
    <error line="1" column="6" severity="error" message="base image 'ubuntu:latest' uses a mutable tag" source="bulwark.TST001"/>
    <error line="2" column="5" severity="warning" message="ENV TOKEN looks like a secret" source="bulwark.TST002"/>
    <error line="3" column="6" severity="error" message="curl output piped to sh" source="bulwark.TST003"/>
  </file>
  <file name="broken/Dockerfile">
    <error line="2" column="5" severity="error" message="unterminated JSON array" source="bulwark.parse"/>
  </file>
  <file name="clean/Dockerfile"/>
</checkstyle>
)golden";

const char* const k_compact_checkstyle = R"golden(<?xml version="1.0" encoding="UTF-8"?>
<checkstyle version="4.3">
  <file name="gone">
    <error severity="error" message="no such file" source="bulwark.parse"/>
  </file>
  <file name="web app/Dockerfile">
    <error line="1" column="6" severity="error" message="uses &lt;latest&gt; &amp; &quot;floats&quot;" source="bulwark.TST001"/>
    <error line="2" column="1" severity="warning" message="ignore for unknown rule XX1" source="bulwark.parse"/>
  </file>
</checkstyle>
)golden";

const std::string k_replacement = "\xef\xbf\xbd";  // U+FFFD

}  // namespace

TEST(RenderJunit, GoldenSample) {
    EXPECT_EQ(render(test::sample_report(), "junit"), k_sample_junit);
}

TEST(RenderJunit, GoldenCompactWithReportErrorsAndWarnings) {
    EXPECT_EQ(render(test::compact_report(), "junit"), k_compact_junit);
}

TEST(RenderJunit, SuppressedFindingsAreSkippedCasesOnRequest) {
    report::RenderOptions o;
    o.show_suppressed = true;
    std::string out = render(test::sample_report(), "junit", o);
    EXPECT_NE(
        out.find(
            "  <testsuite name=\"app/Dockerfile\" tests=\"4\" failures=\"3\" errors=\"0\" skipped=\"1\">\n"),
        std::string::npos);
    EXPECT_NE(out.find("    <testcase classname=\"app/Dockerfile\" name=\"TST002: Secret in ENV (line 2)\">\n"
                       "      <skipped message=\"suppressed: inline: test token\"/>\n"
                       "    </testcase>\n"),
              std::string::npos);
}

TEST(RenderCheckstyle, GoldenSample) {
    EXPECT_EQ(render(test::sample_report(), "checkstyle"), k_sample_checkstyle);
}

TEST(RenderCheckstyle, GoldenCompactWithReportErrors) {
    EXPECT_EQ(render(test::compact_report(), "checkstyle"), k_compact_checkstyle);
}

TEST(RenderCheckstyle, SuppressedFindingsUseIgnoreSeverityOnRequest) {
    report::RenderOptions o;
    o.show_suppressed = true;
    EXPECT_NE(render(test::compact_report(), "checkstyle", o)
                  .find("<error line=\"2\" column=\"5\" severity=\"ignore\" message=\"secret\" "
                        "source=\"bulwark.TST002\"/>"),
              std::string::npos);
}

TEST(XmlEscape, MarkupCharacters) {
    EXPECT_EQ(xml_escape("a<b>&\"c'", false), "a&lt;b&gt;&amp;\"c'");
    EXPECT_EQ(xml_escape("a<b>&\"c'", true), "a&lt;b&gt;&amp;&quot;c'");
    EXPECT_EQ(xml_escape("]]>", false), "]]&gt;");
}

TEST(XmlEscape, WhitespaceSurvivesAttributeNormalisation) {
    EXPECT_EQ(xml_escape("a\tb\nc\rd", true), "a&#9;b&#10;c&#13;d");
    EXPECT_EQ(xml_escape("a\tb\nc\rd", false), "a\tb\nc&#13;d");
}

TEST(XmlEscape, ForbiddenCharactersAndInvalidUtf8BecomeReplacementCharacter) {
    const std::string& r = k_replacement;
    EXPECT_EQ(xml_escape(std::string("nul\0x", 5), false), "nul" + r + "x");
    EXPECT_EQ(xml_escape("esc\x1b[31m bel\x07 del\x7f", false), "esc" + r + "[31m bel" + r + " del" + r);
    EXPECT_EQ(xml_escape("c1\xc2\x9b", false), "c1" + r);             // U+009B (CSI)
    EXPECT_EQ(xml_escape("\xef\xbf\xbe\xef\xbf\xbf", false), r + r);  // U+FFFE, U+FFFF
    EXPECT_EQ(xml_escape("bad\xff\xfe", false), "bad" + r + r);       // not UTF-8 at all
    EXPECT_EQ(xml_escape("\xc0\xaf", false), r + r);                  // overlong '/'
    EXPECT_EQ(xml_escape("\xed\xa0\x80", false), r + r + r);          // surrogate
    EXPECT_EQ(xml_escape("cut\xe2\x82", false), "cut" + r + r);       // truncated
    EXPECT_EQ(xml_escape("caf\xc3\xa9 \xf0\x9f\x90\xb3", false), "caf\xc3\xa9 \xf0\x9f\x90\xb3");  // kept
}

TEST(XmlEscape, RenderersEscapePathsMessagesAndIds) {
    report::Report rep;
    report::FileResult f;
    f.path = "a&b/<x>\"q\".Dockerfile";
    f.findings.push_back(test::make_finding("ID\"1", core::Severity::critical, "m\x01<\xff>",
                                            {f.path, 3, 2, 0, 0, {}}, "RUN x\x1b", "f&"));
    rep.files.push_back(f);
    const std::string& r = k_replacement;
    std::string cs = render(rep, "checkstyle");
    EXPECT_NE(cs.find("  <file name=\"a&amp;b/&lt;x&gt;&quot;q&quot;.Dockerfile\">\n"
                      "    <error line=\"3\" column=\"2\" severity=\"error\" message=\"m" +
                      r + "&lt;" + r + "&gt;\" source=\"bulwark.ID&quot;1\"/>\n"),
              std::string::npos)
        << cs;
    std::string ju = render(rep, "junit");
    EXPECT_NE(ju.find("<failure message=\"m" + r + "&lt;" + r +
                      "&gt;\" type=\"critical\">a&amp;b/&lt;x&gt;\"q\""
                      ".Dockerfile:3:2: critical ID\"1 m" +
                      r + "&lt;" + r + "&gt;\nevidence: RUN x" + r + "\nfix: f&amp;\n</failure>"),
              std::string::npos)
        << ju;
}
