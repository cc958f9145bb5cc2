// A compose service and the equivalent `docker run` line give the same container rule ids: the
// rules are written once against ContainerSpec.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "bulwark/rules/rule.hpp"
#include "support/scan_helpers.hpp"

using namespace bulwark;

namespace {

core::NameSet container_rule_ids() {
    core::NameSet ids;
    for (const rules::Rule* r : rules::all_rules()) {
        if (r->check_container != nullptr) {
            ids.insert(std::string(r->id));
        }
    }
    return ids;
}

std::set<std::string> ids_of(const report::FileResult& r) {
    std::set<std::string> out;
    for (const core::Finding& f : r.findings) {
        out.insert(f.rule_id);
    }
    return out;
}

struct Pair {
    const char* compose;
    const char* run;
};

TEST(RunEquivalence, ComposeServiceAndDockerRunGiveTheSameRules) {
    ASSERT_NE(engine::find_input_kind("compose"), nullptr);
    core::Policy policy = bulwark::testing::test_policy(container_rule_ids());
    const Pair pairs[] = {
        {"services:\n  web:\n    image: nginx\n    privileged: true\n    network_mode: host\n    pid: host\n"
         "    ipc: host\n    uts: host\n    restart: always\n    user: root\n",
         "docker run --privileged --network host --pid host --ipc host --uts host --restart always --user "
         "root "
         "nginx"},
        {"services:\n  web:\n    image: nginx:1.27\n    networks: [appnet]\n    cap_add: [SYS_ADMIN, "
         "NET_RAW]\n"
         "    security_opt: [\"seccomp=unconfined\", \"apparmor=unconfined\", \"label=disable\"]\n"
         "    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n      - /etc:/host/etc:ro\n"
         "      - /srv:/srv:rshared\n    devices: [\"/dev/sda:/dev/sda\"]\n    ports: [\"80:80\"]\n"
         "    environment:\n      DB_PASSWORD: hunter2hunter2\n    logging:\n      driver: none\n"
         "    healthcheck:\n      disable: true\n    sysctls:\n      net.ipv4.ip_forward: 1\n"
         "networks:\n  appnet: {}\n",
         "docker run --network appnet --cap-add SYS_ADMIN --cap-add NET_RAW --security-opt "
         "seccomp=unconfined "
         "--security-opt apparmor=unconfined --security-opt label=disable -v "
         "/var/run/docker.sock:/var/run/docker.sock "
         "-v /etc:/host/etc:ro -v /srv:/srv:rshared --device /dev/sda:/dev/sda -p 80:80 -e "
         "DB_PASSWORD=hunter2hunter2 "
         "--log-driver none --no-healthcheck --sysctl net.ipv4.ip_forward=1 nginx:1.27"},
        {"services:\n  db:\n    image: postgres:16\n    networks: [appnet]\n    ports: [\"5432:5432\"]\n"
         "    environment:\n      POSTGRES_PASSWORD: ${PGPASS}\n    read_only: true\n    cap_drop: [ALL]\n"
         "    security_opt: [\"no-new-privileges:true\"]\n    mem_limit: 1g\n    cpus: 1\n    pids_limit: "
         "100\n"
         "networks:\n  appnet: {}\n",
         "docker run --network appnet -p 5432:5432 -e POSTGRES_PASSWORD=\"$PGPASS\" --read-only --cap-drop "
         "ALL "
         "--security-opt no-new-privileges:true --memory 1g --cpus 1 --pids-limit 100 postgres:16"},
    };
    for (const Pair& p : pairs) {
        report::FileResult compose =
            bulwark::testing::scan_text_as("compose", p.compose, policy, "compose.yaml");
        report::FileResult run =
            bulwark::testing::scan_text_as("script", std::string(p.run) + "\n", policy, "run.sh");
        std::set<std::string> a = ids_of(compose);
        std::set<std::string> b = ids_of(run);
        EXPECT_FALSE(a.empty()) << p.compose;
        std::string diff;
        for (const std::string& id : a) {
            diff += b.count(id) == 0 ? " compose-only:" + id : "";
        }
        for (const std::string& id : b) {
            diff += a.count(id) == 0 ? " run-only:" + id : "";
        }
        EXPECT_EQ(a, b) << p.run << "\n" << diff;
    }
}

}  // namespace
