#pragma once
// The seam between the layer walk and what reads file contents (package databases, secret
// patterns, small files the rules read): each layer is streamed once, and every visitor that wants
// a file sees its bytes as they go by, so nothing is unpacked to disk and memory stays bounded.
#include <string_view>

#include "bulwark/model/image.hpp"

namespace bulwark::input::image {

/// Reads file contents while the layers stream by, in layer order (base first).
class ContentVisitor {
  public:
    virtual ~ContentVisitor() = default;
    /// Called for every regular file entry of every layer (`file.removed` is not known yet and is
    /// false). True to receive the file's bytes.
    virtual bool wants(const model::ImageFile& file) = 0;
    /// The next bytes of the file last wanted (chunks of any size, in order).
    virtual void data(std::string_view chunk) = 0;
    /// The wanted file's bytes are complete; results go into `image`.
    virtual void end(const model::ImageFile& file, model::ImageSpec& image) = 0;
    /// A hard link: `link` (its own path, layer and mode; the target's size; type regular) names the
    /// bytes of `target`, a regular file of this or an earlier layer that went by before. The visitor
    /// makes what it found in them visible under `link` (copies its results) and returns false, or
    /// returns true to be given the bytes again as the file `link` (wants, data, end) after the last
    /// layer, before finish: when it kept nothing of `target` (another path) but wants `link`. By
    /// default a visitor ignores hard links.
    virtual bool wants_link(const model::ImageFile& link, const model::ImageFile& target,
                            model::ImageSpec& image) {
        (void)link;
        (void)target;
        (void)image;
        return false;
    }
    /// Every layer has been walked: `image.files` holds final `removed` flags and
    /// `image.os_release` is filled. Drop or mark what came from removed files here.
    virtual void finish(model::ImageSpec& image) { (void)image; }
};

}  // namespace bulwark::input::image
