// SPDX 2.3 JSON SBOM of the scanned images (schema: spdx-schema-2.3.json). Each image is a package
// (purpose CONTAINER) the document DESCRIBES, and CONTAINS each of its packages. A report without
// images gives a valid document with no packages. Output is deterministic: the namespace holds a
// UUIDv5 of the image ids and `created` is the image's creation time (1970-01-01T00:00:00Z when
// the image does not say).
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bulwark/report/renderers/renderers.hpp"
#include "bulwark/report/renderers/sbom.hpp"

namespace bulwark::report {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view k_no_assertion = "NOASSERTION";
constexpr std::string_view k_epoch = "1970-01-01T00:00:00Z";

/// An SPDX id element: letters, digits, '.' and '-' only.
std::string spdx_ref(std::string_view prefix, std::string_view text) {
    std::string out(prefix);
    for (char c : text) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
                  c == '-';
        out += ok ? c : '-';
    }
    return out;
}

/// The declared licenses as one SPDX expression (parts ANDed), or NOASSERTION when any part is
/// not a valid expression of known ids.
std::string declared(const std::vector<std::string>& licenses) {
    std::vector<std::string> parts;
    for (const std::string& l : licenses) {
        std::string e = sbom::spdx_expression(l);
        if (e.empty()) {
            return std::string(k_no_assertion);
        }
        if (std::find(parts.begin(), parts.end(), e) == parts.end()) {
            parts.push_back(std::move(e));
        }
    }
    if (parts.empty()) {
        return std::string(k_no_assertion);
    }
    if (parts.size() == 1) {
        return parts.front();
    }
    std::string out;
    for (const std::string& p : parts) {
        out += (out.empty() ? "(" : " AND (") + p + ")";
    }
    return out;
}

Json relationship(std::string_view from, std::string_view type, std::string_view to) {
    return Json{{"spdxElementId", from}, {"relationshipType", type}, {"relatedSpdxElement", to}};
}

class SpdxRenderer : public Renderer {
  public:
    void render(const Report& report, std::ostream& out, const RenderOptions& options) const override {
        (void)options;
        std::vector<const model::ImageSpec*> imgs = sbom::images(report);
        std::string ids;
        std::string name = imgs.empty() ? "bulwark-scan" : sbom::image_name(*imgs.front());
        for (const model::ImageSpec* img : imgs) {
            ids += img->id + "\n";
        }
        std::string created = imgs.empty() ? std::string() : sbom::utc_timestamp(imgs.front()->created);
        Json doc = Json::object();
        doc["spdxVersion"] = "SPDX-2.3";
        doc["dataLicense"] = "CC0-1.0";
        doc["SPDXID"] = "SPDXRef-DOCUMENT";
        doc["name"] = name;
        doc["documentNamespace"] =
            fmt::format("https://spdx.org/spdxdocs/bulwark-{}", sbom::uuid_v5("bulwark:spdx:" + ids));
        doc["creationInfo"] = Json{{"creators", Json::array({"Tool: bulwark-" + report.tool_version})},
                                   {"created", created.empty() ? std::string(k_epoch) : created}};
        Json packages = Json::array();
        Json relationships = Json::array();
        for (size_t i = 0; i < imgs.size(); ++i) {
            const model::ImageSpec& image = *imgs[i];
            std::string image_ref = fmt::format("SPDXRef-Image-{}", i + 1);
            Json ip = Json::object();
            ip["name"] = sbom::image_name(image);
            ip["SPDXID"] = image_ref;
            if (!image.id.empty()) {
                ip["versionInfo"] = image.id;
            }
            ip["downloadLocation"] = k_no_assertion;
            ip["filesAnalyzed"] = false;
            if (std::string hex = sbom::sha256_hex(image.id); !hex.empty()) {
                ip["checksums"] = Json::array({Json{{"algorithm", "SHA256"}, {"checksumValue", hex}}});
            }
            ip["licenseConcluded"] = k_no_assertion;
            ip["licenseDeclared"] = k_no_assertion;
            ip["copyrightText"] = k_no_assertion;
            ip["primaryPackagePurpose"] = "CONTAINER";
            if (!image.os_release.pretty_name.empty()) {
                ip["comment"] = "Operating system: " + image.os_release.pretty_name;
            }
            packages.push_back(std::move(ip));
            relationships.push_back(relationship("SPDXRef-DOCUMENT", "DESCRIBES", image_ref));
            for (size_t j = 0; j < image.packages.size(); ++j) {
                const model::Package& p = image.packages[j];
                std::string ref =
                    spdx_ref(fmt::format("SPDXRef-Package-{}-{}-", i + 1, j + 1), p.type + "-" + p.name);
                Json pj = Json::object();
                pj["name"] = p.namespace_.empty() || p.type == "deb" || p.type == "apk" || p.type == "rpm"
                                 ? p.name
                                 : p.namespace_ + "/" + p.name;
                pj["SPDXID"] = ref;
                if (!p.version.empty()) {
                    pj["versionInfo"] = p.version;
                }
                pj["downloadLocation"] = k_no_assertion;
                pj["filesAnalyzed"] = false;
                pj["licenseConcluded"] = k_no_assertion;
                pj["licenseDeclared"] = declared(p.licenses);
                pj["copyrightText"] = k_no_assertion;
                if (!p.source.empty()) {
                    pj["sourceInfo"] = "built from source package " + p.source;
                }
                std::string layer;
                if (p.layer >= 0 && static_cast<size_t>(p.layer) < image.layers.size()) {
                    layer = fmt::format(" (layer {} {})", p.layer,
                                        image.layers[static_cast<size_t>(p.layer)].diff_id);
                }
                pj["comment"] = fmt::format("Listed in {}{}", p.source_path, layer);
                if (!p.purl.empty()) {
                    pj["externalRefs"] = Json::array({Json{{"referenceCategory", "PACKAGE-MANAGER"},
                                                           {"referenceType", "purl"},
                                                           {"referenceLocator", p.purl}}});
                }
                pj["primaryPackagePurpose"] = p.application ? "APPLICATION" : "LIBRARY";
                packages.push_back(std::move(pj));
                relationships.push_back(relationship(image_ref, "CONTAINS", ref));
            }
        }
        doc["packages"] = std::move(packages);
        doc["relationships"] = std::move(relationships);
        out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    }
};

}  // namespace

std::unique_ptr<Renderer> make_spdx_renderer() {
    return std::make_unique<SpdxRenderer>();
}

}  // namespace bulwark::report
