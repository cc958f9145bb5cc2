// libFuzzer target: an image archive (docker save or OCI layout tar, plain or compressed: the outer
// tar, manifest.json / index.json, the config JSON and the layer tars inside) read from memory
// through the whole layer walk with the content visitors, then the image rules on the model; and
// the image selection of an archive that lists several (by index, by name, a name it lacks).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/engine/rule_run.hpp"
#include "bulwark/input/image/history.hpp"
#include "bulwark/input/image/loader.hpp"
#include "bulwark/input/image/visitors.hpp"

#include "fuzz_check.hpp"

using bulwark::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    namespace image = bulwark::input::image;
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    image::ContentKeeper keeper;
    image::SecretCollector secrets;
    std::vector<image::ContentVisitor*> visitors{&keeper, &secrets};
    image::LoadResult r = image::load_image_archive(bytes, "fuzz.tar", {}, visitors);
    const bulwark::model::ImageSpec& img = r.image;
    check(r.ok || img.files.empty());
    for (size_t i = 0; i < img.files.size(); ++i) {
        const bulwark::model::ImageFile& f = img.files[i];
        check(!f.path.empty() && f.path[0] == '/' && f.path != "/");
        check(f.path.find("/../") == std::string::npos && f.path.find("//") == std::string::npos);
        check(f.layer >= 0 && static_cast<size_t>(f.layer) < img.layers.size());
        check(i == 0 || img.files[i - 1].path <= f.path);
    }
    for (const bulwark::model::ImageFileContent& c : img.contents) {
        check(c.data.size() <= image::ContentKeeper::k_max_bytes);
    }
    if (r.ok) {
        check(img.config_source != nullptr);
        size_t n = img.config_source->text().size();
        check(img.config.user.origin.range.end <= n);
        for (const auto& h : img.history) {
            check(h.origin.range.begin <= h.origin.range.end && h.origin.range.end <= n);
        }
        bulwark::model::ImageSpec copy = img;
        copy.history_dockerfile = image::build_history_dockerfile(copy);
        bulwark::core::Policy policy;
        policy.today = "2026-11-23";
        bulwark::report::FileResult result;
        result.path = "fuzz.tar";
        bulwark::engine::run_image_rules(copy, policy, result);
        bulwark::engine::finish_findings(policy, result);
    }
    // An archive that lists several images: the second one, and one picked by its selector.
    if (r.archive_images.size() > 1) {
        image::LoadOptions second;
        second.image_index = 1;
        image::LoadResult r2 = image::load_image_archive(bytes, "fuzz.tar", second, {});
        check(r2.ok || r2.image.files.empty());
        image::LoadOptions named;
        named.image = r.archive_images.back();
        image::LoadResult r3 = image::load_image_archive(bytes, "fuzz.tar", named, {});
        check(r3.ok || r3.image.files.empty());
    }
    image::LoadOptions missing;
    missing.image = "no/such:image";
    image::LoadResult r4 = image::load_image_archive(bytes, "fuzz.tar", missing, {});
    check(!r4.ok || r.archive_images.empty() || r.archive_images.size() == 1);
    return 0;
}
