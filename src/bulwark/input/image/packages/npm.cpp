// Node packages: node_modules/NAME/package.json and node_modules/@SCOPE/NAME/package.json.
#include <nlohmann/json.hpp>

#include "bulwark/input/image/packages/parsers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::image::packages {

bool is_npm_manifest_path(std::string_view path) {
    constexpr std::string_view k_file = "/package.json";
    if (!util::ends_with(path, k_file)) {
        return false;
    }
    std::string_view dir = path.substr(0, path.size() - k_file.size());
    auto parent = [](std::string_view p) {
        size_t slash = p.rfind('/');
        return slash == std::string_view::npos ? std::string_view{} : p.substr(0, slash);
    };
    auto base = [](std::string_view p) {
        size_t slash = p.rfind('/');
        return slash == std::string_view::npos ? p : p.substr(slash + 1);
    };
    std::string_view name = base(dir);
    if (name.empty() || name.front() == '@' || name.front() == '.') {
        return false;
    }
    std::string_view up = parent(dir);
    if (base(up) == "node_modules") {
        return true;
    }
    std::string_view scope = base(up);
    return scope.size() > 1 && scope.front() == '@' && base(parent(up)) == "node_modules";
}

std::optional<model::Package> parse_npm_package_json(std::string_view text) {
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (!doc.is_object()) {
        return std::nullopt;
    }
    auto name = doc.find("name");
    auto version = doc.find("version");
    if (name == doc.end() || version == doc.end() || !name->is_string() || !version->is_string()) {
        return std::nullopt;
    }
    model::Package p;
    p.type = "npm";
    std::string full = name->get<std::string>();
    if (full.empty() || full.size() > 214 || version->get_ref<const std::string&>().empty()) {
        return std::nullopt;
    }
    if (full.front() == '@' && full.find('/') != std::string::npos) {
        p.namespace_ = full.substr(0, full.find('/'));
        p.name = full.substr(full.find('/') + 1);
    } else {
        p.name = full;
    }
    if (p.name.empty()) {
        return std::nullopt;
    }
    p.version = version->get<std::string>();
    auto add_license = [&](const nlohmann::json& v) {
        if (v.is_string() && !v.get_ref<const std::string&>().empty()) {
            p.licenses.push_back(v.get<std::string>());
        } else if (v.is_object() && v.contains("type") && v["type"].is_string()) {
            p.licenses.push_back(v["type"].get<std::string>());
        }
    };
    if (auto l = doc.find("license"); l != doc.end()) {
        add_license(*l);
    } else if (auto ls = doc.find("licenses"); ls != doc.end() && ls->is_array()) {
        for (const auto& v : *ls) {
            if (p.licenses.size() < 16) {
                add_license(v);
            }
        }
    }
    return p;
}

}  // namespace bulwark::input::image::packages
