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

TEST(PackagesNpm, AManifestNotListedIsNamedInANote) {
    std::vector<std::string> notes;
    auto image = test::collect({{"/app/node_modules/a/package.json", R"({"name":"a"})", 1},
                                {"/app/node_modules/b/package.json", R"({"name":"b","version":"1.0.0"})", 1}},
                               {}, &notes);
    ASSERT_EQ(image.packages.size(), 1U);
    EXPECT_EQ(image.packages[0].name, "b");
    EXPECT_EQ(
        notes,
        std::vector<std::string>{
            "/app/node_modules/a/package.json (layer 1): not listed: no package name and version in it"});
    // Over the size read: the note says so, and the cut JSON is not reported a second time.
    std::string huge = R"({"name":"c","version":"1.0.0","readme":")" + std::string(2U << 20U, 'x') + "\"}";
    notes.clear();
    image = test::collect({{"/app/node_modules/c/package.json", huge, 0}}, {}, &notes);
    EXPECT_TRUE(image.packages.empty());
    ASSERT_EQ(notes.size(), 1U);
    EXPECT_NE(notes[0].find("/app/node_modules/c/package.json (layer 0): only the first"), std::string::npos)
        << notes[0];
}

}  // namespace
}  // namespace bulwark
