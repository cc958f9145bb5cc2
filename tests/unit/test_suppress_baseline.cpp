// Config path ignores and baselines.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/core/fingerprint.hpp"
#include "bulwark/engine/suppress.hpp"

using namespace bulwark;
using ::testing::ElementsAre;

namespace {

core::Finding finding(const std::string& id, const std::string& file, uint32_t line,
                      const std::string& evidence) {
    core::Finding f;
    f.rule_id = id;
    f.location = core::Location{file, line, 1, 0, 0, {}};
    f.evidence = evidence;
    return f;
}

std::vector<std::string> states(const std::vector<core::Finding>& fs) {
    std::vector<std::string> out;
    for (const core::Finding& f : fs) {
        std::string s = f.rule_id + "@" + std::to_string(f.location.line);
        out.push_back(f.suppressed ? s + ":" + f.suppression : s);
    }
    return out;
}

core::PathIgnore ignore(std::string glob, std::set<std::string> rules, std::string reason = {},
                        std::string until = {}) {
    core::PathIgnore p;
    p.path_glob = std::move(glob);
    p.rules = std::move(rules);
    p.reason = std::move(reason);
    p.until = std::move(until);
    return p;
}

/// FNV-1a 64 over rule id, path and trimmed evidence, each followed by 0xFF: the fingerprint's
/// definition, written plainly.
std::string plain_fingerprint(const core::Finding& f) {
    uint64_t h = 1469598103934665603ULL;
    auto mix = [&](std::string_view s) {
        for (unsigned char c : s) {
            h = (h ^ c) * 1099511628211ULL;
        }
        h = (h ^ 0xFFU) * 1099511628211ULL;
    };
    std::string_view e = f.evidence;
    while (!e.empty() && std::string_view(" \t\r\n\f\v").find(e.front()) != std::string_view::npos) {
        e.remove_prefix(1);
    }
    while (!e.empty() && std::string_view(" \t\r\n\f\v").find(e.back()) != std::string_view::npos) {
        e.remove_suffix(1);
    }
    mix(f.rule_id);
    mix(f.location.file);
    mix(e);
    char out[17];
    std::snprintf(out, sizeof(out), "%016llx", static_cast<unsigned long long>(h));
    return out;
}

}  // namespace

TEST(PathIgnores, GlobMatchesPathOrAnyComponentSuffix) {
    core::Policy p;
    p.today = "2026-11-23";
    p.path_ignores = {ignore("legacy/*", {}, "frozen"), ignore("*.dev.Dockerfile", {"BD002"})};
    auto run = [&](const std::string& path) {
        std::vector<core::Finding> fs = {finding("BD001", path, 1, ""), finding("BD002", path, 2, "")};
        engine::apply_path_ignores(p, path, fs);
        return states(fs);
    };
    EXPECT_THAT(run("legacy/Dockerfile"),
                ElementsAre("BD001@1:config: legacy/* frozen", "BD002@2:config: legacy/* frozen"));
    EXPECT_THAT(run("./legacy/Dockerfile"),
                ElementsAre("BD001@1:config: legacy/* frozen", "BD002@2:config: legacy/* frozen"));
    EXPECT_THAT(run("/home/me/repo/legacy/Dockerfile"),
                ElementsAre("BD001@1:config: legacy/* frozen", "BD002@2:config: legacy/* frozen"));
    EXPECT_THAT(run("src/app.dev.Dockerfile"), ElementsAre("BD001@1", "BD002@2:config: *.dev.Dockerfile"));
    EXPECT_THAT(run("notlegacy/Dockerfile"), ElementsAre("BD001@1", "BD002@2"));
}

TEST(PathIgnores, ExpiryIsInclusiveOfTheLastDay) {
    core::Policy p;
    p.path_ignores = {ignore("*", {}, "", "2026-11-23")};
    std::vector<core::Finding> fs = {finding("BD001", "Dockerfile", 1, "")};
    p.today = "2026-11-23";
    engine::apply_path_ignores(p, "Dockerfile", fs);
    EXPECT_TRUE(fs[0].suppressed);
    fs[0].suppressed = false;
    p.today = "2026-11-24";
    engine::apply_path_ignores(p, "Dockerfile", fs);
    EXPECT_FALSE(fs[0].suppressed);
}

TEST(Baseline, LoadsFingerprintsOrRecomputesThem) {
    core::Finding old = finding("BD001", "app/Dockerfile", 3, "  USER root  ");
    std::string json = R"({"files":[{"path":"app/Dockerfile","findings":[
        {"fingerprint":"00000000000000aa","rule_id":"BD009"},
        {"rule_id":"BD001","location":{"file":"app/Dockerfile","line":9},"evidence":"USER root"}]},
        {"findings":[]}]})";
    engine::Baseline b = engine::load_baseline(json);
    EXPECT_EQ(b.error, "");
    EXPECT_EQ(b.fingerprints, (std::multiset<std::string>{"00000000000000aa", core::fingerprint(old)}));
}

TEST(Baseline, OnlyNewFindingsRemainAndEachEntryMatchesOnce) {
    std::vector<core::Finding> before = {finding("BD001", "Dockerfile", 2, "RUN x"),
                                         finding("BD001", "Dockerfile", 5, "RUN x"),
                                         finding("BD002", "Dockerfile", 7, "USER root")};
    std::string json = R"({"files":[{"findings":[)";
    for (size_t i = 0; i < before.size(); ++i) {
        json += (i ? "," : "") + std::string(R"({"fingerprint":")") + core::fingerprint(before[i]) + "\"}";
    }
    json += "]}]}";
    engine::Baseline b = engine::load_baseline(json);
    ASSERT_EQ(b.error, "");

    // Lines moved (fingerprints ignore line numbers); a third identical RUN x and a new rule are new.
    std::vector<core::Finding> now = {
        finding("BD001", "Dockerfile", 3, "RUN x"), finding("BD001", "Dockerfile", 6, "RUN x"),
        finding("BD001", "Dockerfile", 9, "RUN x"), finding("BD002", "Dockerfile", 10, "USER root"),
        finding("BD003", "Dockerfile", 11, "EXPOSE 22")};
    engine::apply_baseline(b, now);
    EXPECT_THAT(states(now), ElementsAre("BD001@9", "BD003@11"));
    EXPECT_TRUE(b.fingerprints.empty());

    // The same Baseline object across files of one run: consumed entries do not match again.
    std::vector<core::Finding> again = {finding("BD002", "Dockerfile", 1, "USER root")};
    engine::apply_baseline(b, again);
    EXPECT_EQ(again.size(), 1U);
}

TEST(Baseline, InvalidJsonGivesLineAndColumn) {
    engine::Baseline b = engine::load_baseline("{\n  \"files\": [\n    {\"findings\": [}\n]}");
    EXPECT_EQ(b.line, 3U);
    EXPECT_EQ(b.column, 19U);
    EXPECT_THAT(b.error, ::testing::StartsWith("invalid JSON: syntax error while parsing value"));
    EXPECT_TRUE(b.fingerprints.empty());

    b = engine::load_baseline("");
    EXPECT_THAT(b.error, ::testing::StartsWith("invalid JSON: "));
    EXPECT_EQ(b.line, 1U);
}

TEST(Baseline, WrongShapesAreErrors) {
    EXPECT_EQ(engine::load_baseline("[]").error,
              "not a bulwark JSON report (expected an object with a \"files\" array; use --format json)");
    EXPECT_EQ(engine::load_baseline(R"({"files": {}})").error,
              "not a bulwark JSON report (expected an object with a \"files\" array; use --format json)");
    EXPECT_EQ(engine::load_baseline(R"({"files": [{"path": "x"}]})").error,
              "files[0]: expected an object with a \"findings\" array");
    EXPECT_EQ(engine::load_baseline(R"({"files": [{"findings": [1]}]})").error,
              "files[0].findings[0]: expected an object");
    EXPECT_EQ(engine::load_baseline(R"({"files": [{"findings": [{"rule_id": "BD001"}]}]})").error,
              "files[0].findings[0]: no \"fingerprint\", nor \"rule_id\" and \"location\".\"file\"");
}

TEST(Fingerprint, CachedPrefixesGiveThePlainValue) {
    // fingerprint() keeps the hash of rule id and path per file and rule: findings of files and
    // rules interleaved in every order must still hash as the definition says.
    std::vector<core::Finding> findings;
    for (const char* file : {"Dockerfile", "a/Dockerfile", "Dockerfile"}) {
        for (const char* rule : {"BD001", "BD002", "BD001", "BD0010", "BD002"}) {
            for (const char* evidence : {"RUN x", "  RUN x \t", "", " \n", "FROM alpine:3.20 AS build"}) {
                findings.push_back(finding(rule, file, 1, evidence));
            }
        }
    }
    for (int pass = 0; pass < 2; ++pass) {
        for (const core::Finding& f : findings) {
            EXPECT_EQ(core::fingerprint(f), plain_fingerprint(f)) << f.rule_id << " " << f.location.file;
            EXPECT_EQ(core::fingerprint_text(f).view(), plain_fingerprint(f));
        }
        std::reverse(findings.begin(), findings.end());
    }
}
