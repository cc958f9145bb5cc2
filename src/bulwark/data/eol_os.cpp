// EOL tables for distributions used as base images.
//
// Sources (checked 2026-11-23):
// - Debian: endoflife.date/debian (products/debian.md) and wiki.debian.org/LTS. The date is the end
//   of Debian LTS, i.e. of free security updates (regular security support ends ~2 years earlier).
// - Ubuntu: endoflife.date/ubuntu (products/ubuntu.md, "eol" = end of standard support; ESM is a
//   paid Ubuntu Pro service and not counted).
// - Alpine: endoflife.date/alpine-linux (alpinelinux.org/releases "End of support").
// - CentOS: endoflife.date/centos and /centos-stream; blog.centos.org (CentOS 7: 2024-06-30).
// - Fedora: fedoraproject.org/wiki/End_of_life and the f-4x key-tasks schedules.
// - Amazon Linux: aws.amazon.com/amazon-linux-2/faqs (AL2 end of support 2026-06-30),
//   Amazon Linux AMI 2018.03 (2023-12-31), Amazon Linux 2023 (2029-06-30).
// Architectures (checked 2026-12-03): the Architectures lines of docker-library/official-images
// library/debian, library/ubuntu and library/alpine (via library/python's alpine3.23 list): Debian 13
// has no mips64le image, Ubuntu 24.04 no arm32v5, arm32v6 or i386 one. Only the recommended releases
// carry the list: a new recommendation without one names no tag in an architecture namespace.
#include "bulwark/data/eol_tables.hpp"

#include <algorithm>

namespace bulwark::data::eol_tables {

namespace {

// The recommended releases, each with the architecture namespaces it is built for.
constexpr std::string_view k_debian_13_architectures[] = {"amd64", "arm32v5", "arm32v7", "arm64v8",
                                                          "i386",  "ppc64le", "riscv64", "s390x"};
constexpr Cycle k_debian_13 = {"13", "2030-06-30", "trixie", k_debian_13_architectures};
constexpr std::string_view k_ubuntu_2404_architectures[] = {"amd64",   "arm32v7", "arm64v8",
                                                            "ppc64le", "riscv64", "s390x"};
constexpr Cycle k_ubuntu_2404 = {"24.04", "2029-05-31", "noble", k_ubuntu_2404_architectures};
constexpr std::string_view k_alpine_323_architectures[] = {"amd64", "arm32v6", "arm32v7", "arm64v8",
                                                           "i386",  "ppc64le", "riscv64", "s390x"};
constexpr Cycle k_alpine_323 = {"3.23", "2027-11-01", "", k_alpine_323_architectures};

constexpr Cycle k_debian[] = {
    {"6", "2016-02-29", "squeeze"},   {"7", "2018-05-31", "wheezy"},
    {"8", "2020-06-30", "jessie"},    {"9", "2022-06-30", "stretch"},
    {"10", "2024-06-30", "buster"},   {"11", "2026-08-31", "bullseye"},
    {"12", "2028-06-30", "bookworm"}, k_debian_13,
};

constexpr Cycle k_ubuntu[] = {
    {"12.04", "2017-04-28", "precise"},  {"14.04", "2019-04-02", "trusty"},
    {"14.10", "2015-07-23", "utopic"},   {"15.04", "2016-02-04", "vivid"},
    {"15.10", "2016-07-28", "wily"},     {"16.04", "2021-04-02", "xenial"},
    {"16.10", "2017-07-20", "yakkety"},  {"17.04", "2018-01-13", "zesty"},
    {"17.10", "2018-07-19", "artful"},   {"18.04", "2023-05-31", "bionic"},
    {"18.10", "2019-07-18", "cosmic"},   {"19.04", "2020-01-23", "disco"},
    {"19.10", "2020-07-06", "eoan"},     {"20.04", "2025-05-31", "focal"},
    {"20.10", "2021-07-22", "groovy"},   {"21.04", "2022-01-20", "hirsute"},
    {"21.10", "2022-07-14", "impish"},   {"22.04", "2027-04-01", "jammy"},
    {"22.10", "2023-07-20", "kinetic"},  {"23.04", "2024-01-20", "lunar"},
    {"23.10", "2024-07-12", "mantic"},   k_ubuntu_2404,
    {"24.10", "2025-07-10", "oracular"}, {"25.04", "2026-01-17", "plucky"},
    {"25.10", "2026-07-01", "questing"}, {"26.04", "2031-04-30", "resolute"},
};

constexpr Cycle k_alpine[] = {
    {"3.0", "2016-05-01", ""},  {"3.1", "2016-11-01", ""},  {"3.2", "2017-05-01", ""},
    {"3.3", "2017-11-01", ""},  {"3.4", "2018-05-01", ""},  {"3.5", "2018-11-01", ""},
    {"3.6", "2019-05-01", ""},  {"3.7", "2019-11-01", ""},  {"3.8", "2020-05-01", ""},
    {"3.9", "2020-11-01", ""},  {"3.10", "2021-05-01", ""}, {"3.11", "2021-11-01", ""},
    {"3.12", "2022-05-01", ""}, {"3.13", "2022-11-01", ""}, {"3.14", "2023-05-01", ""},
    {"3.15", "2023-11-01", ""}, {"3.16", "2024-05-23", ""}, {"3.17", "2024-11-22", ""},
    {"3.18", "2025-05-09", ""}, {"3.19", "2025-11-01", ""}, {"3.20", "2026-04-01", ""},
    {"3.21", "2026-11-01", ""}, {"3.22", "2027-05-01", ""}, k_alpine_323,
};

constexpr Cycle k_centos[] = {
    {"6", "2020-11-30", ""},       {"7", "2024-06-30", ""},       {"8", "2021-12-31", ""},
    {"stream8", "2024-05-31", ""}, {"stream9", "2027-05-31", ""},
};

constexpr Cycle k_fedora[] = {
    {"28", "2019-05-28", ""}, {"29", "2019-11-26", ""}, {"30", "2020-05-26", ""}, {"31", "2020-11-24", ""},
    {"32", "2021-05-25", ""}, {"33", "2021-11-30", ""}, {"34", "2022-06-07", ""}, {"35", "2022-12-13", ""},
    {"36", "2023-05-16", ""}, {"37", "2023-12-05", ""}, {"38", "2024-05-21", ""}, {"39", "2024-11-26", ""},
    {"40", "2025-05-13", ""}, {"41", "2025-11-19", ""}, {"42", "2026-05-13", ""},
};

constexpr Cycle k_amazonlinux[] = {
    {"1", "2023-12-31", ""},
    {"2", "2026-06-30", ""},
    {"2023", "2029-06-30", ""},
};

constexpr Product k_os[] = {
    {"debian", "Debian", k_debian, "trixie"}, {"ubuntu", "Ubuntu", k_ubuntu, "24.04"},
    {"alpine", "Alpine", k_alpine, "3.23"},   {"centos", "CentOS", k_centos, "stream9"},
    {"fedora", "Fedora", k_fedora, "44"},     {"amazonlinux", "Amazon Linux", k_amazonlinux, "2023"},
};

}  // namespace

std::span<const Product> os_products() {
    return k_os;
}

bool is_os_product(std::string_view id) {
    return std::any_of(std::begin(k_os), std::end(k_os), [&](const Product& p) { return p.id == id; });
}

}  // namespace bulwark::data::eol_tables
