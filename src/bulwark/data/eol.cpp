#include "bulwark/data/eol.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "bulwark/data/eol_replacement.hpp"
#include "bulwark/data/eol_tables.hpp"
#include "bulwark/data/memo.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::data {

namespace {

using eol_tables::Cycle;
using eol_tables::Product;

/// How a product's release cycle is written in a version token.
enum class CycleForm { major, major_minor, node, postgres, amazonlinux, any };

struct ImageProduct {
    std::string_view product;
    CycleForm form;
};

// Official images (Docker Hub "library/" names) and the product each one is.
constexpr std::array<std::pair<std::string_view, ImageProduct>, 16> k_official = {{
    {"debian", {"debian", CycleForm::major}},
    {"ubuntu", {"ubuntu", CycleForm::major_minor}},
    {"alpine", {"alpine", CycleForm::major_minor}},
    {"centos", {"centos", CycleForm::major}},
    {"fedora", {"fedora", CycleForm::major}},
    {"amazonlinux", {"amazonlinux", CycleForm::amazonlinux}},
    {"python", {"python", CycleForm::major_minor}},
    {"node", {"node", CycleForm::node}},
    {"golang", {"golang", CycleForm::major_minor}},
    {"php", {"php", CycleForm::major_minor}},
    {"ruby", {"ruby", CycleForm::major_minor}},
    {"openjdk", {"openjdk", CycleForm::any}},
    {"adoptopenjdk", {"adoptopenjdk", CycleForm::any}},
    {"eclipse-temurin", {"eclipse-temurin", CycleForm::major}},
    {"postgres", {"postgres", CycleForm::postgres}},
    {"mysql", {"mysql", CycleForm::major_minor}},
}};

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// "docker.io/library/python" (also through the public.ecr.aws mirror of Docker Hub).
std::string canonical_name(const model::ImageRef& image) {
    std::string name;
    name.reserve(image.registry.size() + 1 + image.repository.size());
    name += image.registry;
    name += '/';
    name += image.repository;
    for (char& c : name) {
        c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;  // as util::to_lower
    }
    constexpr std::string_view k_ecr_mirror = "public.ecr.aws/docker/library/";
    if (util::starts_with(name, k_ecr_mirror)) {
        name = "docker.io/library/" + name.substr(k_ecr_mirror.size());
    }
    return name;
}

/// Docker Hub's architecture namespaces: each holds the official images built for one architecture
/// (arm32v7/debian is the arm32v7 build of debian, with the same tags; winamd64 holds the
/// `windows-amd64` builds, per the official-images README).
constexpr std::string_view k_architectures[] = {"amd64",   "arm32v5", "arm32v6",  "arm32v7",
                                                "arm64v8", "i386",    "mips64le", "ppc64le",
                                                "riscv64", "s390x",   "winamd64"};

/// Docker Hub's deprecated architecture namespaces (until 2017; the official-images README of 2016
/// lists ARMv5 `armel`, ARMv7 `armhf`, ARMv8 `aarch64`) and the namespace that continues each.
constexpr std::pair<std::string_view, std::string_view> k_deprecated_architectures[] = {
    {"armhf", "arm32v7"},
    {"armel", "arm32v5"},
    {"aarch64", "arm64v8"},
};

/// The architecture namespace of a canonical name ("docker.io/arm32v7/debian" -> "arm32v7"), or empty.
/// A deprecated namespace is read as its successor, which holds the same images and whose name the
/// replacement gives.
std::string_view architecture_of(std::string_view name) {
    constexpr std::string_view k_hub = "docker.io/";
    if (!util::starts_with(name, k_hub)) {
        return {};
    }
    std::string_view rest = name.substr(k_hub.size());
    size_t slash = rest.find('/');
    if (slash == std::string_view::npos || rest.find('/', slash + 1) != std::string_view::npos) {
        return {};
    }
    std::string_view space = rest.substr(0, slash);
    for (const auto& [deprecated, successor] : k_deprecated_architectures) {
        if (space == deprecated) {
            return successor;
        }
    }
    for (std::string_view arch : k_architectures) {
        if (arch == space) {
            return arch;
        }
    }
    return {};
}

/// The product of library image `short_name` ("python"), or nullopt.
std::optional<ImageProduct> official_product(std::string_view short_name) {
    for (const auto& [official, product] : k_official) {
        if (official == short_name) {
            return product;
        }
    }
    return std::nullopt;
}

std::optional<ImageProduct> product_of(const std::string& name) {
    constexpr std::string_view k_library = "docker.io/library/";
    if (util::starts_with(name, k_library)) {
        return official_product(std::string_view(name).substr(k_library.size()));
    }
    if (std::string_view arch = architecture_of(name); !arch.empty()) {
        // arm32v7/python is python's arm32v7 build: the same tags, so the same cycles.
        return official_product(std::string_view(name).substr(name.rfind('/') + 1));
    }
    if (name == "quay.io/centos/centos") {
        return ImageProduct{"centos", CycleForm::major};
    }
    if (name == "registry.fedoraproject.org/fedora") {
        return ImageProduct{"fedora", CycleForm::major};
    }
    if (name == "public.ecr.aws/amazonlinux/amazonlinux") {
        return ImageProduct{"amazonlinux", CycleForm::amazonlinux};
    }
    if (util::starts_with(name, "docker.io/adoptopenjdk/")) {
        return ImageProduct{"adoptopenjdk", CycleForm::any};
    }
    for (std::string_view dotnet : {"mcr.microsoft.com/dotnet/", "mcr.microsoft.com/dotnet/core/"}) {
        if (util::starts_with(name, dotnet)) {
            std::string_view kind = std::string_view(name).substr(dotnet.size());
            if (kind == "sdk" || kind == "aspnet" || kind == "runtime" || kind == "runtime-deps") {
                return ImageProduct{"dotnet", CycleForm::major_minor};
            }
        }
    }
    if (name == "docker.io/microsoft/dotnet" || name == "docker.io/microsoft/aspnetcore" ||
        name == "docker.io/microsoft/aspnetcore-build") {
        return ImageProduct{"dotnet", CycleForm::major_minor};
    }
    return std::nullopt;
}

/// The non-empty '-'-separated words of `tag`.
std::vector<std::string_view> tokens_of(std::string_view tag) {
    std::vector<std::string_view> out;
    while (!tag.empty()) {
        size_t dash = std::min(tag.find('-'), tag.size());
        if (dash > 0) {
            out.push_back(tag.substr(0, dash));
        }
        tag.remove_prefix(std::min(dash + 1, tag.size()));
    }
    return out;
}

/// Leading dotted numbers of a version token: "3.7.12" -> {3,7,12}; "8u342" -> {8};
/// "17.0.8.1_1" -> {17,0,8,1}.
std::vector<std::string_view> numeric_parts(std::string_view token) {
    std::vector<std::string_view> parts;
    size_t i = 0;
    while (i < token.size() && is_digit(token[i])) {
        size_t start = i;
        while (i < token.size() && is_digit(token[i])) {
            ++i;
        }
        parts.push_back(token.substr(start, i - start));
        if (i < token.size() && token[i] == '.') {
            ++i;
        } else {
            break;
        }
    }
    return parts;
}

/// Tags that move between releases: no cycle can be read from them.
std::string floating_major(std::string_view product, std::string_view major) {
    if (product == "python" && major == "2") {
        return "2.7";
    }
    if (product == "ruby" && major == "2") {
        return "2.7";
    }
    if (product == "php" && major == "5") {
        return "5.6";
    }
    if (product == "php" && major == "7") {
        return "7.4";
    }
    if (product == "mysql" && major == "5") {
        return "5.7";
    }
    if (product == "dotnet" && major.size() >= 1 && (major.size() > 1 || major[0] >= '5')) {
        return std::string(major) + ".0";  // .NET 5+ only ever had a .0 minor
    }
    return {};
}

std::string cycle_from_version(const ImageProduct& ip, std::string_view token) {
    std::vector<std::string_view> p = numeric_parts(token);
    if (p.empty()) {
        return {};
    }
    switch (ip.form) {
        case CycleForm::any:
        case CycleForm::major:
            return std::string(p[0]);
        case CycleForm::major_minor:
            if (p.size() >= 2) {
                return std::string(p[0]) + "." + std::string(p[1]);
            }
            return floating_major(ip.product, p[0]);
        case CycleForm::node:
            if (p[0] == "0") {
                return p.size() >= 2 ? "0." + std::string(p[1]) : std::string();
            }
            return std::string(p[0]);
        case CycleForm::postgres:
            if (p[0].size() >= 2) {
                return std::string(p[0]);
            }
            return p.size() >= 2 ? std::string(p[0]) + "." + std::string(p[1]) : std::string();
        case CycleForm::amazonlinux:
            return p[0] == "2018" ? "1" : std::string(p[0]);
    }
    return {};
}

/// A token naming a distribution release inside some other image's tag.
struct OsToken {
    std::string_view product;
    std::string cycle;
};

struct Codename {
    std::string_view codename;
    std::string_view product;
    std::string_view cycle;
};

/// Debian then Ubuntu codenames, sorted by codename for binary search; among equal codenames
/// table order is kept (the first in Debian-then-Ubuntu order wins). Built once.
const std::vector<Codename>& os_codenames() {
    static const std::vector<Codename> table = [] {
        std::vector<Codename> out;
        for (std::string_view os : {"debian", "ubuntu"}) {
            for (const Cycle& c : eol_tables::find_product(os)->cycles) {
                if (!c.codename.empty()) {
                    out.push_back({c.codename, os, c.cycle});
                }
            }
        }
        std::stable_sort(out.begin(), out.end(),
                         [](const Codename& a, const Codename& b) { return a.codename < b.codename; });
        return out;
    }();
    return table;
}

/// The distribution release `token` names, if any. `token` is a word of a lowercased tag.
std::optional<OsToken> os_token(std::string_view token) {
    std::string_view lower = token;
    // Codenames are words: version tokens ("3.12") stop here.
    if (!lower.empty() && !is_digit(lower[0])) {
        const std::vector<Codename>& codenames = os_codenames();
        auto it = std::lower_bound(codenames.begin(), codenames.end(), lower,
                                   [](const Codename& c, std::string_view t) { return c.codename < t; });
        if (it != codenames.end() && it->codename == lower) {
            return OsToken{it->product, std::string(it->cycle)};
        }
    }
    if (util::starts_with(lower, "alpine") && lower.size() > 6 && is_digit(lower[6])) {
        std::vector<std::string_view> parts = numeric_parts(lower.substr(6));
        if (parts.size() >= 2) {
            return OsToken{"alpine", std::string(parts[0]) + "." + std::string(parts[1])};
        }
    }
    if (util::starts_with(lower, "centos") && lower.size() > 6 && is_digit(lower[6])) {
        std::vector<std::string_view> parts = numeric_parts(lower.substr(6));
        if (!parts.empty()) {
            return OsToken{"centos", std::string(parts[0])};
        }
    }
    return std::nullopt;
}

std::string display_name(const Product& p, const Cycle& c, std::string_view cycle) {
    std::string out(p.label);
    out += ' ';
    out += cycle;
    if (!c.codename.empty()) {
        out += " (";
        out += c.codename;
        out += ')';
    }
    return out;
}

std::optional<EolInfo> make_info(const Product& p, std::string_view cycle_text) {
    const Cycle* c = eol_tables::find_cycle(p, cycle_text);
    if (c == nullptr) {
        return std::nullopt;
    }
    EolInfo info;
    info.product = std::string(p.id);
    info.cycle = c->cycle == "*" ? std::string(cycle_text) : std::string(c->cycle);
    info.name = c->cycle == "*"
                    ? std::string(p.label) + (cycle_text.empty() ? "" : " " + std::string(cycle_text))
                    : display_name(p, *c, c->cycle);
    info.eol = std::string(c->eol);
    return info;
}

/// Cycle of an OS product written as the image's own tag (codename, number, "centos7", "stream9").
std::string os_cycle_from_tag(const ImageProduct& ip, const Product& p, std::string_view first) {
    std::string lower = util::to_lower(first);
    for (const Cycle& c : p.cycles) {
        if (!c.codename.empty() && c.codename == lower) {
            return std::string(c.cycle);
        }
    }
    if (ip.product == "centos") {
        if (util::starts_with(lower, "stream")) {
            return lower;
        }
        if (util::starts_with(lower, "centos")) {
            lower = lower.substr(6);
        }
    }
    return cycle_from_version(ip, lower);
}

std::vector<EolInfo> compute_eol_all(const model::ImageRef& image);

}  // namespace

std::vector<EolInfo> lookup_eol_all(const model::ImageRef& image) {
    if (image.tag.empty() || util::iequals(image.tag, "latest")) {
        return {};  // as compute_eol_all answers, without the memo's key and lock
    }
    static ImageMemo<std::vector<EolInfo>> memo;
    return memo.get(image, compute_eol_all);
}

namespace {

std::vector<EolInfo> compute_eol_all(const model::ImageRef& image) {
    std::vector<EolInfo> out;
    std::string tag = util::to_lower(image.tag);
    if (tag.empty() || tag == "latest") {
        return out;
    }
    std::vector<std::string_view> tokens = tokens_of(tag);
    if (tokens.empty()) {
        return out;
    }
    std::string name = canonical_name(image);
    std::string_view architecture = architecture_of(name);
    std::optional<ImageProduct> ip = product_of(name);
    bool is_os_image = false;
    std::string known_cycle;  // the image's own cycle when the tables know it
    if (ip) {
        const Product* p = eol_tables::find_product(ip->product);
        bool os = eol_tables::is_os_product(ip->product);
        is_os_image = os;
        std::string cycle;
        if (os) {
            cycle = os_cycle_from_tag(*ip, *p, tokens.front());
        } else if (is_digit(tokens.front()[0])) {
            cycle = cycle_from_version(*ip, tokens.front());
        } else if (ip->product == "node") {
            cycle = std::string(tokens.front());  // codename tags: "gallium-alpine"
        }
        if (!cycle.empty()) {
            if (std::optional<EolInfo> info = make_info(*p, cycle)) {
                known_cycle = info->cycle;
                eol_replacement::Replacement r = eol_replacement::for_product(
                    {image, name, architecture, ip->product, known_cycle, tokens});
                info->suggestion = std::move(r.reference);
                info->advice = std::move(r.advice);
                info->image_product = true;
                out.push_back(std::move(*info));
            }
        }
    }
    if (!is_os_image) {
        for (size_t i = 0; i < tokens.size(); ++i) {
            std::optional<OsToken> os = os_token(tokens[i]);
            if (!os) {
                continue;
            }
            const Product* p = eol_tables::find_product(os->product);
            std::optional<EolInfo> info = make_info(*p, os->cycle);
            if (!info) {
                continue;
            }
            std::string_view own = ip ? ip->product : std::string_view();
            eol_replacement::Replacement r = eol_replacement::for_distribution(
                {image, name, architecture, own, known_cycle, tokens}, i, os->product);
            info->suggestion = std::move(r.reference);
            info->advice = std::move(r.advice);
            out.push_back(std::move(*info));
        }
    }
    if (out.size() > 1) {  // std::stable_sort would set up a buffer even for one element
        std::stable_sort(out.begin(), out.end(),
                         [](const EolInfo& a, const EolInfo& b) { return a.eol < b.eol; });
    }
    return out;
}

}  // namespace

std::optional<EolInfo> lookup_eol(const model::ImageRef& image) {
    std::vector<EolInfo> all = lookup_eol_all(image);
    if (all.empty()) {
        return std::nullopt;
    }
    return all.front();
}

std::optional<EolInfo> lookup_os_eol(std::string_view os_id, std::string_view version_id) {
    std::string id = util::to_lower(util::trim(os_id));
    std::string_view version = util::trim(version_id);
    if (version.size() >= 2 && (version.front() == '"' || version.front() == '\'') &&
        version.back() == version.front()) {
        version = version.substr(1, version.size() - 2);
    }
    std::vector<std::string_view> parts = numeric_parts(version);
    if (parts.empty()) {
        return std::nullopt;
    }
    std::string product;
    std::string cycle;
    std::string image;
    if (id == "debian" || id == "fedora") {
        product = id;
        cycle = std::string(parts[0]);
    } else if (id == "ubuntu" || id == "alpine") {
        if (parts.size() < 2) {
            return std::nullopt;
        }
        product = id;
        cycle = std::string(parts[0]) + "." + std::string(parts[1]);
    } else if (id == "centos") {
        product = id;
        cycle = std::string(parts[0]);
        if (cycle == "9") {
            cycle = "stream9";  // only CentOS Stream had a 9
        }
    } else if (id == "amzn") {
        product = "amazonlinux";
        cycle = parts[0] == "2018" ? "1" : std::string(parts[0]);
    } else {
        return std::nullopt;
    }
    const Product* p = eol_tables::find_product(product);
    std::optional<EolInfo> info = p == nullptr ? std::nullopt : make_info(*p, cycle);
    if (info) {
        std::string repo = product == "centos" ? "quay.io/centos/centos" : product;
        info->suggestion = repo + ":" + std::string(p->recommended);
    }
    return info;
}

bool eol_reached(const EolInfo& info, std::string_view today) {
    return !info.eol.empty() && !today.empty() && today >= std::string_view(info.eol);
}

}  // namespace bulwark::data
