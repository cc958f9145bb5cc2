// The JSON renderer writes files without building a DOM: its bytes must be exactly what dumping
// the same document with nlohmann (indent 2, invalid UTF-8 replaced) gives, for every byte value.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_render_fixture.hpp"

using namespace bulwark;

namespace {

using Json = nlohmann::ordered_json;

report::Report report_with(const std::vector<std::string>& strings) {
    report::Report rep;
    rep.tool_version = "9.9.9";
    rep.fail_on = core::Severity::high;
    for (size_t i = 0; i < strings.size(); ++i) {
        report::FileResult f;
        f.path = "dir/" + strings[i];
        core::Finding x =
            test::make_finding(i % 2 == 0 ? "TST001" : "UNKNOWN9", core::Severity::low, strings[i],
                               {strings[i], 1, 2, 3, 4, {}}, strings[i], strings[i]);
        x.suppressed = i % 3 == 0;
        x.suppression = strings[i];
        f.findings.push_back(x);
        f.diagnostics.push_back(
            core::Diagnostic{core::DiagLevel::error, {f.path, 5, 6, 0, 0, {}}, strings[i]});
        rep.files.push_back(f);
    }
    rep.files.emplace_back();  // no findings, no diagnostics: empty arrays
    return rep;
}

TEST(RenderJsonBytes, SameBytesAsNlohmannDumpOfTheSameDocument) {
    std::string out = test::render(report_with(test::tricky_strings()), "json");
    // The output parses (so it is valid UTF-8 JSON) and nlohmann formats the parsed document the same.
    Json parsed = Json::parse(out);
    EXPECT_EQ(parsed.dump(2, ' ', false, Json::error_handler_t::replace) + "\n", out);
}

TEST(RenderJsonBytes, EveryByteAtEveryPositionOfAnEightByteWord) {
    // Plain ASCII is skipped eight bytes at a time: a byte needing care must be seen in every lane.
    std::vector<std::string> strings;
    for (int c = 0; c < 256; ++c) {
        for (size_t at = 0; at < 17; ++at) {
            std::string s(19, 'x');
            s[at] = static_cast<char>(c);
            strings.push_back(s);
        }
    }
    std::string out = test::render(report_with(strings), "json");
    Json parsed = Json::parse(out);
    EXPECT_EQ(parsed.dump(2, ' ', false, Json::error_handler_t::replace) + "\n", out);
    for (size_t i = 0; i < strings.size(); ++i) {
        std::string expected =
            Json::parse(Json(strings[i]).dump(-1, ' ', false, Json::error_handler_t::replace))
                .get<std::string>();
        ASSERT_EQ(parsed["files"][i]["findings"][0]["message"], expected) << i;
    }
}

TEST(RenderJsonBytes, StringsKeepTheirValueOrNlohmannsReplacement) {
    std::vector<std::string> strings = test::tricky_strings();
    Json parsed = Json::parse(test::render(report_with(strings), "json"));
    ASSERT_EQ(parsed["files"].size(), strings.size() + 1);
    for (size_t i = 0; i < strings.size(); ++i) {
        // What nlohmann writes for the string, read back.
        std::string expected =
            Json::parse(Json(strings[i]).dump(-1, ' ', false, Json::error_handler_t::replace))
                .get<std::string>();
        const Json& finding = parsed["files"][i]["findings"][0];
        EXPECT_EQ(finding["message"], expected) << i;
        EXPECT_EQ(finding["evidence"], expected) << i;
        EXPECT_EQ(finding["location"]["file"], expected) << i;
        EXPECT_EQ(finding["location"]["end_column"], 4);
        EXPECT_EQ(finding["suppressed"], i % 3 == 0);
        EXPECT_EQ(finding["title"], i % 2 == 0 ? "Base image uses a mutable tag" : "");
        if (i % 3 == 0) {
            EXPECT_EQ(finding["suppression"], expected) << i;
        } else {
            EXPECT_TRUE(finding["suppression"].is_null()) << i;
        }
        EXPECT_EQ(parsed["files"][i]["diagnostics"][0]["message"], expected) << i;
    }
    EXPECT_EQ(parsed["files"][strings.size()]["findings"], Json::array());
}

TEST(RenderJsonBytes, LongStringsOfBytesThatGrowMostWhenEscaped) {
    // A finding is written into room sized from its strings (each byte may take six) and longer
    // strings elsewhere into the output itself: both bounds must hold for the worst bytes.
    std::vector<std::string> strings;
    for (size_t size : {size_t{255}, size_t{256}, size_t{257}, size_t{5000}}) {
        for (char c : {'\x01', '"', '\\', '\x7f', '\xff', 'x'}) {
            strings.emplace_back(size, c);
        }
        strings.push_back(std::string(size, 'x') + "\xe2\x82");  // a cut UTF-8 sequence at the end
    }
    report::Report rep = report_with(strings);
    rep.files[0].findings[0].location.pointer = std::string(300, '\x02');  // a path inside an image
    std::string out = test::render(rep, "json");
    Json parsed = Json::parse(out);
    EXPECT_EQ(parsed.dump(2, ' ', false, Json::error_handler_t::replace) + "\n", out);
    EXPECT_EQ(parsed["files"][0]["findings"][0]["location"]["pointer"], std::string(300, '\x02'));
}

}  // namespace
