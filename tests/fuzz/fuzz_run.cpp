// libFuzzer target: docker run lines. The input is prefixed with `docker run ` and read as a shell
// script, a Makefile, a GitHub Actions step and Markdown; every value's origin must stay inside the
// text. The value parsers (-p, -v, --mount) are also fed the raw bytes.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "bulwark/input/run/parser.hpp"
#include "bulwark/input/run/script.hpp"

#include "fuzz_check.hpp"

namespace run = bulwark::input::run;
namespace model = bulwark::model;

namespace {

using bulwark::fuzz::check;
using bulwark::fuzz::check_origin;

template <class T>
void check_setting(const model::Setting<T>& s, size_t size) {
    if (s.set) {
        check_origin(s.origin, size);
    }
}

void check_spec(const model::ContainerSpec& c, size_t size) {
    check_origin(c.origin, size);
    check_setting(c.image, size);
    check_setting(c.privileged, size);
    check_setting(c.user, size);
    check_setting(c.network_mode, size);
    for (const auto& s : c.cap_add) {
        check_setting(s, size);
    }
    for (const auto& s : c.security_opt) {
        check_setting(s, size);
    }
    for (const auto& m : c.mounts) {
        check_origin(m.origin, size);
    }
    for (const auto& p : c.ports) {
        check_origin(p.origin, size);
    }
    for (const auto& e : c.environment) {
        check_origin(e.origin, size);
        check_setting(e.value, size);
    }
    for (const auto& d : c.devices) {
        check_origin(d.origin, size);
    }
}

void scan_as(const std::string& text, run::ScriptFlavor flavor) {
    auto src = std::make_shared<const bulwark::util::SourceFile>("fuzz", text);
    run::ScriptScan s = run::scan_script_file(src, flavor);
    for (const model::ContainerSpec& c : s.project.containers) {
        check_spec(c, text.size());
    }
    for (const run::RunWarning& w : s.warnings) {
        check(w.range.begin <= w.range.end && w.range.end <= text.size());
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    scan_as("docker run " + std::string(bytes), run::ScriptFlavor::shell);
    scan_as("D = docker\nall:\n\t$(D) run " + std::string(bytes), run::ScriptFlavor::makefile);
    scan_as("jobs:\n  j:\n    steps:\n      - run: |\n          docker run " + std::string(bytes),
            run::ScriptFlavor::github_actions);
    scan_as("```sh\n$ docker run " + std::string(bytes) + "\n```\n", run::ScriptFlavor::markdown);
    std::string error;
    size_t seen = run::parse_port(bytes).has_value() ? 1 : 0;
    seen += run::parse_volume(bytes).has_value() ? 1 : 0;
    seen += run::parse_mount_flag(bytes, error).has_value() ? 1 : 0;
    seen += run::normalize_capability(bytes).size();
    return seen == static_cast<size_t>(-1) ? 1 : 0;
}
