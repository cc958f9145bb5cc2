#pragma once
// End-of-life dates of base image products (distributions, language runtimes, databases), and
// lookups from an image reference or an /etc/os-release pair. Pure data; no I/O, no clock.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/image_ref.hpp"

namespace bulwark::data {

/// One release cycle of a product and when its free security support ends.
struct EolInfo {
    std::string product;         // table id: "python", "node", "debian", "ubuntu", "alpine" ...
    std::string cycle;           // "3.7", "16", "10", "18.04", "3.12", "stream8"
    std::string name;            // for messages: "Python 3.7", "Debian 10 (buster)"
    std::string eol;             // YYYY-MM-DD, last day of free security support
    std::string suggestion;      // a supported replacement reference, e.g. "python:3.13-slim"; empty
                                 // when no existing tag can be named with certainty (see advice)
    std::string advice;          // what to move to, in words, when suggestion is empty
    bool image_product = false;  // the image's own product, not a distribution named in its tag
};

/// EOL data for what `image`'s tag pins: the image's own product (python:3.7 -> Python 3.7) and
/// any distribution named in the tag (python:3.12-slim-buster -> Debian 10), earliest EOL first.
/// Each suggestion keeps the variant the tag names (slim, alpine, chiseled, jre, Windows ...) and is
/// a tag known to exist; where none is (an image the tables do not know), `advice` says it in words.
/// Empty for images not in the tables, tags that float (no tag, "latest", "3", "lts", "stable").
std::vector<EolInfo> lookup_eol_all(const model::ImageRef& image);

/// The earliest-ending entry of lookup_eol_all(), or nullopt.
std::optional<EolInfo> lookup_eol(const model::ImageRef& image);

/// EOL of an operating system from /etc/os-release ID and VERSION_ID ("debian" "10",
/// "ubuntu" "20.04", "alpine" "3.18.4", "centos" "7", "fedora" "38", "amzn" "2").
std::optional<EolInfo> lookup_os_eol(std::string_view os_id, std::string_view version_id);

/// True when `today` (YYYY-MM-DD) is on or after the EOL date.
bool eol_reached(const EolInfo& info, std::string_view today);

}  // namespace bulwark::data
