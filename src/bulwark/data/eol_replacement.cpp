// The image suggested in place of an ended release: the supported release of the same image with the
// variant its tag chose (slim, alpine, fpm, chiseled, distroless, jre, Windows ...), and only tags that
// exist. Where no tag is certain (images the tables do not know), the suggestion is words.
//
// Tag names (checked 2026-12-03):
// - .NET: dotnet/dotnet-docker READMEs and the .NET 10 release announcement (dotnet-docker#6860):
//   10.0 images exist for Ubuntu 24.04 (`noble`, `noble-chiseled`, `-extra`, aspnet `-composite`, sdk
//   `-aot`), Alpine (`alpine`, `alpine-extra`, `alpine-composite`), Azure Linux 3.0 (`azurelinux3.0`,
//   `azurelinux3.0-distroless`, `-extra`, `-composite`) and Windows (`nanoserver-ltsc2022`/`-ltsc2025`,
//   `windowsservercore-ltsc2022`/`-ltsc2025`). There are no Debian images (the default tag is Ubuntu)
//   and no Windows Server 2019 (1809, ltsc2019) images; Azure Linux succeeds CBL-Mariner.
// - Eclipse Temurin (docker-library/official-images library/eclipse-temurin, adoptium.net): releases
//   8, 11, 17, 21 and 25 have the shared tags N, N-jdk, N-jre, N[-jdk|-jre]-alpine,
//   N[-jdk|-jre]-windowsservercore and N[-jdk|-jre]-nanoserver; there is no slim variant.
// - IBM Semeru Runtimes, the maintained OpenJ9 builds (library/ibm-semeru-runtimes): open-N-jdk and
//   open-N-jre for the same releases, Ubuntu only.
// - golang (library/golang): every supported release has N-windowsservercore and N-nanoserver.
//   python publishes Windows images for its newest releases only, so none is named.
// - Architecture namespaces (amd64/, arm32v7/, i386/ ...) hold the same tags as the library image
//   for the architectures a release is built for (the distributions' lists are in eol_os.cpp, next
//   to the release they describe; library/rust, library/buildpack-deps). The namespaces of the
//   2016 official-images README ("Architectures other than amd64?": ARMv5 `armel`, ARMv7 `armhf`,
//   ARMv8 `aarch64`) stopped in 2017; their images continue in arm32v5/, arm32v7/ and arm64v8/, the
//   names replacements give (winamd64/ holds the windows-amd64 builds). A runtime there (arm32v7/python)
//   gets the library image's replacement in its namespace where the build tables of eol_runtimes.cpp
//   list that release and family for the architecture, and words otherwise.
// - rust (library/rust, docker-library/repo-info repos/rust): N[-slim]-<codename> for each Debian
//   release the current Rust is built on, the floating major 1 and the bare codename too; a minor
//   release keeps the Debian tags it had when it was current (1.67 was the first with bookworm,
//   1.88 the first with trixie), so an older pinned release has none on a supported Debian. The same
//   holds for N-alpine3.M (no slim variant): 1.87 was the first with alpine3.22, 1.91 the first with
//   alpine3.23, so a pinned 1.87-1.90 is named on alpine3.22.
// - buildpack-deps (library/buildpack-deps, its Hub pages per architecture): <codename>,
//   <codename>-curl and <codename>-scm for the supported Debian and Ubuntu releases, built for the
//   architectures of the distribution's own image.
#include "bulwark/data/eol_replacement.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>
#include <span>

#include "bulwark/data/eol_tables.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::data::eol_replacement {

namespace {

using eol_tables::Cycle;
using eol_tables::Product;

/// Java feature releases with long-term builds on Docker Hub (Temurin and Semeru alike).
constexpr std::array<int, 5> k_java_lts = {8, 11, 17, 21, 25};

/// True when an image built for `architectures` can be named in `architecture`'s namespace: always
/// outside a namespace (empty), else when the list holds it.
bool built_for(std::span<const std::string_view> architectures, std::string_view architecture) {
    return architecture.empty() ||
           std::find(architectures.begin(), architectures.end(), architecture) != architectures.end();
}

/// True when the release the tables recommend for distribution `os` is built for `architecture`
/// (any, when empty). The release and its architectures both come from the EOL table: a release
/// without a list counts as not built, so no tag is named for it.
bool recommended_built_for(const Product& os, std::string_view architecture) {
    const Cycle* c = eol_tables::find_cycle(os, os.recommended);
    return architecture.empty() || (c != nullptr && built_for(c->architectures, architecture));
}

/// A release of a distribution rust is built on, the first Rust minor release built on it (every
/// later one has its tags too) and the architectures those tags are built for.
struct RustBuild {
    std::string_view release;  // Debian codename ("trixie"), or Alpine cycle ("3.23")
    int first_minor;
    std::array<std::string_view, 7> architectures;
};

/// The Debian releases rust has tags on, newest first (library/rust's Architectures lines; trixie's
/// from docker-library/repo-info repos/rust/remote/1-trixie.md).
constexpr RustBuild k_rust_debian[] = {
    {"trixie", 88, {"amd64", "arm32v7", "arm64v8", "i386", "ppc64le", "riscv64", "s390x"}},
    {"bookworm", 67, {"amd64", "arm32v7", "arm64v8", "i386", "ppc64le", "s390x"}},
};

/// The supported Alpine releases rust has tags on, newest first (the first is the one the tables
/// recommend). Alpine 3.23.0 came out on 2025-12-03, when Rust 1.91.1 was current:
/// docker-library/repo-info repos/rust/remote/1.91-alpine3.23.md (RUST_VERSION=1.91.1, built
/// 2025-12-09 for amd64, arm64v8 and ppc64le) is the first minor release with alpine3.23 tags; 1.98's
/// (1-alpine3.23.md) has the same architectures. Alpine 3.22.0 came out on 2025-05-30, when Rust 1.87
/// was current: repos/rust/tag-details.md lists rust:1.87-alpine3.22 (checked 2026-12-03), and
/// 1-alpine3.22.md was built for amd64 and arm64v8 only until mid-2025 (26 June 2025, when 1.88 was
/// current), ppc64le from October 2025: an older pinned release's alpine3.22 tag is named for the two.
constexpr RustBuild k_rust_alpine[] = {
    {"3.23", 91, {"amd64", "arm64v8", "ppc64le"}},
    {"3.22", 87, {"amd64", "arm64v8"}},
};

/// A non-negative decimal number, or -1.
int number(std::string_view text) {
    int value = -1;
    const char* end = text.data() + text.size();
    if (text.empty() || text.size() > 4 || text[0] < '0' || text[0] > '9' ||
        std::from_chars(text.data(), end, value).ptr != end) {
        return -1;
    }
    return value;
}

bool is_windows_word(std::string_view word) {
    return word == "windowsservercore" || word == "nanoserver";
}

/// True when `word` is a codename or cycle of distribution `os` ("jammy" of "ubuntu").
bool names_release(std::string_view os, std::string_view word) {
    const Product* p = eol_tables::find_product(os);
    return p != nullptr && !word.empty() && eol_tables::find_cycle(*p, word) != nullptr;
}

/// "Debian 13 (trixie)" style text of the release the tables recommend for `product`.
std::string recommended_release(const Product& p) {
    const Cycle* c = eol_tables::find_cycle(p, p.recommended);
    if (c == nullptr) {
        return std::string(p.recommended);
    }
    std::string out(c->cycle);
    if (!c->codename.empty()) {
        out.append(" (").append(c->codename).append(")");
    }
    return out;
}

/// The codename (or word) to write in a tag instead of an old release of distribution `product`;
/// empty to drop the word (the image's default distribution).
std::string recommended_os_word(std::string_view product) {
    if (product == "alpine") {
        return "alpine";
    }
    const Product* p = eol_tables::find_product(product);
    if (p == nullptr) {
        return {};
    }
    const Cycle* c = eol_tables::find_cycle(*p, p->recommended);
    return c != nullptr && !c->codename.empty() ? std::string(c->codename) : std::string();
}

/// The official image `t` names without its namespace ("rust" for rust, arm64v8/rust and the ECR
/// mirror's rust), or empty for other images.
std::string_view official_image(const TagContext& t) {
    constexpr std::string_view k_library = "docker.io/library/";
    if (util::starts_with(t.name, k_library)) {
        return t.name.substr(k_library.size());
    }
    if (!t.architecture.empty()) {
        return t.name.substr(t.name.rfind('/') + 1);  // docker.io/<namespace>/<image>
    }
    return {};
}

/// The repository a replacement names: `t`'s own, in an architecture namespace under that
/// namespace's current name (armhf/debian -> arm32v7/debian).
std::string repository(const TagContext& t) {
    if (t.architecture.empty()) {
        return t.image.short_name();
    }
    return std::string(t.architecture) + "/" + std::string(official_image(t));
}

/// Words for an image in `t`'s architecture namespace whose replacement elsewhere, `ref`, is built
/// for `architectures` only (empty entries are padding).
Replacement not_built(const TagContext& t, std::string_view ref,
                      std::span<const std::string_view> architectures) {
    std::string list;
    for (std::string_view a : architectures) {
        if (!a.empty()) {
            list.append(list.empty() ? "" : ", ").append(a);
        }
    }
    return {{},
            "a supported image built for " + std::string(t.architecture) + ": " + std::string(ref) +
                ", the replacement on other platforms, is built for " + list + " only"};
}

/// Repository to suggest for an official image or distribution the tables know.
std::string library_repo(const TagContext& t) {
    if (t.product == "centos") {
        return "quay.io/centos/centos";
    }
    if (t.image.registry == "docker.io" && util::starts_with(t.name, "docker.io/library/")) {
        return std::string(t.name.substr(18));
    }
    return repository(t);
}

/// Variant words of the tag that every supported release of `product` also publishes.
std::string kept_suffix(std::string_view product, const std::vector<std::string_view>& words) {
    static constexpr std::string_view k_keep[] = {"slim", "alpine", "fpm", "cli", "apache", "zts"};
    std::string out;
    for (size_t i = 1; i < words.size(); ++i) {
        std::string_view word = util::starts_with(words[i], "alpine") ? std::string_view("alpine") : words[i];
        bool keep = std::find(std::begin(k_keep), std::end(k_keep), word) != std::end(k_keep) ||
                    (product == "golang" && is_windows_word(word));
        if (keep && out.find("-" + std::string(word)) == std::string::npos) {
            out.append("-").append(word);
        }
    }
    return out;
}

/// Official images (python, node, golang, php, ruby, postgres, mysql) and distributions, also in an
/// architecture namespace (arm32v7/debian) where the recommended release is built for it.
Replacement library_image(const TagContext& t) {
    const Product* p = eol_tables::find_product(t.product);
    if (!recommended_built_for(*p, t.architecture)) {
        return {{},
                "an image of a supported " + std::string(p->label) + " release for another architecture: " +
                    repository(t) + " has no " + recommended_release(*p) + " image"};
    }
    for (size_t i = 1; i < t.words.size(); ++i) {
        if (is_windows_word(t.words[i]) && t.product != "golang") {
            return {
                {},
                "a " + std::string(t.words[i]) + " tag of a supported " + std::string(p->label) + " release"};
        }
    }
    return {library_repo(t) + ":" + std::string(p->recommended) + kept_suffix(t.product, t.words), {}};
}

/// openjdk, adoptopenjdk and eclipse-temurin: the same Java release where it is still built, else
/// the next long-term one, on Temurin (Semeru for OpenJ9) with the tag's jre/jdk, alpine or Windows.
Replacement java(const TagContext& t) {
    int major = number(t.cycle);
    // An ended Temurin release moves on; a deprecated image's release stays when Temurin builds it.
    bool moves_on = t.product == "eclipse-temurin";
    int target = -1;
    for (int lts : k_java_lts) {
        if (major >= 0 && (moves_on ? lts > major : lts >= major)) {
            target = lts;
            break;
        }
    }
    if (target < 0) {
        return {{}, "a maintained build of Java " + std::string(t.cycle) + " or later"};
    }
    std::string_view kind;
    std::string_view os;
    bool openj9 = false;
    for (size_t i = 1; i < t.words.size(); ++i) {
        std::string_view w = t.words[i];
        if ((w == "jre" || w == "jdk") && kind.empty()) {
            kind = w;
        } else if (util::starts_with(w, "alpine")) {
            os = "alpine";
        } else if (is_windows_word(w)) {
            os = w;
        } else if (w == "openj9") {
            openj9 = true;
        }
    }
    std::string version = std::to_string(target);
    if (openj9 && os.empty()) {
        return {"ibm-semeru-runtimes:open-" + version + "-" + std::string(kind.empty() ? "jdk" : kind), {}};
    }
    std::string ref = "eclipse-temurin:" + version;
    for (std::string_view part : {kind, os}) {
        if (!part.empty()) {
            ref.append("-").append(part);
        }
    }
    return {ref, {}};
}

/// The .NET repository to suggest, or empty when the old name does not say which.
std::string dotnet_repo(const TagContext& t) {
    for (std::string_view prefix : {"mcr.microsoft.com/dotnet/core/", "mcr.microsoft.com/dotnet/"}) {
        if (util::starts_with(t.name, prefix)) {
            return "mcr.microsoft.com/dotnet/" + std::string(t.name.substr(prefix.size()));
        }
    }
    if (t.name == "docker.io/microsoft/aspnetcore") {
        return "mcr.microsoft.com/dotnet/aspnet";
    }
    if (t.name == "docker.io/microsoft/aspnetcore-build") {
        return "mcr.microsoft.com/dotnet/sdk";
    }
    for (size_t i = 1; i < t.words.size(); ++i) {  // microsoft/dotnet:2.1-aspnetcore-runtime-alpine
        std::string_view w = t.words[i];
        if (w == "sdk" || w == "aspnetcore") {
            return w == "sdk" ? "mcr.microsoft.com/dotnet/sdk" : "mcr.microsoft.com/dotnet/aspnet";
        }
        if (w == "runtime") {
            bool deps = i + 1 < t.words.size() && t.words[i + 1] == "deps";
            return deps ? "mcr.microsoft.com/dotnet/runtime-deps" : "mcr.microsoft.com/dotnet/runtime";
        }
    }
    return {};
}

/// .NET: the supported release on the same distribution family and flavour.
Replacement dotnet(const TagContext& t) {
    std::string repo = dotnet_repo(t);
    if (repo.empty()) {
        return {{},
                "a supported .NET release of mcr.microsoft.com/dotnet/sdk, aspnet, runtime or runtime-deps"};
    }
    auto has = [&](std::string_view word) {
        return t.words.size() > 1 && std::find(t.words.begin() + 1, t.words.end(), word) != t.words.end();
    };
    bool chiseled = has("chiseled");
    bool distroless = has("distroless");
    std::string_view windows = has("nanoserver")          ? "nanoserver"
                               : has("windowsservercore") ? "windowsservercore"
                                                          : "";
    std::string_view os;  // empty: the default tag (Ubuntu); Debian has no images any more
    for (size_t i = 1; i < t.words.size(); ++i) {
        std::string_view w = t.words[i];
        if (util::starts_with(w, "alpine")) {
            os = "alpine";
        } else if (util::starts_with(w, "azurelinux") || util::starts_with(w, "mariner")) {
            os = "azurelinux3.0";
        } else if (names_release("ubuntu", w)) {
            os = "noble";
        }
    }
    const Product* p = eol_tables::find_product("dotnet");
    std::string tag(p->recommended);
    if (!windows.empty()) {
        // The oldest Windows Server the release has, unless the tag chose the newest.
        tag.append("-").append(windows).append(has("ltsc2025") ? "-ltsc2025" : "-ltsc2022");
        return {repo + ":" + tag, {}};
    }
    bool aot = has("aot");
    if (chiseled || (os.empty() && aot)) {
        os = "noble";  // chiseled images are Ubuntu's; aot tags name their distribution (10.0-noble-aot)
    } else if (distroless) {
        os = "azurelinux3.0";
    }
    if (!os.empty()) {
        tag.append("-").append(os);
    }
    if (chiseled || distroless) {
        tag += chiseled ? "-chiseled" : "-distroless";
    }
    bool small = chiseled || distroless || os == "alpine";
    if (has("composite") && small && util::ends_with(repo, "/aspnet")) {
        tag += "-composite";
    }
    if (has("extra") && small && !util::ends_with(repo, "/sdk")) {
        tag += "-extra";
    }
    if (aot && util::ends_with(repo, "/sdk") && !chiseled && !distroless) {
        tag += "-aot";
    }
    return {repo + ":" + tag, {}};
}

/// `t`'s tag with its word `word` replaced by `with` (and the other words as written).
std::string tag_with(const TagContext& t, size_t word, std::string_view with) {
    std::string out;
    for (size_t k = 0; k < t.words.size(); ++k) {
        out.append(out.empty() ? "" : "-").append(k == word ? with : t.words[k]);
    }
    return out;
}

/// buildpack-deps:<codename>[-curl|-scm]: the same variant of the supported release.
std::optional<Replacement> buildpack_deps(const TagContext& t, size_t word, std::string_view os_product) {
    const Product* os = eol_tables::find_product(os_product);
    std::string codename = recommended_os_word(os_product);
    if ((os_product != "debian" && os_product != "ubuntu") || codename.empty() || word != 0 ||
        t.words.size() > 2 || (t.words.size() == 2 && t.words[1] != "curl" && t.words[1] != "scm") ||
        !recommended_built_for(*os, t.architecture)) {
        return std::nullopt;
    }
    return Replacement{repository(t) + ":" + tag_with(t, word, codename), {}};
}

/// A rust tag's words before its distribution word: a version (1, 1.70, 1.70.0), then "slim".
struct RustTag {
    size_t version;  // index of the version word, or words.size() when none
    bool slim = false;
    int minor = -1;                // -1: no version or the floating major "1"
    std::string_view pinned = {};  // the minor release a pinned version names: 1.70.0 -> "1.70"
};

/// The words of rust tag `t` before its distribution word `word` (nothing may follow it), or
/// nullopt for a shape rust never published. Alpine tags have no slim variant.
std::optional<RustTag> rust_tag(const TagContext& t, size_t word, bool slim_allowed) {
    RustTag out{t.words.size()};
    for (size_t k = 0; k < word; ++k) {
        if (k == 0 && t.words[k][0] >= '0' && t.words[k][0] <= '9') {
            out.version = k;
        } else if (slim_allowed && t.words[k] == "slim" && !out.slim) {
            out.slim = true;
        } else {
            return std::nullopt;
        }
    }
    if (word + 1 != t.words.size()) {
        return std::nullopt;
    }
    if (out.version < t.words.size()) {
        std::vector<std::string_view> parts = util::split(t.words[out.version], '.');
        if (parts.size() > 3 || parts[0] != "1" || (parts.size() > 1 && number(parts[1]) < 0) ||
            (parts.size() > 2 && number(parts[2]) < 0)) {
            return std::nullopt;
        }
        if (parts.size() > 1) {
            out.minor = number(parts[1]);
            out.pinned = t.words[out.version].substr(0, 2 + parts[1].size());
        }
    }
    return out;
}

/// `t`'s tag on distribution word `with`, a pinned version as its minor release's own tag (the
/// new variant has no old patch releases), named in `t`'s namespace.
Replacement rust_replacement(const TagContext& t, size_t word, const RustTag& r, std::string_view with) {
    std::string tag = tag_with(t, word, with);
    if (!r.pinned.empty()) {
        tag = std::string(r.pinned) + tag.substr(t.words[r.version].size());
    }
    return Replacement{repository(t) + ":" + tag, {}};
}

/// rust_replacement() where the tags on `with` are built for `architectures`; words in a namespace
/// they are not built for.
Replacement rust_in_namespace(const TagContext& t, size_t word, const RustTag& r, std::string_view with,
                              std::span<const std::string_view> architectures) {
    Replacement out = rust_replacement(t, word, r, with);
    if (built_for(architectures, t.architecture)) {
        return out;
    }
    return not_built(t, std::string_view(out.reference).substr(t.architecture.size() + 1), architectures);
}

/// rust:[VERSION-][slim-]<codename>: the same variant on the newest Debian release the version has
/// tags on; a pinned release older than every supported Debian's tags is named in words.
std::optional<Replacement> rust_debian(const TagContext& t, size_t word) {
    std::optional<RustTag> r = rust_tag(t, word, true);
    if (!r) {
        return std::nullopt;
    }
    std::string floating = recommended_os_word("debian");
    const RustBuild* target = nullptr;
    for (const RustBuild& b : k_rust_debian) {
        if (r->minor < 0 ? b.release == floating : r->minor >= b.first_minor) {
            target = &b;
            break;
        }
    }
    if (target == nullptr && r->minor >= 0) {
        const RustBuild& oldest = k_rust_debian[std::size(k_rust_debian) - 1];
        return Replacement{{},
                           "a newer Rust release: " + std::string(r->pinned) +
                               " was never built on a supported Debian release (1." +
                               std::to_string(oldest.first_minor) + " and later have " +
                               std::string(oldest.release) + " tags; " + repository(t) + ":1" +
                               (r->slim ? "-slim-" : "-") + floating + " follows the newest)"};
    }
    if (target == nullptr) {
        return std::nullopt;
    }
    return rust_in_namespace(t, word, *r, target->release, target->architectures);
}

/// True when Alpine release `a` ("3.22") is newer than `b` ("3.20").
bool newer_alpine(std::string_view a, std::string_view b) {
    std::vector<std::string_view> x = util::split(a, '.');
    std::vector<std::string_view> y = util::split(b, '.');
    for (size_t i = 0; i < std::min(x.size(), y.size()); ++i) {
        if (number(x[i]) != number(y[i])) {
            return number(x[i]) > number(y[i]);
        }
    }
    return x.size() > y.size();
}

/// rust:[VERSION-]alpine3.N: the same tag on the Alpine release the tables recommend, when rust has
/// tags there; a pinned release older than its first build there on the newest supported Alpine
/// release newer than the tag's that it has tags on (rust:1.88-alpine3.20 -> alpine3.22), and in
/// words when there is none.
std::optional<Replacement> rust_alpine(const TagContext& t, size_t word) {
    std::optional<RustTag> r = rust_tag(t, word, false);
    const Product* alpine = eol_tables::find_product("alpine");
    if (!r || alpine == nullptr || k_rust_alpine[0].release != alpine->recommended) {
        return std::nullopt;  // the recommended release's first Rust build is not in the table
    }
    std::string_view own = t.words[word].substr(6);  // "alpine3.20" -> "3.20"
    const RustBuild* target = nullptr;
    for (const RustBuild& b : k_rust_alpine) {
        // The tag's own release ended: only a newer one can replace it.
        if ((r->minor < 0 || r->minor >= b.first_minor) && newer_alpine(b.release, own)) {
            target = &b;
            break;
        }
    }
    if (target == nullptr) {
        const RustBuild& newest = k_rust_alpine[0];
        const RustBuild& oldest = k_rust_alpine[std::size(k_rust_alpine) - 1];
        std::string with = "alpine" + std::string(newest.release);
        return Replacement{{},
                           "a newer Rust release: " + std::string(r->pinned) +
                               " has no tag on a supported Alpine release newer than " + std::string(own) +
                               " (1." + std::to_string(oldest.first_minor) + " and later have alpine" +
                               std::string(oldest.release) + " tags, 1." +
                               std::to_string(newest.first_minor) + " and later " + with + " ones; " +
                               repository(t) + ":1-" + with + " follows the newest)"};
    }
    return rust_in_namespace(t, word, *r, "alpine" + std::string(target->release), target->architectures);
}

/// Official images that name their distribution release in their tags and publish the supported ones.
std::optional<Replacement> codename_image(const TagContext& t, size_t word, std::string_view os_product) {
    std::string_view image = official_image(t);
    if (image == "buildpack-deps") {
        return buildpack_deps(t, word, os_product);
    }
    if (image == "rust" && os_product == "debian") {
        return rust_debian(t, word);
    }
    if (image == "rust" && os_product == "alpine") {
        return rust_alpine(t, word);
    }
    return std::nullopt;
}

/// for_product() for an image named outside an architecture namespace, or a distribution in one.
Replacement product_replacement(const TagContext& tag) {
    if (tag.product == "dotnet") {
        return dotnet(tag);
    }
    if (tag.product == "openjdk" || tag.product == "adoptopenjdk" || tag.product == "eclipse-temurin") {
        return java(tag);
    }
    return library_image(tag);
}

/// for_distribution() for an image named outside an architecture namespace (or rust, buildpack-deps and
/// the other images the tables do not know, in one).
Replacement distribution_replacement(const TagContext& tag, size_t word, std::string_view os_product) {
    const Product* os = eol_tables::find_product(os_product);
    if (tag.product.empty()) {
        if (std::optional<Replacement> r = codename_image(tag, word, os_product)) {
            return *r;
        }
        // The tag's other words mean what its publisher chose; a new codename there is a guess.
        return {{},
                "a tag of " + repository(tag) + " built on a supported " + std::string(os->label) +
                    " release, such as " + recommended_release(*os)};
    }
    if (tag.product == "dotnet") {
        return dotnet(tag);  // each .NET release picks its own distributions
    }
    std::string out;
    for (size_t k = 0; k < tag.words.size(); ++k) {
        std::string part(tag.words[k]);
        if (k == word) {
            part = recommended_os_word(os_product);
        } else if (k == 0 && !tag.cycle.empty() && !part.empty() && part[0] >= '0' && part[0] <= '9') {
            part = std::string(tag.cycle);  // 3.12.1 -> 3.12: the new variant has no old patch releases
        }
        if (!part.empty()) {
            out.append(out.empty() ? "" : "-").append(part);
        }
    }
    return {library_repo(tag) + ":" + out, {}};
}

/// "docker.io/library/python" for a runtime in an architecture namespace (arm32v7/python).
std::string library_name(const TagContext& t) {
    return "docker.io/library/" + std::string(official_image(t));
}

/// The family of a replacement tag's words for the build tables: "alpine", "windows" or "debian"
/// (the default distribution and its variants).
std::string_view build_family(std::string_view tag) {
    for (std::string_view word : util::split(tag, '-')) {
        if (util::starts_with(word, "alpine")) {
            return "alpine";
        }
        if (is_windows_word(word)) {
            return "windows";
        }
    }
    return "debian";
}

/// A runtime in an architecture namespace: the replacement `elsewhere` names (python:3.13-slim) in
/// `t`'s namespace when the build tables say that release and family are built for it, else words
/// that say which it is not, or that the tables do not know.
Replacement in_namespace(const TagContext& t, const Replacement& elsewhere) {
    std::string arch(t.architecture);
    if (elsewhere.reference.empty()) {
        return {{}, elsewhere.advice + ", built for " + arch};
    }
    const std::string& ref = elsewhere.reference;
    size_t colon = ref.find(':');
    std::string_view repo = std::string_view(ref).substr(0, colon);
    std::string_view tag =
        colon == std::string::npos ? std::string_view() : std::string_view(ref).substr(colon + 1);
    std::string_view release = tag.substr(0, std::min(tag.find('-'), tag.size()));
    const Product* p = eol_tables::find_product(repo);
    const eol_tables::Build* b =
        p == nullptr ? nullptr : eol_tables::find_build(*p, release, build_family(tag));
    if (b != nullptr && built_for(b->architectures, arch)) {
        return {arch + "/" + ref, {}};
    }
    if (b != nullptr) {
        return not_built(t, ref, b->architectures);
    }
    return {{},
            "a supported release built for " + arch + " (on other platforms: " + ref +
                "); which architectures " + ref + " is built for is not in the tables"};
}

/// True when `t` is a runtime of the tables (python, openjdk ...) in an architecture namespace.
bool runtime_in_namespace(const TagContext& t) {
    return !t.architecture.empty() && !t.product.empty() && !eol_tables::is_os_product(t.product);
}

}  // namespace

Replacement for_product(const TagContext& tag) {
    if (runtime_in_namespace(tag)) {
        std::string library = library_name(tag);
        return in_namespace(tag,
                            product_replacement({tag.image, library, {}, tag.product, tag.cycle, tag.words}));
    }
    return product_replacement(tag);
}

Replacement for_distribution(const TagContext& tag, size_t word, std::string_view os_product) {
    if (runtime_in_namespace(tag)) {
        std::string library = library_name(tag);
        return in_namespace(
            tag, distribution_replacement({tag.image, library, {}, tag.product, tag.cycle, tag.words}, word,
                                          os_product));
    }
    return distribution_replacement(tag, word, os_product);
}

}  // namespace bulwark::data::eol_replacement
