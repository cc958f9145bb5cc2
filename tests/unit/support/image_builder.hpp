#pragma once
// Writes real image archives (docker save, OCI layouts) with libarchive's write API from a recipe,
// for unit tests and for the data-driven image rule cases (tests/unit/test_image_rule_cases.cpp).
//
// Recipe format (JSON). Every field is optional except `layers`:
//
//   {
//     "format": "docker-save",      // "docker-save"     : legacy `docker save` tar (manifest.json,
//                                   //                     <id>.json config, <hex>/layer.tar), the default
//                                   // "docker-save-oci" : newer `docker save` (index.json, manifest.json,
//                                   //                     oci-layout, blobs/sha256/...)
//                                   // "oci"             : OCI image layout directory
//                                   // "oci-tar"         : the same layout as a tar
//     "compression": "none",        // layer blobs: "none" | "gzip" | "zstd" (also in docker-save: layer.tar
//     gzipped) "outer": "none",              // the archive itself: "none" | "gzip" (tar formats only)
//     "created": "2026-01-01T00:00:00Z",     // config `created`
//     "os": "linux", "architecture": "amd64", "variant": "",
//     "repo_tags": ["example/app:1.0"],      // manifest RepoTags / index annotation
//     "config": {"User": "root", "Env": ["A=b"], "ExposedPorts": {"22/tcp": {}},
//                "Healthcheck": {"Test": ["NONE"]}, "Labels": {"k": "v"}, "Volumes": {"/data": {}}},
//                                   // copied verbatim as the config's `config` object
//     "history": [{"created_by": "/bin/sh -c apt-get update", "empty_layer": false,
//                  "created": "...", "comment": "..."}],
//                                   // default: one {"created_by": "COPY . / # buildkit"} per layer;
//                                   // the non-empty entries must match the number of layers
//     "platforms": ["linux/amd64", "linux/arm64/v8"],
//                                   // "oci"/"oci-tar"/"docker-save-oci" only: an index with one manifest
//                                   // per platform (same layers, config differs by os/architecture/variant)
//     "layers": [                   // base first; each layer is a list of entries, written in order
//       [{"path": "etc/passwd", "content": "root:x:0:0::/root:/bin/sh\n", "mode": "0644", "uid": 0, "gid":
//       0},
//        {"path": "usr/bin/su", "mode": "4755", "content": "x"},
//        {"path": "big.bin", "size": 1048576},        // `size` bytes of filler ('x') instead of content
//        {"path": "tmp", "type": "dir", "mode": "1777"},
//        {"path": "bin/sh", "type": "symlink", "target": "busybox"},
//        {"path": "bin/ash", "type": "hardlink", "target": "bin/busybox"},
//        {"path": "run/fifo", "type": "fifo"}],
//       [{"whiteout": "root/.ssh/id_rsa"},          // writes root/.ssh/.wh.id_rsa
//        {"opaque": "var/cache"}]                   // writes var/cache/.wh..wh..opq
//     ],
//     // Read by the rule-case harness only:
//     "expect": ["/path/in/image", ...],   // bad cases: each must be the Location.pointer of a finding
//     "today": "2026-02-01",               // Policy::today for the case (default 2026-01-15)
//     "max_age_days": 90                   // Policy::image_max_age_days for the case
//   }
//
// Entry defaults: type "file", mode "0644" (dirs "0755", symlinks "0777"), uid 0, gid 0, content "".
// Paths are written as given (so a test can write "./x", "../x" or "/abs"). Config digests, diff_ids
// and blob digests are computed, so a recipe yields a valid image unless a fault (below) is set.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace bulwark::testing {

/// Faults the unit tests inject (not part of the JSON recipe).
struct ImageFaults {
    bool bad_layer_digest = false;  // manifest names a wrong digest for layer 0's blob
    bool bad_diff_id = false;       // config rootfs.diff_ids[0] is wrong
    bool truncate_layer = false;    // layer 0's blob is cut in half (truncated gzip/zstd)
    bool missing_layer = false;     // the manifest points at a layer blob that is not in the archive
    bool manifest_last = true;      // docker-save: manifest.json after the layers (as docker writes it)
    bool reverse_layers = false;    // docker-save: layer tars written in reverse order
};

/// Writes the image described by `recipe` at `out` (a file, or a directory for "oci"). Throws
/// std::runtime_error on a bad recipe.
void build_image(const nlohmann::json& recipe, const std::filesystem::path& out,
                 const ImageFaults& faults = {});

/// Writes a plain tar at `out` holding `entries` (name, bytes) as regular files, in order.
void write_tar(const std::vector<std::pair<std::string, std::string>>& entries,
               const std::filesystem::path& out);

/// A fresh empty temp directory for one test, removed by the destructor.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

}  // namespace bulwark::testing
