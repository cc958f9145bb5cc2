// Filesystem rules over the files of every layer: setuid/setgid programs, world-writable paths,
// credential files by name, secrets found in file contents, caches and build junk (BD300-BD303,
// BD306).
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "bulwark/data/image_files.hpp"
#include "bulwark/rules/image/common.hpp"
#include "bulwark/rules/image/families.hpp"
#include "bulwark/rules/secrets/files.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::image {

namespace {

using core::Severity;
using model::ImageFile;
using model::ImageFileType;

/// At most this many findings per rule and image for file-by-file rules; the rest are counted.
constexpr size_t k_max_listed = 50;

/// Reports up to k_max_listed findings, then one summary.
class Capped {
  public:
    explicit Capped(Reporter& out) : m_out(out) {}
    bool room() { return ++m_seen <= k_max_listed; }
    void finish(const model::ImageSpec& image, std::string_view what) {
        if (m_seen > k_max_listed) {
            m_out.report_at(file_location(image, "/"), m_out.rule().severity,
                            fmt::format("{} more {} not listed", m_seen - k_max_listed, what), {}, {});
        }
    }

  private:
    Reporter& m_out;
    size_t m_seen = 0;
};

void check_setuid(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    Capped cap(out);
    for (const ImageFile& f : img.files) {
        if (f.removed || f.type != ImageFileType::regular || (f.mode & 06000) == 0 ||
            data::is_usual_setuid(f.path)) {
            continue;
        }
        if (!cap.room()) {
            continue;
        }
        bool suid = (f.mode & 04000) != 0;
        std::string bits = suid && (f.mode & 02000) != 0 ? "setuid and setgid" : suid ? "setuid" : "setgid";
        std::string owner = suid ? fmt::format("uid {}", f.uid) : fmt::format("gid {}", f.gid);
        bool root = suid ? f.uid == 0 : f.gid == 0;
        out.report_at(
            file_location(img, f.path), suid && f.uid == 0 ? Severity::high : Severity::medium,
            fmt::format("{} is {} ({}{}), added by {}: any user in the container runs it with {}'s rights",
                        f.path, bits, owner, root ? ", root" : "", layer_description(img, f.layer), owner),
            fmt::format("in the Dockerfile, after the step that installs it: RUN chmod u-s,g-s {}", f.path),
            file_evidence(f));
    }
    cap.finish(img, "setuid/setgid files");
}

void check_world_writable(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    Capped cap(out);
    for (const ImageFile& f : img.files) {
        if (f.removed || (f.mode & 0002) == 0) {
            continue;
        }
        bool dir = f.type == ImageFileType::directory;
        if ((!dir && f.type != ImageFileType::regular) || (dir && (f.mode & 01000) != 0)) {
            continue;  // symlinks are always 0777; devices and sockets are the runtime's
        }
        if (!cap.room()) {
            continue;
        }
        std::string message =
            dir ? fmt::format(
                      "directory {} is world-writable without the sticky bit, set by {}: any user can "
                      "delete or replace the files of other users in it",
                      f.path, layer_description(img, f.layer))
                : fmt::format(
                      "file {} is world-writable, set by {}: any user or process in the container can "
                      "change it",
                      f.path, layer_description(img, f.layer));
        out.report_at(
            file_location(img, f.path), out.rule().severity, message,
            dir ? fmt::format("RUN chmod 1777 {} (or 0755 owned by the user that writes it)", f.path)
                : fmt::format("RUN chmod o-w {}", f.path),
            file_evidence(f));
    }
    cap.finish(img, "world-writable paths");
}

/// Certificate trust stores: their .pem/.crt files are public CA certificates whatever their names
/// ("Izenpe.com.pem").
bool in_trust_store(std::string_view path) {
    for (std::string_view dir : {"/etc/ssl/certs/", "/etc/pki/ca-trust/", "/etc/pki/tls/certs/",
                                 "/etc/ca-certificates/", "/usr/local/share/ca-certificates/"}) {
        if (util::starts_with(path, dir)) {
            return true;
        }
    }
    return false;
}

const model::ImageFileContent* content_of(const model::ImageSpec& img, const ImageFile& f) {
    for (const model::ImageFileContent& c : img.contents) {
        if (c.path == f.path && c.layer == f.layer) {
            return &c;
        }
    }
    return nullptr;
}

/// For credential files that often hold none (.docker/config.json with only credHelpers, an
/// .npmrc with only a registry): false when the content shows no credential.
bool holds_credentials(std::string_view id, const model::ImageFileContent* c) {
    if (c == nullptr) {
        return true;  // not read: assume the worst
    }
    std::string_view d = c->data;
    if (id == "docker-config") {
        return d.find("\"auths\"") != std::string_view::npos &&
               (d.find("\"auth\"") != std::string_view::npos ||
                d.find("\"identitytoken\"") != std::string_view::npos ||
                d.find("\"password\"") != std::string_view::npos);
    }
    if (id == "npmrc") {
        return d.find("_authToken") != std::string_view::npos || d.find("_auth") != std::string_view::npos ||
               d.find("_password") != std::string_view::npos;
    }
    if (id == "pypirc") {
        return d.find("password") != std::string_view::npos;
    }
    return true;
}

void check_secret_files(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    Capped cap(out);
    for (const ImageFile& f : img.files) {
        // A hard link is the same file under another name (its content is the target's).
        if ((f.type != ImageFileType::regular && f.type != ImageFileType::hardlink) ||
            data::in_vendored_tree(f.path, true) || in_trust_store(f.path)) {
            continue;
        }
        std::optional<secrets::SecretFileKind> kind = secrets::secret_file_kind(f.path);
        if (!kind || !holds_credentials(kind->id, content_of(img, f)) || !cap.room()) {
            continue;
        }
        bool readable = (f.mode & 0044) != 0;
        std::string message = fmt::format(
            "{} ({}) is in the image, added by {}{}{}", f.path, kind->what, layer_description(img, f.layer),
            readable && !f.removed
                ? fmt::format("; its mode {:04o} lets other users in the container read it", f.mode & 07777)
                : "",
            f.removed ? removed_note(img, true, f.layer) : "; anyone who can pull the image can extract it");
        out.report_at(
            file_location(img, f.path), readable || f.removed ? Severity::critical : Severity::high, message,
            fmt::format("revoke the credential, keep the file out of the build context (.dockerignore) and "
                        "use RUN --mount=type=secret,id={} for build steps that need it",
                        kind->id),
            file_evidence(f));
    }
    cap.finish(img, "credential files");
}

void check_content_secrets(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    Capped cap(out);
    for (const model::ImageSecret& s : img.secrets) {
        if (!cap.room()) {
            continue;
        }
        std::string what =
            s.key.empty() ? fmt::format("`{}`", s.preview) : fmt::format("{}=`{}`", s.key, s.preview);
        std::string where = s.line > 0 ? fmt::format("{}:{}", s.path, s.line) : s.path;
        out.report_at(
            file_location(img, s.path, s.line, s.line > 0 ? s.column : 0), s.severity,
            fmt::format("{} {} in {}, added by {}{}", s.pattern_name, what, where,
                        layer_description(img, s.layer),
                        s.removed ? removed_note(img, true, s.layer) : std::string("; revoke it")),
            "revoke the credential, remove the file from the build (.dockerignore), and pass secrets with "
            "RUN --mount=type=secret or at run time",
            fmt::format("{}: {}", where, what));
    }
    cap.finish(img, "secrets");
}

struct JunkGroup {
    data::JunkKind kind;
    std::string root;
    size_t files = 0;
    uint64_t bytes = 0;
    int layer = -1;
};

void check_junk(const ImageContext& ctx, Reporter& out) {
    const model::ImageSpec& img = ctx.image;
    std::map<std::string, JunkGroup> groups;  // by root
    for (const ImageFile& f : img.files) {
        if (f.removed) {
            continue;
        }
        std::optional<data::JunkMatch> m = data::junk_kind(f.path, f.type == ImageFileType::directory);
        if (!m) {
            continue;
        }
        JunkGroup& g = groups[std::string(m->root)];
        g.kind = m->kind;
        g.root = std::string(m->root);
        g.files += f.type == ImageFileType::directory ? 0 : 1;
        g.bytes += f.size;
        g.layer = std::max(g.layer, f.layer);
    }
    for (const auto& [root, g] : groups) {
        bool single = g.files <= 1 && (g.kind.id == "ds-store" || g.kind.id == "dockerfile");
        std::string amount = single ? std::string()
                                    : fmt::format(" ({} file{}, {} KiB)", g.files, g.files == 1 ? "" : "s",
                                                  (g.bytes + 1023) / 1024);
        out.report_at(file_location(img, root), out.rule().severity,
                      fmt::format("{} {} is left in the image{}, last written by {}", g.kind.what, root,
                                  amount, layer_description(img, g.layer)),
                      std::string(g.kind.fix), root);
    }
}

const Rule k_rules[] = {
    {
        .id = "BD300",
        .title = "Unusual setuid or setgid file in the image",
        .severity = Severity::medium,
        .category = category::filesystem,
        .tags = "image,setuid,setgid,privilege,cis",
        .rationale =
            "A setuid (or setgid) executable runs with its owner's (group's) rights whoever starts it: a "
            "setuid-root program is a way from any user in the container to root, through its bugs or its "
            "features (a shell escape, a file it writes). Distributions ship a few on purpose (su, passwd, "
            "mount, ping, unix_chkpwd, sudo ...), which are not reported; any other setuid or setgid file, "
            "typically left by an installer, a `chmod u+s` or a copied binary, is. The files of the final "
            "filesystem are judged; each is listed with the layer and instruction that wrote it.",
        .remediation =
            "Remove the special bits where the image does not need them: `RUN find / -xdev -perm "
            "/6000 -type f "
            "-exec chmod a-s {} +` at the end of the Dockerfile (or `chmod u-s,g-s` on the files "
            "listed), and "
            "run as a non-root user with `--security-opt no-new-privileges`."
            "\n\nBefore:\n\n```dockerfile\nFROM debian:12-slim\nCOPY tool /usr/local/bin/tool\nRUN chmod "
            "4755 /usr/local/bin/tool\n```\n\nAfter:\n\n```dockerfile\nFROM debian:12-slim\nCOPY tool "
            "/usr/local/bin/tool\nRUN chmod 0755 /usr/local/bin/tool\n```",
        .bad_example = R"json({
  "layers": [[
    {"path": "usr/local/bin/tool", "mode": "4755", "content": "ELF"}
  ]]
})json",
        .good_example = R"json({
  "layers": [[
    {"path": "usr/local/bin/tool", "mode": "0755", "content": "ELF"},
    {"path": "usr/bin/passwd", "mode": "4755", "content": "ELF"}
  ]]
})json",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.8",
        .example_kind = "image",
        .check_image = check_setuid,
        .dockle = "CIS-DI-0008",
    },
    {
        .id = "BD301",
        .title = "World-writable file or directory without the sticky bit in the image",
        .severity = Severity::medium,
        .category = category::filesystem,
        .tags = "image,permissions,world-writable",
        .rationale =
            "A world-writable file can be changed by any user or process in the container: a script, a "
            "configuration or a library that another (more privileged) process later reads becomes a way to "
            "run code as that process. A world-writable directory without the sticky bit lets any user "
            "delete "
            "or rename the files of others in it (what /tmp's mode 1777 prevents). Such modes usually come "
            "from a `chmod -R 777` to work around a permission error. Symlinks, devices and sticky "
            "directories are not reported.",
        .remediation =
            "Give the files to the user that writes them instead: `COPY --chown=10001:10001 ...` or `RUN "
            "chown -R 10001 /app/data && chmod -R u+rwX,go-w /app/data`; shared scratch directories get "
            "mode 1777."
            "\n\nBefore:\n\n```dockerfile\nFROM debian:12-slim\nCOPY app /app\nRUN chmod -R 777 "
            "/app\n```\n\nAfter:\n\n```dockerfile\nFROM debian:12-slim\nCOPY --chown=10001:10001 app "
            "/app\nUSER 10001\n```",
        .bad_example = R"json({
  "layers": [[
    {"path": "app", "type": "dir", "mode": "0777"}
  ]]
})json",
        .good_example = R"json({
  "layers": [[
    {"path": "tmp", "type": "dir", "mode": "1777"},
    {"path": "app", "type": "dir", "mode": "0755", "uid": 10001}
  ]]
})json",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "image",
        .check_image = check_world_writable,
    },
    {
        .id = "BD302",
        .title = "Credential file in the image",
        .severity = Severity::high,
        .category = category::secrets,
        .tags = "image,secrets,credentials,cis",
        .rationale =
            "Private keys, `.env` files, `.aws/credentials`, `.docker/config.json` with registry auths, "
            "`.npmrc`/`.pypirc` with tokens, `.git-credentials`, kubeconfigs, `.netrc` and key stores found "
            "in any layer are published with the image: every layer can be extracted by whoever can pull "
            "it, even when a later layer deletes the file. Severity is critical when the file is readable by "
            "other users in the container or was deleted by a later layer (a sign it was meant to stay "
            "secret), high otherwise. Public material (id_rsa.pub, CA bundles, repository signing keys) and "
            "files in vendored trees and test directories are not reported.",
        .remediation =
            "Revoke the credential. Keep it out of the build context with .dockerignore and give build steps "
            "access through `RUN --mount=type=secret` (or `--mount=type=ssh`); runtime credentials come from "
            "the orchestrator's secrets."
            "\n\nBefore:\n\n```dockerfile\nFROM node:22-slim\nCOPY .npmrc /root/.npmrc\nRUN npm ci && rm "
            "/root/.npmrc\n```\n\nAfter:\n\n```dockerfile\nFROM node:22-slim\nRUN "
            "--mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n```",
        .bad_example = R"json({
  "layers": [[
    {"path": "root/.npmrc", "mode": "0600", "content": "//registry.npmjs.org/:_authToken=npm_84iqh4gVJjrsMnTvnRO2qGFq562dfOB1rcav\n"}
  ], [
    {"whiteout": "root/.npmrc"}
  ]]
})json",
        .good_example = R"json({
  "layers": [[
    {"path": "app/package.json", "content": "{}\n"}
  ], [
    {"path": "app/node_modules/.package-lock.json", "content": "{}\n"}
  ]]
})json",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.10",
        .example_kind = "image",
        .check_image = check_secret_files,
        .dockle = "CIS-DI-0010",
    },
    {
        .id = "BD303",
        .title = "Secret in a file of the image",
        .severity = Severity::high,
        .category = category::secrets,
        .tags = "image,secrets,credentials,cis",
        .rationale =
            "The content of every file of every layer is scanned with the shared secret patterns (private "
            "key "
            "blocks, cloud keys, Git hosting and chat tokens, JWTs, password assignments). A match is a "
            "credential published to everyone who can pull the image; a file deleted by a later layer still "
            "ships in the layer that added it, so it is reported too, with the layer and the instruction "
            "that "
            "put it there.",
        .remediation =
            "Revoke the credential, remove the file from the build (.dockerignore, or a multi-stage build "
            "that copies only the artefacts), and provide secrets with `RUN --mount=type=secret` or at run "
            "time."
            "\n\nBefore:\n\n```dockerfile\nFROM python:3.12-slim\nCOPY settings.py /app/\n# settings.py: "
            "AWS_SECRET_ACCESS_KEY = \"...\"\n```\n\nAfter:\n\n```dockerfile\nFROM python:3.12-slim\nCOPY "
            "settings.py /app/\n# settings.py reads os.environ[\"AWS_SECRET_ACCESS_KEY\"]\n```",
        .bad_example = R"json({
  "layers": [[
    {"path": "app/settings.py", "content": "AWS_ACCESS_KEY_ID = \"AKIAHBRPOIG8F1CBFNO6\"\nAWS_SECRET_ACCESS_KEY = \"dz1C5Jau2RJtBRnlWmTSHf6pWkLUyifDLkDmWJ6U\"\n"}
  ]]
})json",
        .good_example = R"json({
  "layers": [[
    {"path": "app/settings.py", "content": "import os\nREGION = \"eu-west-1\"\ncreds = os.getenv(\"AWS_SECRET_ACCESS_KEY\")\n"}
  ]]
})json",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "4.10",
        .example_kind = "image",
        .check_image = check_content_secrets,
        .dockle = "CIS-DI-0010",
    },
    {
        .id = "BD306",
        .title = "Package-manager cache or build junk left in the image",
        .severity = Severity::low,
        .category = category::best_practice,
        .tags = "image,size,cache,junk",
        .rationale =
            "Package caches (`/var/cache/apt/archives/*.deb`, `/var/lib/apt/lists`, apk, yum/dnf, pip, npm, "
            "yarn, Go build caches) and build leftovers (`.git` directories, `.DS_Store`, Dockerfiles and "
            "compose files) make the image larger and slower to pull and scan, and leak information: a "
            "`.git` "
            "directory holds the whole history of the source, including files deleted from it. Each cache is "
            "reported once with its file count and size.",
        .remediation =
            "Clean caches in the same RUN that fills them (`apt-get install ... && rm -rf "
            "/var/lib/apt/lists/*`, `apk add --no-cache`, `pip install --no-cache-dir`) or use `RUN "
            "--mount=type=cache`; list `.git`, `**/.DS_Store` and `Dockerfile*` in .dockerignore."
            "\n\nBefore:\n\n```dockerfile\nFROM debian:12-slim\nRUN apt-get update && apt-get install -y "
            "--no-install-recommends curl\n```\n\nAfter:\n\n```dockerfile\nFROM debian:12-slim\nRUN apt-get "
            "update && apt-get install -y --no-install-recommends curl \\\n && rm -rf "
            "/var/lib/apt/lists/*\n```",
        .bad_example = R"json({
  "layers": [[
    {"path": "var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease", "content": "x\n"}
  ]]
})json",
        .good_example = R"json({
  "layers": [[
    {"path": "var/lib/apt/lists/lock", "content": ""},
    {"path": "usr/bin/curl", "mode": "0755", "content": "ELF"}
  ]]
})json",
        .hadolint = "",
        .trivy = "",
        .checkov = "",
        .cis = "",
        .example_kind = "image",
        .check_image = check_junk,
        .dockle = "DKL-DI-0005,DKL-LI-0003",
    },
};

}  // namespace

std::span<const Rule> file_rules() {
    return k_rules;
}

}  // namespace bulwark::rules::image
