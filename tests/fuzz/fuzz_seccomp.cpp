// libFuzzer target: seccomp profile parsing on arbitrary bytes, then the seccomp rules.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "bulwark/engine/inputs.hpp"
#include "bulwark/input/seccomp/parser.hpp"

#include "fuzz_check.hpp"

using bulwark::fuzz::check;
using bulwark::fuzz::check_origin;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    auto src = std::make_shared<const bulwark::util::SourceFile>("seccomp.json", text);
    bulwark::input::seccomp::ParseResult r = bulwark::input::seccomp::parse_profile(src);
    check_origin(r.profile.origin, size);
    if (r.profile.default_action.set) {
        check_origin(r.profile.default_action.origin, size);
        check(bulwark::input::seccomp::is_known_action(r.profile.default_action.value));
    }
    for (const bulwark::model::SeccompRule& rule : r.profile.syscalls) {
        check_origin(rule.origin, size);
        for (const auto& n : rule.names) {
            check_origin(n.origin, size);
            check(!n.value.empty());
        }
    }
    for (const bulwark::core::Diagnostic& d : r.diagnostics) {
        check(d.location.line >= 1);
    }
    bulwark::core::Policy policy;
    bulwark::engine::InputContext ctx{bulwark::util::real_filesystem(), policy};
    const bulwark::engine::InputKind* kind = bulwark::engine::find_input_kind("seccomp");
    check(kind != nullptr);
    bulwark::report::FileResult fr = kind->scan(src, ctx);
    size_t seen = fr.findings.size() + fr.diagnostics.size();
    return seen == static_cast<size_t>(-1) ? 1 : 0;
}
