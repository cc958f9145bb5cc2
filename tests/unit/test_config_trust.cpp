// Config discovery, trust (an untrusted config may only tighten) and merging with the command line.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/forwarding_fs.hpp"
#include "support/memory_fs.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>

#include <fmt/format.h>

#include "bulwark/config/config.hpp"
#include "bulwark/engine/scan.hpp"
#include "bulwark/rules/rule.hpp"

using namespace bulwark;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

using bulwark::testing::MemoryFs;

/// Two distinct rules, the second with a default severity above info (so it can be lowered).
struct Ids {
    std::string a;
    std::string b;
    core::Severity b_default = core::Severity::info;
};
Ids pick_rules() {
    Ids ids;
    for (const rules::Rule* r : rules::all_rules()) {
        if (ids.a.empty()) {
            ids.a = r->id;
        } else if (r->severity > core::Severity::info && r->severity < core::Severity::critical) {
            ids.b = r->id;
            ids.b_default = r->severity;
            break;
        }
    }
    return ids;
}

core::Policy cli_policy() {
    core::Policy p;
    p.today = "2026-11-23";
    return p;
}

std::vector<std::string> diag_lines(const config::LoadedPolicy& lp) {
    std::vector<std::string> out;
    for (const core::Diagnostic& d : lp.diagnostics) {
        std::string s = core::format_diagnostic(d, nullptr);
        out.push_back(s.substr(0, s.find('\n')));
    }
    return out;
}

}  // namespace

TEST(ConfigFind, SearchesUpwardFromFileOrDirectory) {
    MemoryFs fs;
    fs.files["/repo/.bulwark.yaml"] = "";
    fs.files["/repo/svc/api/Dockerfile"] = "FROM x\n";
    fs.files["/repo/svc/web/.bulwark.yml"] = "";
    fs.files["/repo/svc/web/Dockerfile"] = "FROM x\n";
    fs.files["/other/Dockerfile"] = "FROM x\n";
    EXPECT_EQ(config::find_config(fs, "/repo/svc/api/Dockerfile"), "/repo/.bulwark.yaml");
    EXPECT_EQ(config::find_config(fs, "/repo/svc/api"), "/repo/.bulwark.yaml");
    EXPECT_EQ(config::find_config(fs, "/repo/svc/web/Dockerfile"), "/repo/svc/web/.bulwark.yml");
    EXPECT_EQ(config::find_config(fs, "/repo/svc/web"), "/repo/svc/web/.bulwark.yml");
    EXPECT_EQ(config::find_config(fs, "/repo"), "/repo/.bulwark.yaml");
    EXPECT_EQ(config::find_config(fs, "/other/Dockerfile"), std::nullopt);
    EXPECT_EQ(config::find_config(fs, "/other"), std::nullopt);
}

/// Records the kind() lookups (the config search's only question to the disk) and the reads.
class CountingFs final : public bulwark::testing::ForwardingFs {
  public:
    using ForwardingFs::ForwardingFs;
    mutable std::vector<std::string> asked;       // kind()
    mutable std::vector<std::string> read_paths;  // read()
    util::ReadResult read(const std::string& path, uint64_t max_bytes) const override {
        read_paths.push_back(path);
        return inner().read(path, max_bytes);
    }
    util::PathKind kind(const std::string& path) const override {
        asked.push_back(path);
        return inner().kind(path);
    }
};

TEST(ConfigFind, FinderAnswersAsFindConfigAndLooksEachDirectoryUpOnce) {
    MemoryFs mem;
    CountingFs fs(mem);
    mem.files["/repo/.bulwark.yaml"] = "";
    for (const char* f : {"/repo/a/x/Dockerfile", "/repo/a/y/Dockerfile", "/repo/b/Dockerfile",
                          "/other/p/Dockerfile", "/other/q/Dockerfile"}) {
        mem.files[f] = "FROM x\n";
    }
    config::ConfigFinder finder(fs);
    auto find = [&](const std::string& dir) { return finder.find(dir, dir + "/Dockerfile"); };
    EXPECT_EQ(find("/repo/a/x"), "/repo/.bulwark.yaml");
    // x, a (both names each), then /repo's .bulwark.yaml: the answer for all three is remembered.
    EXPECT_THAT(fs.asked,
                ElementsAre("/repo/a/x/.bulwark.yaml", "/repo/a/x/.bulwark.yml", "/repo/a/.bulwark.yaml",
                            "/repo/a/.bulwark.yml", "/repo/.bulwark.yaml"));
    fs.asked.clear();
    EXPECT_EQ(find("/repo/a/y"), "/repo/.bulwark.yaml");
    EXPECT_EQ(find("/repo/a/y/"), "/repo/.bulwark.yaml");
    EXPECT_EQ(find("/repo/b"), "/repo/.bulwark.yaml");
    EXPECT_EQ(find("/repo"), "/repo/.bulwark.yaml");
    EXPECT_THAT(fs.asked, ElementsAre("/repo/a/y/.bulwark.yaml", "/repo/a/y/.bulwark.yml",
                                      "/repo/b/.bulwark.yaml", "/repo/b/.bulwark.yml"));
    fs.asked.clear();
    EXPECT_EQ(find("/other/p"), std::nullopt);
    EXPECT_EQ(fs.asked.size(), 6U);  // /other/p, /other and /
    EXPECT_EQ(find("/other/q"), std::nullopt);
    EXPECT_EQ(find("/"), std::nullopt);
    EXPECT_EQ(fs.asked.size(), 8U);  // only /other/q is new
    for (const char* dir : {"/repo/a/x", "/repo/b", "/other/q", "/"}) {
        EXPECT_EQ(config::find_config(mem, std::string(dir)), find(dir)) << dir;
    }
}

TEST(ConfigFind, ScanLoadsOneConfigOnceForAllItsDirectories) {
    // A monorepo: one config at the top, a Dockerfile per service given as separate roots.
    MemoryFs mem;
    CountingFs fs(mem);
    mem.files["/mono/.bulwark.yaml"] = "rules:\n  disable: [BD001]\n";
    std::vector<std::string> roots;
    for (const char* svc : {"api", "web", "db", "jobs/cron", "jobs/mail"}) {
        mem.files[fmt::format("/mono/{}/Dockerfile", svc)] = "FROM alpine:3.19\n";
        roots.push_back(fmt::format("/mono/{}", svc));
    }
    engine::ScanOptions opts;
    opts.cli_policy = cli_policy();
    opts.paths = roots;
    opts.jobs = 1;
    opts.trust.trust_found_config = true;
    report::Report rep = engine::scan(fs, opts);
    ASSERT_EQ(rep.files.size(), 5U);
    for (const report::FileResult& f : rep.files) {
        EXPECT_TRUE(std::none_of(f.findings.begin(), f.findings.end(), [](const core::Finding& x) {
            return x.rule_id == "BD001";
        })) << f.path;
    }
    EXPECT_EQ(std::count(fs.read_paths.begin(), fs.read_paths.end(), "/mono/.bulwark.yaml"), 1);
    // Each directory's own candidates, then /mono's config once: not /mono for every service.
    EXPECT_EQ(std::count(fs.asked.begin(), fs.asked.end(), "/mono/.bulwark.yaml"), 1);
    EXPECT_EQ(std::count(fs.asked.begin(), fs.asked.end(), "/mono/jobs/.bulwark.yml"), 1);
}

TEST(ConfigFind, SearchDirectoryOfFileIsTheParentPath) {
    // The fast cut at the last '/' must agree with std::filesystem's parent_path() everywhere.
    for (std::string p : {"Dockerfile", "./Dockerfile", "../Dockerfile", "a/b/Dockerfile", "/Dockerfile",
                          "/a/Dockerfile", "a//Dockerfile", "a/b/", "a/.", "a/..", "./", "/", "//x", "a/./b",
                          "../../x/y", "a/b//", "x.dockerfile"}) {
        std::string want = std::filesystem::path(p).parent_path().string();
        EXPECT_EQ(config::search_directory_of_file(p), want.empty() ? "." : want) << p;
    }
    EXPECT_EQ(config::search_directory_of_file("-"), ".");
    EXPECT_EQ(config::search_directory_of_file(""), ".");
}

TEST(ConfigFind, YamlWinsOverYmlAndDirectoriesAreNotConfigs) {
    MemoryFs fs;
    fs.files["/r/.bulwark.yaml"] = "";
    fs.files["/r/.bulwark.yml"] = "";
    fs.files["/r/a/.bulwark.yaml/oops"] = "";  // a directory with the config's name
    fs.files["/r/a/Dockerfile"] = "";
    EXPECT_EQ(config::find_config(fs, "/r"), "/r/.bulwark.yaml");
    EXPECT_EQ(config::find_config(fs, "/r/a/Dockerfile"), "/r/.bulwark.yaml");
}

TEST(ConfigTrust, NoConfigKeepsTheCommandLinePolicy) {
    MemoryFs fs;
    fs.files["/r/Dockerfile"] = "";
    core::Policy cli = cli_policy();
    cli.disabled_rules = {"BD001"};
    config::LoadedPolicy lp = config::load_policy(fs, "/r", {}, cli);
    EXPECT_EQ(lp.config_path, "");
    EXPECT_EQ(lp.policy.disabled_rules, cli.disabled_rules);
    EXPECT_THAT(lp.notes, IsEmpty());
    EXPECT_THAT(lp.diagnostics, IsEmpty());
}

TEST(ConfigTrust, UntrustedFoundConfigMayOnlyTighten) {
    Ids ids = pick_rules();
    ASSERT_FALSE(ids.b.empty()) << "needs two rules";
    MemoryFs fs;
    fs.files["/repo/Dockerfile"] = "";
    fs.files["/repo/.bulwark.yaml"] =
        "rules:\n"
        "  disable: [" +
        ids.a + ", " + ids.b +
        "]\n"
        "  enable: [" +
        ids.a +
        "]\n"
        "  severity: {" +
        ids.a + ": critical, " + ids.b +
        ": info}\n"
        "categories: {disable: [secrets]}\n"
        "registries: {trusted: [ghcr.io/acme]}\n"
        "images: {allowed: ['debian:*']}\n"
        "ignore:\n"
        "  - path: '*'\n"
        "  - path: legacy/*\n"
        "build_args: {V: '1'}\n"
        "target: prod\n";
    config::LoadedPolicy lp = config::load_policy(fs, "/repo/Dockerfile", {}, cli_policy());
    EXPECT_EQ(lp.config_path, "/repo/.bulwark.yaml");
    EXPECT_THAT(lp.diagnostics, IsEmpty());
    const core::Policy& p = lp.policy;
    EXPECT_TRUE(p.disabled_rules.empty());
    EXPECT_TRUE(p.enabled_rules.empty());
    EXPECT_TRUE(p.disabled_categories.empty());
    EXPECT_TRUE(p.path_ignores.empty());
    EXPECT_EQ(p.severity_overrides,
              (std::map<std::string, core::Severity, std::less<>>{{ids.a, core::Severity::critical}}));
    EXPECT_THAT(p.trusted_registries, ElementsAre("ghcr.io/acme"));
    EXPECT_THAT(p.allowed_images, ElementsAre("debian:*"));
    EXPECT_EQ(p.build_args, (std::map<std::string, std::string>{{"V", "1"}}));
    EXPECT_EQ(p.target, "prod");
    EXPECT_THAT(lp.notes, ElementsAre("config /repo/.bulwark.yaml is untrusted: ignored rules.disable (" +
                                      ids.a + ", " + ids.b + "), rules.enable (" + ids.a +
                                      ": it would switch off every other rule), rules.severity (" + ids.b +
                                      ": info), categories.disable (secrets), ignore[0] and ignore[1]; pass "
                                      "--trust-config or --config to allow"));
}

TEST(ConfigTrust, UntrustedConfigThatOnlyTightensGivesNoNote) {
    Ids ids = pick_rules();
    ASSERT_FALSE(ids.b.empty());
    MemoryFs fs;
    fs.files["/repo/.bulwark.yaml"] = "rules: {severity: {" + ids.b + ": critical}}\n";
    fs.files["/repo/Dockerfile"] = "";
    config::LoadedPolicy lp = config::load_policy(fs, "/repo", {}, cli_policy());
    EXPECT_THAT(lp.notes, IsEmpty());
    EXPECT_EQ(lp.policy.severity_overrides.at(ids.b), core::Severity::critical);
}

TEST(ConfigTrust, TrustFlagAndExplicitConfigAllowEverything) {
    Ids ids = pick_rules();
    ASSERT_FALSE(ids.b.empty());
    std::string yaml =
        "rules:\n"
        "  disable: [" +
        ids.a +
        "]\n"
        "  enable: [" +
        ids.b +
        "]\n"
        "  severity: {" +
        ids.b +
        ": info}\n"
        "categories: {disable: [secrets]}\n"
        "ignore: [{path: 'legacy/*', rules: [" +
        ids.b + "], reason: old, until: 2027-01-01}]\n";
    MemoryFs fs;
    fs.files["/repo/.bulwark.yaml"] = yaml;
    fs.files["/elsewhere/policy.yaml"] = yaml;
    fs.files["/repo/Dockerfile"] = "";

    config::TrustOptions trust_found;
    trust_found.trust_found_config = true;
    config::TrustOptions explicit_config;
    explicit_config.explicit_config = "/elsewhere/policy.yaml";
    for (const config::TrustOptions& trust : {trust_found, explicit_config}) {
        config::LoadedPolicy lp = config::load_policy(fs, "/repo", trust, cli_policy());
        EXPECT_THAT(lp.notes, IsEmpty());
        EXPECT_EQ(lp.policy.disabled_rules, core::NameSet{ids.a});
        EXPECT_EQ(lp.policy.enabled_rules, core::NameSet{ids.b});
        EXPECT_EQ(lp.policy.severity_overrides.at(ids.b), core::Severity::info);
        EXPECT_EQ(lp.policy.disabled_categories, core::NameSet{"secrets"});
        ASSERT_EQ(lp.policy.path_ignores.size(), 1U);
        EXPECT_EQ(lp.policy.path_ignores[0].path_glob, "legacy/*");
        EXPECT_EQ(lp.policy.path_ignores[0].rules, std::set<std::string>{ids.b});
        EXPECT_EQ(lp.policy.path_ignores[0].reason, "old");
        EXPECT_EQ(lp.policy.path_ignores[0].until, "2027-01-01");
    }
    EXPECT_EQ(config::load_policy(fs, "/repo", explicit_config, cli_policy()).config_path,
              "/elsewhere/policy.yaml");
}

TEST(ConfigTrust, CommandLineWins) {
    Ids ids = pick_rules();
    ASSERT_FALSE(ids.b.empty());
    MemoryFs fs;
    fs.files["/c.yaml"] = "rules: {disable: [" + ids.a + "], enable: [" + ids.a +
                          "]}\n"
                          "registries: {trusted: [ghcr.io]}\n"
                          "images: {allowed: ['alpine:*']}\n"
                          "build_args: {A: config, B: config}\n"
                          "target: config\n";
    core::Policy cli = cli_policy();
    cli.disabled_rules = {ids.b};
    cli.enabled_rules = {ids.b};
    cli.trusted_registries = {"docker.io"};
    cli.allowed_images = {"debian:*"};
    cli.build_args = {{"A", "cli"}};
    cli.target = "cli";
    config::TrustOptions trust;
    trust.explicit_config = "/c.yaml";
    core::Policy p = config::load_policy(fs, "/", trust, cli).policy;
    EXPECT_EQ(p.disabled_rules, (core::NameSet{ids.a, ids.b}));  // unioned
    EXPECT_EQ(p.enabled_rules, core::NameSet{ids.b});
    EXPECT_THAT(p.trusted_registries, ElementsAre("docker.io"));
    EXPECT_THAT(p.allowed_images, ElementsAre("debian:*"));
    EXPECT_EQ(p.build_args, (std::map<std::string, std::string>{{"A", "cli"}, {"B", "config"}}));
    EXPECT_EQ(p.target, "cli");
    EXPECT_EQ(p.today, "2026-11-23");
}

TEST(ConfigTrust, ExpiredPathIgnoreWarnsAtItsDate) {
    MemoryFs fs;
    fs.files["/c.yaml"] =
        "ignore:\n  - path: old/*\n    until: 2026-01-01\n  - path: new/*\n    until: 2026-11-23\n";
    config::TrustOptions trust;
    trust.explicit_config = "/c.yaml";
    config::LoadedPolicy lp = config::load_policy(fs, "/", trust, cli_policy());
    EXPECT_THAT(diag_lines(lp),
                ElementsAre("/c.yaml:3:12: warning: ignore[0] (old/*) expired on 2026-01-01; its "
                            "findings are reported again"));
    EXPECT_EQ(lp.policy.path_ignores.size(), 2U);  // kept: apply_path_ignores checks the date itself
}

TEST(ConfigTrust, UnreadableOrBrokenConfigIsADiagnosticNotACrash) {
    MemoryFs fs;
    config::TrustOptions trust;
    trust.explicit_config = "/missing.yaml";
    core::Policy cli = cli_policy();
    cli.disabled_rules = {"X"};
    config::LoadedPolicy lp = config::load_policy(fs, "/", trust, cli);
    EXPECT_THAT(diag_lines(lp),
                ElementsAre("/missing.yaml: error: cannot read config: No such file or directory"));
    EXPECT_EQ(lp.policy.disabled_rules, cli.disabled_rules);

    fs.files["/big.yaml"] = std::string(2 * 1024 * 1024, '#');
    trust.explicit_config = "/big.yaml";
    EXPECT_THAT(
        diag_lines(config::load_policy(fs, "/", trust, cli)),
        ElementsAre("/big.yaml: error: cannot read config: 2097152 bytes is more than the 1048576 allowed"));

    fs.files["/bad.yaml"] = "rules: [\n";
    trust.explicit_config = "/bad.yaml";
    lp = config::load_policy(fs, "/", trust, cli);
    ASSERT_EQ(lp.diagnostics.size(), 1U);
    EXPECT_EQ(lp.diagnostics[0].level, core::DiagLevel::error);
    EXPECT_EQ(lp.policy.disabled_rules, cli.disabled_rules);
}
