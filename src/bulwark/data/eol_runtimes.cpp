// EOL tables for language runtimes and databases shipped as official base images.
//
// Sources (checked 2026-11-23):
// - Python: devguide.python.org/versions (release-cycle.json) and endoflife.date/python.
// - Node.js: github.com/nodejs/Release schedule.json ("end").
// - Go: endoflife.date/go (a release is supported until the second newer one ships; go1.27
//   shipped 2026-08-19 per docker-library/official-images#22100).
// - PHP: php.net/eol.php and php.net/supported-versions.php (since 2024: end of the 4th year).
// - Ruby: endoflife.date/ruby (ruby-lang.org/en/downloads/branches).
// - openjdk image: deprecated on Docker Hub; GA builds removed 2022-08-03
//   (docker-library/openjdk#510). adoptopenjdk image: no updates after 2021-08-01.
// - Eclipse Temurin: adoptium.net/support ("at least" dates for LTS; a non-LTS release ends when
//   the next feature release ships).
// - .NET: dotnet.microsoft.com/platform/support/policy/dotnet-core (STS extended to 24 months).
// - PostgreSQL: postgresql.org/support/versioning.
// - MySQL: Oracle Lifetime Support Policy (5.7: October 2023, 8.0: April 2026; month-only dates
//   use the last day of the month).
//
// Architectures of the releases replacements name (checked 2026-12-03; Docker Hub namespace names:
// the official-images README maps `windows-amd64` to winamd64/). A release and family not listed
// gives words in a namespace, never a guessed tag.
// - python 3.11-3.14: docker-library/official-images library/python (3.14.0, October 2025): every
//   trixie and slim-trixie tag amd64, arm32v5, arm32v7, arm64v8, i386, ppc64le, riscv64, s390x; every
//   alpine3.21/alpine3.22 tag amd64, arm32v6, arm32v7, arm64v8, i386, ppc64le, riscv64, s390x (the
//   same as alpine3.23's, eol_os.cpp); docker-library/repo-info repos/python/remote/
//   3.13-slim-trixie.md (3.13.14, 2026-08-05) lists the same eight. Windows tags are never named.
// - golang 1.27: library/golang (1.24/1.25, October 2025): trixie amd64, arm32v7, arm64v8, i386,
//   ppc64le, riscv64, s390x; alpine as python's; windowsservercore and nanoserver windows-amd64;
//   repo-info repos/golang/remote/1-trixie.md (every stored version, 1.27.x since 2026-08-19) lists
//   the same trixie seven.
// - node 22 and 24: repo-info repos/node/remote/22-trixie.md and 24-trixie.md (every stored
//   version, 2026): amd64, arm64v8, ppc64le, s390x (no 32-bit ARM); 24-alpine.md: amd64, arm64v8,
//   s390x. 22's alpine tags are not in the tables.
// - eclipse-temurin 8 and 21: repo-info repos/eclipse-temurin/remote/8-jre.md and 21-jre.md, the
//   newest stored version (Windows build 10.0.26100.33438, 2026): 8 amd64, arm64v8, ppc64le (arm32v7
//   dropped in 2026), 21 amd64, arm64v8, ppc64le, s390x, both windows-amd64 (windowsservercore and
//   nanoserver tags); library/eclipse-temurin
//   (2024) builds a release's jdk and jre tags for the same architectures. 11, 17 and 25, and the
//   alpine tags, are not in the tables.
// - php, ruby, postgres, mysql: not in the tables.
#include "bulwark/data/eol_tables.hpp"

namespace bulwark::data::eol_tables {

namespace {

constexpr Cycle k_python[] = {
    {"2.6", "2013-10-29", ""},  {"2.7", "2020-01-01", ""},  {"3.3", "2017-09-29", ""},
    {"3.4", "2019-03-18", ""},  {"3.5", "2020-09-13", ""},  {"3.6", "2021-12-23", ""},
    {"3.7", "2023-06-27", ""},  {"3.8", "2024-10-07", ""},  {"3.9", "2025-10-31", ""},
    {"3.10", "2026-10-31", ""}, {"3.11", "2027-10-31", ""}, {"3.12", "2028-10-31", ""},
    {"3.13", "2029-10-31", ""}, {"3.14", "2030-10-31", ""},
};

constexpr Cycle k_node[] = {
    {"0.10", "2016-10-31", ""},      {"0.12", "2016-12-31", ""},       {"4", "2018-04-30", "argon"},
    {"5", "2016-06-30", ""},         {"6", "2019-04-30", "boron"},     {"7", "2017-06-30", ""},
    {"8", "2019-12-31", "carbon"},   {"9", "2018-06-30", ""},          {"10", "2021-04-30", "dubnium"},
    {"11", "2019-06-01", ""},        {"12", "2022-04-30", "erbium"},   {"13", "2020-06-01", ""},
    {"14", "2023-04-30", "fermium"}, {"15", "2021-06-01", ""},         {"16", "2023-09-11", "gallium"},
    {"17", "2022-06-01", ""},        {"18", "2025-04-30", "hydrogen"}, {"19", "2023-06-01", ""},
    {"20", "2026-04-30", "iron"},    {"21", "2024-06-01", ""},         {"22", "2027-04-30", "jod"},
    {"23", "2025-06-01", ""},        {"24", "2028-04-30", "krypton"},  {"25", "2026-06-01", ""},
    {"26", "2029-04-30", ""},
};

constexpr Cycle k_golang[] = {
    {"1.8", "2018-02-16", ""},  {"1.9", "2018-08-24", ""},  {"1.10", "2019-02-25", ""},
    {"1.11", "2019-09-03", ""}, {"1.12", "2020-02-25", ""}, {"1.13", "2020-08-11", ""},
    {"1.14", "2021-02-16", ""}, {"1.15", "2021-08-16", ""}, {"1.16", "2022-03-15", ""},
    {"1.17", "2022-08-02", ""}, {"1.18", "2023-02-01", ""}, {"1.19", "2023-09-06", ""},
    {"1.20", "2024-02-06", ""}, {"1.21", "2024-08-13", ""}, {"1.22", "2025-02-11", ""},
    {"1.23", "2025-08-12", ""}, {"1.24", "2026-02-11", ""}, {"1.25", "2026-08-19", ""},
};

constexpr Cycle k_php[] = {
    {"5.3", "2014-08-14", ""}, {"5.4", "2015-09-03", ""}, {"5.5", "2016-07-21", ""},
    {"5.6", "2018-12-31", ""}, {"7.0", "2019-01-10", ""}, {"7.1", "2019-12-01", ""},
    {"7.2", "2020-11-30", ""}, {"7.3", "2021-12-06", ""}, {"7.4", "2022-11-28", ""},
    {"8.0", "2023-11-26", ""}, {"8.1", "2025-12-31", ""}, {"8.2", "2026-12-31", ""},
    {"8.3", "2027-12-31", ""}, {"8.4", "2028-12-31", ""}, {"8.5", "2029-12-31", ""},
};

constexpr Cycle k_ruby[] = {
    {"2.2", "2018-03-31", ""}, {"2.3", "2019-03-31", ""}, {"2.4", "2020-03-31", ""},
    {"2.5", "2021-03-31", ""}, {"2.6", "2022-03-31", ""}, {"2.7", "2023-03-31", ""},
    {"3.0", "2024-04-23", ""}, {"3.1", "2025-03-31", ""}, {"3.2", "2026-03-31", ""},
    {"3.3", "2027-03-31", ""}, {"3.4", "2028-03-31", ""}, {"4.0", "2029-03-31", ""},
};

// Every GA tag of the deprecated image is stale; one pseudo-cycle covers them all.
constexpr Cycle k_openjdk[] = {{"*", "2022-08-03", ""}};
constexpr Cycle k_adoptopenjdk[] = {{"*", "2021-08-01", ""}};

constexpr Cycle k_temurin[] = {
    {"8", "2030-12-31", ""},  {"11", "2027-10-31", ""}, {"16", "2021-09-14", ""}, {"17", "2027-10-31", ""},
    {"18", "2022-09-20", ""}, {"19", "2023-03-21", ""}, {"20", "2023-09-19", ""}, {"21", "2029-12-31", ""},
    {"22", "2024-09-17", ""}, {"23", "2025-03-18", ""}, {"24", "2025-09-16", ""},
};

constexpr Cycle k_dotnet[] = {
    {"2.1", "2021-08-21", ""},  {"2.2", "2019-12-23", ""}, {"3.0", "2020-03-03", ""},
    {"3.1", "2022-12-13", ""},  {"5.0", "2022-05-10", ""}, {"6.0", "2024-11-12", ""},
    {"7.0", "2024-05-14", ""},  {"8.0", "2026-11-10", ""}, {"9.0", "2026-11-10", ""},
    {"10.0", "2028-11-14", ""},
};

constexpr Cycle k_postgres[] = {
    {"9.3", "2018-11-08", ""}, {"9.4", "2020-02-13", ""}, {"9.5", "2021-02-11", ""},
    {"9.6", "2021-11-11", ""}, {"10", "2022-11-10", ""},  {"11", "2023-11-09", ""},
    {"12", "2024-11-21", ""},  {"13", "2025-11-13", ""},  {"14", "2026-11-12", ""},
    {"15", "2027-11-11", ""},  {"16", "2028-11-09", ""},  {"17", "2029-11-08", ""},
    {"18", "2030-11-14", ""},
};

constexpr Cycle k_mysql[] = {
    {"5.5", "2018-12-31", ""}, {"5.6", "2021-02-28", ""}, {"5.7", "2023-10-31", ""},
    {"8.0", "2026-04-30", ""}, {"8.4", "2032-04-30", ""},
};

// The architecture namespaces of the builds below (sources in the header comment).
constexpr std::string_view k_python_debian[] = {"amd64", "arm32v5", "arm32v7", "arm64v8",
                                                "i386",  "ppc64le", "riscv64", "s390x"};
constexpr std::string_view k_python_alpine[] = {"amd64", "arm32v6", "arm32v7", "arm64v8",
                                                "i386",  "ppc64le", "riscv64", "s390x"};
constexpr std::string_view k_golang_debian[] = {"amd64",   "arm32v7", "arm64v8", "i386",
                                                "ppc64le", "riscv64", "s390x"};
constexpr std::string_view k_windows[] = {"winamd64"};
constexpr std::string_view k_node_debian[] = {"amd64", "arm64v8", "ppc64le", "s390x"};
constexpr std::string_view k_node_24_alpine[] = {"amd64", "arm64v8", "s390x"};
constexpr std::string_view k_temurin_8[] = {"amd64", "arm64v8", "ppc64le"};
constexpr std::string_view k_temurin_21[] = {"amd64", "arm64v8", "ppc64le", "s390x"};

constexpr Build k_python_builds[] = {
    {"3.11", "debian", k_python_debian}, {"3.11", "alpine", k_python_alpine},
    {"3.12", "debian", k_python_debian}, {"3.12", "alpine", k_python_alpine},
    {"3.13", "debian", k_python_debian}, {"3.13", "alpine", k_python_alpine},
    {"3.14", "debian", k_python_debian}, {"3.14", "alpine", k_python_alpine},
};

constexpr Build k_golang_builds[] = {
    {"1.27", "debian", k_golang_debian},
    {"1.27", "alpine", k_python_alpine},  // golang's alpine tags have python's architectures
    {"1.27", "windows", k_windows},
};

constexpr Build k_node_builds[] = {
    {"22", "debian", k_node_debian},
    {"24", "debian", k_node_debian},
    {"24", "alpine", k_node_24_alpine},
};

// A release's jdk and jre tags are built alike.
constexpr Build k_temurin_builds[] = {
    {"8", "debian", k_temurin_8},
    {"8", "windows", k_windows},
    {"21", "debian", k_temurin_21},
    {"21", "windows", k_windows},
};

constexpr Product k_runtimes[] = {
    {"python", "Python", k_python, "3.13", k_python_builds},
    {"node", "Node.js", k_node, "24", k_node_builds},
    {"golang", "Go", k_golang, "1.27", k_golang_builds},
    {"php", "PHP", k_php, "8.4"},
    {"ruby", "Ruby", k_ruby, "3.4"},
    {"openjdk", "openjdk image (deprecated)", k_openjdk, "21"},
    {"adoptopenjdk", "adoptopenjdk image (deprecated)", k_adoptopenjdk, "21"},
    {"eclipse-temurin", "Eclipse Temurin", k_temurin, "21", k_temurin_builds},
    {"dotnet", ".NET", k_dotnet, "10.0"},
    {"postgres", "PostgreSQL", k_postgres, "17"},
    {"mysql", "MySQL", k_mysql, "8.4"},
};

}  // namespace

std::span<const Product> runtime_products() {
    return k_runtimes;
}

const Product* find_product(std::string_view id) {
    for (std::span<const Product> table : {os_products(), runtime_products()}) {
        for (const Product& p : table) {
            if (p.id == id) {
                return &p;
            }
        }
    }
    return nullptr;
}

const Build* find_build(const Product& product, std::string_view release, std::string_view family) {
    for (const Build& b : product.builds) {
        if (b.release == release && b.family == family) {
            return &b;
        }
    }
    return nullptr;
}

const Cycle* find_cycle(const Product& product, std::string_view cycle_or_codename) {
    for (const Cycle& c : product.cycles) {
        if (c.cycle == cycle_or_codename || c.cycle == "*" ||
            (!c.codename.empty() && c.codename == cycle_or_codename)) {
            return &c;
        }
    }
    return nullptr;
}

}  // namespace bulwark::data::eol_tables
