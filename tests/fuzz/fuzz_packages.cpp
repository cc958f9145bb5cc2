// libFuzzer target: the SBOM package parsers on arbitrary bytes. The first byte picks the parser
// (dpkg status, status.d, DEP-5 copyright, apk, rpm header, rpmdb.sqlite, Python metadata, npm
// package.json, Go build info, Java archive); the second, the chunk size the collector is fed
// with, so the streaming paths (Go scanner, capped buffers) see every split.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "bulwark/input/image/packages/collector.hpp"
#include "bulwark/input/image/packages/parsers.hpp"

#include "fuzz_check.hpp"

namespace {

using bulwark::fuzz::check;

namespace pk = bulwark::input::image::packages;

constexpr std::string_view k_paths[] = {
    "/var/lib/dpkg/status",
    "/var/lib/dpkg/status.d/libc6",
    "/usr/share/doc/bash/copyright",
    "/lib/apk/db/installed",
    "/var/lib/rpm/rpmdb.sqlite",
    "/usr/lib/sysimage/rpm/rpmdb.sqlite",
    "/usr/lib/python3/dist-packages/x-1.0.dist-info/METADATA",
    "/app/node_modules/@s/x/package.json",
    "/usr/local/bin/app",
    "/srv/app.war",
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2) {
        return 0;
    }
    unsigned which = data[0] % 10;
    size_t chunk = 1 + data[1] * 37U;
    std::string_view bytes(reinterpret_cast<const char*>(data) + 2, size - 2);
    std::vector<std::string> notes;
    std::string note;
    switch (which) {
        case 0:
            pk::parse_dpkg_status(bytes, false);
            break;
        case 1:
            pk::parse_dpkg_status(bytes, true);
            break;
        case 2:
            pk::parse_dep5_licenses(bytes);
            break;
        case 3:
            pk::parse_apk_installed(bytes);
            break;
        case 4:
            pk::parse_rpm_header(bytes);
            break;
        case 5:
            pk::parse_rpmdb_sqlite(bytes, note);
            break;
        case 6:
            pk::parse_python_metadata(bytes);
            break;
        case 7:
            pk::parse_npm_package_json(bytes);
            break;
        case 8:
            pk::parse_go_buildinfo(bytes, note);
            break;
        case 9:
            pk::parse_java_archive(bytes, "/x.jar", notes);
            break;
        default:
            break;
    }
    // The same bytes through the collector, as the layer walk streams them.
    bulwark::model::ImageSpec image;
    bulwark::model::ImageFile file;
    file.path = std::string(k_paths[which]);
    file.mode = 0755;
    file.size = which == 8 ? (1U << 20) : bytes.size();  // big enough to be scanned as a Go binary
    pk::PackageCollector collector;
    if (collector.wants(file)) {
        for (size_t i = 0; i < bytes.size(); i += chunk) {
            collector.data(bytes.substr(i, chunk));
        }
        collector.end(file, image);
    }
    image.files.push_back(file);
    image.os_release.id = "debian";
    image.os_release.version_id = "12";
    collector.finish(image);
    for (const bulwark::model::Package& p : image.packages) {
        check(!p.purl.empty() && p.purl.rfind("pkg:", 0) == 0);
        check(!p.name.empty());
    }
    return 0;
}
