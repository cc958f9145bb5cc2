// Java archives (jar, war, ear) read from memory with libarchive: Maven pom.properties, else the
// manifest; jars nested one level (WEB-INF/lib, BOOT-INF/lib) are read the same way.

#include <memory>

#include <fmt/format.h>

#include "bulwark/input/image/libraries.hpp"
#include "bulwark/input/image/packages/parsers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::image::packages {

namespace {

constexpr size_t k_max_small = 1024 * 1024;        // pom.properties, MANIFEST.MF
constexpr size_t k_max_nested = 32 * 1024 * 1024;  // one nested jar held in memory
constexpr size_t k_max_entries = 200000;           // entries walked per archive

struct ArchiveDeleter {
    void operator()(archive* a) const { lib::archive().read_free(a); }
};

/// Reads the current entry's data, up to `cap` bytes; false when it is larger or unreadable.
bool read_entry(archive* a, archive_entry* e, size_t cap, std::string& out) {
    if (lib::archive().entry_size_is_set(e) != 0 &&
        lib::archive().entry_size(e) > static_cast<la_int64_t>(cap)) {
        return false;
    }
    out.clear();
    char buf[16384];
    for (;;) {
        la_ssize_t n = lib::archive().read_data(a, buf, sizeof buf);
        if (n < 0) {
            return false;
        }
        if (n == 0) {
            return true;
        }
        if (out.size() + static_cast<size_t>(n) > cap) {
            return false;
        }
        out.append(buf, static_cast<size_t>(n));
    }
}

bool is_archive_name(std::string_view name) {
    std::string lower = util::to_lower(name);
    return util::ends_with(lower, ".jar") || util::ends_with(lower, ".war") || util::ends_with(lower, ".ear");
}

/// `key=value` lines of a .properties file (`#`/`!` comments; `:` also separates).
std::string_view property(std::string_view text, std::string_view key) {
    for (std::string_view line : util::split(text, '\n')) {
        line = util::trim(line);
        if (line.empty() || line.front() == '#' || line.front() == '!') {
            continue;
        }
        size_t sep = line.find_first_of("=:");
        if (sep != std::string_view::npos && util::trim(line.substr(0, sep)) == key) {
            return util::trim(line.substr(sep + 1));
        }
    }
    return {};
}

/// The main section's attribute `key` of a MANIFEST.MF (72-byte lines continued by a leading space).
std::string manifest_attribute(std::string_view text, std::string_view key) {
    std::string joined;
    joined.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r') {
            continue;
        }
        if (text[i] == '\n' && i + 1 < text.size() && text[i + 1] == ' ') {
            ++i;  // continuation: drop the newline and the leading space
            continue;
        }
        joined += text[i];
    }
    for (std::string_view line : util::split(joined, '\n')) {
        if (line.empty()) {
            break;  // end of the main section
        }
        size_t colon = line.find(':');
        if (colon != std::string_view::npos && util::iequals(line.substr(0, colon), key)) {
            return std::string(util::trim(line.substr(colon + 1)));
        }
    }
    return {};
}

/// "lib/commons-io-2.11.0.jar" -> {"commons-io", "2.11.0"} (version empty when there is none).
std::pair<std::string, std::string> name_from_file(std::string_view path) {
    std::string_view base = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
    base = base.substr(0, base.rfind('.'));
    for (size_t i = 0; i + 1 < base.size(); ++i) {
        if (base[i] == '-' && base[i + 1] >= '0' && base[i + 1] <= '9') {
            return {std::string(base.substr(0, i)), std::string(base.substr(i + 1))};
        }
    }
    return {std::string(base), {}};
}

std::optional<model::Package> from_manifest(std::string_view manifest, std::string_view path) {
    std::string name = manifest_attribute(manifest, "Bundle-SymbolicName");
    name = name.substr(0, name.find(';'));
    if (name.empty()) {
        name = manifest_attribute(manifest, "Implementation-Title");
    }
    std::string version = manifest_attribute(manifest, "Bundle-Version");
    if (version.empty()) {
        version = manifest_attribute(manifest, "Implementation-Version");
    }
    auto [file_name, file_version] = name_from_file(path);
    if (name.empty() || name.find(' ') != std::string::npos) {
        name = file_name;  // titles such as "Apache Commons IO" are not artifact ids
    }
    if (version.empty()) {
        version = file_version;
    }
    if (name.empty()) {
        return std::nullopt;
    }
    model::Package p;
    p.type = "maven";
    p.namespace_ = manifest_attribute(manifest, "Implementation-Vendor-Id");
    p.name = std::move(name);
    p.version = std::move(version);
    std::string license = manifest_attribute(manifest, "Bundle-License");
    if (!license.empty() && license.size() < 200) {
        p.licenses.push_back(std::move(license));
    }
    return p;
}

}  // namespace

std::vector<model::Package> parse_java_archive(std::string_view bytes, std::string_view path,
                                               std::vector<std::string>& notes, int depth) {
    std::vector<model::Package> out;
    std::unique_ptr<archive, ArchiveDeleter> a(lib::archive().read_new());
    if (!a || lib::archive().read_support_format_zip(a.get()) != ARCHIVE_OK ||
        lib::archive().read_open_memory(a.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
        notes.push_back(fmt::format("{}: not a readable zip archive", path));
        return out;
    }
    std::string manifest;
    std::string data;
    archive_entry* e = nullptr;
    size_t entries = 0;
    size_t own = 0;  // packages from this archive's own pom.properties (not nested ones)
    int rc = ARCHIVE_OK;
    while ((rc = lib::archive().read_next_header(a.get(), &e)) == ARCHIVE_OK || rc == ARCHIVE_WARN) {
        if (++entries > k_max_entries || out.size() >= k_max_packages) {
            notes.push_back(fmt::format("{}: stopped after {} entries and {} packages: the rest not read",
                                        path, entries - 1, out.size()));
            break;
        }
        const char* raw = lib::archive().entry_pathname(e);
        std::string_view name = raw != nullptr ? raw : "";
        if (util::starts_with(name, "META-INF/maven/") && util::ends_with(name, "/pom.properties") &&
            util::split(name, '/').size() == 5) {
            if (!read_entry(a.get(), e, k_max_small, data)) {
                notes.push_back(
                    fmt::format("{}!/{}: not read: over {} MB or unreadable", path, name, k_max_small >> 20));
            } else {
                std::string_view group = property(data, "groupId");
                std::string_view artifact = property(data, "artifactId");
                std::string_view version = property(data, "version");
                if (!artifact.empty() && !version.empty()) {
                    model::Package p;
                    p.type = "maven";
                    p.namespace_ = std::string(group);
                    p.name = std::string(artifact);
                    p.version = std::string(version);
                    p.source_path = std::string(path);
                    out.push_back(std::move(p));
                    ++own;
                }
            }
        } else if (name == "META-INF/MANIFEST.MF") {
            if (!read_entry(a.get(), e, k_max_small, manifest)) {
                manifest.clear();
                notes.push_back(
                    fmt::format("{}!/{}: not read: over {} MB or unreadable", path, name, k_max_small >> 20));
            }
        } else if (is_archive_name(name) && depth == 0) {
            std::string nested_path = fmt::format("{}!/{}", path, name);
            if (read_entry(a.get(), e, k_max_nested, data)) {
                for (model::Package& p : parse_java_archive(data, nested_path, notes, depth + 1)) {
                    out.push_back(std::move(p));
                }
            } else {
                notes.push_back(
                    fmt::format("{}: skipped, over the {} MB cap for nested archives or unreadable",
                                nested_path, k_max_nested >> 20));
            }
        }
    }
    if (rc == ARCHIVE_FATAL) {
        notes.push_back(fmt::format(
            "{}: zip archive is corrupt: {}", path,
            lib::archive().error_string(a.get()) != nullptr ? lib::archive().error_string(a.get()) : "?"));
    }
    if (own == 0 && !manifest.empty()) {
        if (auto p = from_manifest(manifest, path)) {
            p->source_path = std::string(path);
            out.push_back(std::move(*p));
        }
    }
    return out;
}

}  // namespace bulwark::input::image::packages
