#pragma once
// Loads an image from a `docker save` archive (legacy manifest.json layout or the newer OCI one),
// an OCI image layout (directory or tar) or an image in a local engine (NAME[:TAG], exported over
// the Engine API), and streams its layers through the layer walk.
//
// Order problem: in a `docker save` tar the manifest comes after the layers, and layers are not
// stored in layer order. Nothing is written to disk and layers are never held in memory: a first
// pass over the archive keeps only its small JSON entries (manifest, index, configs; at most 16 MB
// each, 128 MB in all) and the entry names; then the layers are streamed in layer order, each pass
// over the archive taking every next layer it meets, and a new pass starting when the next layer
// was behind. Files are reopened for each pass (uncompressed tars are skipped through by seeking);
// for an engine image each pass is a new export request.
#include <span>
#include <string>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/image/content.hpp"
#include "bulwark/input/image/engine_api.hpp"
#include "bulwark/model/image.hpp"

namespace bulwark::input::image {

struct LoadOptions {
    // Every member has an initializer so that tests can name only the ones they set.
    std::string platform{};     // "os/arch[/variant]"; empty: the machine's
    std::string docker_host{};  // empty: $DOCKER_HOST, else unix:///var/run/docker.sock
    EngineTlsOptions tls{};     // TLS to a tcp:// engine (flags; the environment fills the rest)
    /// Which image of an archive that holds several (`docker save a b`, an OCI index naming several
    /// images): a selector (`NAME[:TAG]`, or `@N` for the N-th, from 0), else the `image_index`-th.
    std::string image{};
    size_t image_index = 0;
};

struct LoadResult {
    model::ImageSpec image;
    std::vector<core::Diagnostic> diagnostics;
    bool ok = false;  // the config was read (rules can run); layer problems are diagnostics
    int passes = 0;   // passes over the archive (first pass included)
    /// The images the archive holds, in its order, each named by its selector (first tag or reference
    /// name, else `@N`); one entry when it holds one image, none when the listing could not be read.
    std::vector<std::string> archive_images;
};

/// The name findings of image `selector` of archive `input` carry: `input` itself when the archive
/// holds one image, else `input[selector]` ("app.tar[app:1]", "app.tar[@2]").
std::string image_display_name(const std::string& input, const std::string& selector, size_t images);

/// Whether image reference `tag` (a RepoTag or reference name) is what `want` names: equal after
/// Docker's normalisation (`docker.io/`, `library/` and a missing `:latest` do not matter).
bool image_name_matches(std::string_view tag, std::string_view want);

/// Loads `input` (a path that exists, else an image reference) and walks its layers through
/// `visitors`. Never throws for bad input.
LoadResult load_image(const std::string& input, const LoadOptions& options,
                      std::span<ContentVisitor* const> visitors);

/// Loads an image archive (docker save or OCI layout tar, plain or compressed) held in memory,
/// exactly as load_image loads a file; `display` names it in diagnostics (tests and fuzzing).
LoadResult load_image_archive(std::string_view bytes, const std::string& display, const LoadOptions& options,
                              std::span<ContentVisitor* const> visitors);

/// The machine's platform as "os/arch[/variant]" ("linux/amd64", "linux/arm64/v8").
std::string host_platform();

}  // namespace bulwark::input::image
