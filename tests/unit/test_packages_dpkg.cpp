// dpkg: status paragraphs, distroless status.d, DEP-5 licenses, purls, removed databases, and this
// machine's own database against dpkg-query.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>

#include "bulwark/input/image/packages/parsers.hpp"
#include "test_packages_helpers.hpp"

namespace bulwark {
namespace {

using input::image::packages::parse_dep5_licenses;
using input::image::packages::parse_dpkg_status;
using test::collect;
using test::data_path;
using test::read_bytes;

model::OsRelease debian12() {
    model::OsRelease os;
    os.id = "debian";
    os.version_id = "12";
    return os;
}

TEST(PackagesDpkg, ListsOnlyInstalledPackagesWithSourceAndArch) {
    auto pkgs = parse_dpkg_status(read_bytes(data_path("dpkg/status")), false);
    std::map<std::string, model::Package> by_name;
    for (const auto& p : pkgs) {
        by_name[p.name] = p;
    }
    // tzdata-legacy is "deinstall ok config-files", bash-halfinstalled "half-installed".
    EXPECT_EQ(by_name.size(), 5U);
    EXPECT_EQ(by_name.count("tzdata-legacy"), 0U);
    EXPECT_EQ(by_name.count("bash-halfinstalled"), 0U);
    ASSERT_EQ(by_name.count("libc6"), 1U);
    EXPECT_EQ(by_name["libc6"].version, "2.36-9+deb12u14");
    EXPECT_EQ(by_name["libc6"].arch, "amd64");
    EXPECT_EQ(by_name["libc6"].source, "glibc (2.36-9+deb12u14)");  // no version: the binary's
    EXPECT_EQ(by_name["bash"].source, "bash (5.2.15-2)");
    EXPECT_EQ(by_name["zlib1g"].version, "1:1.2.13.dfsg-1");
    EXPECT_EQ(by_name["tzdata"].arch, "all");
}

TEST(PackagesDpkg, DistrolessStatusDirectoryEntriesNeedNoStatus) {
    std::string bf = read_bytes(data_path("dpkg/status.d/base-files"));
    EXPECT_TRUE(parse_dpkg_status(bf, false).empty());
    auto pkgs = parse_dpkg_status(bf, true);
    ASSERT_EQ(pkgs.size(), 1U);
    EXPECT_EQ(pkgs[0].name, "base-files");
    auto image = collect({{"/var/lib/dpkg/status.d/base-files", bf, 0},
                          {"/var/lib/dpkg/status.d/base-files.md5sums", "d41d8cd9  etc/issue\n", 0}},
                         debian12());
    ASSERT_EQ(image.packages.size(), 1U);
    EXPECT_EQ(image.packages[0].purl,
              "pkg:deb/debian/base-files@12.4%2Bdeb12u11?arch=amd64&distro=debian-12");
    EXPECT_EQ(image.packages[0].source_path, "/var/lib/dpkg/status.d/base-files");
}

TEST(PackagesDpkg, Dep5CopyrightGivesLicensesOtherFormatsNone) {
    auto bash = parse_dep5_licenses(read_bytes(data_path("dpkg/bash.copyright")));
    ASSERT_FALSE(bash.empty());
    EXPECT_EQ(bash.front(), "GPL-3+");
    EXPECT_TRUE(parse_dep5_licenses(read_bytes(data_path("dpkg/libc6.copyright"))).empty());
}

TEST(PackagesDpkg, PurlsUseOsReleaseAndLicensesFromLiveCopyright) {
    std::string status = read_bytes(data_path("dpkg/status"));
    auto image = collect({{"/var/lib/dpkg/status", status, 0},
                          {"/usr/share/doc/bash/copyright", read_bytes(data_path("dpkg/bash.copyright")), 0}},
                         debian12());
    ASSERT_EQ(image.packages.size(), 5U);
    // Sorted by type, name, version.
    EXPECT_EQ(image.packages[0].name, "base-files");
    EXPECT_EQ(image.packages[1].name, "bash");
    EXPECT_EQ(image.packages[1].purl, "pkg:deb/debian/bash@5.2.15-2%2Bb8?arch=amd64&distro=debian-12");
    EXPECT_EQ(image.packages[1].licenses.front(), "GPL-3+");
    EXPECT_EQ(image.packages[1].namespace_, "debian");
    EXPECT_EQ(image.packages[4].purl, "pkg:deb/debian/zlib1g@1:1.2.13.dfsg-1?arch=amd64&distro=debian-12");
    EXPECT_TRUE(image.packages[2].licenses.empty());  // libc6: no copyright file given
    // Without os-release: Debian by default, no distro qualifier.
    auto bare = collect({{"/var/lib/dpkg/status", status, 0}});
    EXPECT_EQ(bare.packages[1].purl, "pkg:deb/debian/bash@5.2.15-2%2Bb8?arch=amd64");
}

TEST(PackagesDpkg, ALaterLayersStatusReplacesTheEarlierOne) {
    std::string status = read_bytes(data_path("dpkg/status"));
    std::string one = "Package: hello\nStatus: install ok installed\nVersion: 2.10-3\nArchitecture: amd64\n";
    // Layer 0 wrote the full status, layer 1 rewrote it with one package: layer 0's is removed.
    auto image = collect({{"/var/lib/dpkg/status", status, 0, 0644, true}, {"/var/lib/dpkg/status", one, 1}},
                         debian12());
    ASSERT_EQ(image.packages.size(), 1U);
    EXPECT_EQ(image.packages[0].name, "hello");
    EXPECT_EQ(image.packages[0].layer, 1);
}

TEST(PackagesDpkg, ThisMachinesDatabaseMatchesDpkgQuery) {
    std::string status = read_bytes("/var/lib/dpkg/status");
    if (status.empty()) {
        GTEST_SKIP() << "no /var/lib/dpkg/status on this machine";
    }
    std::set<std::string> expected;
    FILE* p = popen("dpkg-query -W -f '${db:Status-Status} ${Package} ${Version}\\n' 2>/dev/null", "r");
    ASSERT_NE(p, nullptr);
    char line[4096];
    while (fgets(line, sizeof line, p) != nullptr) {
        std::string s(line);
        if (!s.empty() && s.back() == '\n') {
            s.pop_back();
        }
        constexpr std::string_view k_installed = "installed ";
        if (s.rfind(k_installed, 0) == 0) {
            expected.insert(s.substr(k_installed.size()));
        }
    }
    ASSERT_EQ(pclose(p), 0);
    ASSERT_GT(expected.size(), 50U);
    // Read through the collector in odd-sized chunks, as the layer walk would stream it.
    auto image = collect({{"/var/lib/dpkg/status", status, 0}}, debian12(), nullptr, 777);
    std::set<std::string> actual;
    for (const auto& pkg : image.packages) {
        actual.insert(pkg.name + " " + pkg.version);
    }
    EXPECT_EQ(actual, expected);
}

}  // namespace
}  // namespace bulwark
