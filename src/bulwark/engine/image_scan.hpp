#pragma once
// `bulwark image`: load one image (docker save archive, OCI layout, or an engine image), stream its
// layers once through the content visitors (secret patterns, package databases, small files the
// rules read), run the image rules, and return the findings with the model (for the SBOM formats).
#include <string>

#include "bulwark/core/policy.hpp"
#include "bulwark/model/image.hpp"
#include "bulwark/report/report.hpp"

namespace bulwark::engine {

struct ImageScanOptions {
    std::string platform;  // "linux/amd64[/variant]" for an OCI index; empty: the machine's
    std::string
        docker_host;  // engine endpoint for NAME[:TAG]; empty: $DOCKER_HOST or unix:///var/run/docker.sock
};

/// One scanned image: its findings and diagnostics, and (in `result.image`) the model the rules saw.
struct ImageScanResult {
    report::FileResult result;  // kind "image"; path = the input as given; `image` never null
    const model::ImageSpec& image() const { return *result.image; }
};

/// Audits `input`: a `docker save` archive (plain or gzip), an OCI image layout (directory or tar),
/// or NAME[:TAG] of an image in a local engine. Never throws for bad input: problems are
/// diagnostics in the result.
ImageScanResult scan_image(const std::string& input, const ImageScanOptions& options,
                           const core::Policy& policy);

}  // namespace bulwark::engine
