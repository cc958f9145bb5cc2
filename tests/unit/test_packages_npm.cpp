// Node: which package.json files are packages, names with scopes, license forms.
#include <gtest/gtest.h>

#include "bulwark/input/image/packages/parsers.hpp"
#include "test_packages_helpers.hpp"

namespace bulwark {
namespace {

using input::image::packages::is_npm_manifest_path;
using input::image::packages::parse_npm_package_json;

TEST(PackagesNpm, OnlyPackageDirectoriesDirectlyUnderNodeModules) {
    EXPECT_TRUE(is_npm_manifest_path("/app/node_modules/express/package.json"));
    EXPECT_TRUE(is_npm_manifest_path("/app/node_modules/@types/node/package.json"));
    EXPECT_TRUE(is_npm_manifest_path("/usr/lib/node_modules/npm/node_modules/glob/package.json"));
    EXPECT_FALSE(is_npm_manifest_path("/app/package.json"));
    EXPECT_FALSE(is_npm_manifest_path("/app/node_modules/@isaacs/fs-minipass/dist/esm/package.json"));
    EXPECT_FALSE(is_npm_manifest_path("/app/node_modules/express/lib/package.json"));
    EXPECT_FALSE(is_npm_manifest_path("/app/node_modules/@types/package.json"));
    EXPECT_FALSE(is_npm_manifest_path("/app/node_modules/.bin/package.json"));
}

TEST(PackagesNpm, ReadsRealManifestsWithScope) {
    auto plain = parse_npm_package_json(test::read_bytes(test::data_path("npm/util-deprecate.package.json")));
    ASSERT_TRUE(plain);
    EXPECT_EQ(plain->name, "util-deprecate");
    EXPECT_EQ(plain->version, "1.0.2");
    EXPECT_EQ(plain->licenses, std::vector<std::string>{"MIT"});
    auto image =
        test::collect({{"/usr/lib/node_modules/npm/node_modules/@isaacs/string-locale-compare/package.json",
                        test::read_bytes(test::data_path("npm/scoped.package.json")), 0}});
    ASSERT_EQ(image.packages.size(), 1U);
    EXPECT_EQ(image.packages[0].namespace_, "@isaacs");
    EXPECT_EQ(image.packages[0].name, "string-locale-compare");
    EXPECT_EQ(image.packages[0].purl, "pkg:npm/%40isaacs/string-locale-compare@1.1.0");
    EXPECT_EQ(image.packages[0].licenses, std::vector<std::string>{"ISC"});
}

TEST(PackagesNpm, LicenseObjectsAndBadManifests) {
    auto legacy = parse_npm_package_json(
        R"({"name":"x","version":"1.0.0","licenses":[{"type":"MIT"},{"type":"GPL-2.0"}]})");
    ASSERT_TRUE(legacy);
    EXPECT_EQ(legacy->licenses, (std::vector<std::string>{"MIT", "GPL-2.0"}));
    auto obj = parse_npm_package_json(R"({"name":"y","version":"2.0.0","license":{"type":"ISC","url":"u"}})");
    ASSERT_TRUE(obj);
    EXPECT_EQ(obj->licenses, std::vector<std::string>{"ISC"});
    EXPECT_FALSE(parse_npm_package_json(R"({"name":"z"})"));
    EXPECT_FALSE(parse_npm_package_json(R"({"name":1,"version":"1"})"));
    EXPECT_FALSE(parse_npm_package_json("{not json"));
    EXPECT_FALSE(parse_npm_package_json("[]"));
}

}  // namespace
}  // namespace bulwark
