// Python core metadata: *.dist-info/METADATA, *.egg-info/PKG-INFO and *.egg-info files.
#include <array>

#include "bulwark/input/image/packages/fields.hpp"
#include "bulwark/input/image/packages/parsers.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::input::image::packages {

namespace {

/// Trove license classifiers -> SPDX ids (the common ones; others keep the classifier's name).
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> k_classifiers = {{
    {"MIT License", "MIT"},
    {"Apache Software License", "Apache-2.0"},
    {"BSD License", "BSD-3-Clause"},
    {"ISC License (ISCL)", "ISC"},
    {"Mozilla Public License 2.0 (MPL 2.0)", "MPL-2.0"},
    {"GNU General Public License v2 (GPLv2)", "GPL-2.0-only"},
    {"GNU General Public License v2 or later (GPLv2+)", "GPL-2.0-or-later"},
    {"GNU General Public License v3 (GPLv3)", "GPL-3.0-only"},
    {"GNU General Public License v3 or later (GPLv3+)", "GPL-3.0-or-later"},
    {"GNU Lesser General Public License v2 (LGPLv2)", "LGPL-2.0-only"},
    {"GNU Lesser General Public License v2 or later (LGPLv2+)", "LGPL-2.0-or-later"},
    {"GNU Lesser General Public License v3 (LGPLv3)", "LGPL-3.0-only"},
    {"GNU Lesser General Public License v3 or later (LGPLv3+)", "LGPL-3.0-or-later"},
    {"Python Software Foundation License", "PSF-2.0"},
    {"The Unlicense (Unlicense)", "Unlicense"},
    {"Zope Public License", "ZPL-2.1"},
}};

bool useful_license(std::string_view v) {
    return !v.empty() && v.size() <= 100 && v.find('\n') == std::string_view::npos &&
           !util::iequals(v, "UNKNOWN");
}

}  // namespace

std::string normalize_python_name(std::string_view name) {
    std::string out;
    bool sep = false;
    for (char c : name) {
        if (c == '-' || c == '_' || c == '.') {
            sep = true;
            continue;
        }
        if (sep && !out.empty()) {
            out += '-';
        }
        sep = false;
        out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    return out;
}

std::optional<model::Package> parse_python_metadata(std::string_view text) {
    std::optional<model::Package> out;
    detail::for_each_paragraph(
        text,
        [&](const detail::Paragraph& para) {
            std::string_view name = detail::field(para, "Name");
            std::string_view version = detail::field(para, "Version");
            if (name.empty() || version.empty()) {
                return false;
            }
            model::Package p;
            p.type = "pypi";
            p.name = std::string(name);
            p.version = std::string(version);
            std::string_view expr = detail::field(para, "License-Expression");
            std::string_view license = detail::field(para, "License");
            if (useful_license(expr)) {
                p.licenses.emplace_back(expr);
            } else if (useful_license(license)) {
                p.licenses.emplace_back(license);
            } else {
                for (const auto& [key, value] : para) {
                    constexpr std::string_view k_prefix = "License :: OSI Approved :: ";
                    constexpr std::string_view k_prefix2 = "License :: ";
                    if (!util::iequals(key, "Classifier") || !util::starts_with(value, k_prefix2)) {
                        continue;
                    }
                    std::string_view cls = value;
                    cls.remove_prefix(util::starts_with(cls, k_prefix) ? k_prefix.size() : k_prefix2.size());
                    std::string mapped(cls);
                    for (const auto& [trove, spdx] : k_classifiers) {
                        if (cls == trove) {
                            mapped = std::string(spdx);
                        }
                    }
                    if (p.licenses.size() < 16) {
                        p.licenses.push_back(std::move(mapped));
                    }
                }
            }
            out = std::move(p);
            return true;
        },
        true);
    return out;
}

}  // namespace bulwark::input::image::packages
