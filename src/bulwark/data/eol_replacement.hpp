#pragma once
// Internal to data/: the image suggested in place of an ended release (eol.cpp reads the tag,
// eol_replacement.cpp names the replacement).
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/image_ref.hpp"

namespace bulwark::data::eol_replacement {

/// What to move to: a reference to a tag known to exist, or, when none is certain, words.
struct Replacement {
    std::string reference;
    std::string advice;
};

/// A FROM reference as the EOL lookup read it.
struct TagContext {
    const model::ImageRef& image;
    std::string_view name;                       // canonical lower-case name: "docker.io/library/python"
    std::string_view architecture;               // Docker Hub architecture namespace ("arm32v7"), or empty
    std::string_view product;                    // the image's own product in the tables, or empty
    std::string_view cycle;                      // its cycle when the tables know it ("3.12", "8.0")
    const std::vector<std::string_view>& words;  // the lower-case tag's '-'-separated words
};

/// The release of the image's own product ended: a supported release of the same image (or of its
/// maintained successor: openjdk -> eclipse-temurin) with the variant the tag chose.
Replacement for_product(const TagContext& tag);

/// The release of distribution `os_product` that `tag.words[word]` names ended: the same tag on a
/// supported release for images the tables know and for the official images that name their Debian
/// or Ubuntu release by codename (rust, buildpack-deps), words for the others.
Replacement for_distribution(const TagContext& tag, size_t word, std::string_view os_product);

}  // namespace bulwark::data::eol_replacement
