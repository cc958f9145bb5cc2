#include "bulwark/engine/image_scan.hpp"

#include <memory>
#include <vector>

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
    input::image::LoadOptions load{options.platform, options.docker_host};
    input::image::LoadResult loaded = input::image::load_image(input, load, visitors);

    ImageScanResult out;
    out.result.path = input;
    out.result.kind = "image";
    out.result.diagnostics = std::move(loaded.diagnostics);
    // What the SBOM could not read (BerkeleyDB rpmdb, archives over the cap) is said, never skipped silently.
    for (const std::string& note : packages.notes()) {
        out.result.diagnostics.push_back(
            core::Diagnostic{core::DiagLevel::note, core::Location{input, 0, 0, 0, 0, {}}, "sbom: " + note});
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

}  // namespace bulwark::engine
