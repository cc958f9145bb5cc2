// The dockerd command line: every flag form, ExecStart= extraction from systemd units and
// drop-ins, DOCKER_OPTS=/OPTIONS= environment files, and the locations of values.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/daemon/parser.hpp"
#include "support/scan_helpers.hpp"

using namespace bulwark;

namespace {

input::daemon::ParseResult parse(const std::string& text, const std::string& path = "docker.service") {
    return input::daemon::parse_dockerd_config(std::make_shared<const util::SourceFile>(path, text));
}

std::string unit(const std::string& exec) {
    return "[Unit]\nDescription=Docker\n\n[Service]\nType=notify\nExecStart=" + exec + "\n";
}

std::string text_of(const model::Origin& o) {
    return o.file->text().substr(o.range.begin, o.range.end - o.range.begin);
}

std::string at(const model::Origin& o) {
    util::Position p = o.file->position(o.range.begin);
    return std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string messages(const input::daemon::ParseResult& r) {
    std::string out;
    for (const core::Diagnostic& d : r.diagnostics) {
        out += d.message + "\n";
    }
    return out;
}

}  // namespace

TEST(DaemonDockerd, EveryFlagForm) {
    auto r =
        parse(unit("/usr/bin/dockerd -H fd:// -H=unix:///run/d.sock -Htcp://0.0.0.0:2375 --host tcp://h:1 "
                   "--host=tcp://h:2 --icc=false --iptables=0 --live-restore --userland-proxy=False "
                   "--insecure-registry r1:5000 --insecure-registry=r2 -l debug -D -s aufs "
                   "--tlsverify=true --default-ulimit nofile=1024:2048 --log-opt max-size=10m "
                   "--containerd=/run/containerd/containerd.sock"));
    ASSERT_TRUE(r.ok);
    EXPECT_EQ(messages(r), "");
    const model::DaemonSpec& d = r.spec;
    EXPECT_EQ(d.source_kind, "dockerd");
    EXPECT_FALSE(d.defaults_apply);
    ASSERT_EQ(d.hosts.size(), 5U);
    EXPECT_EQ(d.hosts[0].value, "fd://");
    EXPECT_EQ(d.hosts[1].value, "unix:///run/d.sock");
    EXPECT_EQ(d.hosts[2].value, "tcp://0.0.0.0:2375");
    EXPECT_EQ(d.hosts[3].value, "tcp://h:1");
    EXPECT_EQ(text_of(d.hosts[3].origin), "--host tcp://h:1");
    EXPECT_EQ(d.hosts[4].value, "tcp://h:2");
    EXPECT_TRUE(d.icc.set);
    EXPECT_FALSE(d.icc.value);
    EXPECT_EQ(text_of(d.icc.origin), "--icc=false");
    EXPECT_FALSE(d.iptables.value);
    EXPECT_TRUE(d.live_restore.set);
    EXPECT_TRUE(d.live_restore.value);
    EXPECT_FALSE(d.userland_proxy.value);
    ASSERT_EQ(d.insecure_registries.size(), 2U);
    EXPECT_EQ(d.insecure_registries[0].value, "r1:5000");
    EXPECT_EQ(d.insecure_registries[1].value, "r2");
    EXPECT_EQ(d.log_level.value, "debug");
    EXPECT_EQ(text_of(d.log_level.origin), "-l debug");
    EXPECT_TRUE(d.debug.value);
    EXPECT_EQ(d.storage_driver.value, "aufs");
    EXPECT_TRUE(d.tlsverify.value);
    ASSERT_EQ(d.default_ulimits.size(), 1U);
    EXPECT_EQ(d.default_ulimits[0].name, "nofile");
    ASSERT_EQ(d.log_opts.size(), 1U);
    EXPECT_EQ(d.log_opts[0].name, "max-size");
    EXPECT_EQ(d.log_opts[0].value.value, "10m");
    EXPECT_EQ(at(d.origin), "6:11");
    EXPECT_EQ(text_of(d.origin), "/usr/bin/dockerd");
}

TEST(DaemonDockerd, UnknownFlagsAndBadValuesAreLocated) {
    std::string text = unit("/usr/bin/dockerd --icc=maybe --no-such-flag x --live-restor -H");
    auto src = std::make_shared<const util::SourceFile>("docker.service", text);
    auto r = input::daemon::parse_dockerd_config(src);
    std::string out;
    for (const core::Diagnostic& d : r.diagnostics) {
        out += core::format_diagnostic(d, src.get());
    }
    EXPECT_EQ(out,
              "docker.service:6:28: error: invalid boolean `maybe` for `--icc`: use true or false\n"
              "ExecStart=/usr/bin/dockerd --icc=maybe --no-such-flag x --live-restor -H\n"
              "                           ^\n"
              "docker.service:6:40: warning: unknown dockerd flag `--no-such-flag`\n"
              "ExecStart=/usr/bin/dockerd --icc=maybe --no-such-flag x --live-restor -H\n"
              "                                       ^\n"
              "docker.service:6:57: warning: unknown dockerd flag `--live-restor` (did you mean "
              "`--live-restore`?)\n"
              "ExecStart=/usr/bin/dockerd --icc=maybe --no-such-flag x --live-restor -H\n"
              "                                                        ^\n"
              "docker.service:6:71: error: flag `-H` needs a value\n"
              "ExecStart=/usr/bin/dockerd --icc=maybe --no-such-flag x --live-restor -H\n"
              "                                                                      ^\n");
    EXPECT_FALSE(r.spec.icc.set);
}

TEST(DaemonDockerd, VariablesAreSkippedAndMakeValuesUnknown) {
    auto r = parse(unit("/usr/bin/dockerd $DOCKER_OPTS -H ${HOST} --icc=false"));
    EXPECT_EQ(messages(r),
              "$DOCKER_OPTS is not set by Environment= in this unit: the flags it holds are unknown\n"
              "$HOST is not set by Environment= in this unit: the flags it holds are unknown\n");
    ASSERT_EQ(r.spec.hosts.size(), 1U);
    EXPECT_FALSE(r.spec.hosts[0].known);
    EXPECT_FALSE(r.spec.icc.value);
}

TEST(DaemonDockerd, OldSingleDashLongFlagsAndDockerDaemon) {
    auto r = parse(unit("/usr/bin/docker daemon -icc=false -H tcp://0.0.0.0:2375"));
    EXPECT_EQ(messages(r), "");
    EXPECT_FALSE(r.spec.icc.value);
    ASSERT_EQ(r.spec.hosts.size(), 1U);
    auto old = parse(unit("/usr/bin/docker -d --selinux-enabled"));
    EXPECT_TRUE(old.spec.selinux_enabled.value);
}

TEST(DaemonDockerd, ContinuationLinesKeepEachFlagsOwnLine) {
    std::string text =
        "[Service]\n"
        "ExecStart=/usr/bin/dockerd \\\n"
        "    -H fd:// \\\n"
        "# a comment inside the continuation\n"
        "    --icc=false \\\n"
        "    --tlsverify\n";
    auto r = parse(text);
    EXPECT_EQ(messages(r), "");
    ASSERT_EQ(r.spec.hosts.size(), 1U);
    EXPECT_EQ(at(r.spec.hosts[0].origin), "3:5");
    EXPECT_EQ(at(r.spec.icc.origin), "5:5");
    EXPECT_EQ(text_of(r.spec.icc.origin), "--icc=false");
    EXPECT_EQ(at(r.spec.tlsverify.origin), "6:5");
}

TEST(DaemonDockerd, LastNonEmptyExecStartWinsAndEmptyResets) {
    std::string dropin =
        "[Service]\n"
        "ExecStart=\n"
        "ExecStart=-/usr/bin/dockerd -H fd:// --live-restore\n";
    auto r = parse(dropin, "etc/systemd/system/docker.service.d/override.conf");
    EXPECT_TRUE(r.spec.live_restore.value);
    EXPECT_EQ(at(r.spec.live_restore.origin), "3:38");

    std::string two =
        "[Service]\nExecStart=/usr/bin/dockerd --icc=false\nExecStart=/usr/bin/dockerd --iptables=false\n";
    auto t = parse(two);
    EXPECT_FALSE(t.spec.icc.set);
    EXPECT_FALSE(t.spec.iptables.value);

    std::string reset = "[Service]\nExecStart=/usr/bin/dockerd --icc=false\nExecStart=\n";
    auto e = parse(reset);
    EXPECT_FALSE(e.spec.icc.set);

    std::string other_section = "[Unit]\nExecStart=/usr/bin/dockerd --icc=false\n[Service]\nUser=root\n";
    EXPECT_FALSE(parse(other_section).spec.icc.set);
}

TEST(DaemonDockerd, ExecStartOfAnotherProgramIsANote) {
    auto r = parse("[Service]\nExecStart=/usr/bin/containerd\n");
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].level, core::DiagLevel::note);
    EXPECT_EQ(r.diagnostics[0].location.line, 2U);
}

TEST(DaemonDockerd, DefaultDockerEnvironmentFile) {
    std::string text =
        "# Docker Upstart and SysVinit configuration file\n"
        "#DOCKER_OPTS=\"--dns 8.8.8.8\"\n"
        "DOCKER_OPTS=\"--dns 8.8.8.8 -H tcp://0.0.0.0:2375 --icc=false\"\n"
        "export TMPDIR=/tmp\n";
    auto r = parse(text, "etc/default/docker");
    EXPECT_EQ(messages(r), "");
    ASSERT_EQ(r.spec.hosts.size(), 1U);
    EXPECT_EQ(text_of(r.spec.hosts[0].origin), "-H tcp://0.0.0.0:2375");
    EXPECT_EQ(at(r.spec.hosts[0].origin), "3:28");
    EXPECT_FALSE(r.spec.icc.value);
    EXPECT_EQ(at(r.spec.origin), "3:1");
}

TEST(DaemonDockerd, SysconfigOptionsSingleQuotedAndExported) {
    auto r = parse("OPTIONS='--selinux-enabled --log-driver=journald --signature-verification=false'\n",
                   "etc/sysconfig/docker");
    EXPECT_EQ(messages(r), "");
    EXPECT_TRUE(r.spec.selinux_enabled.value);
    EXPECT_EQ(r.spec.log_driver.value, "journald");
    EXPECT_EQ(text_of(r.spec.log_driver.origin), "--log-driver=journald");

    auto e = parse("export DOCKER_OPTS=--live-restore\n", "etc/default/docker");
    EXPECT_TRUE(e.spec.live_restore.value);
    EXPECT_EQ(text_of(e.spec.live_restore.origin), "--live-restore");

    auto last = parse("DOCKER_OPTS=\"--icc=true\"\nDOCKER_OPTS=\"--icc=false\"\n", "etc/default/docker");
    EXPECT_FALSE(last.spec.icc.value);
}

TEST(DaemonDockerd, ScanReportsOnlyWhatTheCommandLineSays) {
    core::Policy policy = bulwark::testing::test_policy();
    report::FileResult quiet = bulwark::testing::scan_text_as("dockerd", unit("/usr/bin/dockerd -H fd://"),
                                                              policy, "docker.service");
    EXPECT_TRUE(quiet.findings.empty()) << quiet.findings[0].rule_id;

    report::FileResult loud = bulwark::testing::scan_text_as(
        "dockerd", unit("/usr/bin/dockerd -H fd:// -H tcp://0.0.0.0:2375 --icc=true"), policy,
        "docker.service");
    ASSERT_EQ(loud.findings.size(), 2U);
    EXPECT_EQ(loud.findings[0].rule_id, "BD205");
    EXPECT_EQ(loud.findings[0].severity, core::Severity::critical);
    EXPECT_EQ(loud.findings[0].location.line, 6U);
    EXPECT_EQ(loud.findings[0].location.column, 37U);
    EXPECT_NE(loud.findings[0].fix.find("--tlsverify"), std::string::npos);
    EXPECT_EQ(loud.findings[1].rule_id, "BD200");
    EXPECT_NE(loud.findings[1].fix.find("--icc=false"), std::string::npos);
}

TEST(DaemonDockerd, DaemonStartedThroughAShell) {
    auto r = parse(unit("/bin/sh -c 'exec /usr/bin/dockerd -H fd:// --icc=false'"));
    EXPECT_EQ(messages(r), "");
    EXPECT_FALSE(r.spec.icc.value);
    EXPECT_EQ(text_of(r.spec.icc.origin), "--icc=false");
}

namespace {

TEST(DaemonDockerd, EnvironmentOfTheUnitResolvesVariables) {
    auto r = parse(
        "[Service]\n"
        "Environment=\"DOCKER_OPTS=--icc=true --iptables=false\" HOST=tcp://0.0.0.0:2375\n"
        "ExecStart=/usr/bin/dockerd $DOCKER_OPTS -H ${HOST}\n");
    EXPECT_EQ(messages(r), "");
    ASSERT_TRUE(r.spec.icc.set);
    EXPECT_TRUE(r.spec.icc.value);
    EXPECT_EQ(at(r.spec.icc.origin), "2:26");  // inside the Environment= line
    EXPECT_EQ(text_of(r.spec.icc.origin), "--icc=true");
    ASSERT_TRUE(r.spec.iptables.set);
    EXPECT_FALSE(r.spec.iptables.value);
    ASSERT_EQ(r.spec.hosts.size(), 1U);
    EXPECT_TRUE(r.spec.hosts[0].known);
    EXPECT_EQ(r.spec.hosts[0].value, "tcp://0.0.0.0:2375");
}

TEST(DaemonDockerd, LastEnvironmentWinsAndEmptyResets) {
    auto r = parse(
        "[Service]\nEnvironment=DOCKER_OPTS=--icc=true\nEnvironment=\nEnvironment=OTHER=1\n"
        "ExecStart=/usr/bin/dockerd $DOCKER_OPTS\n");
    EXPECT_FALSE(r.spec.icc.set);
    EXPECT_EQ(messages(r),
              "$DOCKER_OPTS is not set by Environment= in this unit: the flags it holds are unknown\n");
    r = parse(
        "[Service]\nEnvironment=DOCKER_OPTS=--icc=true\nEnvironment='DOCKER_OPTS=--icc=false'\n"
        "ExecStart=/usr/bin/dockerd $DOCKER_OPTS\n");
    ASSERT_TRUE(r.spec.icc.set);
    EXPECT_FALSE(r.spec.icc.value);
}

TEST(DaemonDockerd, EnvironmentFileMakesVariablesUnknownOrOverridable) {
    auto r = parse(
        "[Service]\nEnvironmentFile=-/etc/default/docker\nExecStart=/usr/bin/dockerd -H fd:// "
        "$DOCKER_OPTS\n");
    EXPECT_EQ(
        messages(r),
        "$DOCKER_OPTS comes from EnvironmentFile=-/etc/default/docker, which is not scanned with this unit: "
        "the flags it holds are unknown\n");
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].level, core::DiagLevel::note);
    EXPECT_EQ(r.diagnostics[0].location.line, 3U);
    EXPECT_EQ(r.diagnostics[0].location.column, 37U);
    r = parse(
        "[Service]\nEnvironmentFile=-/etc/default/docker\nEnvironment=DOCKER_OPTS=--icc=true\n"
        "ExecStart=/usr/bin/dockerd $DOCKER_OPTS\n");
    ASSERT_TRUE(r.spec.icc.set);
    EXPECT_NE(messages(r).find("would override it"), std::string::npos) << messages(r);
}

}  // namespace
