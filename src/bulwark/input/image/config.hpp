#pragma once
// The image config JSON (OCI image config / Docker image JSON): runtime config, history and
// rootfs, with every value's place in the text.
#include <string>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/model/image.hpp"

namespace bulwark::input::image {

/// The display path of an image's config: "<input>@sha256:<12 hex>/config.json".
std::string config_display_path(std::string_view input, std::string_view config_digest);

/// The text the rules see for config bytes `raw`: the same JSON pretty-printed (2-space indent,
/// keys sorted), so findings point at a readable line. Empty when `raw` is not JSON.
std::string pretty_config(std::string_view raw);

/// Reads `source` (a config as pretty_config returns it) into `image`: os, architecture, variant,
/// created, config, history (with layer indexes). `diff_ids` receives rootfs.diff_ids. Problems
/// are located diagnostics; false when the config cannot be used at all. Never throws.
bool parse_config(const util::SourcePtr& source, model::ImageSpec& image, std::vector<std::string>& diff_ids,
                  std::vector<core::Diagnostic>& diags);

}  // namespace bulwark::input::image
