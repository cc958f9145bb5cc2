// libFuzzer target: daemon.json parsing and the dockerd command line (systemd unit and
// environment-file forms) on arbitrary bytes, then the daemon rules on the result.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "bulwark/engine/inputs.hpp"
#include "bulwark/input/daemon/parser.hpp"

#include "fuzz_check.hpp"

namespace {

using bulwark::fuzz::check;
using bulwark::fuzz::check_origin;

template <class T>
void check_setting(const bulwark::model::Setting<T>& s, size_t size) {
    if (s.set) {
        check_origin(s.origin, size);
    }
}

void check_spec(const bulwark::input::daemon::ParseResult& r, size_t size) {
    const bulwark::model::DaemonSpec& d = r.spec;
    check_origin(d.origin, size);
    for (const auto* s : {&d.icc, &d.iptables, &d.tls, &d.tlsverify, &d.live_restore, &d.userland_proxy,
                          &d.no_new_privileges, &d.experimental, &d.debug}) {
        check_setting(*s, size);
    }
    for (const auto* s : {&d.log_level, &d.storage_driver, &d.userns_remap, &d.cgroup_parent, &d.log_driver,
                          &d.seccomp_profile}) {
        check_setting(*s, size);
    }
    for (const auto* list : {&d.hosts, &d.insecure_registries, &d.authorization_plugins, &d.storage_opts}) {
        for (const auto& s : *list) {
            check_setting(s, size);
        }
    }
    for (const auto& u : d.default_ulimits) {
        check_origin(u.origin, size);
    }
    for (const auto& o : d.log_opts) {
        check_origin(o.origin, size);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    bulwark::core::Policy policy;
    bulwark::engine::InputContext ctx{bulwark::util::real_filesystem(), policy};
    size_t seen = 0;
    for (const char* path : {"daemon.json", "docker.service", "etc/default/docker"}) {
        auto src = std::make_shared<const bulwark::util::SourceFile>(path, text);
        bulwark::input::daemon::ParseResult r = std::string_view(path) == "daemon.json"
                                                    ? bulwark::input::daemon::parse_daemon_json(src)
                                                    : bulwark::input::daemon::parse_dockerd_config(src);
        check_spec(r, size);
        const bulwark::engine::InputKind* kind = bulwark::engine::kind_for_path(path);
        check(kind != nullptr);
        bulwark::report::FileResult fr = kind->scan(src, ctx);
        for (const bulwark::core::Finding& f : fr.findings) {
            check(f.location.line >= 1 && f.location.line <= src->line_count() + 1);
            seen += f.message.size();
        }
        seen += fr.diagnostics.size();
    }
    return seen == static_cast<size_t>(-1) ? 1 : 0;
}
