// libFuzzer target: an image config JSON (the `config`, `history` and `rootfs` objects of an OCI
// image config or Docker image JSON), pretty-printed and read with locations as `bulwark image` does.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "bulwark/input/image/config.hpp"

#include "fuzz_check.hpp"

using bulwark::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    namespace image = bulwark::input::image;
    std::string raw(reinterpret_cast<const char*>(data), size);
    std::string pretty = image::pretty_config(raw);
    auto source = std::make_shared<const bulwark::util::SourceFile>("fuzz@sha256:000000000000/config.json",
                                                                    pretty.empty() ? raw : pretty);
    bulwark::model::ImageSpec spec;
    std::vector<std::string> diff_ids;
    std::vector<bulwark::core::Diagnostic> diags;
    bool ok = image::parse_config(source, spec, diff_ids, diags);
    size_t n = source->text().size();
    check(ok || !diags.empty());
    const bulwark::model::ImageConfig& c = spec.config;
    check(c.user.origin.range.begin <= c.user.origin.range.end && c.user.origin.range.end <= n);
    for (const auto& e : c.env) {
        check(e.origin.range.end <= n);
    }
    for (const auto& p : c.exposed_ports) {
        check(p.origin.range.end <= n);
    }
    for (const auto& h : spec.history) {
        check(h.origin.range.end <= n);
        check(h.layer < static_cast<int>(diff_ids.size()));
    }
    for (const auto& d : diags) {
        check(d.location.line <= source->line_count() + 1);
    }
    return 0;
}
