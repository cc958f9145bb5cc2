#include "image_builder.hpp"

#include <archive.h>
#include <archive_entry.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

#include "bulwark/input/image/digest.hpp"

namespace bulwark::testing {

namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using input::image::Sha256;

struct WriteDeleter {
    void operator()(struct archive* a) const { archive_write_free(a); }
};
using WritePtr = std::unique_ptr<struct archive, WriteDeleter>;

la_ssize_t append_cb(struct archive* /*a*/, void* data, const void* buf, size_t n) {
    static_cast<std::string*>(data)->append(static_cast<const char*>(buf), n);
    return static_cast<la_ssize_t>(n);
}

void check(struct archive* a, int r) {
    if (r < ARCHIVE_WARN) {
        const char* e = archive_error_string(a);
        throw std::runtime_error(std::string("libarchive: ") + (e != nullptr ? e : "error"));
    }
}

/// A tar writer into memory.
class TarWriter {
  public:
    TarWriter() : m_a(archive_write_new()) {
        check(m_a.get(), archive_write_set_format_pax_restricted(m_a.get()));
        check(m_a.get(), archive_write_set_bytes_in_last_block(m_a.get(), 1));
        check(m_a.get(), archive_write_open(m_a.get(), &m_out, nullptr, append_cb, nullptr));
    }

    void file(const std::string& name, const std::string& data, unsigned mode = 0644, unsigned uid = 0,
              unsigned gid = 0) {
        struct archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, name.c_str());
        archive_entry_set_filetype(e, AE_IFREG);
        archive_entry_set_perm(e, mode);
        archive_entry_set_uid(e, uid);
        archive_entry_set_gid(e, gid);
        archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
        archive_entry_set_mtime(e, 1700000000, 0);
        check(m_a.get(), archive_write_header(m_a.get(), e));
        if (!data.empty()) {
            archive_write_data(m_a.get(), data.data(), data.size());
        }
        archive_entry_free(e);
    }

    void special(const std::string& name, unsigned type, unsigned mode, const std::string& link,
                 bool hardlink, unsigned uid, unsigned gid) {
        struct archive_entry* e = archive_entry_new();
        archive_entry_set_pathname(e, name.c_str());
        archive_entry_set_perm(e, mode);
        archive_entry_set_uid(e, uid);
        archive_entry_set_gid(e, gid);
        archive_entry_set_mtime(e, 1700000000, 0);
        if (hardlink) {
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_hardlink(e, link.c_str());
            archive_entry_set_size(e, 0);
        } else {
            archive_entry_set_filetype(e, type);
            if (type == AE_IFLNK) {
                archive_entry_set_symlink(e, link.c_str());
            }
        }
        check(m_a.get(), archive_write_header(m_a.get(), e));
        archive_entry_free(e);
    }

    std::string finish() {
        check(m_a.get(), archive_write_close(m_a.get()));
        return std::move(m_out);
    }

  private:
    std::string m_out;
    WritePtr m_a;
};

/// `data` compressed with gzip or zstd (libarchive's raw format writer).
std::string compress(const std::string& data, const std::string& how) {
    if (how == "none") {
        return data;
    }
    std::string out;
    WritePtr a(archive_write_new());
    if (how == "gzip") {
        check(a.get(), archive_write_add_filter_gzip(a.get()));
    } else if (how == "zstd") {
        check(a.get(), archive_write_add_filter_zstd(a.get()));
    } else {
        throw std::runtime_error("unknown compression " + how);
    }
    check(a.get(), archive_write_set_format_raw(a.get()));
    check(a.get(), archive_write_set_bytes_in_last_block(a.get(), 1));
    check(a.get(), archive_write_open(a.get(), &out, nullptr, append_cb, nullptr));
    struct archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, "data");
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
    check(a.get(), archive_write_header(a.get(), e));
    archive_write_data(a.get(), data.data(), data.size());
    archive_entry_free(e);
    check(a.get(), archive_write_close(a.get()));
    return out;
}

unsigned octal(const Json& entry, const char* key, unsigned fallback) {
    if (!entry.contains(key)) {
        return fallback;
    }
    if (entry[key].is_number()) {
        return entry[key].get<unsigned>();
    }
    return static_cast<unsigned>(std::stoul(entry[key].get<std::string>(), nullptr, 8));
}

std::string layer_tar(const Json& entries) {
    TarWriter w;
    for (const Json& e : entries) {
        unsigned uid = e.value("uid", 0U);
        unsigned gid = e.value("gid", 0U);
        if (e.contains("whiteout")) {
            std::string p = e["whiteout"].get<std::string>();
            size_t slash = p.rfind('/');
            std::string dir = slash == std::string::npos ? "" : p.substr(0, slash + 1);
            std::string base = slash == std::string::npos ? p : p.substr(slash + 1);
            w.file(dir + ".wh." + base, "", 0644);
            continue;
        }
        if (e.contains("opaque")) {
            std::string d = e["opaque"].get<std::string>();
            w.special(d, AE_IFDIR, 0755, "", false, 0, 0);
            w.file(d + "/.wh..wh..opq", "", 0644);
            continue;
        }
        std::string path = e.at("path").get<std::string>();
        std::string type = e.value("type", "file");
        if (type == "file") {
            std::string content = e.value("content", "");
            if (e.contains("size")) {
                content.assign(e["size"].get<size_t>(), 'x');
            }
            w.file(path, content, octal(e, "mode", 0644), uid, gid);
        } else if (type == "dir") {
            w.special(path, AE_IFDIR, octal(e, "mode", 0755), "", false, uid, gid);
        } else if (type == "symlink") {
            w.special(path, AE_IFLNK, octal(e, "mode", 0777), e.at("target").get<std::string>(), false, uid,
                      gid);
        } else if (type == "hardlink") {
            w.special(path, AE_IFREG, octal(e, "mode", 0644), e.at("target").get<std::string>(), true, uid,
                      gid);
        } else if (type == "fifo") {
            w.special(path, AE_IFIFO, octal(e, "mode", 0644), "", false, uid, gid);
        } else {
            throw std::runtime_error("unknown entry type " + type);
        }
    }
    return w.finish();
}

std::string hex(const std::string& digest) {
    return digest.substr(7);
}

struct Platform {
    std::string os = "linux";
    std::string arch = "amd64";
    std::string variant;
};

Platform parse_platform(const std::string& s) {
    Platform p;
    size_t a = s.find('/');
    p.os = s.substr(0, a);
    std::string rest = a == std::string::npos ? "" : s.substr(a + 1);
    size_t b = rest.find('/');
    p.arch = rest.substr(0, b);
    p.variant = b == std::string::npos ? "" : rest.substr(b + 1);
    return p;
}

std::string media_type(const std::string& compression) {
    if (compression == "gzip") {
        return "application/vnd.oci.image.layer.v1.tar+gzip";
    }
    if (compression == "zstd") {
        return "application/vnd.oci.image.layer.v1.tar+zstd";
    }
    return "application/vnd.oci.image.layer.v1.tar";
}

void write_outer(const std::vector<std::pair<std::string, std::string>>& entries, const fs::path& out,
                 const std::string& outer) {
    std::string bytes;
    {
        WritePtr a(archive_write_new());
        check(a.get(), archive_write_set_format_pax_restricted(a.get()));
        if (outer == "gzip") {
            check(a.get(), archive_write_add_filter_gzip(a.get()));
        }
        check(a.get(), archive_write_set_bytes_in_last_block(a.get(), 1));
        check(a.get(), archive_write_open(a.get(), &bytes, nullptr, append_cb, nullptr));
        for (const auto& [name, data] : entries) {
            struct archive_entry* e = archive_entry_new();
            archive_entry_set_pathname(e, name.c_str());
            archive_entry_set_filetype(e, AE_IFREG);
            archive_entry_set_perm(e, 0644);
            archive_entry_set_size(e, static_cast<la_int64_t>(data.size()));
            check(a.get(), archive_write_header(a.get(), e));
            archive_write_data(a.get(), data.data(), data.size());
            archive_entry_free(e);
        }
        check(a.get(), archive_write_close(a.get()));
    }
    std::ofstream f(out, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

void write_tar(const std::vector<std::pair<std::string, std::string>>& entries, const fs::path& out) {
    write_outer(entries, out, "none");
}

void build_image(const Json& recipe, const fs::path& out, const ImageFaults& faults) {
    std::string format = recipe.value("format", "docker-save");
    std::string compression = recipe.value("compression", "none");
    std::string outer = recipe.value("outer", "none");
    const Json& layers = recipe.at("layers");

    // Layers: tar, blob, diff_id, digest.
    std::vector<std::string> blobs;
    std::vector<std::string> diff_ids;
    std::vector<std::string> digests;
    for (const Json& l : layers) {
        std::string tar = layer_tar(l);
        diff_ids.push_back(Sha256::of(tar));
        std::string blob = compress(tar, compression);
        blobs.push_back(blob);
    }
    if (faults.truncate_layer && !blobs.empty()) {
        blobs[0].resize(blobs[0].size() / 2);
    }
    for (const std::string& b : blobs) {
        digests.push_back(Sha256::of(b));
    }
    if (faults.bad_diff_id && !diff_ids.empty()) {
        diff_ids[0] = Sha256::of("not this layer");
    }
    Json history = Json::array();
    if (recipe.contains("history")) {
        history = recipe["history"];
    } else {
        for (size_t i = 0; i < layers.size(); ++i) {
            history.push_back(Json{{"created", recipe.value("created", "2026-01-01T00:00:00Z")},
                                   {"created_by", fmt::format("COPY layer{} / # buildkit", i)},
                                   {"comment", "buildkit.dockerfile.v0"}});
        }
    }
    std::vector<std::string> platforms;
    if (recipe.contains("platforms")) {
        platforms = recipe["platforms"].get<std::vector<std::string>>();
    } else {
        std::string p = recipe.value("os", "linux") + "/" + recipe.value("architecture", "amd64");
        if (std::string v = recipe.value("variant", ""); !v.empty()) {
            p += "/" + v;
        }
        platforms.push_back(p);
    }
    std::vector<std::string> configs;
    for (const std::string& ps : platforms) {
        Platform p = parse_platform(ps);
        Json config = Json::object();
        config["architecture"] = p.arch;
        config["os"] = p.os;
        if (!p.variant.empty()) {
            config["variant"] = p.variant;
        }
        config["created"] = recipe.value("created", "2026-01-01T00:00:00Z");
        config["config"] = recipe.value("config", Json::object());
        config["history"] = history;
        config["rootfs"] = Json{{"type", "layers"}, {"diff_ids", diff_ids}};
        configs.push_back(config.dump());
    }
    std::vector<std::string> repo_tags = recipe.value("repo_tags", std::vector<std::string>{});
    std::vector<std::pair<std::string, std::string>> entries;  // outer archive, in order
    std::vector<std::pair<std::string, std::string>> meta;
    std::vector<std::string> blob_names;

    if (format == "docker-save") {
        std::string config_name = hex(Sha256::of(configs[0])) + ".json";
        Json manifest_layers = Json::array();
        for (size_t i = 0; i < blobs.size(); ++i) {
            std::string dir = hex(Sha256::of(diff_ids[i] + std::to_string(i)));
            std::string name = dir + "/layer.tar";
            manifest_layers.push_back(name);
            blob_names.push_back(name);
            if (!(faults.missing_layer && i == 0)) {
                entries.emplace_back(dir + "/VERSION", "1.0");
                entries.emplace_back(name, blobs[i]);
            }
        }
        if (faults.reverse_layers) {
            std::reverse(entries.begin(), entries.end());
        }
        meta.emplace_back(config_name, configs[0]);
        Json m = Json::array(
            {Json{{"Config", config_name}, {"RepoTags", repo_tags}, {"Layers", manifest_layers}}});
        meta.emplace_back("manifest.json", m.dump());
    } else if (format == "oci" || format == "oci-tar" || format == "docker-save-oci") {
        std::map<std::string, std::string> blob_store;
        for (size_t i = 0; i < blobs.size(); ++i) {
            std::string name = "blobs/sha256/" + hex(digests[i]);
            if (faults.bad_layer_digest && i == 0) {
                digests[0] = Sha256::of("some other blob");
                name = "blobs/sha256/" + hex(digests[0]);
            }
            if (!(faults.missing_layer && i == 0)) {
                blob_store[name] = blobs[i];
            }
        }
        Json index = Json{{"schemaVersion", 2},
                          {"mediaType", "application/vnd.oci.image.index.v1+json"},
                          {"manifests", Json::array()}};
        Json docker_manifest = Json::array();
        for (size_t k = 0; k < platforms.size(); ++k) {
            std::string cd = Sha256::of(configs[k]);
            blob_store["blobs/sha256/" + hex(cd)] = configs[k];
            Json layer_list = Json::array();
            for (size_t i = 0; i < blobs.size(); ++i) {
                layer_list.push_back(Json{{"mediaType", media_type(compression)},
                                          {"digest", digests[i]},
                                          {"size", blobs[i].size()}});
            }
            Json manifest = Json{{"schemaVersion", 2},
                                 {"mediaType", "application/vnd.oci.image.manifest.v1+json"},
                                 {"config", Json{{"mediaType", "application/vnd.oci.image.config.v1+json"},
                                                 {"digest", cd},
                                                 {"size", configs[k].size()}}},
                                 {"layers", layer_list}};
            std::string mtext = manifest.dump();
            std::string md = Sha256::of(mtext);
            blob_store["blobs/sha256/" + hex(md)] = mtext;
            Platform p = parse_platform(platforms[k]);
            Json platform = Json{{"os", p.os}, {"architecture", p.arch}};
            if (!p.variant.empty()) {
                platform["variant"] = p.variant;
            }
            Json desc = Json{{"mediaType", "application/vnd.oci.image.manifest.v1+json"},
                             {"digest", md},
                             {"size", mtext.size()},
                             {"platform", platform}};
            if (!repo_tags.empty()) {
                desc["annotations"] = Json{{"io.containerd.image.name", repo_tags[0]}};
            }
            index["manifests"].push_back(desc);
            if (k == 0) {
                Json layer_names = Json::array();
                for (size_t i = 0; i < blobs.size(); ++i) {
                    layer_names.push_back("blobs/sha256/" + hex(digests[i]));
                }
                docker_manifest.push_back(Json{
                    {"Config", "blobs/sha256/" + hex(cd)}, {"RepoTags", repo_tags}, {"Layers", layer_names}});
            }
        }
        for (auto& [name, data] : blob_store) {
            entries.emplace_back(name, data);
        }
        if (faults.reverse_layers) {
            std::reverse(entries.begin(), entries.end());
        }
        meta.emplace_back("oci-layout", R"({"imageLayoutVersion":"1.0.0"})");
        meta.emplace_back("index.json", index.dump());
        if (format == "docker-save-oci") {
            meta.emplace_back("manifest.json", docker_manifest.dump());
        }
    } else {
        throw std::runtime_error("unknown image format " + format);
    }

    if (format == "oci") {
        fs::create_directories(out);
        for (const auto* list : {&entries, &meta}) {
            for (const auto& [name, data] : *list) {
                fs::path p = out / name;
                fs::create_directories(p.parent_path());
                std::ofstream f(p, std::ios::binary);
                f.write(data.data(), static_cast<std::streamsize>(data.size()));
            }
        }
        return;
    }
    std::vector<std::pair<std::string, std::string>> all;
    if (faults.manifest_last) {
        all = entries;
        all.insert(all.end(), meta.begin(), meta.end());
    } else {
        all = meta;
        all.insert(all.end(), entries.begin(), entries.end());
    }
    write_outer(all, out, outer);
}

TempDir::TempDir() {
    std::string templ = (fs::temp_directory_path() / "bulwark-test-XXXXXX").string();
    if (mkdtemp(templ.data()) == nullptr) {
        throw std::runtime_error("mkdtemp failed");
    }
    m_path = templ;
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

}  // namespace bulwark::testing
