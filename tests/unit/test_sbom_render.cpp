// CycloneDX 1.5 and SPDX 2.3 renderers on a hand-built image: content, determinism, and validity
// against the official JSON schemas (/work/shared/schemas, checked with python3-jsonschema; a
// broken document must be rejected, so the check itself is tested).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "bulwark/report/renderer.hpp"
#include "bulwark/report/renderers/renderers.hpp"
#include "bulwark/report/renderers/sbom.hpp"
#include "test_packages_helpers.hpp"

namespace bulwark {
namespace {

using Json = nlohmann::json;

model::Package pkg(std::string type, std::string ns, std::string name, std::string version, std::string purl,
                   std::vector<std::string> licenses, int layer, std::string path) {
    model::Package p;
    p.type = std::move(type);
    p.namespace_ = std::move(ns);
    p.name = std::move(name);
    p.version = std::move(version);
    p.purl = std::move(purl);
    p.licenses = std::move(licenses);
    p.layer = layer;
    p.source_path = std::move(path);
    return p;
}

std::shared_ptr<model::ImageSpec> image(std::string id = "sha256:" + std::string(64, 'a')) {
    auto img = std::make_shared<model::ImageSpec>();
    img->name = "shop.tar";
    img->repo_tags = {"shop:1.2"};
    img->id = std::move(id);
    img->os = "linux";
    img->architecture = "amd64";
    img->created = "2026-03-04T05:06:07.123456789+01:00";
    img->os_release.id = "debian";
    img->os_release.version_id = "12";
    img->os_release.pretty_name = "Debian GNU/Linux 12 (bookworm)";
    for (int i = 0; i < 3; ++i) {
        model::ImageLayer l;
        l.index = i;
        l.diff_id = "sha256:" + std::string(64, static_cast<char>('0' + i));
        l.digest = l.diff_id;
        img->layers.push_back(l);
    }
    auto bash = pkg("deb", "debian", "bash", "5.2.15-2+b8",
                    "pkg:deb/debian/bash@5.2.15-2%2Bb8?arch=amd64&distro=debian-12", {"GPL-3+"}, 0,
                    "/var/lib/dpkg/status");
    bash.arch = "amd64";
    bash.source = "bash (5.2.15-2)";
    img->packages.push_back(bash);
    img->packages.push_back(pkg("deb", "debian", "libc6", "2.36-9", "pkg:deb/debian/libc6@2.36-9?arch=amd64",
                                {"GPL-2+ or LGPL-2.1+", "public-domain", "MIT"}, 0, "/var/lib/dpkg/status"));
    auto app = pkg("golang", "", "example.com/app", "v1.4.2", "pkg:golang/example.com/app@v1.4.2", {}, 2,
                   "/usr/local/bin/server");
    app.application = true;
    img->packages.push_back(app);
    img->packages.push_back(pkg("maven", "org.slf4j", "slf4j-nop", "1.7.32",
                                "pkg:maven/org.slf4j/slf4j-nop@1.7.32", {"MIT"}, 1,
                                "/srv/shop.war!/WEB-INF/lib/slf4j-nop-1.7.32.jar"));
    img->packages.push_back(pkg("npm", "@isaacs", "string-locale-compare", "1.1.0",
                                "pkg:npm/%40isaacs/string-locale-compare@1.1.0", {"(MIT OR Apache-2.0)"}, 1,
                                "/app/node_modules/@isaacs/string-locale-compare/package.json"));
    return img;
}

report::Report report_of(std::vector<std::shared_ptr<model::ImageSpec>> images) {
    report::Report r;
    r.tool_version = "0.1.0";
    for (auto& img : images) {
        report::FileResult f;
        f.path = img->name;
        f.kind = "image";
        f.image = img;
        r.files.push_back(std::move(f));
    }
    return r;
}

std::string render(std::string_view format, const report::Report& r) {
    std::ostringstream out;
    auto renderer = format == "cyclonedx" ? report::make_cyclonedx_renderer() : report::make_spdx_renderer();
    renderer->render(r, out, {});
    return out.str();
}

/// Exit status of the schema check of `doc` (0 valid, 1 invalid, 2 the check could not run).
int validate(const Json& doc, std::string_view schema) {
    return test::validate_schema(doc.dump(2), schema);
}

TEST(SbomCycloneDx, DescribesTheImageAndItsPackages) {
    Json bom = Json::parse(render("cyclonedx", report_of({image()})));
    EXPECT_EQ(bom["bomFormat"], "CycloneDX");
    EXPECT_EQ(bom["specVersion"], "1.5");
    EXPECT_EQ(bom["version"], 1);
    EXPECT_EQ(bom["metadata"]["timestamp"], "2026-03-04T04:06:07Z");  // created, in UTC
    EXPECT_EQ(bom["metadata"]["tools"]["components"][0]["name"], "bulwark");
    const Json& c = bom["metadata"]["component"];
    EXPECT_EQ(c["type"], "container");
    EXPECT_EQ(c["name"], "shop:1.2");
    EXPECT_EQ(c["hashes"][0]["content"], std::string(64, 'a'));
    const Json& comps = bom["components"];
    ASSERT_EQ(comps.size(), 5U);
    EXPECT_EQ(comps[0]["bom-ref"], comps[0]["purl"]);
    EXPECT_EQ(comps[0]["licenses"][0]["license"]["id"], "GPL-3.0-or-later");  // DEP-5 short name mapped
    // An expression and a name that is no SPDX id: each kept, as a name.
    EXPECT_EQ(comps[1]["licenses"][0]["license"]["name"], "GPL-2+ or LGPL-2.1+");
    EXPECT_EQ(comps[1]["licenses"][1]["license"]["name"], "public-domain");
    EXPECT_EQ(comps[1]["licenses"][2]["license"]["id"],
              "MIT");  // three licenses: see validate_json_schema.py
    EXPECT_EQ(comps[2]["type"], "application");
    EXPECT_EQ(comps[3]["group"], "org.slf4j");
    EXPECT_EQ(comps[4]["licenses"][0]["expression"], "(MIT OR Apache-2.0)");
    bool layer = false;
    for (const Json& p : comps[3]["properties"]) {
        layer =
            layer || (p["name"] == "bulwark:layer:diff_id" && p["value"] == "sha256:" + std::string(64, '1'));
    }
    EXPECT_TRUE(layer);
}

TEST(SbomCycloneDx, SerialNumberIsDeterministicPerImage) {
    std::string a = render("cyclonedx", report_of({image()}));
    EXPECT_EQ(a, render("cyclonedx", report_of({image()})));
    Json other = Json::parse(render("cyclonedx", report_of({image("sha256:" + std::string(64, 'b'))})));
    EXPECT_NE(Json::parse(a)["serialNumber"], other["serialNumber"]);
    EXPECT_EQ(report::sbom::uuid_v5("x").substr(14, 1), "5");
}

TEST(SbomCycloneDx, ValidAgainstTheOfficialSchemaAndTheCheckRejectsBrokenBoms) {
    Json one = Json::parse(render("cyclonedx", report_of({image()})));
    ASSERT_EQ(validate(one, "bom-1.5.schema.json"), 0);
    auto second = image("sha256:" + std::string(64, 'c'));
    second->repo_tags.clear();
    second->created.clear();
    EXPECT_EQ(validate(Json::parse(render("cyclonedx", report_of({image(), second}))), "bom-1.5.schema.json"),
              0);
    EXPECT_EQ(validate(Json::parse(render("cyclonedx", report_of({}))), "bom-1.5.schema.json"), 0);
    Json bad = one;
    bad["components"][0]["licenses"][0]["license"]["id"] = "GPL-3+";  // not an SPDX id
    EXPECT_EQ(validate(bad, "bom-1.5.schema.json"), 1);
    bad = one;
    bad["serialNumber"] = "not-a-urn";
    EXPECT_EQ(validate(bad, "bom-1.5.schema.json"), 1);
}

TEST(SbomSpdx, DocumentPackagesAndRelationships) {
    Json doc = Json::parse(render("spdx", report_of({image()})));
    EXPECT_EQ(doc["spdxVersion"], "SPDX-2.3");
    EXPECT_EQ(doc["dataLicense"], "CC0-1.0");
    EXPECT_EQ(doc["SPDXID"], "SPDXRef-DOCUMENT");
    EXPECT_EQ(doc["name"], "shop:1.2");
    EXPECT_EQ(doc["creationInfo"]["created"], "2026-03-04T04:06:07Z");
    const Json& pkgs = doc["packages"];
    ASSERT_EQ(pkgs.size(), 6U);
    EXPECT_EQ(pkgs[0]["primaryPackagePurpose"], "CONTAINER");
    EXPECT_EQ(pkgs[1]["licenseDeclared"], "GPL-3.0-or-later");
    EXPECT_EQ(pkgs[1]["licenseConcluded"], "NOASSERTION");
    EXPECT_EQ(pkgs[1]["externalRefs"][0]["referenceLocator"],
              "pkg:deb/debian/bash@5.2.15-2%2Bb8?arch=amd64&distro=debian-12");
    EXPECT_EQ(pkgs[2]["licenseDeclared"], "NOASSERTION");  // "public-domain" is no SPDX id
    EXPECT_EQ(pkgs[3]["primaryPackagePurpose"], "APPLICATION");
    EXPECT_EQ(pkgs[5]["licenseDeclared"], "(MIT OR Apache-2.0)");
    EXPECT_EQ(pkgs[5]["name"], "@isaacs/string-locale-compare");
    const Json& rel = doc["relationships"];
    ASSERT_EQ(rel.size(), 6U);
    EXPECT_EQ(rel[0]["relationshipType"], "DESCRIBES");
    EXPECT_EQ(rel[1]["relationshipType"], "CONTAINS");
    EXPECT_EQ(rel[1]["relatedSpdxElement"], pkgs[1]["SPDXID"]);
}

TEST(SbomSpdx, ValidAgainstTheOfficialSchemaAndTheCheckRejectsBrokenDocuments) {
    Json doc = Json::parse(render("spdx", report_of({image()})));
    ASSERT_EQ(validate(doc, "spdx-schema-2.3.json"), 0);
    EXPECT_EQ(validate(Json::parse(render("spdx", report_of({}))), "spdx-schema-2.3.json"), 0);
    Json bad = doc;
    bad["relationships"][0]["relationshipType"] = "DEPICTS";  // not in the relationship type list
    EXPECT_EQ(validate(bad, "spdx-schema-2.3.json"), 1);
    bad = doc;
    bad.erase("creationInfo");
    EXPECT_EQ(validate(bad, "spdx-schema-2.3.json"), 1);
}

TEST(SbomLicenses, ExpressionsAndIds) {
    using report::sbom::spdx_expression;
    using report::sbom::spdx_id;
    EXPECT_EQ(spdx_id("expat"), "MIT");
    EXPECT_EQ(spdx_id("apache-2.0"), "Apache-2.0");
    EXPECT_EQ(spdx_id("Public-Domain"), "");
    EXPECT_EQ(spdx_expression("GPL-2+ or LGPL-2.1+"), "GPL-2.0-or-later OR LGPL-2.1-or-later");
    EXPECT_EQ(spdx_expression("(MIT OR Apache-2.0) AND BSD-3-Clause"),
              "(MIT OR Apache-2.0) AND BSD-3-Clause");
    EXPECT_EQ(spdx_expression("GPL-2.0-only WITH Classpath-exception-2.0"),
              "GPL-2.0-only WITH Classpath-exception-2.0");
    EXPECT_EQ(spdx_expression("MIT OR"), "");
    EXPECT_EQ(spdx_expression("(MIT"), "");
    EXPECT_EQ(spdx_expression("MIT, BSD"), "");
    EXPECT_EQ(spdx_expression("Some License"), "");
    EXPECT_EQ(report::sbom::utc_timestamp("2024-01-02T03:04:05Z"), "2024-01-02T03:04:05Z");
    EXPECT_EQ(report::sbom::utc_timestamp("2024-01-02T00:30:00-01:00"), "2024-01-02T01:30:00Z");
    EXPECT_EQ(report::sbom::utc_timestamp("yesterday"), "");
}

}  // namespace
}  // namespace bulwark
