#pragma once
// Parsers of package metadata found in image layers, one per ecosystem. Each takes the bytes of
// one file and returns packages without purl (the collector fills purls once os-release is
// known); malformed input gives fewer packages, never a crash. All are bounded by the caps below.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/image.hpp"

namespace bulwark::input::image::packages {

/// At most this many packages per image (and per database file).
inline constexpr size_t k_max_packages = 200000;

/// dpkg: `/var/lib/dpkg/status` (only paragraphs with `Status: install ok installed`) or one file
/// of distroless `/var/lib/dpkg/status.d/` (`all_installed`: paragraphs there have no Status).
std::vector<model::Package> parse_dpkg_status(std::string_view text, bool all_installed);
/// The `License:` short names of a machine-readable (DEP-5) `/usr/share/doc/PKG/copyright`, in
/// order of first use; empty when the file is not DEP-5.
std::vector<std::string> parse_dep5_licenses(std::string_view text);

/// apk: `/lib/apk/db/installed` (P:, V:, A:, L:, o: lines; blank line between packages).
std::vector<model::Package> parse_apk_installed(std::string_view text);

/// rpm: one header blob as stored in rpmdb (index count, data length, index entries, data store;
/// all big-endian). nullopt when the blob is malformed or has no name.
std::optional<model::Package> parse_rpm_header(std::string_view blob);
/// rpm: the bytes of an `rpmdb.sqlite` (table Packages(hnum, blob)), opened read-only in memory.
/// `error` is set (and the result empty) when the bytes are not a readable rpm sqlite database.
std::vector<model::Package> parse_rpmdb_sqlite(std::string_view bytes, std::string& error);

/// Python: core metadata (`METADATA`, `PKG-INFO`, an `*.egg-info` file). nullopt without Name or
/// Version.
std::optional<model::Package> parse_python_metadata(std::string_view text);
/// PEP 503 normalised project name ("Foo_Bar.baz" -> "foo-bar-baz").
std::string normalize_python_name(std::string_view name);

/// Node: one `package.json`. nullopt without a string name and version.
std::optional<model::Package> parse_npm_package_json(std::string_view text);
/// True for `.../node_modules/NAME/package.json` and `.../node_modules/@SCOPE/NAME/package.json`.
bool is_npm_manifest_path(std::string_view path);

/// Go build info (Go >= 1.18, strings inline): `bytes` start at the `\xff Go buildinf:` magic. The
/// main module (type golang, arch empty) comes first, then each dependency (after `=>`
/// replacements). `note` is set when the build info is present but not readable (older Go).
std::vector<model::Package> parse_go_buildinfo(std::string_view bytes, std::string& note);

/// Finds Go build info in a stream of bytes without keeping the binary: the file must start with
/// the ELF magic; each occurrence of the build-info magic (the first few; a binary may also carry
/// the magic as a string constant) keeps at most `k_window` bytes from the magic on.
class GoBuildInfoScanner {
  public:
    static constexpr size_t k_window = 512 * 1024;
    static constexpr size_t k_max_candidates = 8;
    void feed(std::string_view chunk);
    /// Byte runs starting at each build-info magic found, in file order.
    const std::vector<std::string>& candidates() const { return m_candidates; }

  private:
    std::string m_head;  // first bytes, to check the ELF magic
    std::string m_tail;  // last bytes seen (a magic split across chunks)
    std::vector<std::string> m_candidates;
    bool m_not_elf = false;
};

/// Java: a jar/war/ear held in memory. pom.properties entries (groupId, artifactId, version) each
/// give a package; without any, MANIFEST.MF does. Jars nested one level (WEB-INF/lib, BOOT-INF/lib)
/// are read too; `notes` says what was skipped.
std::vector<model::Package> parse_java_archive(std::string_view bytes, std::string_view path,
                                               std::vector<std::string>& notes, int depth = 0);

/// Percent-encodes one purl component (RFC 3986 unreserved characters stay; `keep_slash` for namespaces).
std::string purl_encode(std::string_view s, bool keep_slash = false, bool keep_colon = false);
/// Fills `package.namespace_` (os id for deb/apk/rpm) and `package.purl`.
void assign_purl(model::Package& package, const model::OsRelease& os);

}  // namespace bulwark::input::image::packages
