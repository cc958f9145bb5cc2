// Which files of a layer hold package metadata, how much of each is kept, and the final SBOM.
#include "bulwark/input/image/packages/collector.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "bulwark/util/strings.hpp"

namespace bulwark::input::image::packages {

namespace {

enum class Kind { dpkg_status, dpkg_status_d, dpkg_copyright, apk, rpm_sqlite, python, npm, java, go };

constexpr size_t k_max_database = 64U << 20;      // dpkg status, apk installed, rpmdb.sqlite
constexpr size_t k_max_archive = 64U << 20;       // one jar/war/ear
constexpr size_t k_max_metadata = 1U << 20;       // METADATA, PKG-INFO, package.json, status.d files
constexpr size_t k_max_copyright = 256U << 10;    // the DEP-5 header and Files paragraphs come first
constexpr uint64_t k_min_go_binary = 256U << 10;  // the smallest Go executables are over 1 MB

constexpr std::string_view k_doc_prefix = "/usr/share/doc/";

std::string_view base_name(std::string_view path) {
    size_t slash = path.rfind('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool is_rpm_sqlite(std::string_view p) {
    return p == "/var/lib/rpm/rpmdb.sqlite" || p == "/usr/lib/sysimage/rpm/rpmdb.sqlite";
}

bool is_rpm_legacy(std::string_view p) {
    return p == "/var/lib/rpm/Packages" || p == "/var/lib/rpm/Packages.db" ||
           p == "/usr/lib/sysimage/rpm/Packages" || p == "/usr/lib/sysimage/rpm/Packages.db";
}

/// Called for every file of every layer: no allocation.
bool is_java(std::string_view p) {
    if (p.size() < 5 || p[p.size() - 4] != '.') {
        return false;
    }
    std::string_view ext = p.substr(p.size() - 3);
    return util::iequals(ext, "jar") || util::iequals(ext, "war") || util::iequals(ext, "ear");
}

/// "/usr/share/doc/libc6/copyright" -> "libc6"; "" for other paths.
std::string_view copyright_package(std::string_view p) {
    constexpr std::string_view k_file = "/copyright";
    if (p.size() <= k_doc_prefix.size() + k_file.size() || !util::starts_with(p, k_doc_prefix) ||
        !util::ends_with(p, k_file)) {
        return {};
    }
    std::string_view pkg = p.substr(k_doc_prefix.size(), p.size() - k_doc_prefix.size() - k_file.size());
    return pkg.find('/') == std::string_view::npos ? pkg : std::string_view{};
}

std::optional<std::pair<Kind, size_t>> classify(const model::ImageFile& f) {
    std::string_view p = f.path;
    if (p == "/var/lib/dpkg/status") {
        return std::pair{Kind::dpkg_status, k_max_database};
    }
    if (util::starts_with(p, "/var/lib/dpkg/status.d/") && base_name(p) == p.substr(23) &&
        !util::ends_with(p, ".md5sums")) {
        return std::pair{Kind::dpkg_status_d, k_max_metadata};
    }
    if (!copyright_package(p).empty()) {
        return std::pair{Kind::dpkg_copyright, k_max_copyright};
    }
    if (p == "/lib/apk/db/installed") {
        return std::pair{Kind::apk, k_max_database};
    }
    if (is_rpm_sqlite(p)) {
        return std::pair{Kind::rpm_sqlite, k_max_database};
    }
    if (util::ends_with(p, ".dist-info/METADATA") || util::ends_with(p, ".egg-info/PKG-INFO") ||
        util::ends_with(p, ".egg-info")) {
        return std::pair{Kind::python, k_max_metadata};
    }
    if (is_npm_manifest_path(p)) {
        return std::pair{Kind::npm, k_max_metadata};
    }
    if (is_java(p)) {
        return std::pair{Kind::java, k_max_archive};
    }
    if ((f.mode & 0111U) != 0 && f.size >= k_min_go_binary) {
        return std::pair{Kind::go, size_t{0}};
    }
    return std::nullopt;
}

}  // namespace

struct PackageCollector::Pending {
    Kind kind = Kind::dpkg_status;
    size_t cap = 0;
    bool over = false;  // more bytes came than `cap`
    std::string bytes;
    GoBuildInfoScanner go;
};

PackageCollector::PackageCollector() = default;
PackageCollector::~PackageCollector() = default;

bool PackageCollector::wants(const model::ImageFile& file) {
    m_pending.reset();
    if (file.type != model::ImageFileType::regular) {
        return false;
    }
    if (is_rpm_legacy(file.path)) {
        m_notes.push_back(
            fmt::format("{} (layer {}): rpm database in BerkeleyDB or NDB format is not supported; "
                        "its packages are not in the SBOM",
                        file.path, file.layer));
        return false;
    }
    auto kind = classify(file);
    if (!kind) {
        return false;
    }
    // Archives and databases are read whole; one over its cap is skipped, and said so.
    if ((kind->first == Kind::java || kind->first == Kind::rpm_sqlite) && file.size > kind->second) {
        m_notes.push_back(fmt::format("{} (layer {}): skipped, {} MB is over the {} MB cap", file.path,
                                      file.layer, file.size >> 20, kind->second >> 20));
        return false;
    }
    m_pending = std::make_unique<Pending>();
    m_pending->kind = kind->first;
    m_pending->cap = kind->second;
    if (kind->first != Kind::go) {
        m_pending->bytes.reserve(static_cast<size_t>(std::min<uint64_t>(file.size, kind->second)));
    }
    return true;
}

void PackageCollector::data(std::string_view chunk) {
    if (!m_pending) {
        return;
    }
    Pending& p = *m_pending;
    if (p.kind == Kind::go) {
        p.go.feed(chunk);
        return;
    }
    size_t room = p.cap - std::min(p.cap, p.bytes.size());
    if (chunk.size() > room) {
        p.over = true;
        chunk = chunk.substr(0, room);
    }
    p.bytes.append(chunk);
}

void PackageCollector::end(const model::ImageFile& file, model::ImageSpec& image) {
    (void)image;  // packages are written in finish, once removed files are known
    if (!m_pending) {
        return;
    }
    std::unique_ptr<Pending> pending = std::move(m_pending);
    Pending& p = *pending;
    std::vector<model::Package> found;
    auto truncated_note = [&] {
        if (p.over) {
            m_notes.push_back(fmt::format("{} (layer {}): only the first {} MB were read", file.path,
                                          file.layer, p.cap >> 20));
        }
    };
    switch (p.kind) {
        case Kind::dpkg_status:
            truncated_note();
            found = parse_dpkg_status(p.bytes, false);
            break;
        case Kind::dpkg_status_d:
            truncated_note();
            found = parse_dpkg_status(p.bytes, true);
            break;
        case Kind::dpkg_copyright:
            if (auto licenses = parse_dep5_licenses(p.bytes); !licenses.empty()) {
                m_copyrights.push_back(
                    {std::string(copyright_package(file.path)), file.path, file.layer, std::move(licenses)});
            }
            return;
        case Kind::apk:
            truncated_note();
            found = parse_apk_installed(p.bytes);
            break;
        case Kind::rpm_sqlite: {
            std::string error;
            found = parse_rpmdb_sqlite(p.bytes, error);
            if (!error.empty()) {
                m_notes.push_back(
                    fmt::format("{} (layer {}): rpm database not read: {}", file.path, file.layer, error));
            }
            break;
        }
        case Kind::python:
        case Kind::npm: {
            truncated_note();
            std::optional<model::Package> pkg =
                p.kind == Kind::python ? parse_python_metadata(p.bytes) : parse_npm_package_json(p.bytes);
            if (pkg) {
                found.push_back(std::move(*pkg));
            } else if (!p.over) {  // a cut file fails to parse: its note said why
                m_notes.push_back(fmt::format("{} (layer {}): not listed: no package name and version in it",
                                              file.path, file.layer));
            }
            break;
        }
        case Kind::java:
            found = parse_java_archive(p.bytes, file.path, m_notes);
            break;
        case Kind::go:
            for (const std::string& candidate : p.go.candidates()) {
                std::string note;
                found = parse_go_buildinfo(candidate, note);
                if (!note.empty()) {
                    m_notes.push_back(fmt::format("{} (layer {}): {}", file.path, file.layer, note));
                }
                if (!found.empty() || !note.empty()) {
                    break;
                }
            }
            break;
    }
    for (model::Package& pkg : found) {
        if (pkg.source_path.empty()) {
            pkg.source_path = file.path;
        }
        pkg.layer = file.layer;
        if (!add({std::move(pkg), file.path, file.layer})) {
            break;
        }
    }
}

bool PackageCollector::add(Found found) {
    if (m_found.size() >= k_max_packages) {
        if (!m_capped) {  // said once, not once for every later file
            m_capped = true;
            m_notes.push_back(fmt::format("more than {} packages: the rest are not listed", k_max_packages));
        }
        return false;
    }
    m_found.push_back(std::move(found));
    return true;
}

bool PackageCollector::wants_link(const model::ImageFile& link, const model::ImageFile& target,
                                  model::ImageSpec& image) {
    (void)image;
    std::optional<std::pair<Kind, size_t>> kind = classify(link);
    if (!kind) {
        return false;
    }
    std::optional<std::pair<Kind, size_t>> was = classify(target);
    if (!was || was->first != kind->first) {
        return true;  // not read, or read as another kind of file: read the bytes again as the link's
    }
    // The same kind of file: the same packages and licenses, at the link's path too.
    std::vector<Found> copies;
    for (const Found& f : m_found) {
        if (f.file == target.path && f.layer == target.layer) {
            Found c = f;
            c.file = link.path;
            c.layer = link.layer;
            c.package.layer = link.layer;
            if (util::starts_with(c.package.source_path, target.path)) {
                c.package.source_path = link.path + c.package.source_path.substr(target.path.size());
            }
            copies.push_back(std::move(c));
        }
    }
    for (Found& c : copies) {
        if (!add(std::move(c))) {
            break;
        }
    }
    std::vector<Copyright> licenses;
    for (const Copyright& c : m_copyrights) {
        if (c.file == target.path && c.layer == target.layer) {
            licenses.push_back(
                {std::string(copyright_package(link.path)), link.path, link.layer, c.licenses});
        }
    }
    m_copyrights.insert(m_copyrights.end(), licenses.begin(), licenses.end());
    return false;
}

void PackageCollector::finish(model::ImageSpec& image) {
    m_pending.reset();
    std::set<std::pair<int, std::string_view>> removed;
    for (const model::ImageFile& f : image.files) {
        if (f.removed) {
            removed.emplace(f.layer, f.path);
        }
    }
    auto live = [&](int layer, const std::string& path) { return removed.count({layer, path}) == 0; };
    std::vector<model::Package> out;
    out.reserve(m_found.size());
    for (Found& f : m_found) {
        if (live(f.layer, f.file)) {
            out.push_back(std::move(f.package));
        }
    }
    m_found.clear();
    // dpkg licenses from the copyright file that is in the final filesystem.
    for (model::Package& p : out) {
        if (p.type != "deb" || !p.licenses.empty()) {
            continue;
        }
        for (const Copyright& c : m_copyrights) {
            if (c.package == p.name && live(c.layer, c.file)) {
                p.licenses = c.licenses;
            }
        }
    }
    for (model::Package& p : out) {
        assign_purl(p, image.os_release);
    }
    std::sort(out.begin(), out.end(), [](const model::Package& a, const model::Package& b) {
        return std::tie(a.type, a.name, a.version, a.purl, a.source_path, a.layer) <
               std::tie(b.type, b.name, b.version, b.purl, b.source_path, b.layer);
    });
    // One component per purl (it is the SBOM's reference); the first source path is kept.
    std::set<std::string> seen;
    std::vector<model::Package> unique;
    unique.reserve(out.size());
    for (model::Package& p : out) {
        if (seen.insert(p.purl).second) {
            unique.push_back(std::move(p));
        }
    }
    image.packages = std::move(unique);
}

}  // namespace bulwark::input::image::packages
