#pragma once
// Internal to data/: the EOL tables, one file per family (eol_os.cpp, eol_runtimes.cpp).
#include <span>
#include <string_view>

namespace bulwark::data::eol_tables {

struct Cycle {
    std::string_view cycle;     // "10", "3.7", "18.04"
    std::string_view eol;       // YYYY-MM-DD
    std::string_view codename;  // "buster", "bionic"; empty when none
    // The Docker Hub architecture namespaces the official image of this release is built for
    // ("arm64v8" ...); empty when the tables do not say, which names no tag in a namespace.
    std::span<const std::string_view> architectures = {};
};

/// A family of a runtime release's official tags and the Docker Hub architecture namespaces its
/// tags are built for (a runtime's replacement named in arm32v7/python reads it).
struct Build {
    std::string_view release;  // "3.13", "21"
    std::string_view family;   // "debian": the default tags on the image's Debian or Ubuntu release and
                               // their slim, jre ... variants; "alpine"; "windows"
    std::span<const std::string_view> architectures;
};

struct Product {
    std::string_view id;     // "debian"
    std::string_view label;  // "Debian"
    std::span<const Cycle> cycles;
    std::string_view recommended;  // cycle (or tag) to suggest instead: "trixie", "3.13"; the one
                                   // place that names it (replacements and their architectures read it)
    // Runtimes: the families of the releases a replacement may name and their architectures; a
    // release and family not listed names no tag in an architecture namespace.
    std::span<const Build> builds = {};
};

/// Distributions: debian, ubuntu, alpine, centos, fedora, amazonlinux.
std::span<const Product> os_products();
/// True when `id` is one of os_products() (a distribution, not a runtime).
bool is_os_product(std::string_view id);
/// Language runtimes and databases: python, node, golang, php, ruby, openjdk, adoptopenjdk,
/// eclipse-temurin, dotnet, postgres, mysql.
std::span<const Product> runtime_products();

/// Product by id from either table, or nullptr.
const Product* find_product(std::string_view id);
/// The build of `product`'s `release` in `family` ("debian", "alpine", "windows"), or nullptr.
const Build* find_build(const Product& product, std::string_view release, std::string_view family);
/// Cycle of `product` by cycle name or codename (case-sensitive, lower-case data), or nullptr.
const Cycle* find_cycle(const Product& product, std::string_view cycle_or_codename);

}  // namespace bulwark::data::eol_tables
