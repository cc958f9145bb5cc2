// CycloneDX 1.5 JSON SBOM of the scanned images (schema: bom-1.5.schema.json). One document per
// report: with one image, it is metadata.component and its packages are the components; with
// several, each image is a container component holding its packages. A report without images
// gives a valid BOM with no components. Output is deterministic: the serial number is a UUIDv5 of
// the image ids and the timestamp is the image's `created` (left out when the image has none).
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bulwark/report/renderers/renderers.hpp"
#include "bulwark/report/renderers/sbom.hpp"

namespace bulwark::report {

namespace {

using Json = nlohmann::ordered_json;

Json property(std::string_view name, std::string_view value) {
    return Json{{"name", name}, {"value", value}};
}

/// licenses: one SPDX expression when the metadata holds an expression, else one entry per
/// license (an SPDX id when known, the name as written otherwise).
Json licenses_json(const std::vector<std::string>& licenses) {
    Json out = Json::array();
    std::vector<std::string> exprs;
    bool compound = false;
    for (const std::string& l : licenses) {
        std::string e = sbom::spdx_expression(l);
        compound = compound || (!e.empty() && sbom::spdx_id(e).empty());
        exprs.push_back(std::move(e));
    }
    bool all_valid = !exprs.empty();
    for (const std::string& e : exprs) {
        all_valid = all_valid && !e.empty();
    }
    if (compound && all_valid) {
        std::string joined;
        for (const std::string& e : exprs) {
            joined += (joined.empty() ? "" : " AND ") + (exprs.size() > 1 ? "(" + e + ")" : e);
        }
        out.push_back(Json{{"expression", joined}});
        return out;
    }
    std::set<std::string> seen;
    for (size_t i = 0; i < licenses.size(); ++i) {
        std::string_view id = sbom::spdx_id(licenses[i]);
        Json license = id.empty() ? Json{{"name", licenses[i]}} : Json{{"id", id}};
        if (seen.insert(license.dump()).second) {
            out.push_back(Json{{"license", std::move(license)}});
        }
    }
    return out;
}

Json package_json(const model::Package& p, const model::ImageSpec& image, std::string bom_ref) {
    Json c = Json::object();
    c["type"] = p.application ? "application" : "library";
    c["bom-ref"] = std::move(bom_ref);
    if (!p.namespace_.empty() && (p.type == "maven" || p.type == "npm")) {
        c["group"] = p.namespace_;
    }
    c["name"] = p.name;
    if (!p.version.empty()) {
        c["version"] = p.version;
    }
    if (!p.licenses.empty()) {
        c["licenses"] = licenses_json(p.licenses);
    }
    if (!p.purl.empty()) {
        c["purl"] = p.purl;
    }
    Json props = Json::array();
    props.push_back(property("bulwark:package:type", p.type));
    if (!p.arch.empty()) {
        props.push_back(property("bulwark:package:arch", p.arch));
    }
    if (!p.source.empty()) {
        props.push_back(property("bulwark:package:source", p.source));
    }
    props.push_back(property("bulwark:source_path", p.source_path));
    if (p.layer >= 0 && static_cast<size_t>(p.layer) < image.layers.size()) {
        const model::ImageLayer& layer = image.layers[static_cast<size_t>(p.layer)];
        props.push_back(property("bulwark:layer:index", std::to_string(p.layer)));
        props.push_back(property("bulwark:layer:diff_id", layer.diff_id));
        if (!layer.digest.empty()) {
            props.push_back(property("bulwark:layer:digest", layer.digest));
        }
    }
    c["properties"] = std::move(props);
    return c;
}

Json image_json(const model::ImageSpec& image, std::string bom_ref) {
    Json c = Json::object();
    c["type"] = "container";
    c["bom-ref"] = std::move(bom_ref);
    c["name"] = sbom::image_name(image);
    if (!image.id.empty()) {
        c["version"] = image.id;
    }
    if (std::string hex = sbom::sha256_hex(image.id); !hex.empty()) {
        c["hashes"] = Json::array({Json{{"alg", "SHA-256"}, {"content", hex}}});
    }
    Json props = Json::array();
    props.push_back(property("bulwark:image:input", image.name));
    for (const std::string& tag : image.repo_tags) {
        props.push_back(property("bulwark:image:repo_tag", tag));
    }
    if (!image.os.empty()) {
        props.push_back(property("bulwark:image:os", image.os));
    }
    if (!image.architecture.empty()) {
        props.push_back(
            property("bulwark:image:architecture",
                     image.variant.empty() ? image.architecture : image.architecture + "/" + image.variant));
    }
    if (!image.os_release.pretty_name.empty()) {
        props.push_back(property("bulwark:image:os_release", image.os_release.pretty_name));
    }
    c["properties"] = std::move(props);
    return c;
}

class CycloneDxRenderer : public Renderer {
  public:
    void render(const Report& report, std::ostream& out, const RenderOptions& options) const override {
        (void)options;
        std::vector<const model::ImageSpec*> imgs = sbom::images(report);
        std::string ids;
        for (const model::ImageSpec* img : imgs) {
            ids += img->id + "\n";
        }
        Json bom = Json::object();
        bom["$schema"] = "http://cyclonedx.org/schema/bom-1.5.schema.json";
        bom["bomFormat"] = "CycloneDX";
        bom["specVersion"] = "1.5";
        bom["serialNumber"] = "urn:uuid:" + sbom::uuid_v5("bulwark:cyclonedx:" + ids);
        bom["version"] = 1;
        Json metadata = Json::object();
        if (!imgs.empty()) {
            if (std::string ts = sbom::utc_timestamp(imgs.front()->created); !ts.empty()) {
                metadata["timestamp"] = ts;
            }
        }
        Json tool = Json{{"type", "application"}, {"name", "bulwark"}, {"version", report.tool_version}};
        metadata["tools"] = Json{{"components", Json::array({tool})}};
        Json components = Json::array();
        if (imgs.size() == 1) {
            const model::ImageSpec& image = *imgs.front();
            metadata["component"] = image_json(image, image.id.empty() ? "image" : image.id);
            for (const model::Package& p : image.packages) {
                components.push_back(package_json(p, image, p.purl));
            }
        } else {
            // bom-refs are unique in a document: qualify them by the image's position.
            for (size_t i = 0; i < imgs.size(); ++i) {
                const model::ImageSpec& image = *imgs[i];
                Json c = image_json(image, fmt::format("image-{}:{}", i + 1, image.id));
                Json nested = Json::array();
                for (const model::Package& p : image.packages) {
                    nested.push_back(package_json(p, image, fmt::format("image-{}:{}", i + 1, p.purl)));
                }
                if (!nested.empty()) {
                    c["components"] = std::move(nested);
                }
                components.push_back(std::move(c));
            }
        }
        bom["metadata"] = std::move(metadata);
        bom["components"] = std::move(components);
        out << bom.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
    }
};

}  // namespace

std::unique_ptr<Renderer> make_cyclonedx_renderer() {
    return std::make_unique<CycloneDxRenderer>();
}

}  // namespace bulwark::report
