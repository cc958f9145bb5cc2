// libFuzzer target: image history `created_by` strings (untrusted: any tool can write them) turned
// into a Dockerfile, parsed and analysed, then every history-mapped rule run on it. Input: entries
// separated by NUL bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "bulwark/input/image/history.hpp"
#include "bulwark/rules/rule.hpp"

#include "fuzz_check.hpp"

using bulwark::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    bulwark::model::ImageSpec image;
    image.name = "fuzz";
    size_t start = 0;
    while (start <= text.size() && image.history.size() < 64) {
        size_t end = text.find('\0', start);
        end = end == std::string_view::npos ? text.size() : end;
        bulwark::model::ImageHistoryEntry e;
        e.created_by = std::string(text.substr(start, end - start));
        e.layer =
            static_cast<int>(image.history.size()) % 3 == 2 ? -1 : static_cast<int>(image.layers.size());
        if (e.layer >= 0) {
            bulwark::model::ImageLayer l;
            l.index = e.layer;
            l.history = static_cast<int>(image.history.size());
            image.layers.push_back(l);
        }
        image.history.push_back(std::move(e));
        start = end + 1;
    }
    image.config_source = std::make_shared<const bulwark::util::SourceFile>("config.json", "{}");
    image.history_dockerfile = bulwark::input::image::build_history_dockerfile(image);
    const bulwark::model::HistoryDockerfile& hd = *image.history_dockerfile;
    check(hd.entry_of_line.size() >= hd.dockerfile.source->line_count());
    for (int entry : hd.entry_of_line) {
        check(entry >= -1 && entry < static_cast<int>(image.history.size()));
    }
    bulwark::core::Policy policy;
    policy.today = "2026-01-01";
    std::vector<bulwark::core::Finding> out;
    for (const bulwark::rules::Rule* r : bulwark::rules::all_rules()) {
        if (r->check_image != nullptr) {
            bulwark::rules::Reporter reporter(*r, *image.config_source, out);
            r->check_image(bulwark::rules::ImageContext{image, policy}, reporter);
        }
    }
    return 0;
}
