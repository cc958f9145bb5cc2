// The SBOM end to end in process: a real docker-save archive (tests/unit/support/image_builder)
// with package metadata in several layers goes through engine::scan_image (the layer walk feeds the
// PackageCollector); the packages of the final filesystem come out with purls, and both SBOM
// formats of the result validate against the official schemas.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bulwark/engine/image_scan.hpp"
#include "bulwark/report/renderers/renderers.hpp"
#include "support/image_builder.hpp"
#include "test_packages_helpers.hpp"

namespace bulwark {
namespace {

using Json = nlohmann::json;

Json file(std::string path, std::string content, std::string mode = "0644") {
    return Json{{"path", std::move(path)}, {"content", std::move(content)}, {"mode", std::move(mode)}};
}

TEST(SbomImage, PackagesOfTheFinalFilesystemThroughTheLayerWalk) {
    testing::TempDir dir;
    std::string status = test::read_bytes(test::data_path("dpkg/status"));
    std::string slim =
        "Package: base-files\nStatus: install ok installed\nArchitecture: amd64\nVersion: 12.4+deb12u11\n\n"
        "Package: bash\nStatus: install ok installed\nArchitecture: amd64\nSource: bash (5.2.15-2)\n"
        "Version: 5.2.15-2+b8\n";
    Json recipe = {
        {"format", "docker-save"},
        {"compression", "gzip"},
        {"created", "2026-01-01T00:00:00Z"},
        {"repo_tags", {"sbom/test:1"}},
        {"layers",
         {{file("etc/os-release",
                "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n"),
           file("var/lib/dpkg/status", status),
           file("usr/share/doc/bash/copyright", test::read_bytes(test::data_path("dpkg/bash.copyright"))),
           file("usr/lib/python3/dist-packages/jsonschema-4.10.3.dist-info/METADATA",
                test::read_bytes(test::data_path("python/jsonschema.METADATA")))},
          {file("var/lib/dpkg/status", slim),
           Json{{"whiteout", "usr/lib/python3/dist-packages/jsonschema-4.10.3.dist-info"}},
           file("app/node_modules/@isaacs/string-locale-compare/package.json",
                test::read_bytes(test::data_path("npm/scoped.package.json"))),
           file("lib/apk/db/installed", "P:musl\nV:1.2.4-r4\nA:x86_64\nL:MIT\n\n")}}}};
    std::filesystem::path archive = dir.path() / "image.tar";
    testing::build_image(recipe, archive);
    core::Policy policy;
    engine::ImageScanResult r = engine::scan_image(archive.string(), {}, policy);
    for (const auto& d : r.result.diagnostics) {
        ADD_FAILURE() << d.message;
    }
    std::map<std::string, model::Package> by_purl;
    for (const auto& p : r.image().packages) {
        by_purl[p.purl] = p;
    }
    // Layer 1 rewrote dpkg's status (two packages) and deleted the Python package.
    ASSERT_EQ(by_purl.size(), 4U) << [&] {
        std::string s;
        for (const auto& [k, v] : by_purl) {
            s += k + "\n";
        }
        return s;
    }();
    ASSERT_EQ(by_purl.count("pkg:deb/debian/bash@5.2.15-2%2Bb8?arch=amd64&distro=debian-12"), 1U);
    const model::Package& bash = by_purl["pkg:deb/debian/bash@5.2.15-2%2Bb8?arch=amd64&distro=debian-12"];
    EXPECT_EQ(bash.layer, 1);
    ASSERT_FALSE(bash.licenses.empty());  // from the DEP-5 copyright of layer 0, still there
    EXPECT_EQ(bash.licenses.front(), "GPL-3+");
    EXPECT_EQ(by_purl.count("pkg:npm/%40isaacs/string-locale-compare@1.1.0"), 1U);
    EXPECT_EQ(by_purl.count("pkg:apk/debian/musl@1.2.4-r4?arch=x86_64&distro=debian-12"), 1U);

    report::Report rep;
    rep.tool_version = "test";
    rep.files.push_back(r.result);
    for (auto [format, schema] :
         {std::pair{"cyclonedx", "bom-1.5.schema.json"}, {"spdx", "spdx-schema-2.3.json"}}) {
        const report::RendererEntry* e = report::find_renderer(format);
        ASSERT_NE(e, nullptr);
        std::ostringstream out;
        e->make()->render(rep, out, {});
        EXPECT_EQ(test::validate_schema(out.str(), schema), 0) << format << "\n" << out.str().substr(0, 3000);
        EXPECT_NE(out.str().find("pkg:npm/%40isaacs/string-locale-compare@1.1.0"), std::string::npos);
        EXPECT_EQ(out.str().find("jsonschema"), std::string::npos);
    }
}

TEST(SbomImage, HardLinkedPackageFilesAreReadUnderTheLinksPath) {
    // pip's cache and the installed METADATA as one file: the package is the link's, and stays when
    // the cache is deleted. dpkg's status as a link to a file of another name: read again as status.
    testing::TempDir dir;
    const std::string metadata = test::read_bytes(test::data_path("python/jsonschema.METADATA"));
    const std::string status =
        "Package: bash\nStatus: install ok installed\nArchitecture: amd64\nVersion: 5.2.15-2+b8\n";
    auto link = [](std::string path, std::string target) {
        return Json{{"path", std::move(path)}, {"type", "hardlink"}, {"target", std::move(target)}};
    };
    Json recipe = {{"layers",
                    {{file("etc/os-release", "ID=debian\nVERSION_ID=\"12\"\n"),
                      file("root/.cache/pip/jsonschema-4.10.3.dist-info/METADATA", metadata),
                      link("usr/lib/python3/dist-packages/jsonschema-4.10.3.dist-info/METADATA",
                           "root/.cache/pip/jsonschema-4.10.3.dist-info/METADATA"),
                      file("tmp/status-copy", status), link("var/lib/dpkg/status", "tmp/status-copy")},
                     {Json{{"whiteout", "root/.cache"}}}}}};
    std::filesystem::path archive = dir.path() / "image.tar";
    testing::build_image(recipe, archive);
    engine::ImageScanResult r = engine::scan_image(archive.string(), {}, core::Policy{});
    for (const auto& d : r.result.diagnostics) {
        ADD_FAILURE() << d.message;
    }
    std::map<std::string, std::string> source_of;
    for (const auto& p : r.image().packages) {
        source_of[p.purl] = p.source_path;
    }
    EXPECT_EQ(source_of["pkg:pypi/jsonschema@4.10.3"],
              "/usr/lib/python3/dist-packages/jsonschema-4.10.3.dist-info/METADATA");
    EXPECT_EQ(source_of["pkg:deb/debian/bash@5.2.15-2%2Bb8?arch=amd64&distro=debian-12"],
              "/var/lib/dpkg/status");
    EXPECT_EQ(source_of.size(), 2U);
}

}  // namespace
}  // namespace bulwark
