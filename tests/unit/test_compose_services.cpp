// Compose service fields -> model::ContainerSpec: volumes, ports, tmpfs, environment, limits, namespaces ...
#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

#include "compose_test_helpers.hpp"
#include "support/forwarding_fs.hpp"

namespace bulwark {
namespace {

using Type = model::ContainerMount::Type;
using testing::container;
using testing::diagnostics_text;
using testing::env_var;
using testing::load_compose;
using testing::origin_text;

const model::ContainerSpec& only(const input::compose::LoadResult& r) {
    EXPECT_EQ(diagnostics_text(r), "");
    EXPECT_EQ(r.project.containers.size(), 1U);
    return r.project.containers.front();
}

TEST(ComposeServices, ShortVolumes) {
    auto r = load_compose(
        "services:\n  s:\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n      - "
        "./data:/data:z,rshared\n      - named:/srv\n      - /anon\n      - ~/x:/x:rw\n");
    const model::ContainerSpec& c = only(r);
    ASSERT_EQ(c.mounts.size(), 5U);
    EXPECT_EQ(c.mounts[0].type, Type::bind);
    EXPECT_EQ(c.mounts[0].source.value, "/var/run/docker.sock");
    EXPECT_EQ(origin_text(c.mounts[0].source.origin), "/var/run/docker.sock");
    EXPECT_EQ(origin_text(c.mounts[0].target.origin), "/var/run/docker.sock");
    EXPECT_TRUE(c.mounts[0].read_only.set && c.mounts[0].read_only.value);
    EXPECT_EQ(origin_text(c.mounts[0].read_only.origin), "ro");
    EXPECT_EQ(c.mounts[1].type, Type::bind);
    EXPECT_EQ(c.mounts[1].selinux.value, "z");
    EXPECT_EQ(c.mounts[1].propagation.value, "rshared");
    EXPECT_EQ(origin_text(c.mounts[1].propagation.origin), "rshared");
    EXPECT_EQ(c.mounts[2].type, Type::volume);
    EXPECT_EQ(c.mounts[2].source.value, "named");
    EXPECT_EQ(c.mounts[3].type, Type::volume);
    EXPECT_FALSE(c.mounts[3].source.set);
    EXPECT_EQ(c.mounts[3].target.value, "/anon");
    EXPECT_EQ(c.mounts[4].type, Type::bind);
    EXPECT_TRUE(c.mounts[4].read_only.set);
    EXPECT_FALSE(c.mounts[4].read_only.value);
    EXPECT_EQ(origin_text(c.mounts[0].origin), "/var/run/docker.sock:/var/run/docker.sock:ro");
}

TEST(ComposeServices, LongVolumes) {
    auto r = load_compose(
        "services:\n  s:\n    volumes:\n      - type: bind\n        source: /\n        target: /host\n       "
        " "
        "read_only: true\n        bind:\n          propagation: rshared\n          selinux: Z\n      - type: "
        "tmpfs\n  "
        "      target: /tmp\n        tmpfs:\n          size: 1000\n      - type: volume\n        source: v\n "
        "       "
        "target: /v\n        volume:\n          nocopy: true\n");
    const model::ContainerSpec& c = only(r);
    ASSERT_EQ(c.mounts.size(), 3U);
    EXPECT_EQ(c.mounts[0].type, Type::bind);
    EXPECT_EQ(c.mounts[0].source.value, "/");
    EXPECT_TRUE(c.mounts[0].read_only.value);
    EXPECT_EQ(c.mounts[0].propagation.value, "rshared");
    EXPECT_EQ(c.mounts[0].selinux.value, "Z");
    EXPECT_EQ(c.mounts[1].type, Type::tmpfs);
    EXPECT_EQ(c.mounts[1].target.value, "/tmp");
    EXPECT_EQ(c.mounts[2].type, Type::volume);
}

TEST(ComposeServices, LongVolumeUnknownKeys) {
    auto r = load_compose(
        "services:\n  s:\n    volumes:\n      - type: bind\n        source: /\n        target: /h\n        "
        "readonly: "
        "true\n        bind:\n          propogation: shared\n");
    EXPECT_EQ(diagnostics_text(r),
              "compose.yaml:7:9: warning: unknown key 'readonly' in volumes (did you mean 'read_only'?)\n"
              "compose.yaml:9:11: warning: unknown key 'propogation' in volumes.bind (did you mean "
              "'propagation'?)\n");
}

TEST(ComposeServices, Tmpfs) {
    auto r = load_compose("services:\n  s:\n    tmpfs:\n      - /run\n      - /tmp:size=64m,mode=1777\n");
    const model::ContainerSpec& c = only(r);
    ASSERT_EQ(c.mounts.size(), 2U);
    EXPECT_EQ(c.mounts[1].type, Type::tmpfs);
    EXPECT_EQ(c.mounts[1].target.value, "/tmp");
    EXPECT_EQ(origin_text(c.mounts[1].target.origin), "/tmp");
    auto single = load_compose("services:\n  s:\n    tmpfs: /run\n");
    ASSERT_EQ(only(single).mounts.size(), 1U);
    EXPECT_EQ(only(single).mounts[0].target.value, "/run");
}

TEST(ComposeServices, ShortPorts) {
    auto r = load_compose(
        "services:\n  s:\n    ports:\n      - 80\n      - \"8080:80\"\n      - 127.0.0.1:8081:81/udp\n      "
        "- "
        "\"[::1]:8082:82\"\n      - 9000-9010:9000-9010\n      - 127.0.0.1::83\n");
    const model::ContainerSpec& c = only(r);
    ASSERT_EQ(c.ports.size(), 6U);
    EXPECT_EQ(c.ports[0].container_port.value, "80");
    EXPECT_FALSE(c.ports[0].host_port.set);
    EXPECT_EQ(c.ports[1].host_port.value, "8080");
    EXPECT_EQ(origin_text(c.ports[1].host_port.origin), "8080");
    EXPECT_EQ(c.ports[1].container_port.value, "80");
    EXPECT_EQ(c.ports[2].host_ip.value, "127.0.0.1");
    EXPECT_EQ(c.ports[2].host_port.value, "8081");
    EXPECT_EQ(c.ports[2].container_port.value, "81");
    EXPECT_EQ(c.ports[2].protocol, "udp");
    EXPECT_EQ(c.ports[3].host_ip.value, "::1");
    EXPECT_EQ(origin_text(c.ports[3].host_ip.origin), "::1");
    EXPECT_EQ(c.ports[3].host_port.value, "8082");
    EXPECT_EQ(c.ports[4].host_port.value, "9000-9010");
    EXPECT_EQ(c.ports[4].container_port.value, "9000-9010");
    EXPECT_EQ(c.ports[5].host_ip.value, "127.0.0.1");
    EXPECT_FALSE(c.ports[5].host_port.set);
    EXPECT_EQ(c.ports[5].container_port.value, "83");
}

TEST(ComposeServices, InvalidPortsAndVolumesAreErrors) {
    auto r = load_compose(
        "services:\n  s:\n    ports:\n      - \"[::1:80\"\n      - {published: 80}\n    volumes:\n      - "
        "type: "
        "blind\n        target: /x\n");
    EXPECT_EQ(diagnostics_text(r),
              "compose.yaml:4:9: error: ports: invalid port '[::1:80'\n"
              "compose.yaml:5:9: error: ports: an entry needs a 'target'\n"
              "compose.yaml:7:15: error: volumes: unknown type 'blind' (bind, volume, tmpfs, npipe, image or "
              "cluster)\n");
}

TEST(ComposeServices, LongPorts) {
    auto r = load_compose(
        "services:\n  s:\n    ports:\n      - target: 80\n        published: \"8080\"\n        host_ip: "
        "0.0.0.0\n  "
        "      protocol: UDP\n        mode: host\n");
    const model::ContainerSpec& c = only(r);
    ASSERT_EQ(c.ports.size(), 1U);
    EXPECT_EQ(c.ports[0].container_port.value, "80");
    EXPECT_EQ(c.ports[0].host_port.value, "8080");
    EXPECT_EQ(c.ports[0].host_ip.value, "0.0.0.0");
    EXPECT_EQ(c.ports[0].protocol, "udp");
}

TEST(ComposeServices, EnvironmentListAndMap) {
    auto list = load_compose("services:\n  s:\n    environment:\n      - A=1\n      - B\n      - C=x=y\n");
    const model::ContainerSpec& c = only(list);
    ASSERT_EQ(c.environment.size(), 3U);
    EXPECT_EQ(c.environment[0].name, "A");
    EXPECT_EQ(c.environment[0].value.value, "1");
    EXPECT_EQ(origin_text(c.environment[0].value.origin), "1");
    EXPECT_EQ(origin_text(c.environment[0].origin), "A=1");
    EXPECT_FALSE(c.environment[1].value.set);
    EXPECT_EQ(c.environment[2].value.value, "x=y");
    auto map =
        load_compose("services:\n  s:\n    environment:\n      A: 1\n      B:\n      PASSWORD: \"s3cret\"\n");
    const model::ContainerSpec& m = only(map);
    ASSERT_EQ(m.environment.size(), 3U);
    EXPECT_EQ(m.environment[0].value.value, "1");
    EXPECT_FALSE(m.environment[1].value.set);
    EXPECT_EQ(origin_text(m.environment[2].origin), "PASSWORD: \"s3cret\"");
}

TEST(ComposeServices, ListItemsThatAreNotValuesAreErrors) {
    auto r = load_compose(
        "services:\n"
        "  s:\n"
        "    environment:\n"
        "      - PASSWORD: s3cret\n"
        "      - A=1\n"
        "    labels:\n"
        "      - [a, b]\n"
        "    sysctls:\n"
        "      - [x]\n"
        "    annotations: [{a: b}]\n"
        "    networks:\n"
        "      - front: {}\n"
        "      - back\n");
    EXPECT_EQ(diagnostics_text(r),
              "compose.yaml:4:9: error: environment: expected NAME=VALUE, found a map\n"
              "compose.yaml:7:9: error: labels: expected NAME=VALUE, found a list\n"
              "compose.yaml:9:9: error: sysctls: expected NAME=VALUE, found a list\n"
              "compose.yaml:10:19: error: annotations: expected NAME=VALUE, found a map\n"
              "compose.yaml:12:9: error: networks: expected a network name, found a map\n");
    ASSERT_EQ(r.project.containers.size(), 1U);  // the rest is read
    const model::ContainerSpec& c = r.project.containers.front();
    ASSERT_EQ(c.environment.size(), 1U);
    EXPECT_EQ(c.environment[0].name, "A");
    ASSERT_EQ(c.networks.size(), 1U);
}

TEST(ComposeServices, LimitsAndRestart) {
    auto r = load_compose(
        "services:\n  s:\n    deploy:\n      resources:\n        limits:\n          memory: 512m\n          "
        "cpus: "
        "'0.5'\n          pids: 100\n      restart_policy:\n        condition: on-failure\n        "
        "max_attempts: 3\n");
    const model::ContainerSpec& c = only(r);
    EXPECT_EQ(c.memory.value, "512m");
    EXPECT_EQ(c.cpus.value, "0.5");
    EXPECT_EQ(c.pids_limit.value, "100");
    EXPECT_EQ(c.restart.value, "on-failure");
    EXPECT_EQ(c.restart_max_attempts.value, "3");
    auto svc = load_compose(
        "services:\n  s:\n    mem_limit: 1g\n    memswap_limit: -1\n    cpus: 2\n    pids_limit: -1\n    "
        "restart: "
        "always\n    deploy:\n      resources:\n        limits:\n          memory: 2g\n");
    const model::ContainerSpec& d = only(svc);
    EXPECT_EQ(d.memory.value, "1g");
    EXPECT_EQ(d.memory_swap.value, "-1");
    EXPECT_EQ(d.cpus.value, "2");
    EXPECT_EQ(d.pids_limit.value, "-1");
    EXPECT_EQ(d.restart.value, "always");
}

TEST(ComposeServices, PrivilegeAndNamespaces) {
    auto r = load_compose(
        "services:\n  s:\n    privileged: true\n    cap_add: [sys_admin, CAP_NET_ADMIN]\n    cap_drop: "
        "[ALL]\n    "
        "security_opt:\n      - seccomp=unconfined\n      - no-new-privileges:true\n    user: \"0:0\"\n    "
        "network_mode: host\n    pid: host\n    ipc: host\n    uts: host\n    userns_mode: host\n    cgroup: "
        "host\n    "
        "read_only: true\n    init: true\n    cgroup_parent: p\n    runtime: runc\n    group_add: [docker, "
        "999]\n");
    const model::ContainerSpec& c = only(r);
    EXPECT_TRUE(c.privileged.value);
    ASSERT_EQ(c.cap_add.size(), 2U);
    EXPECT_EQ(c.cap_add[0].value, "SYS_ADMIN");
    EXPECT_EQ(c.cap_add[1].value, "NET_ADMIN");
    EXPECT_EQ(c.cap_drop[0].value, "ALL");
    ASSERT_EQ(c.security_opt.size(), 2U);
    EXPECT_EQ(c.security_opt[0].value, "seccomp=unconfined");
    EXPECT_EQ(c.user.value, "0:0");
    EXPECT_EQ(c.network_mode.value, "host");
    EXPECT_EQ(c.pid.value, "host");
    EXPECT_EQ(c.ipc.value, "host");
    EXPECT_EQ(c.uts.value, "host");
    EXPECT_EQ(c.userns_mode.value, "host");
    EXPECT_EQ(c.cgroupns.value, "host");
    EXPECT_TRUE(c.read_only.value);
    EXPECT_TRUE(c.init.value);
    EXPECT_EQ(c.cgroup_parent.value, "p");
    EXPECT_EQ(c.runtime.value, "runc");
    ASSERT_EQ(c.group_add.size(), 2U);
    EXPECT_EQ(c.group_add[1].value, "999");
}

TEST(ComposeServices, DevicesSysctlsUlimits) {
    auto r = load_compose(
        "services:\n  s:\n    devices:\n      - /dev/fuse\n      - /dev/sda:/dev/xvda:r\n      - source: "
        "/dev/kvm\n  "
        "      target: /dev/kvm\n        permissions: rw\n    sysctls:\n      - net.ipv4.ip_forward=1\n    "
        "ulimits:\n "
        "     nproc: 65535\n      nofile:\n        soft: 20000\n        hard: 40000\n");
    const model::ContainerSpec& c = only(r);
    ASSERT_EQ(c.devices.size(), 3U);
    EXPECT_EQ(c.devices[0].host_path.value, "/dev/fuse");
    EXPECT_EQ(c.devices[0].container_path, "/dev/fuse");
    EXPECT_EQ(c.devices[1].container_path, "/dev/xvda");
    EXPECT_EQ(c.devices[1].permissions, "r");
    EXPECT_EQ(c.devices[2].host_path.value, "/dev/kvm");
    EXPECT_EQ(c.devices[2].permissions, "rw");
    ASSERT_EQ(c.sysctls.size(), 1U);
    EXPECT_EQ(c.sysctls[0].name, "net.ipv4.ip_forward");
    EXPECT_EQ(c.sysctls[0].value.value, "1");
    ASSERT_EQ(c.ulimits.size(), 2U);
    EXPECT_EQ(c.ulimits[0].soft.value, 65535);
    EXPECT_EQ(c.ulimits[0].hard.value, 65535);
    EXPECT_EQ(c.ulimits[1].soft.value, 20000);
    EXPECT_EQ(c.ulimits[1].hard.value, 40000);
    auto map = load_compose("services:\n  s:\n    sysctls:\n      net.core.somaxconn: 1024\n");
    EXPECT_EQ(only(map).sysctls[0].value.value, "1024");
}

TEST(ComposeServices, HealthcheckLoggingAndMore) {
    auto r = load_compose(
        "services:\n  a:\n    healthcheck:\n      disable: true\n  b:\n    healthcheck:\n      test: "
        "[\"NONE\"]\n  "
        "c:\n    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost\"]\n    logging:\n "
        "     "
        "driver: none\n    secrets: [db, {source: api, target: k}]\n    labels:\n      a.b: c\n    image: "
        "nginx\n    entrypoint: [\"/bin/sh\", \"-c\"]\n    command: echo hi\n    networks: [front, back]\n   "
        " "
        "profiles: [debug]\n");
    ASSERT_EQ(diagnostics_text(r), "");
    EXPECT_TRUE(container(r, "a")->healthcheck_disabled.value);
    EXPECT_TRUE(container(r, "b")->healthcheck_disabled.value);
    const model::ContainerSpec& c = *container(r, "c");
    EXPECT_FALSE(c.healthcheck_disabled.value);
    EXPECT_EQ(c.healthcheck_test.value, "CMD curl -f http://localhost");
    EXPECT_EQ(c.logging_driver.value, "none");
    ASSERT_EQ(c.secrets.size(), 2U);
    EXPECT_EQ(c.secrets[1].value, "api");
    EXPECT_EQ(c.labels[0].name, "a.b");
    EXPECT_EQ(c.entrypoint.value, "/bin/sh -c");
    EXPECT_EQ(c.command.value, "echo hi");
    ASSERT_EQ(c.networks.size(), 2U);
    EXPECT_EQ(c.networks[1].value, "back");
    ASSERT_EQ(c.profiles.size(), 1U);
    EXPECT_EQ(c.profiles[0].value, "debug");
}

TEST(ComposeServices, NetworksMapAndTopLevel) {
    auto r = load_compose(
        "services:\n  s:\n    networks:\n      front:\n        aliases: [x]\n      back:\nnetworks:\n  "
        "front:\n    "
        "driver: bridge\n  back:\n    internal: true\n  other:\n");
    const model::ContainerSpec& c = only(r);
    ASSERT_EQ(c.networks.size(), 2U);
    EXPECT_EQ(c.networks[0].value, "front");
    ASSERT_EQ(r.project.networks.size(), 3U);
    EXPECT_EQ(r.project.networks.at("front").driver.value, "bridge");
    EXPECT_TRUE(r.project.networks.at("back").internal.value);
    EXPECT_FALSE(r.project.networks.at("other").internal.set);
}

TEST(ComposeServices, EveryProfileIsLoaded) {
    auto r = load_compose(
        "services:\n  app:\n    image: a\n  debug:\n    image: b\n    profiles: [debug]\n    privileged: "
        "true\n");
    EXPECT_EQ(r.project.containers.size(), 2U);
    EXPECT_TRUE(container(r, "debug")->privileged.value);
}

TEST(ComposeServices, EnvFileFromDisk) {
    std::string dir = std::string(BULWARK_TEST_DATA) + "/compose/env_file";
    auto r = load_compose(
        "services:\n  s:\n    env_file:\n      - app.env\n      - path: missing.env\n        required: "
        "false\n    "
        "environment:\n      OVERRIDDEN: from-compose\n",
        &util::real_filesystem(), {}, dir + "/compose.yaml");
    ASSERT_EQ(diagnostics_text(r), "");
    const model::ContainerSpec& c = only(r);
    ASSERT_EQ(c.env_files.size(), 2U);
    const model::NamedValue* pw = env_var(c, "DB_PASSWORD");
    ASSERT_NE(pw, nullptr);
    EXPECT_EQ(pw->value.value, "hunter2");
    EXPECT_EQ(pw->origin.file->path(), dir + "/app.env");
    EXPECT_EQ(testing::origin_where(pw->origin), dir + "/app.env:2:1");
    EXPECT_EQ(env_var(c, "QUOTED")->value.value, "a b # not a comment");
    EXPECT_EQ(env_var(c, "OVERRIDDEN")->value.value, "from-compose");
    auto missing = load_compose("services:\n  s:\n    env_file: nope.env\n", &util::real_filesystem(), {},
                                dir + "/compose.yaml");
    ASSERT_EQ(missing.diagnostics.size(), 1U);
    EXPECT_EQ(missing.diagnostics[0].level, core::DiagLevel::warning);
    EXPECT_NE(missing.diagnostics[0].message.find("env_file 'nope.env' cannot be read"), std::string::npos);
}

/// A service `s` whose env_file entries are `paths`, each with `required: false`.
std::string optional_env_files(std::initializer_list<const char*> paths) {
    std::string text = "services:\n  s:\n    env_file:\n";
    for (const char* path : paths) {
        text += std::string("      - path: ") + path + "\n        required: false\n";
    }
    return text;
}

TEST(ComposeServices, OptionalEnvFileThatExistsButCannotBeReadIsAWarning) {
    // `required: false` excuses a missing file only: one that is there but refused (permissions) or a
    // directory is reported at its entry, as a required one is.
    const std::string text = optional_env_files({"gone.env", "secret.env"});
    testing::MemoryFs fs;
    fs.files["p/secret.env"] = "TOKEN=abc\n";
    testing::DenyingReadFs refusing(fs, "p/secret.env");
    auto r = load_compose(text, &refusing, {}, "p/compose.yaml");
    EXPECT_EQ(
        diagnostics_text(r),
        "p/compose.yaml:6:15: warning: env_file 'secret.env' (required: false) exists but cannot be read "
        "(Permission denied); its variables are unknown to the scan\n");
    EXPECT_EQ(env_var(*container(r, "s"), "TOKEN"), nullptr);
    EXPECT_EQ(diagnostics_text(load_compose(text, &fs, {}, "p/compose.yaml")), "");  // readable: quiet

    std::string dir = std::string(BULWARK_TEST_DATA) + "/compose";  // env_file/ is a directory there
    auto directory =
        load_compose(optional_env_files({"./env_file"}), &util::real_filesystem(), {}, dir + "/compose.yaml");
    EXPECT_EQ(diagnostics_text(directory),
              dir +
                  "/compose.yaml:4:15: warning: env_file './env_file' (required: false) exists but cannot be "
                  "read (is a directory); its variables are unknown to the scan\n");
}

TEST(ComposeServices, OptionalEnvFileInADirectoryThatCannotBeSearchedIsAWarning) {
    // A lookup refused with EACCES (a directory on the path may not be searched: stat fails as for
    // a missing file) does not say the file is missing, and docker compose fails on it: reported at
    // the entry. Only a path that names nothing (ENOENT, ENOTDIR) is skipped without a word.
    testing::MemoryFs fs;
    fs.files["p/locked/app.env"] = "TOKEN=abc\n";
    testing::UnsearchableDirFs locked(fs, "p/locked");
    ASSERT_EQ(locked.kind("p/locked/app.env"), util::PathKind::missing);  // as stat() answers
    auto r =
        load_compose(optional_env_files({"locked/app.env", "gone/app.env"}), &locked, {}, "p/compose.yaml");
    EXPECT_EQ(diagnostics_text(r),
              "p/compose.yaml:4:15: warning: env_file 'locked/app.env' (required: false) may exist but "
              "cannot be looked up (Permission denied); its variables are unknown to the scan\n");
    EXPECT_EQ(env_var(*container(r, "s"), "TOKEN"), nullptr);

    // Required, it is the warning it always was.
    auto required =
        load_compose("services:\n  s:\n    env_file: locked/app.env\n", &locked, {}, "p/compose.yaml");
    EXPECT_EQ(diagnostics_text(required),
              "p/compose.yaml:3:15: warning: env_file 'locked/app.env' cannot be read (Permission denied); "
              "its variables are unknown to the scan\n");

    // On the disk: a path through a regular file (ENOTDIR) names nothing, like a missing one.
    std::string dir = std::string(BULWARK_TEST_DATA) + "/compose/env_file";
    auto through_file = load_compose(optional_env_files({"app.env/x.env", "missing/x.env"}),
                                     &util::real_filesystem(), {}, dir + "/compose.yaml");
    EXPECT_EQ(diagnostics_text(through_file), "");
}

}  // namespace
}  // namespace bulwark
