#pragma once
// Shared by the image rules: where a file of the image is (Location), which layer and history entry
// wrote it (for messages), and mode bits.
#include <string>
#include <string_view>

#include "bulwark/core/location.hpp"
#include "bulwark/model/image.hpp"

namespace bulwark::rules::image {

/// Location of a path inside the image: file = the image's name, pointer = the path.
core::Location file_location(const model::ImageSpec& image, std::string_view path);
/// The same at `line` (1-based) of that file, from `column` to `end_column` (code points, inclusive;
/// 0 when unknown or a single point).
core::Location file_location(const model::ImageSpec& image, std::string_view path, uint32_t line,
                             uint32_t column, uint32_t end_column = 0);

/// "layer 3 (sha256:ab12cd34ef56, `RUN apt-get install ...`)", or "layer 3" when nothing more is known.
std::string layer_description(const model::ImageSpec& image, int layer);

/// "layer 3, sha256:ab12cd34ef56…": the layer without its instruction.
std::string layer_id(const model::ImageSpec& image, int layer);

/// " (deleted by a later layer, but its bytes still ship in layer N)" for a removed version, else "".
std::string removed_note(const model::ImageSpec& image, bool removed, int layer);

/// The `created_by` of the history entry that created `layer`, shortened for messages, or "".
std::string created_by_of_layer(const model::ImageSpec& image, int layer);

/// The image's config object, or (when it has no origin) nothing: where config-level findings go.
model::Origin config_origin(const model::ImageSpec& image);

/// "-rwsr-xr-x"-style rendering of `mode` for `type`.
std::string mode_string(model::ImageFileType type, uint32_t mode);

/// The evidence line for a file: "-rwsr-xr-x 0:0 /usr/bin/x (layer 2)".
std::string file_evidence(const model::ImageFile& f);

/// Shortens `text` to `max` bytes with "…".
std::string shorten(std::string_view text, size_t max);

}  // namespace bulwark::rules::image
