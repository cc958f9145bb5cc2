#pragma once
// The layer walk: streams each layer blob once (decompressing gzip or zstd, detected by magic),
// verifies its blob digest and diff_id while it goes by, records every entry as an ImageFile, feeds
// regular files' bytes to the content visitors, and, after the last layer, applies whiteouts and
// opaque directories to mark the versions that are not in the final filesystem.
#include <cstddef>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/input/image/content.hpp"
#include "bulwark/model/image.hpp"

struct archive;
struct archive_entry;

namespace bulwark::input::image {

/// Reads the next bytes of a blob into `buf` (at most `size`): the count, 0 at the end, or -1 on
/// an error described in `error`.
using BlobRead = std::function<std::ptrdiff_t(char* buf, size_t size, std::string& error)>;

/// Normalises a tar entry name to an absolute path ("./etc//x" -> "/etc/x"). Empty with `error`
/// set for absolute names and names that climb out with "..". "/" for the root itself.
std::string normalise_entry_path(std::string_view name, std::string& error);

class LayerWalk {
  public:
    /// `image.layers` must hold the layers (digest and diff_id expected, empty when unknown).
    /// Diagnostics name `display` (the input) as their file.
    LayerWalk(model::ImageSpec& image, std::span<ContentVisitor* const> visitors, std::string display,
              std::vector<core::Diagnostic>& diags);

    /// Streams layer `index` from `read`, then checks its digests. Returns false when the layer
    /// could not be read to its end (the error is a diagnostic naming the layer).
    bool walk(int index, const BlobRead& read);

    /// After the last layer: sets `removed` on files, contents and secrets, sorts them, fills
    /// os_release, and calls every visitor's finish.
    void finish();

    /// Reports an error about layer `index` (e.g. its blob is missing).
    void layer_error(int index, std::string_view message);

  private:
    void entry(int index, ::archive* tar, ::archive_entry* e, bool& failed);
    void path_problem(int index, std::string_view message);
    bool removed_at(const std::string& path, int layer) const;
    void fill_os_release();

    model::ImageSpec& m_image;
    std::span<ContentVisitor* const> m_visitors;
    std::string m_display;
    std::vector<core::Diagnostic>& m_diags;
    std::unordered_map<std::string, int> m_whiteout_max;
    std::unordered_map<std::string, int> m_opaque_max;
    std::unordered_map<std::string, int> m_latest;      // path -> last layer that wrote it
    std::unordered_map<std::string, int> m_nondir_max;  // path -> last layer that wrote a non-directory
    int m_path_problems = 0;
};

}  // namespace bulwark::input::image
