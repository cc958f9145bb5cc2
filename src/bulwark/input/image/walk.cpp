#include "bulwark/input/image/walk.hpp"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "bulwark/input/image/digest.hpp"
#include "bulwark/input/image/libraries.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::image {

namespace {

constexpr size_t k_chunk = 256 * 1024;
constexpr int k_max_path_problems = 20;  // per image; then one summary

struct ArchiveDeleter {
    void operator()(struct archive* a) const { lib::archive().read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;

/// The compressed blob as stored: hashed for the manifest digest.
struct BlobFeed {
    const BlobRead* read = nullptr;
    Sha256 hash;
    uint64_t size = 0;
    std::vector<char> buf = std::vector<char>(k_chunk);
    std::string error;
    bool failed = false;
};

la_ssize_t read_blob(struct archive* a, void* data, const void** out) {
    auto* f = static_cast<BlobFeed*>(data);
    std::ptrdiff_t n = (*f->read)(f->buf.data(), f->buf.size(), f->error);
    if (n < 0) {
        f->failed = true;
        lib::archive().set_error(a, EIO, "%s", f->error.c_str());
        return -1;
    }
    f->hash.update(std::string_view(f->buf.data(), static_cast<size_t>(n)));
    f->size += static_cast<uint64_t>(n);
    *out = f->buf.data();
    return n;
}

/// Decompressed layer bytes handed from the thread that reads and decompresses the blob to the
/// thread that hashes and parses the tar, a few chunks at a time (bounded memory). Decompression
/// and blob hashing then run on one core while the tar walk, its hash and the content checks run
/// on another.
class ChunkQueue {
  public:
    /// Producer: queues a copy of `data`; false when the consumer has stopped.
    bool push(const void* data, size_t size) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_space.wait(lock, [&] { return m_stopped || m_chunks.size() < k_capacity; });
        if (m_stopped) {
            return false;
        }
        std::vector<char> chunk;
        if (!m_free.empty()) {
            chunk = std::move(m_free.back());
            m_free.pop_back();
        }
        chunk.assign(static_cast<const char*>(data), static_cast<const char*>(data) + size);
        m_chunks.push_back(std::move(chunk));
        m_ready.notify_one();
        return true;
    }
    /// Producer: no more chunks; `error` says why when the data did not end cleanly.
    void close(std::string error) {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_closed = true;
        m_error = std::move(error);
        m_ready.notify_one();
    }
    /// Consumer: the next chunk in `out` (its previous buffer is recycled); false at the end.
    bool pop(std::vector<char>& out) {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_ready.wait(lock, [&] { return m_closed || !m_chunks.empty(); });
        if (!out.empty() || out.capacity() != 0) {
            m_free.push_back(std::move(out));
        }
        if (m_chunks.empty()) {
            out.clear();
            return false;
        }
        out = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_space.notify_one();
        return true;
    }
    /// Consumer: stops the producer (its next push returns false).
    void stop() {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stopped = true;
        m_space.notify_one();
    }
    /// Why the data ended early; empty after a clean end. Valid once pop() returned false.
    std::string error() {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_error;
    }

  private:
    static constexpr size_t k_capacity = 8;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<std::vector<char>> m_chunks;
    std::vector<std::vector<char>> m_free;
    bool m_closed = false;
    bool m_stopped = false;
    std::string m_error;
};

/// The decompressing side: every data block of the raw reader into `queue`, then the rest of the
/// blob (for its hash), then close.
void decompress(struct archive* raw, BlobFeed& blob, ChunkQueue& queue) {
    std::string error;
    for (;;) {
        const void* block = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        int r = lib::archive().read_data_block(raw, &block, &size, &offset);
        if (r == ARCHIVE_EOF) {
            break;
        }
        if (r < ARCHIVE_WARN) {
            const char* why = lib::archive().error_string(raw);
            error = why != nullptr ? why : "cannot decompress";
            break;
        }
        if (!queue.push(block, size)) {
            queue.close({});
            return;  // the tar walk stopped (a corrupt layer): it reports why
        }
    }
    if (error.empty()) {
        const void* out = nullptr;
        for (la_ssize_t n = 0; (n = read_blob(raw, &blob, &out)) > 0;) {
        }
    }
    queue.close(std::move(error));
}

/// The uncompressed layer tar: hashed for the diff_id, then parsed as tar.
struct TarFeed {
    ChunkQueue* queue = nullptr;
    std::vector<char> chunk;
    Sha256 hash;
    bool failed = false;
    std::string error;
    bool eof = false;
};

la_ssize_t read_tar(struct archive* a, void* data, const void** out) {
    auto* f = static_cast<TarFeed*>(data);
    if (f->eof) {
        return 0;
    }
    if (!f->queue->pop(f->chunk)) {
        f->eof = true;
        f->error = f->queue->error();
        if (!f->error.empty()) {
            f->failed = true;
            lib::archive().set_error(a, EIO, "%s", f->error.c_str());
            return -1;
        }
        return 0;
    }
    f->hash.update(std::string_view(f->chunk.data(), f->chunk.size()));
    *out = f->chunk.data();
    return static_cast<la_ssize_t>(f->chunk.size());
}

std::string_view compression_name(int code) {
    switch (code) {
        case ARCHIVE_FILTER_NONE:
            return "none";
        case ARCHIVE_FILTER_GZIP:
            return "gzip";
        case ARCHIVE_FILTER_ZSTD:
            return "zstd";
        default:
            return {};
    }
}

std::string parent_of(const std::string& path) {
    size_t slash = path.rfind('/');
    return slash == 0 || slash == std::string::npos ? std::string("/") : path.substr(0, slash);
}

std::string join(const std::string& dir, std::string_view name) {
    return dir == "/" ? "/" + std::string(name) : dir + "/" + std::string(name);
}

int max_of(const std::unordered_map<std::string, int>& m, const std::string& key) {
    auto it = m.find(key);
    return it == m.end() ? -1 : it->second;
}

void raise(std::unordered_map<std::string, int>& m, const std::string& key, int layer) {
    auto [it, added] = m.emplace(key, layer);
    if (!added) {
        it->second = std::max(it->second, layer);
    }
}

/// KEY=value lines of os-release, quotes removed.
std::string os_release_value(std::string_view text, std::string_view key) {
    for (std::string_view line : util::split(text, '\n')) {
        line = util::trim(line);
        if (line.size() > key.size() && line.substr(0, key.size()) == key && line[key.size()] == '=') {
            std::string_view v = line.substr(key.size() + 1);
            if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
                v = v.substr(1, v.size() - 2);
            }
            return std::string(v);
        }
    }
    return {};
}

/// Gives the data of the tar's current entry to `on_chunk`, block by block; false, with `why`, when
/// it cannot be read to its end.
template <class OnChunk>
bool for_each_block(struct archive* tar, std::string& why, OnChunk&& on_chunk) {
    const void* block = nullptr;
    size_t size = 0;
    la_int64_t offset = 0;
    for (;;) {
        int r = lib::archive().read_data_block(tar, &block, &size, &offset);
        if (r == ARCHIVE_EOF) {
            return true;
        }
        if (r < ARCHIVE_WARN) {
            const char* error = lib::archive().error_string(tar);
            why = error != nullptr ? error : "corrupt data";
            return false;
        }
        on_chunk(std::string_view(static_cast<const char*>(block), size));
    }
}

/// Where symlink `target` in directory `dir` points, ".." clamped at the root as the kernel does.
std::string resolve_link(const std::string& dir, std::string_view target) {
    std::vector<std::string_view> parts;
    std::string base = util::starts_with(target, "/") ? std::string() : dir;
    for (std::string_view part : util::split(base, '/')) {
        if (!part.empty()) {
            parts.push_back(part);
        }
    }
    for (std::string_view part : util::split(target, '/')) {
        if (part == "..") {
            if (!parts.empty()) {
                parts.pop_back();
            }
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
    }
    std::string out;
    for (std::string_view p : parts) {
        out += '/';
        out += p;
    }
    return out.empty() ? std::string("/") : out;
}

}  // namespace

std::string normalise_entry_path(std::string_view name, std::string& error) {
    error.clear();
    if (util::starts_with(name, "/")) {
        error = fmt::format("entry '{}' has an absolute path", name);
        return {};
    }
    std::string out;
    for (std::string_view part : util::split(name, '/')) {
        if (part.empty() || part == ".") {
            continue;
        }
        if (part == "..") {
            error = fmt::format("entry '{}' climbs out of the image root with '..'", name);
            return {};
        }
        out += '/';
        out += part;
    }
    return out.empty() ? std::string("/") : out;
}

LayerWalk::LayerWalk(model::ImageSpec& image, std::span<ContentVisitor* const> visitors, std::string display,
                     std::vector<core::Diagnostic>& diags)
    : m_image(image), m_visitors(visitors), m_display(std::move(display)), m_diags(diags) {}

void LayerWalk::layer_error(int index, std::string_view message) {
    layer_diagnostic(index, core::DiagLevel::error, message);
}

void LayerWalk::layer_diagnostic(int index, core::DiagLevel level, std::string_view message) {
    const model::ImageLayer& l = m_image.layers[static_cast<size_t>(index)];
    std::string id = !l.diff_id.empty() ? l.diff_id : l.digest;
    core::Diagnostic d;
    d.level = level;
    d.location.file = m_display;
    d.message = id.empty() ? fmt::format("layer {}: {}", index, message)
                           : fmt::format("layer {} ({}): {}", index, short_digest(id), message);
    m_diags.push_back(std::move(d));
}

void LayerWalk::path_problem(int index, std::string_view message) {
    ++m_path_problems;
    if (m_path_problems <= k_max_path_problems) {
        layer_error(index, fmt::format("{}; skipped", message));
    } else if (m_path_problems == k_max_path_problems + 1) {
        layer_error(index, "more entries with bad paths; not listed");
    }
}

bool LayerWalk::walk(int index, const BlobRead& read) {
    LayerSums sums;
    auto on_entry = [&](struct archive* tar, struct archive_entry* e, uint64_t ordinal, bool& failed) {
        entry(index, tar, e, ordinal, failed);
    };
    if (!read_layer(index, read, on_entry, sums)) {
        return false;
    }
    model::ImageLayer& layer = m_image.layers[static_cast<size_t>(index)];
    layer.size = sums.size;
    bool ok = true;
    if (!layer.digest.empty() && layer.digest != sums.blob_digest) {
        layer_error(index, fmt::format("blob digest mismatch: the manifest says {}, the blob's is {}",
                                       layer.digest, sums.blob_digest));
        ok = false;
    }
    if (!layer.diff_id.empty() && layer.diff_id != sums.diff_id) {
        layer_error(index, fmt::format("diff_id mismatch: the config says {}, the uncompressed layer's is {}",
                                       layer.diff_id, sums.diff_id));
        ok = false;
    }
    if (layer.digest.empty()) {
        layer.digest = sums.blob_digest;
    }
    if (layer.diff_id.empty()) {
        layer.diff_id = sums.diff_id;
    }
    return ok;
}

bool LayerWalk::read_layer(int index, const BlobRead& read, const EntryFn& on_entry, LayerSums& sums) {
    model::ImageLayer& layer = m_image.layers[static_cast<size_t>(index)];
    BlobFeed blob;
    blob.read = &read;
    ArchivePtr raw(lib::archive().read_new());
    lib::archive().read_support_filter_all(raw.get());
    lib::archive().read_support_format_raw(raw.get());
    struct archive_entry* e = nullptr;
    if (lib::archive().read_open(raw.get(), &blob, nullptr, read_blob, nullptr) != ARCHIVE_OK ||
        lib::archive().read_next_header(raw.get(), &e) != ARCHIVE_OK) {
        const char* why = lib::archive().error_string(raw.get());
        layer_error(index, blob.failed      ? blob.error
                           : blob.size == 0 ? std::string("the blob is empty")
                           : why != nullptr ? std::string(why)
                                            : std::string("cannot read the blob"));
        return false;
    }
    std::string_view compression = compression_name(lib::archive().filter_code(raw.get(), 0));
    if (compression.empty()) {
        layer_error(index, fmt::format("unsupported layer compression '{}'",
                                       lib::archive().filter_name(raw.get(), 0)));
        return false;
    }
    layer.compression = std::string(compression);

    ChunkQueue queue;
    TarFeed tar_feed;
    tar_feed.queue = &queue;
    std::thread decompressor(decompress, raw.get(), std::ref(blob), std::ref(queue));
    // However the walk ends, the decompressor is stopped and joined before `raw` and `blob` go.
    struct Joiner {
        ChunkQueue& queue;
        std::thread& thread;
        ~Joiner() {
            queue.stop();
            if (thread.joinable()) {
                thread.join();
            }
        }
    } joiner{queue, decompressor};
    ArchivePtr tar(lib::archive().read_new());
    lib::archive().read_support_format_tar(tar.get());
    bool failed = false;
    if (lib::archive().read_open(tar.get(), &tar_feed, nullptr, read_tar, nullptr) != ARCHIVE_OK) {
        const char* why = lib::archive().error_string(tar.get());
        layer_error(index, fmt::format("not a tar archive: {}", why != nullptr ? why : "unknown format"));
        failed = true;
    }
    for (uint64_t ordinal = 0; !failed; ++ordinal) {
        int r = lib::archive().read_next_header(tar.get(), &e);
        if (r == ARCHIVE_EOF) {
            break;
        }
        if (r < ARCHIVE_WARN) {
            const char* why = lib::archive().error_string(tar.get());
            layer_error(index, tar_feed.failed ? fmt::format("truncated or corrupt {} data: {}", compression,
                                                             tar_feed.error)
                                               : std::string(why != nullptr ? why : "corrupt tar"));
            failed = true;
            break;
        }
        on_entry(tar.get(), e, ordinal, failed);
    }
    if (failed) {
        return false;
    }
    // The tar reader stops at its end blocks: hash what follows (padding) up to the true ends.
    const void* out = nullptr;
    for (la_ssize_t n = 0; (n = read_tar(tar.get(), &tar_feed, &out)) > 0;) {
    }
    decompressor.join();
    if (tar_feed.failed) {
        layer_error(index, fmt::format("truncated or corrupt {} data: {}", compression, tar_feed.error));
        return false;
    }
    if (blob.failed) {
        layer_error(index, blob.error);
        return false;
    }
    sums.blob_digest = blob.hash.digest();
    sums.diff_id = tar_feed.hash.digest();
    sums.size = blob.size;
    return true;
}

void LayerWalk::entry(int index, struct archive* tar, struct archive_entry* e, uint64_t ordinal,
                      bool& failed) {
    const char* raw_name = lib::archive().entry_pathname(e);
    std::string name = raw_name != nullptr ? raw_name : "";
    std::string problem;
    std::string path = normalise_entry_path(name, problem);
    if (!problem.empty()) {
        path_problem(index, problem);
        return;
    }
    if (path == "/") {
        return;
    }
    std::string dir = parent_of(path);
    std::string_view base = std::string_view(path).substr(path.rfind('/') + 1);
    if (util::starts_with(base, ".wh.")) {
        if (base == ".wh..wh..opq") {
            raise(m_opaque_max, dir, index);
        } else if (!util::starts_with(base, ".wh..wh.")) {  // other .wh..wh. names are aufs bookkeeping
            std::string deleted = join(dir, base.substr(4));
            if (auto it = m_latest.find(deleted); it != m_latest.end()) {
                it->second.has_source = false;
            }
            raise(m_whiteout_max, deleted, index);
        }
        return;
    }
    model::ImageFile f;
    f.path = path;
    f.layer = index;
    f.mode = lib::archive().entry_perm(e) & 07777U;
    f.uid = static_cast<uint32_t>(lib::archive().entry_uid(e));
    f.gid = static_cast<uint32_t>(lib::archive().entry_gid(e));
    if (const char* link = lib::archive().entry_hardlink(e); link != nullptr) {
        f.type = model::ImageFileType::hardlink;
        std::string target = normalise_entry_path(link, problem);
        if (!problem.empty()) {
            path_problem(index, fmt::format("hard link '{}': target {}", name, problem));
            return;
        }
        f.link_target = target;
    } else {
        switch (lib::archive().entry_filetype(e)) {
            case AE_IFDIR:
                f.type = model::ImageFileType::directory;
                break;
            case AE_IFLNK: {
                f.type = model::ImageFileType::symlink;
                const char* target = lib::archive().entry_symlink(e);
                f.link_target = target != nullptr ? target : "";
                break;
            }
            case AE_IFCHR:
                f.type = model::ImageFileType::char_device;
                break;
            case AE_IFBLK:
                f.type = model::ImageFileType::block_device;
                break;
            case AE_IFIFO:
                f.type = model::ImageFileType::fifo;
                break;
            case AE_IFSOCK:
                f.type = model::ImageFileType::socket;
                break;
            default:
                f.type = model::ImageFileType::regular;
                f.size = lib::archive().entry_size_is_set(e) != 0
                             ? static_cast<uint64_t>(lib::archive().entry_size(e))
                             : 0;
                break;
        }
    }
    Latest& latest = m_latest[path];
    latest.layer = std::max(latest.layer, index);
    latest.has_source = f.type == model::ImageFileType::regular;
    latest.source = Source{m_image.files.size(), ordinal};  // the index `f` gets below
    if (f.type != model::ImageFileType::directory) {
        raise(m_nondir_max, path, index);
    }
    if (f.type == model::ImageFileType::hardlink) {
        link(index, f);  // may add to m_latest: `latest` is not used after this
    }
    if (f.type == model::ImageFileType::regular) {
        std::vector<ContentVisitor*> wanting;
        for (ContentVisitor* v : m_visitors) {
            if (v->wants(f)) {
                wanting.push_back(v);
            }
        }
        if (!wanting.empty()) {
            std::string why;
            if (!for_each_block(tar, why, [&](std::string_view chunk) {
                    for (ContentVisitor* v : wanting) {
                        v->data(chunk);
                    }
                })) {
                layer_error(index, fmt::format("reading {}: {}", path, why));
                failed = true;
            }
            for (ContentVisitor* v : wanting) {
                v->end(f, m_image);
            }
        }
    }
    m_image.files.push_back(std::move(f));
}

void LayerWalk::link(int index, const model::ImageFile& link) {
    auto it = m_latest.find(link.link_target);
    if (it == m_latest.end() || !it->second.has_source) {
        if (it == m_latest.end()) {  // a link to a directory or a symlink has no bytes
            layer_diagnostic(index, core::DiagLevel::warning,
                             fmt::format("hard link '{}' names '{}', which no earlier entry of this or an "
                                         "earlier layer wrote; it has no content to check",
                                         link.path, link.link_target));
        }
        return;
    }
    const Source source = it->second.source;
    Latest& self = m_latest[link.path];
    self.has_source = true;
    self.source = source;
    const model::ImageFile target = m_image.files[source.file];  // a copy: visitors may add files
    model::ImageFile as_file = link;
    as_file.type = model::ImageFileType::regular;
    as_file.size = target.size;
    std::vector<ContentVisitor*> again;
    for (ContentVisitor* v : m_visitors) {
        if (v->wants_link(as_file, target, m_image)) {
            again.push_back(v);
        }
    }
    if (again.empty()) {
        return;
    }
    std::vector<Reread>& rereads = m_rereads[target.layer];
    for (ContentVisitor* v : again) {
        bool first = std::none_of(rereads.begin(), rereads.end(), [&](const Reread& r) {
            return r.ordinal == source.ordinal && r.visitor == v;
        });
        if (!first && target.size > k_max_buffered_bytes) {
            layer_diagnostic(
                index, core::DiagLevel::note,
                fmt::format("hard link '{}' names the {} bytes of '{}' (layer {}), as an earlier "
                            "link does whose reader reads them all; under this path only their "
                            "first {} MB are checked",
                            link.path, target.size, target.path, target.layer, k_max_buffered_bytes >> 20U));
        }
        rereads.push_back(Reread{as_file, target.path, source.ordinal, v, first});
    }
}

std::vector<int> LayerWalk::layers_to_read_again() const {
    std::vector<int> out;
    for (const auto& [layer, rereads] : m_rereads) {
        out.push_back(layer);
    }
    return out;
}

void LayerWalk::read_again(int index, const BlobRead& read) {
    auto found = m_rereads.find(index);
    if (found == m_rereads.end()) {
        return;
    }
    std::vector<Reread> rereads = std::move(found->second);
    m_rereads.erase(found);
    std::stable_sort(rereads.begin(), rereads.end(),
                     [](const Reread& a, const Reread& b) { return a.ordinal < b.ordinal; });
    std::vector<const Reread*> streaming;
    std::string buffer;
    auto on_entry = [&](struct archive* tar, struct archive_entry* e, uint64_t ordinal, bool& failed) {
        auto first = std::lower_bound(rereads.begin(), rereads.end(), ordinal,
                                      [](const Reread& r, uint64_t n) { return r.ordinal < n; });
        auto last = first;
        while (last != rereads.end() && last->ordinal == ordinal) {
            ++last;
        }
        const char* raw_name = lib::archive().entry_pathname(e);
        std::string problem;
        if (first == last ||
            normalise_entry_path(raw_name != nullptr ? raw_name : "", problem) != first->target) {
            return;  // not a target (or the layer is not what it was: its links get nothing)
        }
        // Streamed as the first walk streams a file, whatever its size: each visitor bounds what it
        // keeps. A visitor's later links to the same target get the first bytes, kept meanwhile.
        streaming.clear();
        bool buffering = false;
        for (auto it = first; it != last; ++it) {
            if (!it->streamed) {
                buffering = true;
            } else if (it->visitor->wants(it->link)) {
                streaming.push_back(&*it);
            }
        }
        buffer.clear();
        std::string why;
        bool read_all = for_each_block(tar, why, [&](std::string_view chunk) {
            for (const Reread* r : streaming) {
                r->visitor->data(chunk);
            }
            if (buffering) {
                buffer.append(chunk.substr(
                    0, k_max_buffered_bytes - std::min<size_t>(k_max_buffered_bytes, buffer.size())));
            }
        });
        if (!read_all) {
            layer_error(index, fmt::format("reading {} again for its hard links: {}", first->target, why));
            failed = true;
        }
        for (const Reread* r : streaming) {
            r->visitor->end(r->link, m_image);
        }
        for (auto it = first; it != last && read_all; ++it) {
            if (!it->streamed && it->visitor->wants(it->link)) {
                it->visitor->data(buffer);
                it->visitor->end(it->link, m_image);
            }
        }
    };
    LayerSums sums;
    read_layer(index, read, on_entry, sums);
}

bool LayerWalk::removed_at(const std::string& path, int layer) const {
    auto latest = m_latest.find(path);
    if ((latest != m_latest.end() && latest->second.layer > layer) || max_of(m_whiteout_max, path) > layer) {
        return true;
    }
    for (std::string dir = parent_of(path); dir != "/"; dir = parent_of(dir)) {
        if (max_of(m_whiteout_max, dir) > layer || max_of(m_opaque_max, dir) > layer ||
            max_of(m_nondir_max, dir) > layer) {
            return true;
        }
    }
    // An opaque root hides everything below.
    return max_of(m_opaque_max, "/") > layer;
}

void LayerWalk::finish() {
    std::vector<model::ImageFile>& files = m_image.files;
    std::stable_sort(files.begin(), files.end(), [](const model::ImageFile& a, const model::ImageFile& b) {
        return std::tie(a.path, a.layer) < std::tie(b.path, b.layer);
    });
    for (size_t i = 0; i < files.size(); ++i) {
        bool rewritten = i + 1 < files.size() && files[i + 1].path == files[i].path;
        files[i].removed = rewritten || removed_at(files[i].path, files[i].layer);
    }
    for (model::ImageFileContent& c : m_image.contents) {
        c.removed = removed_at(c.path, c.layer);
    }
    for (model::ImageSecret& s : m_image.secrets) {
        s.removed = removed_at(s.path, s.layer);
    }
    std::stable_sort(m_image.contents.begin(), m_image.contents.end(),
                     [](const model::ImageFileContent& a, const model::ImageFileContent& b) {
                         return std::tie(a.path, a.layer) < std::tie(b.path, b.layer);
                     });
    std::stable_sort(m_image.secrets.begin(), m_image.secrets.end(),
                     [](const model::ImageSecret& a, const model::ImageSecret& b) {
                         return std::tie(a.path, a.layer, a.line, a.column) <
                                std::tie(b.path, b.layer, b.line, b.column);
                     });
    fill_os_release();
    for (ContentVisitor* v : m_visitors) {
        v->finish(m_image);
    }
}

void LayerWalk::fill_os_release() {
    auto final_version = [&](const std::string& path) -> const model::ImageFile* {
        auto it =
            std::lower_bound(m_image.files.begin(), m_image.files.end(), path,
                             [](const model::ImageFile& f, const std::string& p) { return f.path < p; });
        for (; it != m_image.files.end() && it->path == path; ++it) {
            if (!it->removed) {
                return &*it;
            }
        }
        return nullptr;
    };
    for (std::string path : {std::string("/etc/os-release"), std::string("/usr/lib/os-release")}) {
        const model::ImageFile* f = final_version(path);
        for (int hops = 0; f != nullptr && f->type == model::ImageFileType::symlink && hops < 8; ++hops) {
            path = resolve_link(parent_of(f->path), f->link_target);
            f = final_version(path);
        }
        if (f == nullptr || f->type != model::ImageFileType::regular) {
            continue;
        }
        for (const model::ImageFileContent& c : m_image.contents) {
            if (c.path == path && c.layer == f->layer && !c.removed) {
                model::OsRelease& os = m_image.os_release;
                os.id = os_release_value(c.data, "ID");
                os.version_id = os_release_value(c.data, "VERSION_ID");
                os.pretty_name = os_release_value(c.data, "PRETTY_NAME");
                os.path = path;
                os.layer = c.layer;
                return;
            }
        }
    }
}

}  // namespace bulwark::input::image
