#pragma once
// `bulwark image`: load one image (docker save archive, OCI layout, or an engine image), stream its
// layers once through the content visitors (secret patterns, package databases, small files the
// rules read), run the image rules, and return the findings with the model (for the SBOM formats).
#include <string>
#include <vector>

#include "bulwark/core/policy.hpp"
#include "bulwark/input/image/engine_api.hpp"
#include "bulwark/model/image.hpp"
#include "bulwark/report/report.hpp"

namespace bulwark::engine {

struct ImageScanOptions {
    std::string platform;  // "linux/amd64[/variant]" for an OCI index; empty: the machine's
    std::string
        docker_host;  // engine endpoint for NAME[:TAG]; empty: $DOCKER_HOST or unix:///var/run/docker.sock
    input::image::EngineTlsOptions tls;  // TLS to a tcp:// engine (--tls, --tlsverify, --tlscacert, ...)
    std::string image;       // which image of an archive holding several: NAME[:TAG] or @N; empty: `index`
    size_t image_index = 0;  // the index-th image of the archive when `image` is empty
};

/// One scanned image: its findings and diagnostics, and (in `result.image`) the model the rules saw.
struct ImageScanResult {
    report::FileResult result;  // kind "image"; path = the input as given; `image` never null
    const model::ImageSpec& image() const { return *result.image; }
    /// The images the archive holds by selector (see input::image::LoadResult::archive_images).
    std::vector<std::string> archive_images;
};

/// Audits `input`: a `docker save` archive (plain or gzip), an OCI image layout (directory or tar),
/// or NAME[:TAG] of an image in a local engine. Never throws for bad input: problems are
/// diagnostics in the result.
ImageScanResult scan_image(const std::string& input, const ImageScanOptions& options,
                           const core::Policy& policy);

/// Audits the images of `input` that `selectors` name (NAME[:TAG] or @N; each one result, in the
/// order given), or every image it holds when `selectors` is empty (a `docker save a b` archive
/// gives one result per image, named `input[a:1]`; a single image keeps the name `input`).
std::vector<ImageScanResult> scan_images(const std::string& input, const ImageScanOptions& options,
                                         const std::vector<std::string>& selectors,
                                         const core::Policy& policy);

}  // namespace bulwark::engine
