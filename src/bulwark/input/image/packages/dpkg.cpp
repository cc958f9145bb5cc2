// dpkg's database: /var/lib/dpkg/status (deb822) and distroless status.d/ files, plus the license
// names of machine-readable copyright files.
#include <algorithm>

#include "bulwark/input/image/packages/fields.hpp"
#include "bulwark/input/image/packages/parsers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::image::packages {

namespace detail {

std::string_view field(const Paragraph& para, std::string_view name) {
    for (const auto& [key, value] : para) {
        if (util::iequals(key, name)) {
            return value;
        }
    }
    return {};
}

}  // namespace detail

std::vector<model::Package> parse_dpkg_status(std::string_view text, bool all_installed) {
    std::vector<model::Package> out;
    detail::for_each_paragraph(text, [&](const detail::Paragraph& para) {
        if (out.size() >= k_max_packages) {
            return false;
        }
        std::string_view name = detail::field(para, "Package");
        std::string_view version = detail::field(para, "Version");
        if (name.empty() || version.empty()) {
            return true;
        }
        if (!all_installed) {
            // "want flag status": only fully installed packages are in the filesystem.
            std::string_view status = detail::field(para, "Status");
            std::vector<std::string_view> words;
            for (std::string_view w : util::split(status, ' ')) {
                if (!w.empty()) {
                    words.push_back(w);
                }
            }
            if (words.size() != 3 || words[2] != "installed") {
                return true;
            }
        }
        model::Package p;
        p.type = "deb";
        p.name = std::string(name);
        p.version = std::string(version);
        p.arch = std::string(detail::field(para, "Architecture"));
        std::string_view source = detail::field(para, "Source");
        if (!source.empty()) {
            // "glibc" or "glibc (2.36-9)": the version defaults to the binary package's.
            p.source = std::string(source);
            if (source.find('(') == std::string_view::npos) {
                p.source += " (" + p.version + ")";
            }
        }
        out.push_back(std::move(p));
        return true;
    });
    return out;
}

std::vector<std::string> parse_dep5_licenses(std::string_view text) {
    std::vector<std::string> out;
    bool first = true;
    bool dep5 = false;
    detail::for_each_paragraph(text, [&](const detail::Paragraph& para) {
        if (first) {
            first = false;
            std::string_view format = detail::field(para, "Format");
            dep5 = format.find("copyright-format/1.0") != std::string_view::npos ||
                   format.find("dep5") != std::string_view::npos;
            if (!dep5) {
                return false;
            }
        }
        // Files paragraphs name the licenses that apply; stand-alone License paragraphs only
        // carry texts of names already used.
        if (detail::field(para, "Files").empty()) {
            return true;
        }
        std::string_view license = detail::field(para, "License");
        std::string_view name = license.substr(0, license.find('\n'));
        name = util::trim(name);
        if (!name.empty() && name.size() < 200 && std::find(out.begin(), out.end(), name) == out.end() &&
            out.size() < 64) {
            out.emplace_back(name);
        }
        return true;
    });
    return dep5 ? out : std::vector<std::string>{};
}

}  // namespace bulwark::input::image::packages
