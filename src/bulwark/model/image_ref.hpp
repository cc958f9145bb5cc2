#pragma once
// An image reference as Docker reads it: [registry/]repository[:tag][@digest].
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::model {

struct ImageRef {
    std::string registry;    // "docker.io" when none is written
    std::string repository;  // "library/debian" for official images
    std::string tag;         // empty when none is written
    std::string digest;      // "sha256:..." or empty
    bool explicit_registry = false;

    /// Short name for messages and tables: "debian", "bitnami/redis", "gcr.io/distroless/static".
    std::string short_name() const;
    /// Last path component ("debian", "static", "redis").
    std::string_view base_name() const;
};

/// Parses a reference; nullopt when it is not a valid reference.
std::optional<ImageRef> parse_image_ref(std::string_view text);

}  // namespace bulwark::model
