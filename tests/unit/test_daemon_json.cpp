// daemon.json parsing: values with their origin, types, unknown keys, bad JSON; and the scan of the
// "daemon" input kind (which rules fire on an empty configuration).
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/daemon/parser.hpp"
#include "bulwark/rules/rule.hpp"
#include "support/scan_helpers.hpp"

using namespace bulwark;

namespace {

input::daemon::ParseResult parse(const std::string& text) {
    return input::daemon::parse_daemon_json(std::make_shared<const util::SourceFile>("daemon.json", text));
}

/// "line:col" of the start of `o`.
std::string at(const model::Origin& o) {
    util::Position p = o.file->position(o.range.begin);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

/// The text `o` covers.
std::string text_of(const model::Origin& o) {
    return o.file->text().substr(o.range.begin, o.range.end - o.range.begin);
}

std::string formatted(const input::daemon::ParseResult& r, const util::SourceFile& src) {
    std::string out;
    for (const core::Diagnostic& d : r.diagnostics) {
        out += core::format_diagnostic(d, &src);
    }
    return out;
}

}  // namespace

TEST(DaemonJson, ReadsEveryModelledKeyWithItsOrigin) {
    auto r = parse(R"({
  "icc": false,
  "log-level": "warn",
  "iptables": false,
  "insecure-registries": ["reg.example:5000", "10.0.0.0/8"],
  "storage-driver": "aufs",
  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"],
  "tls": true, "tlsverify": false, "tlscacert": "/ca.pem", "tlscert": "/c.pem", "tlskey": "/k.pem",
  "default-ulimits": {"nofile": {"Name": "nofile", "Hard": 64000, "Soft": 64000}},
  "userns-remap": "default",
  "cgroup-parent": "/foo",
  "authorization-plugins": ["authz"],
  "log-driver": "syslog",
  "log-opts": {"syslog-address": "udp://1.2.3.4:514"},
  "no-new-privileges": true,
  "live-restore": true,
  "userland-proxy": false,
  "seccomp-profile": "unconfined",
  "experimental": true,
  "selinux-enabled": true,
  "default-runtime": "runsc",
  "data-root": "/srv/docker",
  "storage-opts": ["dm.basesize=20G"]
}
)");
    ASSERT_TRUE(r.ok);
    EXPECT_TRUE(r.diagnostics.empty());
    const model::DaemonSpec& d = r.spec;
    EXPECT_EQ(d.source_kind, "daemon.json");
    EXPECT_TRUE(d.defaults_apply);
    EXPECT_TRUE(d.icc.set);
    EXPECT_FALSE(d.icc.value);
    EXPECT_EQ(at(d.icc.origin), "2:3");
    EXPECT_EQ(text_of(d.icc.origin), "\"icc\": false");
    EXPECT_EQ(d.log_level.value, "warn");
    EXPECT_FALSE(d.iptables.value);
    ASSERT_EQ(d.insecure_registries.size(), 2U);
    EXPECT_EQ(d.insecure_registries[1].value, "10.0.0.0/8");
    EXPECT_EQ(text_of(d.insecure_registries[1].origin), "\"10.0.0.0/8\"");
    EXPECT_EQ(at(d.insecure_registries[0].origin), "5:27");
    EXPECT_EQ(d.storage_driver.value, "aufs");
    ASSERT_EQ(d.hosts.size(), 2U);
    EXPECT_EQ(d.hosts[1].value, "tcp://0.0.0.0:2375");
    EXPECT_TRUE(d.tls.value);
    EXPECT_TRUE(d.tlsverify.set);
    EXPECT_FALSE(d.tlsverify.value);
    EXPECT_EQ(d.tlscacert.value, "/ca.pem");
    EXPECT_EQ(d.tlscert.value, "/c.pem");
    EXPECT_EQ(d.tlskey.value, "/k.pem");
    ASSERT_EQ(d.default_ulimits.size(), 1U);
    EXPECT_EQ(d.default_ulimits[0].name, "nofile");
    EXPECT_EQ(d.userns_remap.value, "default");
    EXPECT_EQ(d.cgroup_parent.value, "/foo");
    ASSERT_EQ(d.authorization_plugins.size(), 1U);
    EXPECT_EQ(d.log_driver.value, "syslog");
    ASSERT_EQ(d.log_opts.size(), 1U);
    EXPECT_EQ(d.log_opts[0].name, "syslog-address");
    EXPECT_EQ(d.log_opts[0].value.value, "udp://1.2.3.4:514");
    EXPECT_TRUE(d.no_new_privileges.value);
    EXPECT_TRUE(d.live_restore.value);
    EXPECT_FALSE(d.userland_proxy.value);
    EXPECT_EQ(d.seccomp_profile.value, "unconfined");
    EXPECT_TRUE(d.experimental.value);
    EXPECT_TRUE(d.selinux_enabled.value);
    EXPECT_EQ(d.default_runtime.value, "runsc");
    EXPECT_EQ(d.data_root.value, "/srv/docker");
    ASSERT_EQ(d.storage_opts.size(), 1U);
}

TEST(DaemonJson, AbsentKeysHoldDockerDefaults) {
    auto r = parse("{}\n");
    ASSERT_TRUE(r.ok);
    const model::DaemonSpec& d = r.spec;
    EXPECT_FALSE(d.icc.set);
    EXPECT_TRUE(d.icc.value);
    EXPECT_EQ(d.log_level.value, "info");
    EXPECT_TRUE(d.iptables.value);
    EXPECT_TRUE(d.userland_proxy.value);
    EXPECT_FALSE(d.live_restore.value);
    EXPECT_FALSE(d.no_new_privileges.value);
    EXPECT_EQ(d.log_driver.value, "json-file");
    EXPECT_EQ(d.default_runtime.value, "runc");
    EXPECT_EQ(at(d.origin), "1:1");
}

TEST(DaemonJson, OffsetsAreBytesAfterMultibyteTextAndBom) {
    auto r = parse("\xEF\xBB\xBF{\"labels\": [\"é€\"], \"icc\": true}");
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(text_of(r.spec.icc.origin), "\"icc\": true");
    auto tabs = parse("{\n\t\"live-restore\":\ttrue\n}");
    ASSERT_TRUE(tabs.ok);
    EXPECT_EQ(at(tabs.spec.live_restore.origin), "2:2");
}

TEST(DaemonJson, BadJsonIsALocatedErrorWithCaret) {
    std::string text = "{\n  \"icc\": false,\n  \"log-level\" \"debug\"\n}\n";
    auto src = std::make_shared<const util::SourceFile>("daemon.json", text);
    auto r = input::daemon::parse_daemon_json(src);
    EXPECT_FALSE(r.ok);
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(
        formatted(r, *src),
        "daemon.json:3:21: error: invalid JSON: syntax error while parsing object separator - unexpected "
        "string literal; expected ':'\n"
        "  \"log-level\" \"debug\"\n"
        "                    ^\n");
}

TEST(DaemonJson, TrailingCommaAndCommentsAreNotJson) {
    EXPECT_FALSE(parse("{\"icc\": false,}").ok);
    EXPECT_FALSE(parse("// comment\n{}").ok);
    EXPECT_FALSE(parse("").ok);
    auto deep = parse(std::string(100, '[') + std::string(100, ']'));
    EXPECT_FALSE(deep.ok);
    ASSERT_EQ(deep.diagnostics.size(), 1U);
    EXPECT_EQ(deep.diagnostics[0].message, "JSON nested deeper than 64 levels");
}

TEST(DaemonJson, WrongTypesAreErrorsAndUnknownKeysWarnings) {
    std::string text =
        "{\n  \"icc\": \"false\",\n  \"live-restor\": true,\n  \"log-opts\": {\"max-file\": 3},\n"
        "  \"hosts\": \"tcp://x\"\n}\n";
    auto src = std::make_shared<const util::SourceFile>("daemon.json", text);
    auto r = input::daemon::parse_daemon_json(src);
    EXPECT_TRUE(r.ok);
    EXPECT_FALSE(r.spec.icc.set);
    EXPECT_EQ(
        formatted(r, *src),
        "daemon.json:2:10: error: `icc` must be true or false, not a string\n"
        "  \"icc\": \"false\",\n"
        "         ^\n"
        "daemon.json:3:3: warning: unknown daemon.json key `live-restor` (did you mean `live-restore`?): "
        "dockerd refuses to start\n"
        "  \"live-restor\": true,\n"
        "  ^\n"
        "daemon.json:4:28: error: `max-file` must be a string (quote numbers: \"3\"), not a number\n"
        "  \"log-opts\": {\"max-file\": 3},\n"
        "                           ^\n"
        "daemon.json:5:12: error: `hosts` must be an array of strings, not a string\n"
        "  \"hosts\": \"tcp://x\"\n"
        "           ^\n");
}

TEST(DaemonJson, TopLevelMustBeAnObject) {
    auto r = parse("[1, 2]");
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].message, "daemon.json must hold a JSON object, not an array");
}

TEST(DaemonJson, KnownButUnmodelledKeysAreAccepted) {
    auto r =
        parse(R"({"registry-mirrors": ["https://m"], "bip": "10.1.0.1/24", "features": {"buildkit": true},
"default-address-pools": [{"base": "10.10.0.0/16", "size": 24}], "runtimes": {"runsc": {"path": "/x"}},
"exec-opts": ["native.cgroupdriver=systemd"], "mtu": 1450, "dns": ["1.1.1.1"]})");
    EXPECT_TRUE(r.ok);
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics[0].message;
}

TEST(DaemonScan, EmptyConfigFiresOnlyTheDocumentedDefaultRules) {
    core::Policy policy = bulwark::testing::test_policy();
    report::FileResult r = bulwark::testing::scan_text_as("daemon", "{}\n", policy, "daemon.json");
    std::set<std::string> ids;
    for (const core::Finding& f : r.findings) {
        ids.insert(f.rule_id);
        EXPECT_LE(f.severity, core::Severity::medium) << f.rule_id;
        EXPECT_EQ(f.location.line, 1U) << f.rule_id;
        EXPECT_EQ(f.location.column, 1U) << f.rule_id;
        EXPECT_FALSE(f.fix.empty()) << f.rule_id;
    }
    EXPECT_EQ(
        ids, (std::set<std::string>{"BD200", "BD206", "BD207", "BD209", "BD210", "BD211", "BD212", "BD213"}));
}

TEST(DaemonScan, HardenedConfigHasNoFindings) {
    core::Policy policy = bulwark::testing::test_policy();
    std::string text = R"({
  "icc": false,
  "log-level": "info",
  "userns-remap": "default",
  "no-new-privileges": true,
  "live-restore": true,
  "userland-proxy": false,
  "default-ulimits": {"nofile": {"Name": "nofile", "Soft": 65536, "Hard": 65536}},
  "authorization-plugins": ["opa-docker-authz"],
  "log-driver": "syslog",
  "log-opts": {"syslog-address": "tcp://logs.example:514"},
  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2376"],
  "tlsverify": true,
  "tlscacert": "/etc/docker/ca.pem",
  "tlscert": "/etc/docker/server-cert.pem",
  "tlskey": "/etc/docker/server-key.pem"
}
)";
    report::FileResult r = bulwark::testing::scan_text_as("daemon", text, policy, "daemon.json");
    for (const core::Finding& f : r.findings) {
        ADD_FAILURE() << f.rule_id << " " << f.message;
    }
    EXPECT_TRUE(r.diagnostics.empty());
}

TEST(DaemonScan, BadJsonRunsNoRules) {
    core::Policy policy = bulwark::testing::test_policy();
    report::FileResult r = bulwark::testing::scan_text_as("daemon", "{\"icc\": true", policy, "daemon.json");
    EXPECT_TRUE(r.findings.empty());
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].level, core::DiagLevel::error);
}

TEST(DaemonScan, TcpWithoutTlsIsCriticalAtTheHostEntry) {
    core::Policy policy = bulwark::testing::test_policy({"BD205"});
    std::string text = "{\n  \"hosts\": [\"fd://\", \"tcp://0.0.0.0:2375\", \"tcp://127.0.0.1:2375\"]\n}\n";
    report::FileResult r = bulwark::testing::scan_text_as("daemon", text, policy, "daemon.json");
    ASSERT_EQ(r.findings.size(), 2U);
    EXPECT_EQ(r.findings[0].severity, core::Severity::critical);
    EXPECT_EQ(r.findings[0].location.line, 2U);
    EXPECT_EQ(r.findings[0].location.column, 22U);
    EXPECT_EQ(r.findings[1].severity, core::Severity::high);
    EXPECT_NE(r.findings[0].message.find("tcp://0.0.0.0:2375"), std::string::npos);
}

TEST(DaemonClaims, FileNames) {
    const engine::InputKind* k = engine::kind_for_path("etc/docker/daemon.json");
    ASSERT_NE(k, nullptr);
    EXPECT_EQ(k->name, "daemon");
    for (const char* p : {"docker.service", "lib/systemd/system/docker.service",
                          "etc/systemd/system/docker.service.d/override.conf", "docker.service.d/http.conf",
                          "etc/default/docker", "/etc/sysconfig/docker", "default/docker"}) {
        const engine::InputKind* d = engine::kind_for_path(p);
        ASSERT_NE(d, nullptr) << p;
        EXPECT_EQ(d->name, "dockerd") << p;
    }
    for (const char* p :
         {"etc/systemd/system/override.conf", "docker", "nodefault/docker", "docker.socket"}) {
        const engine::InputKind* d = engine::kind_for_path(p);
        EXPECT_TRUE(d == nullptr || d->name != "dockerd") << p;
    }
    for (const char* p : {"seccomp.json", "profiles/my-Seccomp-profile.JSON", "default-seccomp.json"}) {
        const engine::InputKind* s = engine::kind_for_path(p);
        ASSERT_NE(s, nullptr) << p;
        EXPECT_EQ(s->name, "seccomp") << p;
    }
    const engine::InputKind* other = engine::kind_for_path("package.json");
    EXPECT_TRUE(other == nullptr || other->name != "seccomp");
}
