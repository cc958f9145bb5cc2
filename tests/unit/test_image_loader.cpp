// The image pipeline on real archives written by support/image_builder: formats, compression,
// the layer walk (whiteouts, opaque directories, removed versions), digests, corrupt input, the
// secret and small-file visitors, and platform selection.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <utility>
#include <vector>

#include <archive.h>
#include <archive_entry.h>
#include <fmt/format.h>
#include <regex>

#include "bulwark/engine/image_scan.hpp"
#include "bulwark/input/image/loader.hpp"
#include "bulwark/input/image/visitors.hpp"
#include "bulwark/input/image/walk.hpp"
#include "support/image_builder.hpp"
#include "support/scan_helpers.hpp"

namespace fs = std::filesystem;
using namespace bulwark;
using Json = nlohmann::json;

namespace {

constexpr const char* k_token = "ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5";

struct Loaded {
    input::image::LoadResult result;
    std::string errors;  // formatted error diagnostics

    const model::ImageFile* file(const std::string& path, int layer) const {
        for (const model::ImageFile& f : result.image.files) {
            if (f.path == path && f.layer == layer) {
                return &f;
            }
        }
        return nullptr;
    }
    bool has_path(const std::string& path) const {
        return std::any_of(result.image.files.begin(), result.image.files.end(),
                           [&](const model::ImageFile& f) { return f.path == path; });
    }
};

Loaded load(const Json& recipe, const bulwark::testing::ImageFaults& faults = {},
            input::image::LoadOptions options = {}) {
    bulwark::testing::TempDir tmp;
    std::string format = recipe.value("format", "docker-save");
    fs::path out = tmp.path() / (format == "oci" ? "layout" : "image.tar");
    bulwark::testing::build_image(recipe, out, faults);
    input::image::ContentKeeper keeper;
    input::image::SecretCollector secrets;
    std::vector<input::image::ContentVisitor*> visitors{&keeper, &secrets};
    Loaded l;
    l.result = input::image::load_image(out.string(), options, visitors);
    for (const core::Diagnostic& d : l.result.diagnostics) {
        if (d.level == core::DiagLevel::error) {
            l.errors += core::format_diagnostic(d, nullptr);
        }
    }
    return l;
}

input::image::LoadOptions for_platform(const std::string& platform) {
    input::image::LoadOptions o;
    o.platform = platform;
    return o;
}

input::image::LoadOptions for_image(const std::string& selector) {
    input::image::LoadOptions o;
    o.image = selector;
    return o;
}

/// The regular files of tar `path`, in order.
std::vector<std::pair<std::string, std::string>> read_tar(const fs::path& path) {
    std::vector<std::pair<std::string, std::string>> out;
    struct archive* a = archive_read_new();
    archive_read_support_format_tar(a);
    if (archive_read_open_filename(a, path.c_str(), 65536) == ARCHIVE_OK) {
        struct archive_entry* e = nullptr;
        while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
            std::string data(static_cast<size_t>(archive_entry_size(e)), '\0');
            if (!data.empty()) {
                archive_read_data(a, data.data(), data.size());
            }
            out.emplace_back(archive_entry_pathname(e), std::move(data));
        }
    }
    archive_read_free(a);
    return out;
}

/// A `docker save a b` archive at `out`: the images of `recipes` (each a docker-save or
/// docker-save-oci recipe, all of one format), their blobs together, and one manifest.json (and, for
/// the OCI layout Docker 25 writes, one index.json) listing them in order.
void save_together(const std::vector<Json>& recipes, const fs::path& out) {
    bulwark::testing::TempDir tmp;
    std::vector<std::pair<std::string, std::string>> entries;
    Json manifest = Json::array();
    Json index;
    for (size_t i = 0; i < recipes.size(); ++i) {
        fs::path one = tmp.path() / ("image" + std::to_string(i) + ".tar");
        bulwark::testing::build_image(recipes[i], one);
        for (auto& [name, data] : read_tar(one)) {
            if (name == "manifest.json") {
                for (const Json& m : Json::parse(data)) {
                    manifest.push_back(m);
                }
            } else if (name == "index.json") {
                Json parsed = Json::parse(data);
                if (index.is_null()) {
                    index = parsed;
                } else {
                    for (const Json& m : parsed["manifests"]) {
                        index["manifests"].push_back(m);
                    }
                }
            } else if (std::none_of(entries.begin(), entries.end(),
                                    [&](const auto& e) { return e.first == name; })) {
                entries.emplace_back(name, std::move(data));
            }
        }
    }
    if (!index.is_null()) {
        entries.emplace_back("index.json", index.dump());
    }
    entries.emplace_back("manifest.json", manifest.dump());
    bulwark::testing::write_tar(entries, out);
}

Json one_file_image(const std::string& path, const std::string& content,
                    const std::vector<std::string>& tags) {
    Json r;
    r["layers"] = Json::array({Json::array({Json{{"path", path}, {"content", content}}})});
    r["repo_tags"] = tags;
    return r;
}

Json two_layers() {
    return Json::parse(R"({
      "layers": [
        [{"path": "etc/passwd", "content": "root:x:0:0::/root:/bin/sh\n"},
         {"path": "root/.ssh/id_rsa", "content": "key", "mode": "0600"},
         {"path": "usr/bin/su", "mode": "4755", "content": "x"},
         {"path": "tmp", "type": "dir", "mode": "1777"},
         {"path": "bin/sh", "type": "symlink", "target": "busybox"}],
        [{"whiteout": "root/.ssh/id_rsa"}, {"path": "etc/motd", "content": "hi\n"}]
      ]})");
}

TEST(ImageLoader, DockerSaveLayersAndWhiteouts) {
    Loaded l = load(two_layers());
    ASSERT_TRUE(l.result.ok);
    EXPECT_EQ(l.errors, "");
    ASSERT_EQ(l.result.image.layers.size(), 2U);
    const model::ImageFile* key = l.file("/root/.ssh/id_rsa", 0);
    ASSERT_NE(key, nullptr);
    EXPECT_TRUE(key->removed);  // deleted by layer 1's whiteout, still in layer 0
    EXPECT_EQ(key->mode, 0600U);
    ASSERT_NE(l.file("/etc/passwd", 0), nullptr);
    EXPECT_FALSE(l.file("/etc/passwd", 0)->removed);
    const model::ImageFile* su = l.file("/usr/bin/su", 0);
    ASSERT_NE(su, nullptr);
    EXPECT_EQ(su->mode, 04755U);
    EXPECT_EQ(l.file("/tmp", 0)->type, model::ImageFileType::directory);
    EXPECT_EQ(l.file("/tmp", 0)->mode, 01777U);
    EXPECT_EQ(l.file("/bin/sh", 0)->type, model::ImageFileType::symlink);
    EXPECT_EQ(l.file("/bin/sh", 0)->link_target, "busybox");
    EXPECT_FALSE(l.has_path("/root/.ssh/.wh.id_rsa"));  // whiteouts are not files
    // Sorted by path then layer; contents kept for /etc/passwd.
    EXPECT_TRUE(std::is_sorted(l.result.image.files.begin(), l.result.image.files.end(),
                               [](const auto& a, const auto& b) { return a.path < b.path; }));
    ASSERT_EQ(l.result.image.contents.size(), 1U);
    EXPECT_EQ(l.result.image.contents[0].path, "/etc/passwd");
    EXPECT_EQ(l.result.image.contents[0].data, "root:x:0:0::/root:/bin/sh\n");
    // History defaults map one entry per layer.
    EXPECT_EQ(l.result.image.layers[1].history, 1);
    EXPECT_EQ(l.result.image.layers[0].compression, "none");
}

TEST(ImageLoader, OpaqueDirectoryHidesLowerContents) {
    Json r = Json::parse(R"({"layers": [
        [{"path": "var/cache/old", "content": "a"}, {"path": "var/keep", "content": "b"}],
        [{"opaque": "var/cache"}, {"path": "var/cache/new", "content": "c"}]]})");
    Loaded l = load(r);
    EXPECT_EQ(l.errors, "");
    ASSERT_NE(l.file("/var/cache/old", 0), nullptr);
    EXPECT_TRUE(l.file("/var/cache/old", 0)->removed);
    EXPECT_FALSE(l.file("/var/cache/new", 1)->removed);
    EXPECT_FALSE(l.file("/var/keep", 0)->removed);
}

TEST(ImageLoader, RewrittenFileKeepsEarlierVersionRemoved) {
    Json r = Json::parse(R"({"layers": [[{"path": "etc/shadow", "content": "root::1:0::::\n"}],
                                        [{"path": "etc/shadow", "content": "root:!:1:0::::\n"}]]})");
    Loaded l = load(r);
    EXPECT_TRUE(l.file("/etc/shadow", 0)->removed);
    EXPECT_FALSE(l.file("/etc/shadow", 1)->removed);
    ASSERT_EQ(l.result.image.contents.size(), 2U);
    EXPECT_TRUE(l.result.image.contents[0].removed);
    EXPECT_FALSE(l.result.image.contents[1].removed);
}

TEST(ImageLoader, SecretDeletedInLaterLayerIsStillFound) {
    Json r = Json::object();
    r["layers"] = Json::array(
        {Json::array({Json{{"path", "app/config.txt"},
                           {"content", std::string("line one\nline two\n  token = ") + k_token + "\n"}}}),
         Json::array({Json{{"whiteout", "app/config.txt"}}})});
    Loaded l = load(r);
    EXPECT_EQ(l.errors, "");
    ASSERT_EQ(l.result.image.secrets.size(), 1U);
    const model::ImageSecret& s = l.result.image.secrets[0];
    EXPECT_EQ(s.path, "/app/config.txt");
    EXPECT_EQ(s.layer, 0);
    EXPECT_TRUE(s.removed);
    EXPECT_EQ(s.pattern_id, "github-token");
    EXPECT_EQ(s.line, 3U);
    EXPECT_EQ(s.column, 11U);
}

TEST(ImageLoader, SecretLineCountedAcrossChunksOfALargeFile) {
    std::string text;
    for (int i = 0; i < 300000; ++i) {
        text += "filler line number " + std::to_string(i) + "\n";  // ~8 MB: many read chunks
    }
    text += std::string("x=") + k_token + "\n";
    Json r = Json::object();
    r["layers"] = Json::array({Json::array({Json{{"path", "big.txt"}, {"content", text}}})});
    Loaded l = load(r);
    ASSERT_EQ(l.result.image.secrets.size(), 1U);
    EXPECT_EQ(l.result.image.secrets[0].line, 300001U);
    EXPECT_EQ(l.result.image.secrets[0].column, 3U);
}

TEST(ImageLoader, BinaryFileSecretsHaveNoLine) {
    std::string data(
        "\x7f"
        "ELF\0\0\0",
        7);
    data += std::string("....") + k_token;
    Json r = Json::object();
    r["layers"] = Json::array({Json::array({Json{{"path", "bin/app"}, {"content", data}}})});
    Loaded l = load(r);
    ASSERT_EQ(l.result.image.secrets.size(), 1U);
    EXPECT_EQ(l.result.image.secrets[0].line, 0U);
}

TEST(ImageLoader, ZstdAndGzipLayersInEveryFormat) {
    for (const char* format : {"docker-save", "docker-save-oci", "oci", "oci-tar"}) {
        for (const char* compression : {"none", "gzip", "zstd"}) {
            Json r = two_layers();
            r["format"] = format;
            r["compression"] = compression;
            Loaded l = load(r);
            SCOPED_TRACE(std::string(format) + " " + compression);
            EXPECT_TRUE(l.result.ok);
            EXPECT_EQ(l.errors, "");
            ASSERT_EQ(l.result.image.layers.size(), 2U);
            EXPECT_EQ(l.result.image.layers[0].compression, compression);
            EXPECT_TRUE(l.file("/root/.ssh/id_rsa", 0) != nullptr && l.file("/root/.ssh/id_rsa", 0)->removed);
        }
    }
}

TEST(ImageLoader, GzippedArchive) {
    Json r = two_layers();
    r["outer"] = "gzip";
    Loaded l = load(r);
    EXPECT_EQ(l.errors, "");
    EXPECT_NE(l.file("/etc/motd", 1), nullptr);
}

TEST(ImageLoader, LayersOutOfOrderAndManifestFirst) {
    bulwark::testing::ImageFaults reversed;
    reversed.reverse_layers = true;
    Loaded l = load(two_layers(), reversed);
    EXPECT_EQ(l.errors, "");
    EXPECT_TRUE(l.file("/root/.ssh/id_rsa", 0)->removed);
    EXPECT_GE(l.result.passes, 3);  // metadata, then each layer needed a new pass
    bulwark::testing::ImageFaults first;
    first.manifest_last = false;
    Loaded m = load(two_layers(), first);
    EXPECT_EQ(m.errors, "");
    EXPECT_EQ(m.result.passes, 2);
}

TEST(ImageLoader, IndexWithTwoPlatforms) {
    Json r = two_layers();
    r["format"] = "oci";
    r["platforms"] = {"linux/amd64", "linux/arm64/v8"};
    Loaded arm = load(r, {}, for_platform("linux/arm64"));
    EXPECT_EQ(arm.errors, "");
    EXPECT_EQ(arm.result.image.architecture, "arm64");
    EXPECT_EQ(arm.result.image.variant, "v8");
    Loaded amd = load(r, {}, {"linux/amd64", ""});
    EXPECT_EQ(amd.result.image.architecture, "amd64");
    Loaded none = load(r, {}, {"linux/s390x", ""});
    EXPECT_FALSE(none.result.ok);
    EXPECT_NE(none.errors.find("no image for platform linux/s390x in the index; available: linux/amd64, "
                               "linux/arm64/v8 (choose with --platform)"),
              std::string::npos)
        << none.errors;
}

TEST(ImageLoader, BlobDigestMismatchNamesTheLayer) {
    Json r = two_layers();
    r["format"] = "oci-tar";
    r["compression"] = "gzip";
    bulwark::testing::ImageFaults f;
    f.bad_layer_digest = true;
    Loaded l = load(r, f);
    EXPECT_NE(l.errors.find("layer 0 ("), std::string::npos) << l.errors;
    EXPECT_NE(l.errors.find("blob digest mismatch: the manifest says sha256:"), std::string::npos)
        << l.errors;
    EXPECT_NE(l.file("/etc/motd", 1), nullptr);  // the other layer is still walked
}

TEST(ImageLoader, DiffIdMismatch) {
    bulwark::testing::ImageFaults f;
    f.bad_diff_id = true;
    Loaded l = load(two_layers(), f);
    EXPECT_NE(l.errors.find("diff_id mismatch: the config says"), std::string::npos) << l.errors;
}

TEST(ImageLoader, TruncatedGzipLayer) {
    Json r = two_layers();
    r["compression"] = "gzip";
    bulwark::testing::ImageFaults f;
    f.truncate_layer = true;
    Loaded l = load(r, f);
    EXPECT_NE(l.errors.find("layer 0 ("), std::string::npos) << l.errors;
    EXPECT_NE(l.errors.find("truncated"), std::string::npos) << l.errors;
    EXPECT_NE(l.file("/etc/motd", 1), nullptr);
}

TEST(ImageLoader, ManifestPointingNowhere) {
    for (const char* format : {"docker-save", "oci-tar"}) {
        Json r = two_layers();
        r["format"] = format;
        bulwark::testing::ImageFaults f;
        f.missing_layer = true;
        Loaded l = load(r, f);
        EXPECT_NE(l.errors.find("the manifest points nowhere"), std::string::npos) << format << l.errors;
        EXPECT_NE(l.file("/etc/motd", 1), nullptr) << format;
    }
}

/// The entries of the archive `recipe` makes, for a test to change before writing them again.
std::vector<std::pair<std::string, std::string>> entries_of(const Json& recipe) {
    bulwark::testing::TempDir tmp;
    bulwark::testing::build_image(recipe, tmp.path() / "image.tar");
    return read_tar(tmp.path() / "image.tar");
}

/// The messages of the error diagnostics of loading `path`, one a line; "" when it loads.
std::string load_errors(const fs::path& path) {
    input::image::LoadResult r = input::image::load_image(path.string(), {}, {});
    std::string out;
    for (const core::Diagnostic& d : r.diagnostics) {
        out += d.level == core::DiagLevel::error ? d.message + "\n" : "";
    }
    return r.ok || !out.empty() ? out : "not loaded, without an error\n";
}

std::string load_errors(const std::vector<std::pair<std::string, std::string>>& entries) {
    bulwark::testing::TempDir tmp;
    bulwark::testing::write_tar(entries, tmp.path() / "x.tar");
    return load_errors(tmp.path() / "x.tar");
}

TEST(ImageLoader, JsonEntriesMayStartWithWhitespaceAndTooLargeOnesAreNamed) {
    const std::string big(17U << 20U, ' ');  // JSON whitespace, over the 16 MiB of a JSON entry
    auto over = [](size_t size) {
        return " is " + std::to_string(size) +
               " bytes, over the 16 MiB limit of a JSON entry (manifest, index or config)\n";
    };
    // docker save: manifest.json and the config (renamed: its name is then no digest to check).
    std::vector<std::pair<std::string, std::string>> docker =
        entries_of(one_file_image("etc/motd", "hi\n", {"example/app:1.0"}));
    std::string manifest;
    for (auto& [name, data] : docker) {
        if (name == "manifest.json") {
            Json m = Json::parse(data);
            const std::string config = m[0]["Config"].get<std::string>();
            m[0]["Config"] = "cfg.json";
            data = manifest = m.dump();
            for (auto& [other, text] : docker) {
                if (other == config) {
                    other = "cfg.json";
                    text = " \r\n\t" + text;
                }
            }
            break;
        }
    }
    ASSERT_FALSE(manifest.empty());
    auto with = [&](const std::string& entry, const std::string& text) {
        std::vector<std::pair<std::string, std::string>> changed = docker;
        for (auto& [name, data] : changed) {
            data = name == entry ? text : data;
        }
        return changed;
    };
    EXPECT_EQ(load_errors(with("manifest.json", "\n  " + manifest)), "");
    EXPECT_EQ(load_errors(with("manifest.json", big + manifest)),
              "manifest.json" + over(big.size() + manifest.size()));
    EXPECT_EQ(load_errors(with("cfg.json", big + "{}")), "the config 'cfg.json'" + over(big.size() + 2));

    // The OCI layout of docker save, in a tar: index.json, and the image manifest it points at.
    Json oci = one_file_image("etc/motd", "hi\n", {"example/app:1.0"});
    oci["format"] = "oci-tar";
    std::vector<std::pair<std::string, std::string>> entries = entries_of(oci);
    std::string manifest_blob;
    size_t manifest_size = 0;
    for (auto& [name, data] : entries) {
        if (name == "index.json") {
            std::string digest = Json::parse(data)["manifests"][0]["digest"];
            manifest_blob = "blobs/sha256/" + digest.substr(digest.find(':') + 1);
            manifest_size = Json::parse(data)["manifests"][0]["size"];
            data = "\n" + data;
        }
    }
    EXPECT_EQ(load_errors(entries), "");
    for (auto& [name, data] : entries) {
        data = name == manifest_blob ? big + data : data;
    }
    EXPECT_EQ(load_errors(entries),
              "the image manifest: " + manifest_blob + over(big.size() + manifest_size));

    // An OCI layout directory.
    bulwark::testing::TempDir tmp;
    oci["format"] = "oci";
    bulwark::testing::build_image(oci, tmp.path() / "layout");
    std::string index;
    {
        std::ifstream in(tmp.path() / "layout" / "index.json");
        index.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    std::ofstream(tmp.path() / "layout" / "index.json") << "\t\n" << index;
    EXPECT_EQ(load_errors(tmp.path() / "layout"), "");
    std::ofstream(tmp.path() / "layout" / "index.json") << big << index;
    EXPECT_EQ(load_errors(tmp.path() / "layout"), "index.json" + over(big.size() + index.size()));
}

TEST(ImageLoader, EscapingPathsAreRefusedAndSymlinksRecorded) {
    Json r = Json::parse(R"({"layers": [[
        {"path": "../../evil", "content": "x"},
        {"path": "/abs/file", "content": "x"},
        {"path": "./ok//file", "content": "x"},
        {"path": "etc/link", "type": "symlink", "target": "/etc/shadow"},
        {"path": "etc/up", "type": "symlink", "target": "../../../../root"},
        {"path": "bin/ash", "type": "hardlink", "target": "ok/file"},
        {"path": "bin/bad", "type": "hardlink", "target": "../../etc/passwd"}]]})");
    Loaded l = load(r);
    EXPECT_NE(l.errors.find("entry '../../evil' climbs out of the image root with '..'; skipped"),
              std::string::npos)
        << l.errors;
    EXPECT_NE(l.errors.find("entry '/abs/file' has an absolute path; skipped"), std::string::npos)
        << l.errors;
    EXPECT_NE(l.errors.find("hard link 'bin/bad'"), std::string::npos) << l.errors;
    EXPECT_FALSE(l.has_path("/evil"));
    EXPECT_FALSE(l.has_path("/abs/file"));
    EXPECT_NE(l.file("/ok/file", 0), nullptr);
    EXPECT_EQ(l.file("/etc/link", 0)->link_target, "/etc/shadow");  // recorded, never followed
    EXPECT_EQ(l.file("/etc/up", 0)->link_target, "../../../../root");
    EXPECT_EQ(l.file("/bin/ash", 0)->type, model::ImageFileType::hardlink);
    EXPECT_EQ(l.file("/bin/ash", 0)->link_target, "/ok/file");
    EXPECT_FALSE(fs::exists("/evil"));
}

/// The messages of the diagnostics of `level`, one a line.
std::string messages(const Loaded& l, core::DiagLevel level) {
    std::string out;
    for (const core::Diagnostic& d : l.result.diagnostics) {
        out += d.level == level ? d.message + "\n" : "";
    }
    return out;
}

/// The kept bytes of `path` in `layer`, or "<none>".
std::string content_at(const Loaded& l, const std::string& path, int layer) {
    for (const model::ImageFileContent& c : l.result.image.contents) {
        if (c.path == path && c.layer == layer) {
            return c.data;
        }
    }
    return "<none>";
}

TEST(ImageLoader, HardLinksShowTheirTargetsContent) {
    // A hard link names its target's bytes: the visitors see them under the link's path. The target
    // comes first in the tar (the name a tar writer met first holds the bytes).
    Json r = Json::parse(R"({"layers": [[
        {"path": "app/shadow", "content": "root::19000:0:99999:7:::\n"},
        {"path": "etc/shadow", "type": "hardlink", "target": "app/shadow"},
        {"path": "root/.npmrc", "content": "//registry.npmjs.org/:_authToken=abc\n"},
        {"path": "home/u/.npmrc", "type": "hardlink", "target": "root/.npmrc"},
        {"path": "app/token", "content": "TOKEN=ghp_aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5\n"},
        {"path": "srv/token", "type": "hardlink", "target": "app/token"}
      ], [
        {"path": "etc/sudoers", "type": "hardlink", "target": "app/shadow"},
        {"whiteout": "app/token"},
        {"path": "etc/gone", "type": "hardlink", "target": "app/nothing"}
      ]]})");
    Loaded l = load(r);
    ASSERT_TRUE(l.result.ok) << l.errors;
    EXPECT_EQ(l.errors, "");
    // /app/shadow's bytes were not kept (not a path the rules read): its layer is read once more.
    EXPECT_EQ(content_at(l, "/etc/shadow", 0), "root::19000:0:99999:7:::\n");
    EXPECT_EQ(content_at(l, "/etc/sudoers", 1), "root::19000:0:99999:7:::\n");  // a target in layer 0
    EXPECT_EQ(content_at(l, "/app/shadow", 0), "<none>");
    EXPECT_EQ(l.result.passes, 3);  // metadata, layers, layer 0 again
    // A kept target's bytes are copied.
    EXPECT_EQ(content_at(l, "/home/u/.npmrc", 0), "//registry.npmjs.org/:_authToken=abc\n");
    // The secret in /app/token is also in /srv/token, which stays when /app/token is deleted.
    std::vector<std::string> secrets;
    for (const model::ImageSecret& s : l.result.image.secrets) {
        secrets.push_back(
            fmt::format("{}@{}:{}:{}{}", s.path, s.layer, s.line, s.column, s.removed ? " removed" : ""));
    }
    EXPECT_EQ(secrets, (std::vector<std::string>{"/app/token@0:1:7 removed", "/srv/token@0:1:7"}));
    // The link itself stays a hard link in the model.
    ASSERT_NE(l.file("/etc/shadow", 0), nullptr);
    EXPECT_EQ(l.file("/etc/shadow", 0)->type, model::ImageFileType::hardlink);
    // A link to nothing is said.
    EXPECT_NE(messages(l, core::DiagLevel::warning)
                  .find("hard link '/etc/gone' names '/app/nothing', which no earlier entry of this or an "
                        "earlier layer wrote; it has no content to check"),
              std::string::npos)
        << messages(l, core::DiagLevel::warning);

    // Without hard links whose bytes must be read again, no further pass.
    EXPECT_EQ(load(two_layers()).result.passes, 2);
}

/// Records the files it is given through the hard links named in its constructor: each file's
/// byte count and last bytes.
class LinkRecorder : public input::image::ContentVisitor {
  public:
    explicit LinkRecorder(std::vector<std::string> links) : m_links(std::move(links)) {}
    bool wants(const model::ImageFile& file) override {
        m_bytes = 0;
        m_tail.clear();
        return std::find(m_links.begin(), m_links.end(), file.path) != m_links.end();
    }
    void data(std::string_view chunk) override {
        m_bytes += chunk.size();
        m_tail =
            (m_tail + std::string(chunk))
                .substr((m_tail.size() + chunk.size()) - std::min<size_t>(32, m_tail.size() + chunk.size()));
    }
    void end(const model::ImageFile& file, model::ImageSpec& image) override {
        (void)image;
        m_seen.push_back(fmt::format("{}@{}: {} bytes ending {}", file.path, file.layer, m_bytes, m_tail));
    }
    bool wants_link(const model::ImageFile& link, const model::ImageFile& target,
                    model::ImageSpec& image) override {
        (void)target;
        (void)image;
        return std::find(m_links.begin(), m_links.end(), link.path) != m_links.end();
    }
    std::vector<std::string> m_seen;

  private:
    std::vector<std::string> m_links;
    uint64_t m_bytes = 0;
    std::string m_tail;
};

TEST(ImageLoader, HardLinkToALargeFileIsReadAgainInFull) {
    // A target over 1 MB is streamed again to the visitors that want its links, as the first walk
    // streams any file: the keeper keeps its first MB under the link's path, and a reader that reads
    // every byte sees the last ones.
    std::string big = "root ALL=(ALL:ALL) NOPASSWD: ALL\n";
    big.append(1500000, '#');
    big += "\nthe last line\n";
    Json r;
    r["layers"] = Json::array({Json::array({
        Json{{"path", "app/big"}, {"content", big}},
        Json{{"path", "etc/sudoers"}, {"type", "hardlink"}, {"target", "app/big"}},
        Json{{"path", "srv/copy"}, {"type", "hardlink"}, {"target", "app/big"}},
        Json{{"path", "srv/again"}, {"type", "hardlink"}, {"target", "app/big"}},
    })});
    bulwark::testing::TempDir tmp;
    fs::path out = tmp.path() / "image.tar";
    bulwark::testing::build_image(r, out, {});
    input::image::ContentKeeper keeper;
    LinkRecorder recorder({"/srv/copy", "/srv/again"});
    std::vector<input::image::ContentVisitor*> visitors{&keeper, &recorder};
    input::image::LoadResult result = input::image::load_image(out.string(), {}, visitors);
    ASSERT_TRUE(result.ok);
    EXPECT_EQ(result.passes, 3);  // metadata, layers, layer 0 again
    std::string sudoers = "<none>";
    for (const model::ImageFileContent& c : result.image.contents) {
        sudoers = c.path == "/etc/sudoers" ? c.data : sudoers;
    }
    EXPECT_EQ(sudoers.size(), size_t{1} << 20U);
    EXPECT_EQ(sudoers.substr(0, 33), "root ALL=(ALL:ALL) NOPASSWD: ALL\n");
    EXPECT_EQ(keeper.notes(), std::vector<std::string>{
                                  "/etc/sudoers (layer 0): only its first 1 MB of 1500048 bytes is checked"});
    // The recorder's first link is streamed every byte; its second, the first MB, with a note.
    EXPECT_EQ(recorder.m_seen,
              (std::vector<std::string>{
                  "/srv/copy@0: 1500048 bytes ending " + std::string(17, '#') + "\nthe last line\n",
                  "/srv/again@0: 1048576 bytes ending " + std::string(32, '#')}));
    std::string notes;
    for (const core::Diagnostic& d : result.diagnostics) {
        notes += d.level == core::DiagLevel::note ? d.message + "\n" : "";
    }
    EXPECT_NE(
        notes.find("): hard link '/srv/again' names the 1500048 bytes of '/app/big' (layer 0), as an "
                   "earlier link does whose reader reads them all; under this path only their first 1 MB "
                   "are checked\n"),
        std::string::npos)
        << notes;
    EXPECT_EQ(std::count(notes.begin(), notes.end(), '\n'), 1) << notes;
}

TEST(ImageLoader, OsReleaseThroughSymlink) {
    Json r = Json::parse(R"({"layers": [[
        {"path": "usr/lib/os-release", "content": "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n"},
        {"path": "etc/os-release", "type": "symlink", "target": "../usr/lib/os-release"}]]})");
    Loaded l = load(r);
    EXPECT_EQ(l.result.image.os_release.id, "debian");
    EXPECT_EQ(l.result.image.os_release.version_id, "12");
    EXPECT_EQ(l.result.image.os_release.pretty_name, "Debian GNU/Linux 12 (bookworm)");
    EXPECT_EQ(l.result.image.os_release.path, "/usr/lib/os-release");
}

TEST(ImageLoader, ConfigValuesKeepTheirPlace) {
    Json r = two_layers();
    r["config"] = Json::parse(R"({"User": "root", "Env": ["A=b", "PATH=/bin"], "ExposedPorts": {"22/tcp": {}},
                                  "Healthcheck": {"Test": ["NONE"]}, "Labels": {"k": "v"}})");
    r["repo_tags"] = {"example/app:1.0"};
    Loaded l = load(r);
    const model::ImageSpec& img = l.result.image;
    ASSERT_TRUE(img.config_source);
    EXPECT_TRUE(std::regex_match(img.config_source->path(),
                                 std::regex(".*/image\\.tar@sha256:[0-9a-f]{12}/config\\.json")))
        << img.config_source->path();
    EXPECT_EQ(img.config.user.value, "root");
    ASSERT_TRUE(img.config.user.origin.file);
    util::Position p = img.config_source->position(img.config.user.origin.range.begin);
    EXPECT_EQ(img.config_source->line_text(p.line), "    \"User\": \"root\"");
    ASSERT_EQ(img.config.env.size(), 2U);
    EXPECT_EQ(img.config.env[0].name, "A");
    EXPECT_EQ(img.config.env[0].value.value, "b");
    ASSERT_EQ(img.config.exposed_ports.size(), 1U);
    EXPECT_EQ(img.config.exposed_ports[0].value, "22/tcp");
    EXPECT_EQ(img.config.healthcheck.value, std::vector<std::string>{"NONE"});
    ASSERT_EQ(img.config.labels.size(), 1U);
    EXPECT_EQ(img.repo_tags, std::vector<std::string>{"example/app:1.0"});
    EXPECT_TRUE(img.id.starts_with("sha256:"));
    EXPECT_EQ(img.history.size(), 2U);
    EXPECT_EQ(img.history[0].layer, 0);
}

TEST(ImageLoader, NotAnImage) {
    bulwark::testing::TempDir tmp;
    fs::path p = tmp.path() / "x.tar";
    { std::ofstream(p) << "this is not a tar archive at all"; }
    input::image::LoadResult r = input::image::load_image(p.string(), {}, {});
    ASSERT_FALSE(r.diagnostics.empty());
    EXPECT_FALSE(r.ok);
    EXPECT_NE(r.diagnostics[0].message.find("not a tar archive"), std::string::npos)
        << r.diagnostics[0].message;
}

TEST(ImageLoader, EngineLessReferenceIsAClearError) {
    input::image::LoadOptions o;
    o.docker_host = "unix:///nonexistent/bulwark-test/docker.sock";
    input::image::LoadResult r = input::image::load_image("busybox:latest", o, {});
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].location.file, "busybox:latest");
    EXPECT_NE(r.diagnostics[0].message.find("no such file, and no Docker engine reachable at "
                                            "unix:///nonexistent/bulwark-test/docker.sock"),
              std::string::npos)
        << r.diagnostics[0].message;
    o.docker_host = "ftp://x";
    r = input::image::load_image("busybox:latest", o, {});
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_NE(r.diagnostics[0].message.find("unsupported Docker host 'ftp://x'"), std::string::npos);
}

TEST(ImageLoader, NormalisesEntryPaths) {
    std::string e;
    EXPECT_EQ(input::image::normalise_entry_path("./a//b/./c", e), "/a/b/c");
    EXPECT_EQ(e, "");
    EXPECT_EQ(input::image::normalise_entry_path("./", e), "/");
    EXPECT_EQ(input::image::normalise_entry_path("a/../../b", e), "");
    EXPECT_NE(e, "");
    EXPECT_EQ(input::image::normalise_entry_path("/etc", e), "");
    EXPECT_NE(e, "");
}

TEST(ImageScan, FindingsAndModelInTheResult) {
    bulwark::testing::TempDir tmp;
    Json r = two_layers();
    r["config"] = Json::parse(R"({"User": "root"})");
    fs::path out = tmp.path() / "image.tar";
    bulwark::testing::build_image(r, out);
    core::Policy policy = bulwark::testing::test_policy();
    engine::ImageScanResult s = engine::scan_image(out.string(), {}, policy);
    EXPECT_EQ(s.result.kind, "image");
    EXPECT_EQ(s.result.path, out.string());
    ASSERT_TRUE(s.result.image);
    EXPECT_EQ(s.result.image->layers.size(), 2U);
    EXPECT_EQ(s.result.source, s.image().config_source);
    EXPECT_TRUE(std::is_sorted(s.result.findings.begin(), s.result.findings.end(),
                               [](const core::Finding& a, const core::Finding& b) {
                                   return std::tie(a.location.file, a.location.line) <
                                          std::tie(b.location.file, b.location.line);
                               }));
    // With no rule enabled nothing is reported, and the image still loads.
    core::Policy none = bulwark::testing::test_policy({"BD000"});
    engine::ImageScanResult q = engine::scan_image(out.string(), {}, none);
    EXPECT_TRUE(q.result.findings.empty());
    EXPECT_TRUE(q.result.diagnostics.empty());
}

TEST(ContentKeeper, AKeptFileCutAtTheCapIsNamedInANote) {
    input::image::ContentKeeper keeper;
    model::ImageSpec image;
    model::ImageFile small;
    small.path = "/etc/passwd";
    small.size = 10;
    ASSERT_TRUE(keeper.wants(small));
    keeper.data("root:x:0:0");
    keeper.end(small, image);
    model::ImageFile big;
    big.path = "/etc/sudoers";
    big.layer = 2;
    big.size = 3U << 20U;
    ASSERT_TRUE(keeper.wants(big));
    const std::string chunk(1U << 20U, '#');
    for (int i = 0; i < 3; ++i) {
        keeper.data(chunk);
    }
    keeper.end(big, image);
    ASSERT_EQ(image.contents.size(), 2U);
    EXPECT_EQ(image.contents[1].data.size(), input::image::ContentKeeper::k_max_bytes);
    EXPECT_EQ(keeper.notes(), std::vector<std::string>{
                                  "/etc/sudoers (layer 2): only its first 1 MB of 3145728 bytes is checked"});
}

}  // namespace

class SeveralImages : public ::testing::TestWithParam<const char*> {};

TEST_P(SeveralImages, InOneDockerSaveArchive) {
    bulwark::testing::TempDir tmp;
    fs::path path = tmp.path() / "two.tar";
    Json one = one_file_image("one.txt", "1\n", {"example/one:1"});
    Json two = one_file_image("two.txt", "2\n", {"docker.io/library/two:latest", "two:2"});
    one["format"] = GetParam();
    two["format"] = GetParam();
    save_together({one, two}, path);
    auto files_of = [&](const input::image::LoadOptions& options, std::string& errors) {
        input::image::LoadResult r = input::image::load_image(path.string(), options, {});
        std::vector<std::string> paths;
        for (const model::ImageFile& f : r.image.files) {
            paths.push_back(f.path);
        }
        for (const core::Diagnostic& d : r.diagnostics) {
            errors += core::format_diagnostic(d, nullptr);
        }
        EXPECT_EQ(r.archive_images,
                  (std::vector<std::string>{"example/one:1", "docker.io/library/two:latest"}));
        return paths;
    };
    std::string errors;
    EXPECT_EQ(files_of({}, errors), std::vector<std::string>{"/one.txt"});  // the first by default
    input::image::LoadOptions second;
    second.image_index = 1;
    EXPECT_EQ(files_of(second, errors), std::vector<std::string>{"/two.txt"});
    EXPECT_EQ(files_of(for_image("example/one:1"), errors), std::vector<std::string>{"/one.txt"});
    EXPECT_EQ(files_of(for_image("two"), errors), std::vector<std::string>{"/two.txt"});  // normalised
    if (std::string_view(GetParam()) == "docker-save") {
        // Every RepoTag names the image in the legacy layout; the OCI index names it once (its
        // reference annotation), so there only the first tag selects it.
        EXPECT_EQ(files_of(for_image("two:2"), errors), std::vector<std::string>{"/two.txt"});
    }
    EXPECT_EQ(files_of(for_image("@1"), errors), std::vector<std::string>{"/two.txt"});
    EXPECT_EQ(errors, "");
    std::string missing;
    files_of(for_image("three:3"), missing);
    EXPECT_NE(missing.find("no image 'three:3' in the archive; it holds example/one:1, "
                           "docker.io/library/two:latest"),
              std::string::npos)
        << missing;
}

// Docker before 25 writes the legacy layout; Docker 25 and later an OCI layout with manifest.json.
INSTANTIATE_TEST_SUITE_P(ImageLoader, SeveralImages, ::testing::Values("docker-save", "docker-save-oci"));

TEST(ImageLoader, NameMatchingFollowsDockerNormalisation) {
    using input::image::image_name_matches;
    EXPECT_TRUE(image_name_matches("docker.io/library/nginx:latest", "nginx"));
    EXPECT_TRUE(image_name_matches("nginx:latest", "docker.io/library/nginx"));
    EXPECT_TRUE(image_name_matches("example/app:1", "docker.io/example/app:1"));
    EXPECT_FALSE(image_name_matches("nginx:1.27", "nginx"));
    EXPECT_FALSE(image_name_matches("example/app:1", "app:1"));
    EXPECT_FALSE(image_name_matches("ghcr.io/o/app:1", "o/app:1"));
    EXPECT_EQ(input::image::image_display_name("x.tar", "a:1", 1), "x.tar");
    EXPECT_EQ(input::image::image_display_name("x.tar", "a:1", 2), "x.tar[a:1]");
    EXPECT_EQ(input::image::image_display_name("x.tar", "@1", 2), "x.tar[@1]");
}

TEST(ImageScan, EveryImageOfAnArchiveIsItsOwnResult) {
    bulwark::testing::TempDir tmp;
    fs::path path = tmp.path() / "two.tar";
    save_together({one_file_image("app/.env", std::string("TOKEN=") + k_token + "\n", {"example/one:1"}),
                   one_file_image("ok.txt", "fine\n", {})},
                  path);
    core::Policy policy = bulwark::testing::test_policy({"BD303"});
    std::vector<engine::ImageScanResult> all = engine::scan_images(path.string(), {}, {}, policy);
    ASSERT_EQ(all.size(), 2U);
    EXPECT_EQ(all[0].result.path, path.string() + "[example/one:1]");
    EXPECT_EQ(all[1].result.path, path.string() + "[@1]");  // untagged: by index
    ASSERT_FALSE(all[0].result.findings.empty());
    EXPECT_EQ(all[0].result.findings[0].location.file, path.string() + "[example/one:1]");
    EXPECT_TRUE(all[1].result.findings.empty());
    // Selectors pick images, in the order given.
    std::vector<engine::ImageScanResult> picked =
        engine::scan_images(path.string(), {}, {"@1", "example/one:1"}, policy);
    ASSERT_EQ(picked.size(), 2U);
    EXPECT_EQ(picked[0].result.path, path.string() + "[@1]");
    EXPECT_EQ(picked[1].result.path, path.string() + "[example/one:1]");
    // A name the archive does not hold is an input error on a result of its own.
    std::vector<engine::ImageScanResult> missing = engine::scan_images(path.string(), {}, {"nope:1"}, policy);
    ASSERT_EQ(missing.size(), 1U);
    EXPECT_EQ(missing[0].result.path, path.string() + "[nope:1]");
    ASSERT_EQ(missing[0].result.diagnostics.size(), 1U);
    EXPECT_EQ(missing[0].result.diagnostics[0].level, core::DiagLevel::error);
    // One image in the archive: the name stays the input's.
    fs::path single = tmp.path() / "a.tar";
    bulwark::testing::build_image(one_file_image("a.txt", "a\n", {"example/one:1"}), single);
    std::vector<engine::ImageScanResult> one = engine::scan_images(single.string(), {}, {}, policy);
    ASSERT_EQ(one.size(), 1U);
    EXPECT_EQ(one[0].result.path, single.string());
    EXPECT_EQ(one[0].archive_images, std::vector<std::string>{"example/one:1"});
}

TEST(ImageScan, FindingsOnALineOfAFileCarryItInTheirLocation) {
    bulwark::testing::TempDir tmp;
    Json r = Json::parse(R"({"layers": [[
        {"path": "etc/shadow", "content": "root:*:19000::::::\nguest::19000:0:99999:7:::\n"},
        {"path": "etc/passwd", "content": "root:x:0:0::/root:/bin/sh\n# extra\nadmin:x:0:0::/:/bin/sh\n"},
        {"path": "etc/sudoers.d/app", "content": "Defaults env_reset\napp ALL=(ALL) NOPASSWD:ALL\n"},
        {"path": "app/.env", "content": "A=1\n"}]]})");
    r["layers"][0][3]["content"] = std::string("A=1\n  TOKEN=") + k_token + "\n";
    fs::path out = tmp.path() / "image.tar";
    bulwark::testing::build_image(r, out);
    core::Policy policy = bulwark::testing::test_policy({"BD303", "BD304", "BD305", "BD307"});
    engine::ImageScanResult s = engine::scan_image(out.string(), {}, policy);
    std::map<std::string, core::Location> at;
    for (const core::Finding& f : s.result.findings) {
        at[f.rule_id + " " + f.location.pointer] = f.location;
    }
    auto expect = [&](const std::string& key, uint32_t line, uint32_t column, uint32_t end_column) {
        SCOPED_TRACE(key);
        ASSERT_EQ(at.count(key), 1U);
        const core::Location& l = at[key];
        EXPECT_EQ(l.file, out.string());
        EXPECT_EQ(l.line, line);
        EXPECT_EQ(l.column, column);
        EXPECT_EQ(l.end_column, end_column);
        EXPECT_EQ(l.end_line, end_column == 0 ? 0U : line);
    };
    expect("BD304 /etc/shadow", 2, 1, 7);           // "guest::"
    expect("BD305 /etc/passwd", 3, 9, 0);           // admin's uid 0, the second entry of uid 0
    expect("BD307 /etc/sudoers.d/app", 2, 15, 22);  // NOPASSWD
    expect("BD303 /app/.env", 2, 9, 0);             // the token after "  TOKEN=" (byte column)
}
