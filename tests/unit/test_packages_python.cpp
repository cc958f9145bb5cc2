// Python core metadata (dist-info METADATA, egg-info PKG-INFO) and PEP 503 names.
#include <gtest/gtest.h>

#include "bulwark/input/image/packages/parsers.hpp"
#include "test_packages_helpers.hpp"

namespace bulwark {
namespace {

using input::image::packages::normalize_python_name;
using input::image::packages::parse_python_metadata;

TEST(PackagesPython, ReadsDebianDistInfoAndEggInfo) {
    auto js = parse_python_metadata(test::read_bytes(test::data_path("python/jsonschema.METADATA")));
    ASSERT_TRUE(js.has_value());
    EXPECT_EQ(js->name, "jsonschema");
    EXPECT_EQ(js->version, "4.10.3");
    EXPECT_EQ(js->licenses, std::vector<std::string>{"MIT"});
    auto jwt = parse_python_metadata(test::read_bytes(test::data_path("python/PyJWT.PKG-INFO")));
    ASSERT_TRUE(jwt.has_value());
    EXPECT_EQ(jwt->name, "PyJWT");
    EXPECT_EQ(jwt->version, "2.6.0");
}

TEST(PackagesPython, LicenseExpressionWinsThenLicenseThenClassifiers) {
    auto a = parse_python_metadata(
        "Metadata-Version: 2.4\nName: a\nVersion: 1\nLicense: BSD\nLicense-Expression: MIT OR Apache-2.0\n");
    ASSERT_TRUE(a);
    EXPECT_EQ(a->licenses, std::vector<std::string>{"MIT OR Apache-2.0"});
    auto b = parse_python_metadata(
        "Name: b\nVersion: 2\nLicense: UNKNOWN\nClassifier: License :: OSI Approved :: Apache Software "
        "License\n"
        "Classifier: Programming Language :: Python\n\nLicense: body text is not a header\n");
    ASSERT_TRUE(b);
    EXPECT_EQ(b->licenses, std::vector<std::string>{"Apache-2.0"});
    // A multi-line License (the whole text) is not a license name.
    auto c = parse_python_metadata(
        "Name: c\nVersion: 3\nLicense: Copyright (c) x\n        Permission is granted\n");
    ASSERT_TRUE(c);
    EXPECT_TRUE(c->licenses.empty());
    EXPECT_FALSE(parse_python_metadata("Name: d\n\nVersion: 1\n"));  // Version is in the body
}

TEST(PackagesPython, NamesAreNormalisedInPurlsOnly) {
    EXPECT_EQ(normalize_python_name("Foo_Bar.baz--Qux"), "foo-bar-baz-qux");
    auto image =
        test::collect({{"/usr/lib/python3/dist-packages/PyJWT-2.6.0.egg-info/PKG-INFO",
                        test::read_bytes(test::data_path("python/PyJWT.PKG-INFO")), 1},
                       {"/usr/local/lib/python3.11/site-packages/jsonschema-4.10.3.dist-info/METADATA",
                        test::read_bytes(test::data_path("python/jsonschema.METADATA")), 2},
                       {"/usr/lib/python3/dist-packages/six-1.16.0.egg-info",
                        "Name: six\nVersion: 1.16.0\nLicense: MIT\n", 2},
                       {"/usr/lib/python3/dist-packages/other/METADATA", "Name: nope\nVersion: 1\n", 2}});
    ASSERT_EQ(image.packages.size(), 3U);
    EXPECT_EQ(image.packages[0].name, "PyJWT");
    EXPECT_EQ(image.packages[0].purl, "pkg:pypi/pyjwt@2.6.0");
    EXPECT_EQ(image.packages[0].layer, 1);
    EXPECT_EQ(image.packages[1].purl, "pkg:pypi/jsonschema@4.10.3");
    EXPECT_EQ(image.packages[2].purl, "pkg:pypi/six@1.16.0");
}

}  // namespace
}  // namespace bulwark
