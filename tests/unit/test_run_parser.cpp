// The docker run flag parser: every flag form, value syntax and the located warnings.
#include <gtest/gtest.h>

#include <memory>

#include "bulwark/input/run/parser.hpp"
#include "bulwark/input/run/script.hpp"

using namespace bulwark;
using input::run::RunLine;

namespace {

/// Parses the one docker run line of `text` (a shell script).
model::ContainerSpec spec_of(const std::string& text,
                             std::vector<input::run::RunWarning>* warnings = nullptr) {
    auto src = std::make_shared<const util::SourceFile>("run.sh", text);
    input::run::ScriptScan scan = input::run::scan_script_file(src, input::run::ScriptFlavor::shell);
    EXPECT_EQ(scan.project.containers.size(), 1U) << text;
    if (warnings != nullptr) {
        *warnings = scan.warnings;
    }
    return scan.project.containers.empty() ? model::ContainerSpec{} : scan.project.containers.front();
}

std::string text_at(const std::string& text, const model::Origin& o) {
    return text.substr(o.range.begin, o.range.end - o.range.begin);
}

TEST(RunParser, RecognisesRunAndCreateSpellings) {
    for (const char* line : {"docker run nginx", "docker create nginx", "docker container run nginx",
                             "docker container create nginx", "sudo docker run nginx",
                             "exec docker run nginx", "command docker run nginx", "/usr/bin/docker run nginx",
                             "docker -H tcp://x:2375 --context prod run nginx", "podman run nginx"}) {
        model::ContainerSpec s = spec_of(line);
        EXPECT_EQ(s.image.value, "nginx") << line;
        EXPECT_EQ(s.source_kind, "run") << line;
    }
    auto src = std::make_shared<const util::SourceFile>(
        "run.sh", "docker ps\ndocker exec -it web sh\ndocker compose run web\n");
    EXPECT_TRUE(
        input::run::scan_script_file(src, input::run::ScriptFlavor::shell).project.containers.empty());
}

TEST(RunParser, BooleanFlagsShortGroupsAndExplicitValues) {
    model::ContainerSpec s =
        spec_of("docker run -itd --privileged --read-only=true --init --rm -P nginx:1.27");
    EXPECT_TRUE(s.privileged.set && s.privileged.value);
    EXPECT_TRUE(s.read_only.value);
    EXPECT_TRUE(s.init.value);
    EXPECT_TRUE(s.publish_all.value);
    EXPECT_EQ(s.image.value, "nginx:1.27");
    model::ContainerSpec off = spec_of("docker run --privileged=false nginx");
    EXPECT_TRUE(off.privileged.set);
    EXPECT_FALSE(off.privileged.value);
}

TEST(RunParser, ValueFlagsInEveryForm) {
    std::string text =
        "docker run -p8080:80 -p 127.0.0.1:443:443 --publish=9000-9010:9000-9010/udp -itp 22 "
        "-u 1000:1000 --name web -e A=1 --env B -eC=3 -m 512m --memory-swap=1g --cpus 1.5 -c 512 "
        "--pids-limit 100 --restart on-failure:5 --network appnet --net=other --pid host --ipc=host "
        "--uts host --userns host --cgroupns host --log-driver none --cgroup-parent /x --runtime runc "
        "--group-add 999 -l tier=web --label-file l.txt --entrypoint /bin/sh --health-cmd 'curl -f x' "
        "img:1 arg1 'arg 2'";
    model::ContainerSpec s = spec_of(text);
    ASSERT_EQ(s.ports.size(), 4U);
    EXPECT_EQ(s.ports[0].host_port.value, "8080");
    EXPECT_EQ(s.ports[0].container_port.value, "80");
    EXPECT_EQ(text_at(text, s.ports[0].origin), "-p8080:80");
    EXPECT_EQ(s.ports[1].host_ip.value, "127.0.0.1");
    EXPECT_EQ(text_at(text, s.ports[1].origin), "-p 127.0.0.1:443:443");
    EXPECT_EQ(s.ports[2].protocol, "udp");
    EXPECT_EQ(s.ports[2].host_port.value, "9000-9010");
    EXPECT_EQ(s.ports[3].container_port.value, "22");
    EXPECT_FALSE(s.ports[3].host_port.set);
    EXPECT_EQ(text_at(text, s.ports[3].origin), "p 22");
    EXPECT_EQ(s.user.value, "1000:1000");
    EXPECT_EQ(s.name, "web");
    ASSERT_EQ(s.environment.size(), 3U);
    EXPECT_EQ(s.environment[0].name, "A");
    EXPECT_EQ(s.environment[0].value.value, "1");
    EXPECT_EQ(text_at(text, s.environment[0].value.origin), "1");
    EXPECT_EQ(s.environment[1].name, "B");
    EXPECT_FALSE(s.environment[1].value.set);
    EXPECT_EQ(s.environment[2].name, "C");
    EXPECT_EQ(s.memory.value, "512m");
    EXPECT_EQ(s.memory_swap.value, "1g");
    EXPECT_EQ(s.cpus.value, "1.5");
    EXPECT_EQ(s.cpu_shares.value, "512");
    EXPECT_EQ(s.pids_limit.value, "100");
    EXPECT_EQ(s.restart.value, "on-failure:5");
    EXPECT_EQ(s.network_mode.value, "appnet");
    ASSERT_EQ(s.networks.size(), 2U);
    EXPECT_EQ(s.networks[1].value, "other");
    EXPECT_EQ(s.pid.value, "host");
    EXPECT_EQ(s.ipc.value, "host");
    EXPECT_EQ(s.uts.value, "host");
    EXPECT_EQ(s.userns_mode.value, "host");
    EXPECT_EQ(s.cgroupns.value, "host");
    EXPECT_EQ(s.logging_driver.value, "none");
    EXPECT_EQ(s.cgroup_parent.value, "/x");
    EXPECT_EQ(s.runtime.value, "runc");
    ASSERT_EQ(s.group_add.size(), 1U);
    ASSERT_EQ(s.labels.size(), 1U);
    EXPECT_EQ(s.labels[0].name, "tier");
    EXPECT_EQ(s.entrypoint.value, "/bin/sh");
    EXPECT_EQ(s.healthcheck_test.value, "curl -f x");
    EXPECT_EQ(s.image.value, "img:1");
    EXPECT_EQ(s.command.value, "arg1 arg 2");
}

TEST(RunParser, PortForms) {
    struct Case {
        const char* text;
        const char* ip;
        const char* host;
        const char* container;
        const char* proto;
    };
    for (const Case& c :
         {Case{"80", "", "", "80", "tcp"}, Case{"8080:80", "", "8080", "80", "tcp"},
          Case{"127.0.0.1:8080:80", "127.0.0.1", "8080", "80", "tcp"},
          Case{"127.0.0.1::80", "127.0.0.1", "", "80", "tcp"}, Case{"[::1]:80:80", "::1", "80", "80", "tcp"},
          Case{"[::]:53:53/udp", "::", "53", "53", "udp"},
          Case{"8000-8010:8000-8010", "", "8000-8010", "8000-8010", "tcp"},
          Case{"53:53/SCTP", "", "53", "53", "sctp"}}) {
        auto p = input::run::parse_port(c.text);
        ASSERT_TRUE(p.has_value()) << c.text;
        EXPECT_EQ(p->host_ip.value, c.ip) << c.text;
        EXPECT_EQ(p->host_port.value, c.host) << c.text;
        EXPECT_EQ(p->container_port.value, c.container) << c.text;
        EXPECT_EQ(p->protocol, c.proto) << c.text;
    }
    auto expanded = input::run::parse_port("${PORT:-8080}:80");
    ASSERT_TRUE(expanded.has_value());
    EXPECT_EQ(expanded->host_port.value, "${PORT:-8080}");
    EXPECT_EQ(expanded->container_port.value, "80");
    for (const char* bad : {"", "abc", "80:", "[::1:80", "80/http", "1:2:x"}) {
        EXPECT_FALSE(input::run::parse_port(bad).has_value()) << bad;
    }
}

TEST(RunParser, VolumeForms) {
    using T = model::ContainerMount::Type;
    auto v = input::run::parse_volume("/srv:/data:ro,z");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->type, T::bind);
    EXPECT_EQ(v->source.value, "/srv");
    EXPECT_EQ(v->target.value, "/data");
    EXPECT_TRUE(v->read_only.value);
    EXPECT_EQ(v->selinux.value, "z");
    v = input::run::parse_volume("data:/var/lib/data");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->type, T::volume);
    v = input::run::parse_volume("/cache");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->target.value, "/cache");
    EXPECT_FALSE(v->source.set);
    v = input::run::parse_volume("./conf:/etc/app:rshared");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->propagation.value, "rshared");
    EXPECT_FALSE(v->read_only.value);
    v = input::run::parse_volume("C:\\data:/data");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->source.value, "C:\\data");
    v = input::run::parse_volume("${DATA:-/srv}:/data:ro");
    ASSERT_TRUE(v);
    EXPECT_EQ(v->source.value, "${DATA:-/srv}");
    EXPECT_EQ(v->type, T::bind);
    EXPECT_TRUE(v->read_only.value);
    EXPECT_FALSE(input::run::parse_volume("a:b:c:d"));
    EXPECT_FALSE(input::run::parse_volume("/a:/b:bogus"));
}

TEST(RunParser, MountCsv) {
    std::string error;
    auto m = input::run::parse_mount_flag(
        "type=bind,source=/srv,target=/data,readonly,bind-propagation=shared", error);
    ASSERT_TRUE(m) << error;
    EXPECT_EQ(m->type, model::ContainerMount::Type::bind);
    EXPECT_EQ(m->source.value, "/srv");
    EXPECT_EQ(m->target.value, "/data");
    EXPECT_TRUE(m->read_only.value);
    EXPECT_EQ(m->propagation.value, "shared");
    m = input::run::parse_mount_flag("src=vol,dst=/x,ro=false", error);
    ASSERT_TRUE(m) << error;
    EXPECT_EQ(m->type, model::ContainerMount::Type::volume);
    EXPECT_FALSE(m->read_only.value);
    m = input::run::parse_mount_flag("type=tmpfs,destination=/tmp,tmpfs-size=64m", error);
    ASSERT_TRUE(m) << error;
    EXPECT_EQ(m->type, model::ContainerMount::Type::tmpfs);
    m = input::run::parse_mount_flag("\"type=bind\",\"source=/a,b\",target=/c", error);
    ASSERT_TRUE(m) << error;
    EXPECT_EQ(m->source.value, "/a,b");
    EXPECT_FALSE(input::run::parse_mount_flag("type=bind,source=/a", error));
    EXPECT_FALSE(input::run::parse_mount_flag("type=weird,target=/a", error));
    EXPECT_FALSE(input::run::parse_mount_flag("target=/a,colour=blue", error));
    EXPECT_FALSE(input::run::parse_mount_flag("target=/a,readonly=maybe", error));
}

TEST(RunParser, MountsDevicesTmpfsUlimitsSysctls) {
    model::ContainerSpec s = spec_of(
        "docker run -v /var/run/docker.sock:/var/run/docker.sock --mount type=bind,src=/etc,dst=/h "
        "--tmpfs /run:rw,size=64m --device /dev/sda:/dev/xvda:r --device /dev/fuse "
        "--ulimit nofile=1024:2048 --ulimit nproc=512 --sysctl net.ipv4.ip_forward=1 nginx");
    ASSERT_EQ(s.mounts.size(), 3U);
    EXPECT_EQ(s.mounts[0].source.value, "/var/run/docker.sock");
    EXPECT_EQ(s.mounts[1].source.value, "/etc");
    EXPECT_EQ(s.mounts[2].type, model::ContainerMount::Type::tmpfs);
    EXPECT_EQ(s.mounts[2].target.value, "/run");
    ASSERT_EQ(s.devices.size(), 2U);
    EXPECT_EQ(s.devices[0].container_path, "/dev/xvda");
    EXPECT_EQ(s.devices[0].permissions, "r");
    EXPECT_EQ(s.devices[1].container_path, "/dev/fuse");
    EXPECT_EQ(s.devices[1].permissions, "rwm");
    ASSERT_EQ(s.ulimits.size(), 2U);
    EXPECT_EQ(s.ulimits[0].soft.value, 1024);
    EXPECT_EQ(s.ulimits[0].hard.value, 2048);
    EXPECT_EQ(s.ulimits[1].hard.value, 512);
    ASSERT_EQ(s.sysctls.size(), 1U);
    EXPECT_EQ(s.sysctls[0].value.value, "1");
}

TEST(RunParser, SecurityOptionsAndCapabilities) {
    model::ContainerSpec s = spec_of(
        "docker run --security-opt seccomp=unconfined --security-opt=label:disable "
        "--cap-add cap_sys_admin --cap-add=Net_Raw --cap-drop ALL --cap-drop=chown x");
    ASSERT_EQ(s.security_opt.size(), 2U);
    EXPECT_EQ(s.security_opt[0].value, "seccomp=unconfined");
    EXPECT_EQ(s.security_opt[1].value, "label:disable");
    ASSERT_EQ(s.cap_add.size(), 2U);
    EXPECT_EQ(s.cap_add[0].value, "SYS_ADMIN");
    EXPECT_EQ(s.cap_add[1].value, "NET_RAW");
    ASSERT_EQ(s.cap_drop.size(), 2U);
    EXPECT_EQ(s.cap_drop[1].value, "CHOWN");
    EXPECT_EQ(input::run::normalize_capability(" cap_bpf "), "BPF");
}

TEST(RunParser, ExpansionsAreUnknownNeverGuessed) {
    std::string text =
        "docker run -p \"$PORT\":80 -v $(pwd):/app -e TOKEN=$TOKEN --user \"${UID}\" \"$IMAGE\"";
    model::ContainerSpec s = spec_of(text);
    ASSERT_EQ(s.ports.size(), 1U);
    EXPECT_FALSE(s.ports[0].host_port.known);
    EXPECT_TRUE(s.ports[0].container_port.known);
    ASSERT_EQ(s.mounts.size(), 1U);
    EXPECT_FALSE(s.mounts[0].source.known);
    EXPECT_TRUE(s.mounts[0].target.known);
    EXPECT_EQ(s.mounts[0].target.value, "/app");
    ASSERT_EQ(s.environment.size(), 1U);
    EXPECT_FALSE(s.environment[0].value.known);
    EXPECT_FALSE(s.user.known);
    EXPECT_FALSE(s.image.known);
}

TEST(RunParser, TopLevelVariablesAreResolved) {
    model::ContainerSpec s =
        spec_of("IMAGE=nginx:1.27\nexport MODE=host\ndocker run --network \"$MODE\" ${IMAGE}\n");
    EXPECT_TRUE(s.network_mode.known);
    EXPECT_EQ(s.network_mode.value, "host");
    EXPECT_TRUE(s.image.known);
    EXPECT_EQ(s.image.value, "nginx:1.27");
    // Assigned in a branch, a loop or from a command: unknown.
    s = spec_of("if x; then MODE=host; fi\nIMG=$(cat f)\ndocker run --network $MODE $IMG\n");
    EXPECT_FALSE(s.network_mode.known);
    EXPECT_FALSE(s.image.known);
}

TEST(RunParser, LineContinuationsKeepLocations) {
    std::string text = "docker run \\\n  --privileged \\\n  -p 80:80 \\\n  nginx\n";
    model::ContainerSpec s = spec_of(text);
    EXPECT_EQ(text_at(text, s.privileged.origin), "--privileged");
    ASSERT_EQ(s.ports.size(), 1U);
    EXPECT_EQ(text_at(text, s.ports[0].origin), "-p 80:80");
    EXPECT_EQ(text_at(text, s.origin), "docker");
}

TEST(RunParser, UnknownFlagsAndBadValuesAreLocatedWarnings) {
    std::vector<input::run::RunWarning> w;
    std::string text =
        "docker run --frobnicate -Z -p notaport --mount target=/x,colour=red --ulimit nofile nginx";
    model::ContainerSpec s = spec_of(text, &w);
    EXPECT_EQ(s.image.value, "nginx");
    ASSERT_EQ(w.size(), 5U);
    EXPECT_NE(w[0].message.find("--frobnicate"), std::string::npos);
    EXPECT_EQ(text.substr(w[0].range.begin, w[0].range.end - w[0].range.begin), "--frobnicate");
    EXPECT_NE(w[1].message.find("-Z"), std::string::npos);
    EXPECT_NE(w[2].message.find("notaport"), std::string::npos);
    EXPECT_NE(w[3].message.find("colour"), std::string::npos);
    EXPECT_NE(w[4].message.find("ulimit"), std::string::npos);
    spec_of("docker run --name", &w);
    ASSERT_FALSE(w.empty());
}

TEST(RunParser, DoubleDashEndsFlags) {
    model::ContainerSpec s = spec_of("docker run -d -- nginx --privileged");
    EXPECT_EQ(s.image.value, "nginx");
    EXPECT_FALSE(s.privileged.set);
    EXPECT_EQ(s.command.value, "--privileged");
}

}  // namespace
