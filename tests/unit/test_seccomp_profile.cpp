// Seccomp profiles: parsing with locations, malformed profiles as located errors, the rules on
// Docker's default profile (no findings) and on permissive ones.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/seccomp/parser.hpp"
#include "support/scan_helpers.hpp"

using namespace bulwark;

namespace {

input::seccomp::ParseResult parse(const std::string& text) {
    return input::seccomp::parse_profile(std::make_shared<const util::SourceFile>("seccomp.json", text));
}

std::string text_of(const model::Origin& o) {
    return o.file->text().substr(o.range.begin, o.range.end - o.range.begin);
}

std::string diagnostics_text(const std::string& text) {
    auto src = std::make_shared<const util::SourceFile>("seccomp.json", text);
    auto r = input::seccomp::parse_profile(src);
    std::string out;
    for (const core::Diagnostic& d : r.diagnostics) {
        out += core::format_diagnostic(d, src.get());
    }
    return out;
}

std::string default_profile() {
    std::ifstream in(std::filesystem::path(BULWARK_SHARED_DIR) / "specs" / "seccomp-default.json",
                     std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

report::FileResult scan(const std::string& text, core::NameSet only = {}) {
    core::Policy policy = bulwark::testing::test_policy(std::move(only));
    return bulwark::testing::scan_text_as("seccomp", text, policy, "seccomp.json");
}

}  // namespace

TEST(SeccompProfile, ReadsRulesWithConditions) {
    auto r = parse(R"({
  "defaultAction": "SCMP_ACT_ERRNO",
  "defaultErrnoRet": 1,
  "syscalls": [
    {"names": ["read", "write"], "action": "SCMP_ACT_ALLOW"},
    {"names": ["mount"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_SYS_ADMIN"]}},
    {"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4.8"}},
    {"names": ["clone"], "action": "SCMP_ACT_ALLOW",
     "args": [{"index": 0, "value": 2114060288, "op": "SCMP_CMP_MASKED_EQ"}],
     "excludes": {"caps": ["CAP_SYS_ADMIN"], "arches": ["s390x"]}},
    {"name": "personality", "action": "SCMP_ACT_ALLOW"}
  ]
})");
    ASSERT_TRUE(r.ok);
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].message;
    const model::SeccompProfile& p = r.profile;
    EXPECT_EQ(p.default_action.value, "SCMP_ACT_ERRNO");
    EXPECT_EQ(text_of(p.default_action.origin), "\"defaultAction\": \"SCMP_ACT_ERRNO\"");
    ASSERT_EQ(p.syscalls.size(), 5U);
    ASSERT_EQ(p.syscalls[0].names.size(), 2U);
    EXPECT_EQ(text_of(p.syscalls[0].names[1].origin), "\"write\"");
    EXPECT_EQ(p.syscalls[1].include_caps, std::vector<std::string>{"CAP_SYS_ADMIN"});
    EXPECT_EQ(p.syscalls[2].include_min_kernel, "4.8");
    ASSERT_EQ(p.syscalls[3].args.size(), 1U);
    EXPECT_EQ(p.syscalls[3].args[0].value, 2114060288U);
    EXPECT_EQ(p.syscalls[3].args[0].op, "SCMP_CMP_MASKED_EQ");
    EXPECT_EQ(p.syscalls[3].exclude_caps, std::vector<std::string>{"CAP_SYS_ADMIN"});
    EXPECT_EQ(p.syscalls[3].exclude_arches, std::vector<std::string>{"s390x"});
    ASSERT_EQ(p.syscalls[4].names.size(), 1U);
    EXPECT_EQ(p.syscalls[4].names[0].value, "personality");
}

TEST(SeccompProfile, MalformedProfilesAreLocatedErrors) {
    EXPECT_EQ(
        diagnostics_text("{\n  \"syscalls\": []\n}\n"),
        "seccomp.json:1:1: error: the seccomp profile has no `defaultAction`: Docker refuses to load it\n"
        "{\n"
        "^\n");
    EXPECT_EQ(
        diagnostics_text("{\"defaultAction\": \"SCMP_ACT_DENY\"}"),
        "seccomp.json:1:19: error: unknown seccomp action `SCMP_ACT_DENY` (expected one of SCMP_ACT_ERRNO, "
        "SCMP_ACT_ALLOW, SCMP_ACT_KILL_PROCESS, SCMP_ACT_KILL_THREAD, SCMP_ACT_TRAP, SCMP_ACT_TRACE, "
        "SCMP_ACT_LOG, SCMP_ACT_NOTIFY)\n"
        "{\"defaultAction\": \"SCMP_ACT_DENY\"}\n"
        "                  ^\n");
    EXPECT_EQ(
        diagnostics_text("{\"defaultAction\": \"SCMP_ACT_ERRNO\",\n \"syscalls\": [\n  {\"action\": "
                         "\"SCMP_ACT_ALLOW\"},\n  {\"names\": [], \"action\": \"SCMP_ACT_ALLOW\"},\n"
                         "  {\"names\": [\"read\"]},\n  {\"names\": [\"x\"], \"action\": \"SCMP_ACT_ALLOW\", "
                         "\"args\": [{\"index\": 0, \"op\": \"EQ\"}]}\n ]}"),
        "seccomp.json:3:3: error: a `syscalls` entry without `names`: it applies to no syscall\n"
        "  {\"action\": \"SCMP_ACT_ALLOW\"},\n"
        "  ^\n"
        "seccomp.json:4:3: error: a `syscalls` entry with an empty `names` list: it applies to no syscall\n"
        "  {\"names\": [], \"action\": \"SCMP_ACT_ALLOW\"},\n"
        "  ^\n"
        "seccomp.json:5:3: error: a `syscalls` entry without `action`: Docker refuses to load the profile\n"
        "  {\"names\": [\"read\"]},\n"
        "  ^\n"
        "seccomp.json:6:76: error: unknown seccomp operator `EQ` (expected SCMP_CMP_EQ, SCMP_CMP_NE, "
        "SCMP_CMP_LT, SCMP_CMP_LE, SCMP_CMP_GT, SCMP_CMP_GE or SCMP_CMP_MASKED_EQ)\n"
        "  {\"names\": [\"x\"], \"action\": \"SCMP_ACT_ALLOW\", \"args\": [{\"index\": 0, \"op\": \"EQ\"}]}\n"
        "                                                                           ^\n");
    EXPECT_EQ(
        diagnostics_text("{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{\"names\": [\"read\"],}]}"),
        "seccomp.json:1:69: error: invalid JSON: syntax error while parsing object key - unexpected '}'; "
        "expected string literal\n"
        "{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"syscalls\": [{\"names\": [\"read\"],}]}\n"
        "                                                                    ^\n");
}

TEST(SeccompProfile, UnknownKeysAreWarnings) {
    auto r = parse("{\"defaultAction\": \"SCMP_ACT_ERRNO\", \"defaultActoin\": 1}");
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].level, core::DiagLevel::warning);
}

TEST(SeccompProfile, DockerDefaultProfileParsesAndPasses) {
    std::string text = default_profile();
    ASSERT_FALSE(text.empty()) << "missing ../shared/specs/seccomp-default.json";
    auto r = parse(text);
    ASSERT_TRUE(r.ok);
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].message;
    EXPECT_GT(r.profile.syscalls.size(), 20U);
    report::FileResult res = scan(text);
    for (const core::Finding& f : res.findings) {
        EXPECT_LT(f.severity, core::Severity::high) << f.rule_id << " " << f.message;
        ADD_FAILURE() << "Docker's default profile: " << f.rule_id << " at " << f.location.line << ": "
                      << f.message;
    }
}

TEST(SeccompProfile, DefaultActionAllowIsHigh) {
    report::FileResult r = scan("{\n  \"defaultAction\": \"SCMP_ACT_LOG\"\n}\n", {"BD230"});
    ASSERT_EQ(r.findings.size(), 1U);
    EXPECT_EQ(r.findings[0].severity, core::Severity::high);
    EXPECT_EQ(r.findings[0].location.line, 2U);
    EXPECT_EQ(r.findings[0].location.column, 3U);
}

TEST(SeccompProfile, UnconditionalDangerousSyscallsAreReportedAtTheirName) {
    std::string text = R"({
  "defaultAction": "SCMP_ACT_ERRNO",
  "syscalls": [
    {"names": ["read", "mount", "keyctl"], "action": "SCMP_ACT_ALLOW"},
    {"names": ["unshare"], "action": "SCMP_ACT_LOG"},
    {"names": ["setns"], "action": "SCMP_ACT_ERRNO"},
    {"names": ["bpf"], "action": "SCMP_ACT_ALLOW", "includes": {"caps": ["CAP_BPF"]}},
    {"names": ["clone"], "action": "SCMP_ACT_ALLOW", "excludes": {"caps": ["CAP_SYS_ADMIN"]}},
    {"names": ["ptrace"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4.8"}},
    {"names": ["process_vm_readv"], "action": "SCMP_ACT_ALLOW", "includes": {"minKernel": "4.4"}},
    {"names": ["personality"], "action": "SCMP_ACT_ALLOW", "args": [{"index": 0, "value": 0, "op": "SCMP_CMP_EQ"}]}
  ]
})";
    report::FileResult r = scan(text, {"BD231", "BD232"});
    std::vector<std::string> got;
    for (const core::Finding& f : r.findings) {
        got.push_back(f.rule_id + "@" + std::to_string(f.location.line) + ":" +
                      std::to_string(f.location.column));
    }
    EXPECT_EQ(got, (std::vector<std::string>{"BD231@4:24", "BD232@4:33", "BD231@5:16", "BD231@8:16",
                                             "BD232@10:16"}));
}

TEST(SeccompProfile, DefaultAllowDoesNotAlsoReportEachSyscall) {
    report::FileResult r = scan(
        "{\"defaultAction\": \"SCMP_ACT_ALLOW\", \"syscalls\": [{\"names\": [\"mount\"], \"action\": "
        "\"SCMP_ACT_ALLOW\"}]}");
    ASSERT_EQ(r.findings.size(), 1U);
    EXPECT_EQ(r.findings[0].rule_id, "BD230");
}
