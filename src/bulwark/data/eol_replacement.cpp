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
#include "bulwark/data/eol_replacement.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include "bulwark/data/eol_tables.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::data::eol_replacement {

namespace {

using eol_tables::Cycle;
using eol_tables::Product;

/// Java feature releases with long-term builds on Docker Hub (Temurin and Semeru alike).
constexpr std::array<int, 5> k_java_lts = {8, 11, 17, 21, 25};

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

/// Repository to suggest for an official image or distribution the tables know.
std::string library_repo(const TagContext& t) {
    if (t.product == "centos") {
        return "quay.io/centos/centos";
    }
    if (t.image.registry == "docker.io" && util::starts_with(t.name, "docker.io/library/")) {
        return std::string(t.name.substr(18));
    }
    return t.image.short_name();
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

/// Official images (python, node, golang, php, ruby, postgres, mysql) and distributions.
Replacement library_image(const TagContext& t) {
    const Product* p = eol_tables::find_product(t.product);
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

}  // namespace

Replacement for_product(const TagContext& tag) {
    if (tag.product == "dotnet") {
        return dotnet(tag);
    }
    if (tag.product == "openjdk" || tag.product == "adoptopenjdk" || tag.product == "eclipse-temurin") {
        return java(tag);
    }
    return library_image(tag);
}

Replacement for_distribution(const TagContext& tag, size_t word, std::string_view os_product) {
    const Product* os = eol_tables::find_product(os_product);
    if (tag.product.empty()) {
        // The tag's other words mean what its publisher chose; a new codename there is a guess.
        return {{},
                "a tag of " + tag.image.short_name() + " built on a supported " + std::string(os->label) +
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
    return {tag.image.short_name() + ":" + out, {}};
}

}  // namespace bulwark::data::eol_replacement
