#pragma once
// Knowledge about well-known base images: who they run as, and which smaller variants exist.
// Pure data and lookups; no I/O.
#include <optional>
#include <string>
#include <string_view>

#include "bulwark/model/image_ref.hpp"

namespace bulwark::data {

/// The USER an image's config sets (what a container runs as when the Dockerfile sets none).
struct DefaultUser {
    std::string_view name;  // as the image config has it ("nonroot", "65532", "app", "root")
    int uid = 0;            // numeric uid (0 for root, -1 for Windows accounts)
    bool is_root = false;
};

/// The default user of `image` when it is in the table; nullopt for images not known (most
/// official images run as root, but the caller decides what to assume).
std::optional<DefaultUser> default_user(const model::ImageRef& image);

/// A smaller variant of an official image (slim, alpine, jre) to suggest instead of a full one.
struct SmallerVariant {
    std::string suggestion;  // full reference to use instead, e.g. "python:3.12-slim"
    std::string_view kind;   // "slim", "alpine" or "jre"
};

/// When `image` is the full (default, Debian "full" or JDK) variant of an official image that has
/// a smaller variant, what to use instead; nullopt when it already is small, is not an image in the
/// table, or its tag is a Windows variant.
std::optional<SmallerVariant> smaller_variant(const model::ImageRef& image);

/// True when the image reference `text` names a Windows image: mcr.microsoft.com/windows*,
/// nanoserver / servercore / windowsservercore repositories or tags, .NET Framework images.
bool is_windows_image(std::string_view text);

/// True when `image`'s /bin/sh is known to be busybox ash, which has `set -o pipefail`: alpine and
/// busybox repositories, and tags with an alpine token (`python:3.12-alpine3.20`). False for others,
/// whose /bin/sh may be dash (Debian, Ubuntu), which rejects it.
bool sh_is_busybox_ash(const model::ImageRef& image);

/// "registry/repository" with Docker Hub defaults filled in ("docker.io/library/python").
std::string full_name(const model::ImageRef& image);

/// The tag as Docker resolves it: "latest" when none is written (and no digest pins the image).
std::string effective_tag(const model::ImageRef& image);

}  // namespace bulwark::data
