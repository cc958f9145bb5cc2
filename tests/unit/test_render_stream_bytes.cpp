// The SARIF and JUnit renderers write their output as they go, without a DOM of the whole log:
// SARIF's bytes must be exactly what dumping the same document with nlohmann gives, and JUnit's
// totals, written before the suites, must add up to the suites'. The escapers skip plain ASCII
// many bytes at a time: every byte must be seen in every position.
#include <gtest/gtest.h>

#include <regex>

#include <nlohmann/json.hpp>

#include "bulwark/report/renderers/ascii_scan.hpp"
#include "test_render_fixture.hpp"

using namespace bulwark;

namespace {

using Json = nlohmann::ordered_json;

/// Findings in every shape a SARIF result takes: with and without region, columns, end, snippet,
/// fix, suppression (inline and external), a path inside an image, another file, unknown rules.
report::Report sarif_report() {
    report::Report rep;
    rep.tool_version = "9.9.9";
    std::vector<std::string> strings = test::tricky_strings();
    for (size_t i = 0; i < strings.size(); ++i) {
        const std::string& s = strings[i];
        report::FileResult f;
        f.path = i % 2 == 0 ? "dir/" + s : "/abs/" + s;
        for (size_t k = 0; k < 6; ++k) {
            core::Location l{k == 3 ? "other/" + s : f.path, static_cast<uint32_t>(k),
                             static_cast<uint32_t>(k % 3),   static_cast<uint32_t>(k + k % 2),
                             static_cast<uint32_t>(k * 2),   {}};
            if (k == 4) {
                l.pointer = "/etc/" + s;
            }
            if (k == 5) {
                l.file.clear();  // falls back to the file's path
            }
            const char* rules[] = {"TST001", "TST002", "TST003", "UNKNOWN9"};
            core::Finding x = test::make_finding(rules[(i + k) % 4], static_cast<core::Severity>((i + k) % 5),
                                                 s, l, s + "\nsecond line", k % 2 == 0 ? s : "");
            x.suppressed = k % 3 == 1;
            x.suppression = (k % 2 == 0 ? "inline: " : "baseline: ") + s;
            f.findings.push_back(x);
        }
        f.diagnostics.push_back(core::Diagnostic{core::DiagLevel::warning, {{}, 5, 6, 0, 0, {}}, s});
        rep.files.push_back(f);
    }
    rep.diagnostics.push_back(core::Diagnostic{core::DiagLevel::error, {"missing", 0, 0, 0, 0, {}}, "gone"});
    rep.notes.push_back("a note");
    rep.files.emplace_back();  // no findings
    return rep;
}

TEST(RenderSarifBytes, SameBytesAsNlohmannDumpOfTheSameDocument) {
    std::string out = test::render(sarif_report(), "sarif");
    Json parsed = Json::parse(out);  // valid UTF-8 JSON
    EXPECT_EQ(parsed.dump(2, ' ', false, Json::error_handler_t::replace) + "\n", out);
    EXPECT_EQ(parsed["runs"][0]["results"].size(), test::tricky_strings().size() * 6);
}

TEST(RenderSarifBytes, EmptyLogAndPathsInsideImages) {
    report::Report empty;
    std::string out = test::render(empty, "sarif");
    Json parsed = Json::parse(out);
    EXPECT_EQ(parsed.dump(2, ' ', false, Json::error_handler_t::replace) + "\n", out);
    EXPECT_EQ(parsed["runs"][0]["results"], Json::array());

    report::Report rep;
    report::FileResult f;
    f.path = "app.tar";
    f.findings.push_back(test::make_finding("TST002", core::Severity::high, "secret",
                                            {"app.tar", 3, 7, 3, 9, "/app/.env"}, "redacted"));
    rep.files.push_back(f);
    parsed = Json::parse(test::render(rep, "sarif"));
    const Json& location = parsed["runs"][0]["results"][0]["locations"][0];
    EXPECT_EQ(location["physicalLocation"]["artifactLocation"]["uri"], "app.tar%21/app/.env");
    EXPECT_FALSE(location["physicalLocation"]["region"].contains("snippet"));  // evidence is redacted
    EXPECT_EQ(location["logicalLocations"][0]["fullyQualifiedName"], "/app/.env");
    EXPECT_EQ(location["logicalLocations"][0]["kind"], "resource");
}

/// The attributes `name` of every element `tag` in `xml`, as numbers.
std::vector<size_t> attribute_values(const std::string& xml, const std::string& tag,
                                     const std::string& name) {
    std::vector<size_t> values;
    std::regex element("<" + tag + " [^>]*\\b" + name + "=\"([0-9]+)\"");
    for (auto it = std::sregex_iterator(xml.begin(), xml.end(), element); it != std::sregex_iterator();
         ++it) {
        values.push_back(std::stoul((*it)[1].str()));
    }
    return values;
}

TEST(RenderJunitTotals, TotalsAreTheSumsOfTheSuites) {
    report::Report rep = sarif_report();
    rep.diagnostics.push_back(core::Diagnostic{core::DiagLevel::warning, {"cfg", 1, 1, 0, 0, {}}, "odd"});
    report::FileResult only_suppressed;
    only_suppressed.path = "quiet/Dockerfile";
    core::Finding x =
        test::make_finding("TST001", core::Severity::high, "m", {"quiet/Dockerfile", 1, 1, 1, 1, {}}, "e");
    x.suppressed = true;
    only_suppressed.findings.push_back(x);
    rep.files.push_back(only_suppressed);
    report::FileResult broken;
    broken.path = "broken/Dockerfile";
    broken.diagnostics.push_back(
        core::Diagnostic{core::DiagLevel::error, {"broken/Dockerfile", 2, 1, 0, 0, {}}, "bad"});
    rep.files.push_back(broken);
    for (bool show_suppressed : {false, true}) {
        report::RenderOptions options;
        options.show_suppressed = show_suppressed;
        std::string out = test::render(rep, "junit", options);
        for (const char* name : {"tests", "failures", "errors"}) {
            std::vector<size_t> total = attribute_values(out, "testsuites", name);
            std::vector<size_t> suites = attribute_values(out, "testsuite", name);
            ASSERT_EQ(total.size(), 1U);
            ASSERT_EQ(suites.size(), rep.files.size() + 1);  // and the report's own suite
            size_t sum = 0;
            for (size_t n : suites) {
                sum += n;
            }
            EXPECT_EQ(total[0], sum) << name << " show_suppressed=" << show_suppressed;
        }
        size_t testcases = 0;
        for (size_t at = out.find("<testcase "); at != std::string::npos;
             at = out.find("<testcase ", at + 1)) {
            ++testcases;
        }
        EXPECT_EQ(attribute_values(out, "testsuites", "tests")[0], testcases);
    }
}

/// The first byte that is not printable ASCII or is one of `special`, byte by byte.
size_t first_unplain_slowly(std::string_view s, std::string_view special) {
    for (size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x20 || c >= 0x7f || special.find(s[i]) != std::string_view::npos) {
            return i;
        }
    }
    return s.size();
}

TEST(AsciiScan, EveryByteAtEveryPositionOfEveryLength) {
    for (size_t length = 1; length <= 40; ++length) {
        for (size_t at = 0; at < length; ++at) {
            for (int c = 0; c < 256; ++c) {
                std::string s(length, 'x');
                s[at] = static_cast<char>(c);
                if (at + 1 < length) {
                    s[length - 1] = '"';  // a later special byte must not hide the first
                }
                using report::detail::first_unplain;
                ASSERT_EQ((first_unplain<'"', '\\'>(s)), first_unplain_slowly(s, "\"\\"))
                    << length << " " << at << " " << c;
                ASSERT_EQ((first_unplain<'&', '<', '>', '"'>(s)), first_unplain_slowly(s, "&<>\""))
                    << length << " " << at << " " << c;
                ASSERT_EQ(first_unplain<>(s), first_unplain_slowly(s, "")) << length << " " << at << " " << c;
            }
        }
    }
    EXPECT_EQ(report::detail::first_unplain<>(std::string_view()), 0U);
    EXPECT_EQ(report::detail::first_unplain<>(std::string(100, 'a')), 100U);
}

}  // namespace
