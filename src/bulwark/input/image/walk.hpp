#pragma once
// The layer walk: streams each layer blob once (decompressing gzip or zstd, detected by magic),
// verifies its blob digest and diff_id while it goes by, records every entry as an ImageFile, feeds
// regular files' bytes to the content visitors, and, after the last layer, applies whiteouts and
// opaque directories to mark the versions that are not in the final filesystem.
#include <cstddef>
#include <functional>
#include <map>
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

    /// The layers holding hard-link targets whose bytes a visitor asked to be given again
    /// (ContentVisitor::wants_link), in order; empty for most images.
    std::vector<int> layers_to_read_again() const;
    /// After the last walk() and before finish(): reads layer `index` again and streams the bytes of
    /// its hard-link targets, whatever their size, to the visitors that asked for them, as the files
    /// of the links (a visitor's further links to one target over k_max_buffered_bytes get only
    /// that much, with a note).
    void read_again(int index, const BlobRead& read);

    /// The bytes of a target kept in memory for a visitor's second and later links to it: a visitor
    /// reads one file at a time, so only its first link is streamed the target's bytes.
    static constexpr uint64_t k_max_buffered_bytes = 1U << 20U;

  private:
    /// Called with each entry of a layer and its number in the layer's tar (0, 1, ...).
    using EntryFn = std::function<void(::archive* tar, ::archive_entry* e, uint64_t ordinal, bool& failed)>;
    /// What reading a layer computed.
    struct LayerSums {
        std::string blob_digest;
        std::string diff_id;
        uint64_t size = 0;
    };
    /// The regular file whose bytes a path names (itself, or a hard link's target).
    struct Source {
        size_t file = 0;       // index in ImageSpec::files
        uint64_t ordinal = 0;  // its entry's number in its layer
    };
    /// A hard link whose target's bytes a visitor asked to be given again.
    struct Reread {
        model::ImageFile link;  // as the visitors see it: a regular file with the target's size
        std::string target;
        uint64_t ordinal = 0;  // the target's entry in its layer
        ContentVisitor* visitor = nullptr;
        bool streamed = true;  // the visitor's first link to the target; false: given the buffer
    };

    /// Streams layer `index`, calling `on_entry` for each entry; false (after a diagnostic) when it
    /// could not be read to its end.
    bool read_layer(int index, const BlobRead& read, const EntryFn& on_entry, LayerSums& sums);
    void entry(int index, ::archive* tar, ::archive_entry* e, uint64_t ordinal, bool& failed);
    /// Makes the bytes of a hard link's target visible under `link` to the visitors.
    void link(int index, const model::ImageFile& link);
    void layer_diagnostic(int index, core::DiagLevel level, std::string_view message);
    void path_problem(int index, std::string_view message);
    bool removed_at(const std::string& path, int layer) const;
    void fill_os_release();

    model::ImageSpec& m_image;
    std::span<ContentVisitor* const> m_visitors;
    std::string m_display;
    std::vector<core::Diagnostic>& m_diags;
    std::unordered_map<std::string, int> m_whiteout_max;
    std::unordered_map<std::string, int> m_opaque_max;
    /// The last layer that wrote a path, and where the bytes of that version are (for hard links).
    struct Latest {
        int layer = -1;
        bool has_source = false;  // a regular file, or a hard link to one
        Source source;
    };
    std::unordered_map<std::string, Latest> m_latest;
    std::unordered_map<std::string, int> m_nondir_max;  // path -> last layer that wrote a non-directory
    std::map<int, std::vector<Reread>> m_rereads;       // by the layer of their targets
    int m_path_problems = 0;
};

}  // namespace bulwark::input::image
