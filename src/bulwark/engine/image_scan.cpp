#include "bulwark/engine/image_scan.hpp"

#include <memory>
#include <vector>

#include <fmt/format.h>

#include "bulwark/engine/rule_run.hpp"
#include "bulwark/input/image/history.hpp"
#include "bulwark/input/image/loader.hpp"
#include "bulwark/input/image/packages/collector.hpp"
#include "bulwark/input/image/visitors.hpp"

namespace bulwark::engine {

ImageScanResult scan_image(const std::string& input, const ImageScanOptions& options,
                           const core::Policy& policy) {
    input::image::ContentKeeper keeper;
    input::image::SecretCollector secrets;
    std::vector<input::image::ContentVisitor*> visitors{&keeper, &secrets};
    input::image::packages::PackageCollector packages;
    visitors.push_back(&packages);
    input::image::LoadOptions load;
    load.platform = options.platform;
    load.docker_host = options.docker_host;
    load.tls = options.tls;
    load.image = options.image;
    load.image_index = options.image_index;
    input::image::LoadResult loaded = input::image::load_image(input, load, visitors);

    ImageScanResult out;
    // A single image keeps the input's name; one of several is `input[selector]`.
    std::string selector = !options.image.empty() ? options.image
                           : options.image_index < loaded.archive_images.size()
                               ? loaded.archive_images[options.image_index]
                               : fmt::format("@{}", options.image_index);
    out.result.path = loaded.image.name != input
                          ? loaded.image.name
                          : input::image::image_display_name(input, selector, loaded.archive_images.size());
    out.archive_images = std::move(loaded.archive_images);
    out.result.kind = "image";
    out.result.diagnostics = std::move(loaded.diagnostics);
    // What the SBOM could not read (BerkeleyDB rpmdb, archives over the cap) and the files the rules see
    // only part of are said, never skipped silently.
    for (const std::string& note : keeper.notes()) {
        out.result.diagnostics.push_back(core::Diagnostic{
            core::DiagLevel::note, core::Location{out.result.path, 0, 0, 0, 0, {}}, "content: " + note});
    }
    for (const std::string& note : packages.notes()) {
        out.result.diagnostics.push_back(core::Diagnostic{
            core::DiagLevel::note, core::Location{out.result.path, 0, 0, 0, 0, {}}, "sbom: " + note});
    }
    auto image = std::make_shared<model::ImageSpec>(std::move(loaded.image));
    if (loaded.ok) {
        image->history_dockerfile = input::image::build_history_dockerfile(*image);
        run_image_rules(*image, policy, out.result);
    }
    finish_findings(policy, out.result);
    out.result.source = image->config_source;
    out.result.image = std::move(image);
    return out;
}

std::vector<ImageScanResult> scan_images(const std::string& input, const ImageScanOptions& options,
                                         const std::vector<std::string>& selectors,
                                         const core::Policy& policy) {
    std::vector<ImageScanResult> out;
    ImageScanOptions one = options;
    if (!selectors.empty()) {
        for (const std::string& s : selectors) {
            one.image = s;
            out.push_back(scan_image(input, one, policy));
        }
        return out;
    }
    // The first load lists the archive's images; each further one is loaded on its own (a metadata
    // pass and its layer passes), so memory stays bounded by one image.
    one.image.clear();
    one.image_index = 0;
    out.push_back(scan_image(input, one, policy));
    size_t n = out.front().archive_images.size();
    for (size_t i = 1; i < n; ++i) {
        one.image_index = i;
        out.push_back(scan_image(input, one, policy));
    }
    return out;
}

}  // namespace bulwark::engine
