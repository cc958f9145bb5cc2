// apk: /lib/apk/db/installed fields and purls.
#include <gtest/gtest.h>

#include "bulwark/input/image/packages/parsers.hpp"
#include "test_packages_helpers.hpp"

namespace bulwark {
namespace {

TEST(PackagesApk, ReadsNameVersionArchLicenseAndOrigin) {
    auto pkgs =
        input::image::packages::parse_apk_installed(test::read_bytes(test::data_path("apk/installed")));
    ASSERT_EQ(pkgs.size(), 3U);
    EXPECT_EQ(pkgs[0].name, "musl");
    EXPECT_EQ(pkgs[0].version, "1.2.4_git20230717-r4");
    EXPECT_EQ(pkgs[0].arch, "x86_64");
    EXPECT_EQ(pkgs[0].licenses, std::vector<std::string>{"MIT"});
    EXPECT_EQ(pkgs[2].name, "ca-certificates-bundle");
    EXPECT_EQ(pkgs[2].source, "ca-certificates");
    EXPECT_EQ(pkgs[2].licenses, std::vector<std::string>{"MPL-2.0 AND MIT"});
}

TEST(PackagesApk, PurlsCarryArchAndDistro) {
    model::OsRelease os;
    os.id = "alpine";
    os.version_id = "3.19.1";
    auto image =
        test::collect({{"/lib/apk/db/installed", test::read_bytes(test::data_path("apk/installed")), 0}}, os);
    ASSERT_EQ(image.packages.size(), 3U);
    EXPECT_EQ(image.packages[0].name, "busybox");  // sorted
    EXPECT_EQ(image.packages[0].purl, "pkg:apk/alpine/busybox@1.36.1-r15?arch=x86_64&distro=alpine-3.19.1");
}

TEST(PackagesApk, TruncatedOrGarbageInputGivesWhatIsComplete) {
    using input::image::packages::parse_apk_installed;
    EXPECT_TRUE(parse_apk_installed("P:\nV:\n\n\n:::\nxx").empty());
    auto pkgs = parse_apk_installed("P:a\nV:1\n\nP:b\n");  // b has no version
    ASSERT_EQ(pkgs.size(), 1U);
    EXPECT_EQ(pkgs[0].name, "a");
}

}  // namespace
}  // namespace bulwark
