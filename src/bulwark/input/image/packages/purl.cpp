// Package URLs (https://github.com/package-url/purl-spec): pkg:TYPE/NAMESPACE/NAME@VERSION?QUALIFIERS.
#include <fmt/format.h>

#include "bulwark/input/image/packages/parsers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::image::packages {

std::string purl_encode(std::string_view s, bool keep_slash, bool keep_colon) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        bool unreserved = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                          c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved || (keep_slash && c == '/') || (keep_colon && c == ':')) {
            out += c;
        } else {
            out += fmt::format("%{:02X}", u);
        }
    }
    return out;
}

void assign_purl(model::Package& p, const model::OsRelease& os) {
    std::vector<std::pair<std::string_view, std::string>> qualifiers;  // sorted by key
    std::string name = p.name;
    std::string ns = p.namespace_;
    bool distro_package = p.type == "deb" || p.type == "apk" || p.type == "rpm";
    if (distro_package) {
        std::string fallback = p.type == "deb" ? "debian" : p.type == "apk" ? "alpine" : "";
        ns = util::to_lower(os.id.empty() ? fallback : os.id);
        p.namespace_ = ns;
        if (!p.arch.empty()) {
            qualifiers.emplace_back("arch", p.arch);
        }
        if (!os.id.empty() && !os.version_id.empty()) {
            qualifiers.emplace_back("distro", util::to_lower(os.id) + "-" + os.version_id);
        }
    } else if (p.type == "pypi") {
        name = normalize_python_name(name);
    } else if (p.type == "golang") {
        // The module path's last element is the name, the rest the namespace.
        size_t slash = name.rfind('/');
        if (slash != std::string::npos) {
            ns = name.substr(0, slash);
            name = name.substr(slash + 1);
        }
    }
    std::string out = "pkg:" + p.type + "/";
    if (!ns.empty()) {
        // Each namespace segment is encoded on its own; '/' separates them.
        out += purl_encode(ns, true) + "/";
    }
    out += purl_encode(name);
    if (!p.version.empty()) {
        out += "@" + purl_encode(p.version, false, true);
    }
    for (size_t i = 0; i < qualifiers.size(); ++i) {
        out +=
            (i == 0 ? "?" : "&") + std::string(qualifiers[i].first) + "=" + purl_encode(qualifiers[i].second);
    }
    p.purl = std::move(out);
}

}  // namespace bulwark::input::image::packages
