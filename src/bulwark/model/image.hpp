#pragma once
// A built image, whatever it came from: a `docker save` archive, an OCI image layout, or an image
// exported from a local engine. Image rules are written once against this model. The config keeps
// where each value was written in the config JSON (so a finding points at its key), and every file
// keeps the layer that wrote it, so a secret is traced to the instruction that put it there, even
// when a later layer deleted it.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bulwark/core/severity.hpp"
#include "bulwark/model/container.hpp"  // Origin, Setting, NamedValue

namespace bulwark::model {

/// The runtime part of an image config (OCI `config` object; Docker's `container_config` is not
/// read). Each value's origin is its range in ImageSpec::config_source.
struct ImageConfig {
    Setting<std::string> user;                        // "", "root", "1000", "app:app"
    std::vector<NamedValue> env;                      // "NAME=VALUE" entries
    std::vector<NamedValue> labels;                   // label key and value
    std::vector<Setting<std::string>> exposed_ports;  // "22/tcp", "53/udp"
    std::vector<Setting<std::string>> volumes;        // "/data"
    /// Healthcheck.Test: not set = none in the image; {"NONE"} = disabled; {"CMD", ...} or
    /// {"CMD-SHELL", "..."} otherwise.
    Setting<std::vector<std::string>> healthcheck;
    Setting<std::vector<std::string>> entrypoint;
    Setting<std::vector<std::string>> cmd;
    Setting<std::string> working_dir;
    Setting<std::string> stop_signal;
    Origin origin;  // the `config` object
};

/// One `history` entry of the image config.
struct ImageHistoryEntry {
    std::string created;     // RFC 3339, may be empty
    std::string created_by;  // "/bin/sh -c #(nop) ...", "RUN /bin/sh -c ... # buildkit", "COPY ..."
    std::string comment;
    bool empty_layer = false;
    int layer = -1;  // index into ImageSpec::layers; -1 for empty_layer entries
    Origin origin;   // the entry's `created_by` in the config JSON
};

/// One filesystem layer, in order (0 = base).
struct ImageLayer {
    int index = 0;
    std::string diff_id;  // "sha256:..." of the uncompressed tar (config rootfs.diff_ids)
    std::string digest;   // "sha256:..." of the blob as stored (manifest); equals diff_id when uncompressed
    std::string media_type;   // as the manifest says, may be empty (docker save)
    std::string compression;  // "none", "gzip", "zstd"
    uint64_t size = 0;        // bytes of the blob as stored
    int history = -1;         // index into ImageSpec::history of the entry that created it, or -1
};

enum class ImageFileType { regular, directory, symlink, hardlink, char_device, block_device, fifo, socket };

/// One version of a path as one layer wrote it. A path written by several layers has several
/// entries; all but the last are `removed`.
struct ImageFile {
    std::string path;  // absolute and normalised: "/etc/shadow", "/" never appears
    ImageFileType type = ImageFileType::regular;
    uint32_t mode = 0;  // permission bits including setuid (04000), setgid (02000), sticky (01000)
    uint32_t uid = 0;
    uint32_t gid = 0;
    uint64_t size = 0;
    std::string link_target;  // symlink or hardlink target as written in the tar
    int layer = 0;            // the layer that wrote this version
    /// Not in the final filesystem (a later layer deleted it with a whiteout, hid it under an
    /// opaque directory, or wrote the path again), but its bytes still ship in `layer`.
    bool removed = false;
};

/// The bytes of a small file that rules read (/etc/passwd, /etc/group, /etc/shadow,
/// /etc/os-release, sudoers, sshd_config ...), kept for each layer version.
struct ImageFileContent {
    std::string path;
    int layer = 0;
    bool removed = false;
    std::string data;
};

/// A secret found in a file's content while its layer was streamed.
struct ImageSecret {
    std::string path;
    int layer = 0;
    bool removed = false;
    uint32_t line = 0;         // 1-based line of the match in the file (0 when the file is binary)
    uint32_t column = 0;       // 1-based byte column
    std::string pattern_id;    // "aws-access-key-id"
    std::string pattern_name;  // "AWS access key id"
    core::Severity severity = core::Severity::high;
    std::string key;      // the name it is assigned to, when the pattern has one
    std::string preview;  // redacted value ("AKIA****")
};

/// An installed package (SBOM component).
struct Package {
    std::string type;        // purl type: "deb", "apk", "rpm", "pypi", "npm", "golang", "maven"
    std::string namespace_;  // purl namespace: "debian", "alpine", a Maven groupId, ... (may be empty)
    std::string name;
    std::string version;
    std::string arch;                   // "amd64", "x86_64", "noarch", empty when not applicable
    std::string purl;                   // "pkg:deb/debian/libc6@2.36-9?arch=amd64&distro=debian-12"
    std::vector<std::string> licenses;  // SPDX ids or license names as the metadata says
    /// The source package, may be empty: dpkg "glibc (2.36-9)", rpm "glibc-2.37-4.src.rpm", apk origin.
    std::string source;
    std::string source_path;   // the file that lists it (/var/lib/dpkg/status, a METADATA ...)
    int layer = -1;            // the layer that wrote source_path
    bool application = false;  // an executable's own module (Go main module), not a library
};

/// What /etc/os-release (or /usr/lib/os-release) of the final filesystem says.
struct OsRelease {
    std::string id;           // "debian", "alpine", "ubuntu" ...
    std::string version_id;   // "12", "3.19.1"
    std::string pretty_name;  // "Debian GNU/Linux 12 (bookworm)"
    std::string path;         // where it was read
    int layer = -1;
};

/// The history rewritten as a Dockerfile (input/image/history.hpp builds it), so that the Dockerfile
/// shell rules read the `created_by` commands: `/bin/sh -c X` -> `RUN X`, `#(nop) CMD ...` -> `CMD ...`,
/// a `|2 A=b C=d` build-argument prefix -> `ARG A=b` lines.
struct HistoryDockerfile {
    Dockerfile dockerfile;           // parsed and analysed; source path is "<image> history"
    std::vector<int> entry_of_line;  // [line] (1-based) -> index into ImageSpec::history, -1 for none
};

/// A built image.
struct ImageSpec {
    std::string name;                    // what the user gave: an archive path or NAME[:TAG]
    std::vector<std::string> repo_tags;  // from the manifest, may be empty
    std::string id;                      // config digest "sha256:..."
    std::string os;                      // "linux"
    std::string architecture;            // "amd64"
    std::string variant;                 // "v8", may be empty
    std::string created;                 // RFC 3339, may be empty
    util::SourcePtr config_source;  // the config JSON text; origins in `config` and `history` point into it
    ImageConfig config;
    std::vector<ImageHistoryEntry> history;
    std::vector<ImageLayer> layers;
    std::vector<ImageFile> files;            // sorted by path, then layer
    std::vector<ImageFileContent> contents;  // sorted by path, then layer
    std::vector<ImageSecret> secrets;        // sorted by path, layer, line
    std::vector<Package> packages;  // installed in the final filesystem, sorted by type, name, version
    OsRelease os_release;
    std::shared_ptr<const HistoryDockerfile> history_dockerfile;  // null until built
};

}  // namespace bulwark::model
