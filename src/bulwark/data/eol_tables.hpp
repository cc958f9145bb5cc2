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

struct Product {
    std::string_view id;     // "debian"
    std::string_view label;  // "Debian"
    std::span<const Cycle> cycles;
    std::string_view recommended;  // cycle (or tag) to suggest instead: "trixie", "3.13"; the one
                                   // place that names it (replacements and their architectures read it)
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
/// Cycle of `product` by cycle name or codename (case-sensitive, lower-case data), or nullptr.
const Cycle* find_cycle(const Product& product, std::string_view cycle_or_codename);

}  // namespace bulwark::data::eol_tables
