#include "bulwark/input/image/loader.hpp"

#include <sys/utsname.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bulwark/input/image/config.hpp"
#include "bulwark/input/image/digest.hpp"
#include "bulwark/input/image/engine_api.hpp"
#include "bulwark/input/image/libraries.hpp"
#include "bulwark/input/image/walk.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::image {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

constexpr size_t k_max_small = 16U << 20U;  // one manifest, index or config
constexpr size_t k_max_small_total = 128U << 20U;
constexpr size_t k_block = 1U << 20U;
constexpr int k_max_index_depth = 4;

/// Why an entry is not read as JSON: too large for one.
std::string too_large(uint64_t size) {
    return fmt::format("is {} bytes, over the {} MiB limit of a JSON entry (manifest, index or config)", size,
                       k_max_small >> 20U);
}

bool is_json_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct ArchiveDeleter {
    void operator()(struct archive* a) const { lib::archive().read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveDeleter>;

/// Where an image's blobs are: a tar (file or engine export) or an OCI layout directory.
class Container {
  public:
    virtual ~Container() = default;
    /// First look: false with `error` when the container cannot be read at all.
    virtual bool open(std::string& error) = 0;
    /// A small entry (manifest, index, config) by name; nullopt when it cannot be had, with `why` empty
    /// when there is no such entry, else the reason after its name ("is 17000000 bytes, over ...").
    virtual std::optional<std::string> small_file(const std::string& name, std::string& why) = 0;
    /// True when the entry exists.
    virtual bool has(const std::string& name) = 0;
    /// Streams `names[i]` in order i = 0.., calling `on_blob(i, read)` for each. Returns the number
    /// of passes made.
    virtual int stream(const std::vector<std::string>& names,
                       const std::function<void(size_t, const BlobRead&)>& on_blob, std::string& error) = 0;
};

std::string clean_name(std::string_view name) {
    while (util::starts_with(name, "./")) {
        name.remove_prefix(2);
    }
    while (util::starts_with(name, "/")) {
        name.remove_prefix(1);
    }
    return std::string(name);
}

std::string archive_error(struct archive* a, std::string_view fallback) {
    const char* e = lib::archive().error_string(a);
    return e != nullptr ? std::string(e) : std::string(fallback);
}

/// A tar read in passes; `reopen` starts a new pass.
class TarContainer : public Container {
  public:
    using Opener = std::function<ArchivePtr(std::string& error)>;
    explicit TarContainer(Opener reopen) : m_reopen(std::move(reopen)) {}

    bool open(std::string& error) override {
        ArchivePtr a = m_reopen(error);
        if (!a) {
            return false;
        }
        ++m_passes;
        struct archive_entry* e = nullptr;
        size_t total = 0;
        std::vector<char> buf(64 * 1024);
        bool any = false;
        for (;;) {
            int r = lib::archive().read_next_header(a.get(), &e);
            if (r == ARCHIVE_EOF) {
                break;
            }
            if (r < ARCHIVE_WARN) {
                error = any ? archive_error(a.get(), "corrupt archive")
                            : "not a tar archive: " + archive_error(a.get(), "unknown format");
                return false;
            }
            any = true;
            const char* raw = lib::archive().entry_pathname(e);
            std::string name = clean_name(raw != nullptr ? raw : "");
            if (const char* link = lib::archive().entry_symlink(e); link != nullptr) {
                // docker save links a repeated layer to the first copy (../<id>/layer.tar).
                m_links[name] = resolve(name, link);
                continue;
            }
            if (const char* link = lib::archive().entry_hardlink(e); link != nullptr) {
                m_links[name] = clean_name(link);
                continue;
            }
            if (lib::archive().entry_filetype(e) != AE_IFREG) {
                continue;
            }
            m_names.insert(name);
            int64_t size = lib::archive().entry_size(e);
            if (size <= 0 || static_cast<size_t>(size) > k_max_small) {
                m_unread[name] = size <= 0 ? "is empty" : too_large(static_cast<uint64_t>(size));
                continue;
            }
            // JSON may start with whitespace: read up to the first other byte (one byte of a layer).
            std::string text;
            size_t first = 0;
            for (size_t want = 1;; want = buf.size()) {
                la_ssize_t n = lib::archive().read_data(a.get(), buf.data(), want);
                if (n < 0) {
                    error = archive_error(a.get(), "corrupt archive");
                    return false;
                }
                text.append(buf.data(), static_cast<size_t>(n));
                while (first < text.size() && is_json_space(text[first])) {
                    ++first;
                }
                if (n == 0 || first < text.size()) {
                    break;
                }
            }
            if (first == text.size() || (text[first] != '{' && text[first] != '[')) {
                m_unread[name] = first == text.size()
                                     ? "is not JSON (only whitespace)"
                                     : fmt::format("is not JSON (it starts with byte 0x{:02x})",
                                                   static_cast<unsigned char>(text[first]));
                continue;  // a layer, not JSON
            }
            if (total + static_cast<size_t>(size) > k_max_small_total) {
                error = "the archive's JSON entries exceed 128 MB";
                return false;
            }
            for (la_ssize_t m = 0; (m = lib::archive().read_data(a.get(), buf.data(), buf.size())) > 0;) {
                text.append(buf.data(), static_cast<size_t>(m));
            }
            total += text.size();
            m_small[name] = std::move(text);
        }
        if (!any) {
            error = "not an image archive: the tar is empty";
            return false;
        }
        return true;
    }

    std::optional<std::string> small_file(const std::string& name, std::string& why) override {
        const std::string t = target(name);
        if (auto it = m_small.find(t); it != m_small.end()) {
            return it->second;
        }
        auto unread = m_unread.find(t);
        why = unread == m_unread.end() ? std::string() : unread->second;
        return std::nullopt;
    }

    bool has(const std::string& name) override { return m_names.count(target(name)) != 0; }

    int stream(const std::vector<std::string>& wanted,
               const std::function<void(size_t, const BlobRead&)>& on_blob, std::string& error) override {
        std::vector<std::string> names;
        for (const std::string& n : wanted) {
            names.push_back(target(n));
        }
        size_t next = 0;
        int passes = 0;
        while (next < names.size()) {
            ArchivePtr a = m_reopen(error);
            if (!a) {
                return passes;
            }
            ++passes;
            size_t before = next;
            struct archive_entry* e = nullptr;
            while (next < names.size()) {
                int r = lib::archive().read_next_header(a.get(), &e);
                if (r == ARCHIVE_EOF) {
                    break;
                }
                if (r < ARCHIVE_WARN) {
                    error = archive_error(a.get(), "corrupt archive");
                    return passes;
                }
                const char* raw = lib::archive().entry_pathname(e);
                if (lib::archive().entry_filetype(e) != AE_IFREG ||
                    clean_name(raw != nullptr ? raw : "") != names[next]) {
                    continue;
                }
                struct archive* outer = a.get();
                BlobRead read = [outer](char* buf, size_t size, std::string& err) -> std::ptrdiff_t {
                    la_ssize_t n = lib::archive().read_data(outer, buf, size);
                    if (n < 0) {
                        err = archive_error(outer, "cannot read the archive");
                        return -1;
                    }
                    return n;
                };
                on_blob(next, read);
                ++next;
            }
            if (next == before) {
                error = fmt::format("'{}' is not in the archive", names[next]);
                return passes;
            }
        }
        return passes;
    }

    int passes() const { return m_passes; }

  private:
    static std::string resolve(const std::string& from, std::string_view link) {
        std::string dir = from.find('/') == std::string::npos ? "" : from.substr(0, from.rfind('/'));
        std::vector<std::string> parts;
        for (std::string_view p : util::split(dir, '/')) {
            if (!p.empty()) {
                parts.emplace_back(p);
            }
        }
        for (std::string_view p : util::split(link, '/')) {
            if (p == "..") {
                if (!parts.empty()) {
                    parts.pop_back();
                }
            } else if (!p.empty() && p != ".") {
                parts.emplace_back(p);
            }
        }
        std::string out;
        for (const std::string& p : parts) {
            out += (out.empty() ? "" : "/") + p;
        }
        return out;
    }

    std::string target(const std::string& name) const {
        std::string n = clean_name(name);
        for (int hops = 0; hops < 8; ++hops) {
            auto it = m_links.find(n);
            if (it == m_links.end()) {
                break;
            }
            n = it->second;
        }
        return n;
    }

    Opener m_reopen;
    std::map<std::string, std::string> m_small;
    std::map<std::string, std::string> m_unread;  // regular entries not kept as JSON, and why
    std::map<std::string, std::string> m_links;
    std::set<std::string> m_names;
    int m_passes = 0;
};

/// An OCI image layout directory.
class DirContainer : public Container {
  public:
    explicit DirContainer(fs::path root) : m_root(std::move(root)) {}

    bool open(std::string& error) override {
        if (!fs::exists(m_root / "index.json") && !fs::exists(m_root / "manifest.json")) {
            error = "not an OCI image layout: no index.json";
            return false;
        }
        return true;
    }

    std::optional<std::string> small_file(const std::string& name, std::string& why) override {
        std::optional<fs::path> p = path_of(name);
        std::error_code ec;
        why.clear();
        if (!p || !fs::is_regular_file(*p, ec)) {
            return std::nullopt;
        }
        if (uintmax_t size = fs::file_size(*p, ec); !ec && size > k_max_small) {
            why = too_large(size);
            return std::nullopt;
        }
        std::ifstream in(*p, std::ios::binary);
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        return text;
    }

    bool has(const std::string& name) override {
        std::optional<fs::path> p = path_of(name);
        std::error_code ec;
        return p && fs::is_regular_file(*p, ec);
    }

    int stream(const std::vector<std::string>& names,
               const std::function<void(size_t, const BlobRead&)>& on_blob, std::string& error) override {
        for (size_t i = 0; i < names.size(); ++i) {
            std::optional<fs::path> p = path_of(names[i]);
            std::FILE* f = p ? std::fopen(p->c_str(), "rb") : nullptr;
            if (f == nullptr) {
                error = fmt::format("'{}' is not in the layout", names[i]);
                return 1;
            }
            BlobRead read = [f](char* buf, size_t size, std::string& err) -> std::ptrdiff_t {
                size_t n = std::fread(buf, 1, size, f);
                if (n == 0 && std::ferror(f) != 0) {
                    err = "read error";
                    return -1;
                }
                return static_cast<std::ptrdiff_t>(n);
            };
            on_blob(i, read);
            std::fclose(f);
        }
        return 1;
    }

  private:
    std::optional<fs::path> path_of(const std::string& name) const {
        std::string problem;
        std::string clean = normalise_entry_path(name, problem);
        if (!problem.empty() || clean == "/") {
            return std::nullopt;
        }
        return m_root / clean.substr(1);
    }

    fs::path m_root;
};

/// What to read: the config and the layer blobs, in order.
struct Plan {
    std::string config_name;
    std::string config_digest;  // expected, may be empty
    std::vector<std::string> layer_names;
    std::vector<std::string> layer_digests;  // expected, may be empty
    std::vector<std::string> layer_media_types;
    std::vector<std::string> repo_tags;
};

std::string blob_name(const std::string& digest) {
    size_t colon = digest.find(':');
    return colon == std::string::npos ? digest
                                      : "blobs/" + digest.substr(0, colon) + "/" + digest.substr(colon + 1);
}

/// "sha256:<hex>" when `name` is "blobs/sha256/<hex>" or "<hex>.json", else empty.
std::string digest_from_name(const std::string& name) {
    std::string d;
    if (util::starts_with(name, "blobs/sha256/")) {
        d = "sha256:" + name.substr(13);
    } else if (util::ends_with(name, ".json") && name.find('/') == std::string::npos) {
        d = "sha256:" + name.substr(0, name.size() - 5);
    }
    return is_sha256_digest(d) ? d : std::string();
}

std::string str(const Json& j, const char* key) {
    if (j.is_object() && j.contains(key) && j[key].is_string()) {
        return j[key].get<std::string>();
    }
    return {};
}

struct Candidate {
    Json descriptor;
    std::string platform;  // "os/arch[/variant]", empty when the index does not say
    std::string name;      // the image's reference name (its own or its index's annotation), or ""
};

/// The reference name an index descriptor's annotations give, or "".
std::string descriptor_name(const Json& d) {
    if (d.is_object() && d.contains("annotations") && d["annotations"].is_object()) {
        for (const char* key : {"io.containerd.image.name", "org.opencontainers.image.ref.name"}) {
            if (std::string tag = str(d["annotations"], key); !tag.empty()) {
                return tag;
            }
        }
    }
    return {};
}

class Planner {
  public:
    Planner(Container& c, const LoadOptions& options, std::vector<core::Diagnostic>& diags,
            std::string display)
        : m_c(c),
          m_platform(options.platform),
          m_options(options),
          m_diags(diags),
          m_display(std::move(display)) {}

    /// The archive's images by selector (set once the manifest or index was read).
    const std::vector<std::string>& images() const { return m_images; }
    /// The selector of the image planned.
    std::string chosen() const { return m_chosen < m_images.size() ? m_images[m_chosen] : std::string(); }

    std::optional<Plan> plan() {
        std::string why;
        if (std::optional<std::string> index = m_c.small_file("index.json", why)) {
            return from_index(*index);
        }
        if (!why.empty()) {
            error("index.json " + why);
            return std::nullopt;
        }
        if (std::optional<std::string> manifest = m_c.small_file("manifest.json", why)) {
            return from_docker_manifest(*manifest);
        }
        error(why.empty() ? "not an image: no index.json (OCI layout) or manifest.json (docker save) in it"
                          : "manifest.json " + why);
        return std::nullopt;
    }

  private:
    /// Names the archive's images (`tags[i]`: the tags of the i-th) and picks the one the options ask
    /// for; nullopt, with an error listing them, when none matches.
    std::optional<size_t> choose(const std::vector<std::vector<std::string>>& tags) {
        m_images.clear();
        for (size_t i = 0; i < tags.size(); ++i) {
            m_images.push_back(tags[i].empty() ? fmt::format("@{}", i) : tags[i][0]);
        }
        const std::string& want = m_options.image;
        std::optional<size_t> found;
        if (want.empty()) {
            if (m_options.image_index < tags.size()) {
                found = m_options.image_index;
            }
        } else if (want.size() > 1 && want[0] == '@' &&
                   want.find_first_not_of("0123456789", 1) == std::string::npos && want.size() < 10) {
            if (size_t n = std::stoul(want.substr(1)); n < tags.size()) {
                found = n;
            }
        } else {
            for (size_t i = 0; i < tags.size() && !found; ++i) {
                for (const std::string& t : tags[i]) {
                    if (t == want || image_name_matches(t, want)) {
                        found = i;
                        break;
                    }
                }
            }
        }
        if (!found) {
            std::string list;
            for (const std::string& n : m_images) {
                list += (list.empty() ? "" : ", ") + n;
            }
            error(fmt::format(
                "no image '{}' in the archive; it holds {} (choose with --image NAME[:TAG] or @N)",
                want.empty() ? fmt::format("@{}", m_options.image_index) : want, list));
            return std::nullopt;
        }
        m_chosen = *found;
        return found;
    }

    void error(std::string message, core::DiagLevel level = core::DiagLevel::error) {
        core::Diagnostic d;
        d.level = level;
        d.location.file = m_display;
        d.message = std::move(message);
        m_diags.push_back(std::move(d));
    }

    std::optional<Json> parse(const std::string& text, const std::string& what) {
        try {
            return Json::parse(text);
        } catch (const std::exception& e) {
            error(fmt::format("{} is not valid JSON: {}", what, e.what()));
            return std::nullopt;
        }
    }

    /// A blob named by a descriptor, its digest checked.
    std::optional<std::string> blob(const Json& descriptor, const std::string& what) {
        std::string digest = str(descriptor, "digest");
        if (!is_sha256_digest(digest)) {
            error(fmt::format("{} has no sha256 digest", what));
            return std::nullopt;
        }
        std::string why;
        std::optional<std::string> text = m_c.small_file(blob_name(digest), why);
        if (!text) {
            error(why.empty()
                      ? fmt::format("{} points nowhere: {} is not in the image", what, blob_name(digest))
                      : fmt::format("{}: {} {}", what, blob_name(digest), why));
            return std::nullopt;
        }
        if (std::string got = Sha256::of(*text); got != digest) {
            error(fmt::format("{}: digest mismatch: expected {}, the blob's is {}", what, digest, got));
            return std::nullopt;
        }
        return text;
    }

    void collect(const Json& index, int depth, const std::string& name, std::vector<Candidate>& out) {
        if (!index.is_object() || !index.contains("manifests") || !index["manifests"].is_array()) {
            error("the image index has no manifests list");
            return;
        }
        for (const Json& m : index["manifests"]) {
            std::string type = str(m, "mediaType");
            if (util::ends_with(type, "image.index.v1+json") ||
                util::ends_with(type, "manifest.list.v2+json")) {
                if (depth >= k_max_index_depth) {
                    error("image indexes nested too deep");
                    continue;
                }
                if (std::optional<std::string> text = blob(m, "a nested image index")) {
                    if (std::optional<Json> nested = parse(*text, "a nested image index")) {
                        std::string inner = descriptor_name(m);
                        collect(*nested, depth + 1, inner.empty() ? name : inner, out);
                    }
                }
                continue;
            }
            Candidate c;
            c.descriptor = m;
            c.name = descriptor_name(m);
            if (c.name.empty()) {
                c.name = name;
            }
            if (m.contains("platform") && m["platform"].is_object()) {
                const Json& p = m["platform"];
                c.platform = str(p, "os") + "/" + str(p, "architecture");
                if (std::string v = str(p, "variant"); !v.empty()) {
                    c.platform += "/" + v;
                }
            }
            if (c.platform == "unknown/unknown") {
                continue;  // BuildKit attestations
            }
            if (m.contains("annotations") && m["annotations"].is_object() &&
                m["annotations"].contains("vnd.docker.reference.type")) {
                continue;
            }
            out.push_back(std::move(c));
        }
    }

    static bool platform_matches(const std::string& have, const std::string& want) {
        if (have == want) {
            return true;
        }
        // "linux/arm64" matches "linux/arm64/v8" either way round.
        return util::starts_with(have, want + "/") || util::starts_with(want, have + "/");
    }

    std::optional<Plan> from_index(const std::string& text) {
        std::optional<Json> index = parse(text, "index.json");
        if (!index) {
            return std::nullopt;
        }
        std::vector<Candidate> candidates;
        collect(*index, 0, "", candidates);
        if (candidates.empty()) {
            error("the image index lists no image manifest");
            return std::nullopt;
        }
        // Several reference names are several images (`docker save a b` in the OCI layout); the
        // manifests of one name are its platforms. A manifest with neither a name nor a platform
        // (`docker save` of untagged images) is an image of its own.
        std::vector<std::string> groups;
        std::vector<std::vector<std::string>> tags;
        std::vector<std::string> group_of;
        for (size_t i = 0; i < candidates.size(); ++i) {
            const Candidate& c = candidates[i];
            std::string g = !c.name.empty()      ? "name:" + c.name
                            : c.platform.empty() ? fmt::format("unnamed:{}", i)
                                                 : std::string("unnamed");
            group_of.push_back(g);
            if (std::find(groups.begin(), groups.end(), g) == groups.end()) {
                groups.push_back(g);
                tags.push_back(c.name.empty() ? std::vector<std::string>{}
                                              : std::vector<std::string>{c.name});
            }
        }
        std::optional<size_t> pick = choose(tags);
        if (!pick) {
            return std::nullopt;
        }
        std::vector<Candidate> mine;
        for (size_t i = 0; i < candidates.size(); ++i) {
            if (group_of[i] == groups[*pick]) {
                mine.push_back(std::move(candidates[i]));
            }
        }
        candidates = std::move(mine);
        const Candidate* chosen = nullptr;
        if (candidates.size() == 1 && (m_platform.empty() || candidates[0].platform.empty() ||
                                       platform_matches(candidates[0].platform, m_platform))) {
            chosen = &candidates[0];
        } else {
            std::string want = m_platform.empty() ? host_platform() : m_platform;
            for (const Candidate& c : candidates) {
                if (platform_matches(c.platform, want)) {
                    chosen = &c;
                    break;
                }
            }
            if (chosen == nullptr) {
                std::string list;
                for (const Candidate& c : candidates) {
                    list += (list.empty() ? "" : ", ") +
                            (c.platform.empty() ? std::string("unknown") : c.platform);
                }
                error(fmt::format(
                    "no image for platform {} in the index; available: {} (choose with --platform)", want,
                    list));
                return std::nullopt;
            }
        }
        std::optional<std::string> manifest_text = blob(chosen->descriptor, "the image manifest");
        if (!manifest_text) {
            return std::nullopt;
        }
        std::optional<Json> manifest = parse(*manifest_text, "the image manifest");
        if (!manifest || !manifest->is_object() || !manifest->contains("config") ||
            !manifest->contains("layers") || !(*manifest)["layers"].is_array()) {
            error("the image manifest has no config or layers");
            return std::nullopt;
        }
        Plan plan;
        plan.config_digest = str((*manifest)["config"], "digest");
        plan.config_name = blob_name(plan.config_digest);
        for (const Json& l : (*manifest)["layers"]) {
            std::string d = str(l, "digest");
            if (!is_sha256_digest(d)) {
                error("a layer in the image manifest has no sha256 digest");
                return std::nullopt;
            }
            plan.layer_names.push_back(blob_name(d));
            plan.layer_digests.push_back(d);
            plan.layer_media_types.push_back(str(l, "mediaType"));
        }
        if (!chosen->name.empty()) {
            plan.repo_tags.push_back(chosen->name);
        }
        return plan;
    }

    std::optional<Plan> from_docker_manifest(const std::string& text) {
        std::optional<Json> manifest = parse(text, "manifest.json");
        if (!manifest) {
            return std::nullopt;
        }
        if (!manifest->is_array() || manifest->empty()) {
            error("manifest.json lists no image");
            return std::nullopt;
        }
        std::vector<std::vector<std::string>> tags;
        for (const Json& entry : *manifest) {
            tags.emplace_back();
            if (entry.is_object() && entry.contains("RepoTags") && entry["RepoTags"].is_array()) {
                for (const Json& t : entry["RepoTags"]) {
                    if (t.is_string()) {
                        tags.back().push_back(t.get<std::string>());
                    }
                }
            }
        }
        std::optional<size_t> pick = choose(tags);
        if (!pick) {
            return std::nullopt;
        }
        const Json& m = (*manifest)[*pick];
        if (!m.is_object()) {
            error(fmt::format("manifest.json: image {} is not an object", *pick));
            return std::nullopt;
        }
        Plan plan;
        plan.config_name = str(m, "Config");
        plan.config_digest = digest_from_name(plan.config_name);
        if (plan.config_name.empty() || !m.contains("Layers") || !m["Layers"].is_array()) {
            error("manifest.json has no Config or Layers");
            return std::nullopt;
        }
        for (const Json& l : m["Layers"]) {
            if (!l.is_string()) {
                error("manifest.json: a layer is not a path");
                return std::nullopt;
            }
            plan.layer_names.push_back(l.get<std::string>());
            plan.layer_digests.push_back(digest_from_name(l.get<std::string>()));
            plan.layer_media_types.emplace_back();
        }
        plan.repo_tags = tags[*pick];
        return plan;
    }

    Container& m_c;
    const std::string& m_platform;
    const LoadOptions& m_options;
    std::vector<core::Diagnostic>& m_diags;
    std::string m_display;
    std::vector<std::string> m_images;
    size_t m_chosen = 0;
};

core::Diagnostic plain_error(const std::string& file, std::string message) {
    core::Diagnostic d;
    d.location.file = file;
    d.message = std::move(message);
    return d;
}

ArchivePtr new_outer_reader() {
    ArchivePtr a(lib::archive().read_new());
    lib::archive().read_support_filter_all(a.get());
    lib::archive().read_support_format_tar(a.get());
    return a;
}

/// An engine export read through libarchive callbacks.
struct EngineFeed {
    std::unique_ptr<EngineStream> stream;
    std::vector<char> buf = std::vector<char>(k_block);
};

int close_engine(struct archive* a, void* data) {
    (void)a;
    delete static_cast<EngineFeed*>(data);  // NOLINT(cppcoreguidelines-owning-memory): libarchive owns it
    return ARCHIVE_OK;
}

la_ssize_t read_engine(struct archive* a, void* data, const void** out) {
    auto* f = static_cast<EngineFeed*>(data);
    std::string error;
    std::ptrdiff_t n = f->stream->read(f->buf.data(), f->buf.size(), error);
    if (n < 0) {
        lib::archive().set_error(a, EIO, "%s", error.c_str());
        return -1;
    }
    *out = f->buf.data();
    return n;
}

void load_from(Container& c, const std::string& input, const LoadOptions& options,
               std::span<ContentVisitor* const> visitors, LoadResult& out);

}  // namespace

std::string host_platform() {
    struct utsname u {};
    std::string machine = uname(&u) == 0 ? u.machine : "x86_64";
    if (machine == "x86_64" || machine == "amd64") {
        return "linux/amd64";
    }
    if (machine == "aarch64" || machine == "arm64") {
        return "linux/arm64/v8";
    }
    if (util::starts_with(machine, "armv7")) {
        return "linux/arm/v7";
    }
    if (util::starts_with(machine, "armv6")) {
        return "linux/arm/v6";
    }
    if (machine == "i686" || machine == "i386") {
        return "linux/386";
    }
    return "linux/" + machine;
}

std::string image_display_name(const std::string& input, const std::string& selector, size_t images) {
    return images <= 1 ? input : fmt::format("{}[{}]", input, selector);
}

namespace {

/// `ref` as Docker normalises it for comparison: no `docker.io/` or `library/`, `:latest` added
/// when it has neither a tag nor a digest.
std::string normalised_ref(std::string_view ref) {
    for (std::string_view prefix : {"docker.io/", "index.docker.io/", "registry-1.docker.io/"}) {
        if (util::starts_with(ref, prefix)) {
            ref.remove_prefix(prefix.size());
            break;
        }
    }
    if (util::starts_with(ref, "library/")) {
        ref.remove_prefix(8);
    }
    std::string out(ref);
    size_t slash = out.rfind('/');
    size_t last = slash == std::string::npos ? 0 : slash;
    if (out.find('@') == std::string::npos && out.find(':', last) == std::string::npos) {
        out += ":latest";
    }
    return out;
}

}  // namespace

bool image_name_matches(std::string_view tag, std::string_view want) {
    return !tag.empty() && !want.empty() && normalised_ref(tag) == normalised_ref(want);
}

LoadResult load_image(const std::string& input, const LoadOptions& options,
                      std::span<ContentVisitor* const> visitors) {
    LoadResult out;
    out.image.name = input;
    std::error_code ec;
    std::unique_ptr<Container> container;
    if (fs::is_directory(input, ec)) {
        container = std::make_unique<DirContainer>(input);
    } else if (fs::exists(input, ec)) {
        container = std::make_unique<TarContainer>([input](std::string& error) -> ArchivePtr {
            ArchivePtr a = new_outer_reader();
            if (lib::archive().read_open_filename(a.get(), input.c_str(), k_block) != ARCHIVE_OK) {
                // A readable file that libarchive cannot bid on is not a (compressed) tar.
                int e = lib::archive().error_number(a.get());
                bool io = e == EACCES || e == ENOENT || e == EIO || e == EPERM;
                error = io ? "cannot read: " + archive_error(a.get(), "cannot open")
                           : "not a tar archive (nor an OCI layout directory): " +
                                 archive_error(a.get(), "unknown format");
                return nullptr;
            }
            return a;
        });
    } else {
        EngineEndpoint endpoint = resolve_endpoint(EngineOptions{options.docker_host, options.tls});
        if (!endpoint.error.empty()) {
            out.diagnostics.push_back(plain_error(input, endpoint.error));
            return out;
        }
        std::string body;
        std::string error;
        long status = 0;
        std::string ref = url_escape(input);
        if (!engine_get(endpoint, "/images/" + ref + "/json", body, status, error)) {
            bool tls_failure = util::starts_with(error, k_tls_failure);
            out.diagnostics.push_back(plain_error(
                input,
                tls_failure
                    ? fmt::format("no such file, and the TLS handshake with the Docker engine at {} "
                                  "failed: {} (check --tlscacert, --tlscert, --tlskey or DOCKER_CERT_PATH)",
                                  endpoint.host, error.substr(k_tls_failure.size()))
                    : fmt::format("no such file, and no Docker engine reachable at {} to look the image "
                                  "up: {} (start one, or use --docker-host or DOCKER_HOST)",
                                  endpoint.host, error)));
            return out;
        }
        if (status == 404) {
            out.diagnostics.push_back(plain_error(
                input,
                fmt::format("no such file, and no image '{}' in the engine at {}", input, endpoint.host)));
            return out;
        }
        if (status >= 400) {
            out.diagnostics.push_back(plain_error(
                input, fmt::format("the engine at {} answered {}: {}{}", endpoint.host, status,
                                   engine_error_message(body),
                                   // Go's answer to plain HTTP on a TLS listener.
                                   body.find("HTTP request to an HTTPS server") != std::string::npos
                                       ? " (it expects TLS: use --tlsverify or DOCKER_TLS_VERIFY=1)"
                                       : "")));
            return out;
        }
        container = std::make_unique<TarContainer>([endpoint, ref](std::string& open_error) -> ArchivePtr {
            auto* feed = new EngineFeed();  // NOLINT(cppcoreguidelines-owning-memory): freed by close_engine
            feed->stream = std::make_unique<EngineStream>(endpoint, "/images/" + ref + "/get");
            ArchivePtr a = new_outer_reader();
            if (lib::archive().read_open(a.get(), feed, nullptr, read_engine, close_engine) != ARCHIVE_OK) {
                open_error = archive_error(a.get(), "cannot read the export");
                return nullptr;
            }
            return a;
        });
    }
    load_from(*container, input, options, visitors, out);
    return out;
}

LoadResult load_image_archive(std::string_view bytes, const std::string& display, const LoadOptions& options,
                              std::span<ContentVisitor* const> visitors) {
    LoadResult out;
    out.image.name = display;
    TarContainer container([bytes](std::string& error) -> ArchivePtr {
        ArchivePtr a = new_outer_reader();
        if (lib::archive().read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
            error = "not a tar archive: " + archive_error(a.get(), "unknown format");
            return nullptr;
        }
        return a;
    });
    load_from(container, display, options, visitors, out);
    return out;
}

namespace {

void load_from(Container& c, const std::string& input, const LoadOptions& options,
               std::span<ContentVisitor* const> visitors, LoadResult& out) {
    Container* container = &c;
    std::string error;
    if (!container->open(error)) {
        out.diagnostics.push_back(plain_error(input, error));
        return;
    }
    out.passes = 1;
    Planner planner(*container, options, out.diagnostics, input);
    std::optional<Plan> plan = planner.plan();
    out.archive_images = planner.images();
    if (!plan) {
        return;
    }
    model::ImageSpec& image = out.image;
    image.repo_tags = plan->repo_tags;
    // From here on, findings and diagnostics name this image of the archive.
    const std::string display = image_display_name(input, planner.chosen(), out.archive_images.size());
    image.name = display;
    std::string why;
    std::optional<std::string> raw_config = container->small_file(plan->config_name, why);
    if (!raw_config) {
        out.diagnostics.push_back(plain_error(
            display, why.empty() ? fmt::format("the manifest points nowhere: config '{}' is not in the image",
                                               plan->config_name)
                                 : fmt::format("the config '{}' {}", plan->config_name, why)));
        return;
    }
    image.id = Sha256::of(*raw_config);
    if (!plan->config_digest.empty() && plan->config_digest != image.id) {
        out.diagnostics.push_back(
            plain_error(display, fmt::format("config digest mismatch: expected {}, the config's is {}",
                                             plan->config_digest, image.id)));
    }
    std::string pretty = pretty_config(*raw_config);
    image.config_source = std::make_shared<util::SourceFile>(config_display_path(display, image.id),
                                                             pretty.empty() ? *raw_config : pretty);
    std::vector<std::string> diff_ids;
    if (!parse_config(image.config_source, image, diff_ids, out.diagnostics)) {
        return;
    }
    out.ok = true;
    size_t n = plan->layer_names.size();
    if (diff_ids.size() != n) {
        out.diagnostics.push_back(plain_error(
            display,
            fmt::format("the config lists {} diff_ids but the manifest {} layers", diff_ids.size(), n)));
    }
    for (size_t i = 0; i < n; ++i) {
        model::ImageLayer l;
        l.index = static_cast<int>(i);
        l.diff_id = i < diff_ids.size() ? diff_ids[i] : std::string();
        l.digest = plan->layer_digests[i];
        l.media_type = plan->layer_media_types[i];
        image.layers.push_back(std::move(l));
    }
    for (size_t h = 0; h < image.history.size(); ++h) {
        int layer = image.history[h].layer;
        if (layer >= 0 && static_cast<size_t>(layer) < n) {
            image.layers[static_cast<size_t>(layer)].history = static_cast<int>(h);
        }
    }
    LayerWalk walk(image, visitors, display, out.diagnostics);
    // Layers whose blob is missing are reported and skipped; the others are walked in order.
    std::vector<std::string> names;
    std::vector<int> indexes;
    for (size_t i = 0; i < n; ++i) {
        if (container->has(plan->layer_names[i])) {
            names.push_back(plan->layer_names[i]);
            indexes.push_back(static_cast<int>(i));
        } else {
            walk.layer_error(
                static_cast<int>(i),
                fmt::format("the manifest points nowhere: '{}' is not in the image", plan->layer_names[i]));
        }
    }
    out.passes += container->stream(
        names, [&](size_t i, const BlobRead& read) { walk.walk(indexes[i], read); }, error);
    if (!error.empty()) {
        out.diagnostics.push_back(plain_error(display, error));
    }
    // Hard links whose target's bytes a visitor kept nothing of: the layers holding the targets are
    // read again (rare: one more pass, for the few layers that need it).
    if (std::vector<int> again = walk.layers_to_read_again(); !again.empty() && error.empty()) {
        std::vector<std::string> again_names;
        again_names.reserve(again.size());
        for (int layer : again) {
            again_names.push_back(plan->layer_names[static_cast<size_t>(layer)]);
        }
        out.passes += container->stream(
            again_names, [&](size_t i, const BlobRead& read) { walk.read_again(again[i], read); }, error);
        if (!error.empty()) {
            out.diagnostics.push_back(plain_error(display, error));
        }
    }
    walk.finish();
}

}  // namespace

}  // namespace bulwark::input::image
