#pragma once
// Helpers shared by the SBOM renderers (CycloneDX, SPDX): the images of a report, deterministic
// ids, timestamps and license expressions.
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/image.hpp"
#include "bulwark/report/report.hpp"

namespace bulwark::report::sbom {

/// The images of the report (file results of kind "image" with a model), in report order.
std::vector<const model::ImageSpec*> images(const Report& report);

/// A name-based (version 5, SHA-1) UUID of `name`: the same image gives the same serial number,
/// so SBOM output is reproducible. "xxxxxxxx-xxxx-5xxx-yxxx-xxxxxxxxxxxx".
std::string uuid_v5(std::string_view name);

/// `created` (RFC 3339, any fraction or offset) as "YYYY-MM-DDThh:mm:ssZ" in UTC; "" when it is
/// not a valid RFC 3339 date-time.
std::string utc_timestamp(std::string_view created);

/// The canonical SPDX license id for a known id or a common alias ("GPL-2+" -> "GPL-2.0-or-later",
/// "Expat" -> "MIT", "mit" -> "MIT"); "" when unknown. Every id returned is on the SPDX license list.
std::string_view spdx_id(std::string_view name);

/// `text` as a valid SPDX license expression with canonical ids ("MIT or GPL-2+" ->
/// "MIT OR GPL-2.0-or-later"), or "" when a part is not a known id or the syntax is wrong.
std::string spdx_expression(std::string_view text);

/// The image's display name: its first repo tag, else the name the user gave, else its id.
std::string image_name(const model::ImageSpec& image);

/// "sha256:abcd..." -> "abcd..." (64 hex digits), or "" when `digest` is not a SHA-256 digest.
std::string sha256_hex(std::string_view digest);

}  // namespace bulwark::report::sbom
