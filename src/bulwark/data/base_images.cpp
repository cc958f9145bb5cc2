#include "bulwark/data/base_images.hpp"

#include <array>
#include <vector>

#include "bulwark/util/strings.hpp"

namespace bulwark::data {

namespace {

// Default users of well-known images, first match wins. Globs are matched against
// "registry/repository" (Docker Hub: "docker.io/library/x") and the effective tag.
// Sources, checked 2026-11-23: GoogleContainerTools/distroless README (nonroot = 65532);
// chainguard-images BEST_PRACTICES.md and edu.chainguard.dev "porting apps" (images run as
// 65532, -dev variants too: "a USER root statement may be required before installing software";
// wolfi-base/chainguard-base run as root); learn.microsoft.com .NET chiseled and Azure Linux
// distroless containers (both run as app, APP_UID 1654, `-extra` variants too); Bitnami containers README
// (non-root, uid 1001; minideb is a root base OS); nginxinc/docker-nginx-unprivileged (uid 101);
// jenkinsci/docker and docker-agent (jenkins, 1000); grafana/grafana Dockerfile (472); prometheus Dockerfiles
// (USER nobody); docker-library/sonarqube (sonarqube); sonatype/docker-nexus3 (nexus, 200); elastic
// Dockerfiles (elasticsearch/kibana, 1000); keycloak Dockerfile (USER 1000); apache/airflow (airflow, 50000);
// SeleniumHQ/docker-selenium (seluser, 1200); confluentinc cp images (appuser, 1000); CircleCI cimg
// (circleci, 3434); gitpod workspace images (gitpod, 33333); jupyter/docker-stacks (jovyan, 1000); Red Hat
// UBI s2i images (1001) and UBI OpenJDK (185); Windows nanoserver (ContainerUser) and servercore
// (ContainerAdministrator).
struct UserEntry {
    std::string_view name_glob;
    std::string_view tag_glob;
    DefaultUser user;
};

constexpr int k_no_uid = -1;

const std::vector<UserEntry>& user_table() {
    static const std::vector<UserEntry> table = {
        {"gcr.io/distroless/*", "nonroot", {"nonroot", 65532, false}},
        {"gcr.io/distroless/*", "*-nonroot", {"nonroot", 65532, false}},
        {"gcr.io/distroless/*", "*", {"root", 0, true}},
        {"cgr.dev/chainguard/wolfi-base", "*", {"root", 0, true}},
        {"cgr.dev/chainguard/chainguard-base", "*", {"root", 0, true}},
        {"cgr.dev/chainguard/*", "*", {"nonroot", 65532, false}},
        {"mcr.microsoft.com/dotnet/*", "*chiseled*", {"app", 1654, false}},
        {"mcr.microsoft.com/dotnet/*", "*distroless*", {"app", 1654, false}},
        {"docker.io/bitnami/minideb", "*", {"root", 0, true}},
        {"docker.io/bitnami/*", "*", {"1001", 1001, false}},
        {"docker.io/bitnamilegacy/*", "*", {"1001", 1001, false}},
        {"docker.io/nginxinc/nginx-unprivileged", "*", {"101", 101, false}},
        {"docker.io/jenkins/jenkins", "*", {"jenkins", 1000, false}},
        {"docker.io/jenkins/agent", "*", {"jenkins", 1000, false}},
        {"docker.io/jenkins/inbound-agent", "*", {"jenkins", 1000, false}},
        {"docker.io/grafana/grafana", "*", {"472", 472, false}},
        {"docker.io/grafana/grafana-oss", "*", {"472", 472, false}},
        {"docker.io/prom/prometheus", "*", {"nobody", 65534, false}},
        {"docker.io/prom/alertmanager", "*", {"nobody", 65534, false}},
        {"docker.io/prom/node-exporter", "*", {"nobody", 65534, false}},
        {"docker.io/library/sonarqube", "*", {"sonarqube", 1000, false}},
        {"docker.io/sonatype/nexus3", "*", {"nexus", 200, false}},
        {"docker.io/library/elasticsearch", "*", {"elasticsearch", 1000, false}},
        {"docker.elastic.co/elasticsearch/elasticsearch", "*", {"elasticsearch", 1000, false}},
        {"docker.io/library/kibana", "*", {"kibana", 1000, false}},
        {"docker.elastic.co/kibana/kibana", "*", {"kibana", 1000, false}},
        {"quay.io/keycloak/keycloak", "*", {"1000", 1000, false}},
        {"docker.io/apache/airflow", "*", {"airflow", 50000, false}},
        {"docker.io/selenium/*", "*", {"seluser", 1200, false}},
        {"docker.io/confluentinc/cp-*", "*", {"appuser", 1000, false}},
        {"docker.io/cimg/*", "*", {"circleci", 3434, false}},
        {"docker.io/circleci/*", "*", {"circleci", 3434, false}},
        {"docker.io/gitpod/workspace-*", "*", {"gitpod", 33333, false}},
        {"docker.io/jupyter/*", "*", {"jovyan", 1000, false}},
        {"quay.io/jupyter/*", "*", {"jovyan", 1000, false}},
        {"registry.access.redhat.com/ubi*/openjdk-*", "*", {"185", 185, false}},
        {"registry.redhat.io/ubi*/openjdk-*", "*", {"185", 185, false}},
        {"registry.access.redhat.com/ubi*/python-*", "*", {"1001", 1001, false}},
        {"registry.access.redhat.com/ubi*/nodejs-*", "*", {"1001", 1001, false}},
        {"registry.access.redhat.com/ubi*/ruby-*", "*", {"1001", 1001, false}},
        {"registry.access.redhat.com/ubi*/php-*", "*", {"1001", 1001, false}},
        {"registry.access.redhat.com/ubi*/perl-*", "*", {"1001", 1001, false}},
        {"registry.access.redhat.com/ubi*/go-toolset", "*", {"1001", 1001, false}},
        {"registry.redhat.io/ubi*/python-*", "*", {"1001", 1001, false}},
        {"registry.redhat.io/ubi*/nodejs-*", "*", {"1001", 1001, false}},
        // Any Windows image: Nano Server runs as ContainerUser, Server Core as ContainerAdministrator.
        {"*nanoserver*", "*", {"ContainerUser", k_no_uid, false}},
        {"*", "*nanoserver*", {"ContainerUser", k_no_uid, false}},
        {"*servercore*", "*", {"ContainerAdministrator", k_no_uid, true}},
        {"*", "*servercore*", {"ContainerAdministrator", k_no_uid, true}},
    };
    return table;
}

/// util::glob_match for the table's patterns, which use only '*' (matching any run, '/' included,
/// as fnmatch without flags does): the literal before the first '*' must start the text, the one
/// after the last '*' must end it, the ones between are found leftmost in order. No NUL-terminated
/// copies, no fnmatch call, no backtracking. Only for patterns without '?', '[' and '\\'.
bool star_glob_match(std::string_view pattern, std::string_view text) {
    // The literal start decides most lookups.
    size_t first_star = 0;
    for (; first_star < pattern.size() && pattern[first_star] != '*'; ++first_star) {
        if (first_star >= text.size() || text[first_star] != pattern[first_star]) {
            return false;
        }
    }
    if (first_star == pattern.size()) {
        return text.size() == pattern.size();
    }
    std::string_view head = pattern.substr(0, first_star);
    size_t last_star = pattern.rfind('*');
    std::string_view tail = pattern.substr(last_star + 1);
    if (text.size() < head.size() + tail.size() || text.substr(0, head.size()) != head ||
        text.substr(text.size() - tail.size()) != tail) {
        return false;
    }
    std::string_view middle = text.substr(head.size(), text.size() - head.size() - tail.size());
    size_t at = first_star + 1;
    while (at <= last_star) {
        size_t next = pattern.find('*', at);
        std::string_view lit = pattern.substr(at, next - at);
        if (!lit.empty()) {
            size_t found = middle.find(lit);
            if (found == std::string_view::npos) {
                return false;
            }
            middle.remove_prefix(found + lit.size());
        }
        at = next + 1;
    }
    return true;
}

/// The literal start of a name glob, to reject most table entries without matching: the registry
/// (what precedes the first '/') and the repository's first byte. Empty registry when the glob does
/// not start with "registry/x" written out (a '*' comes first): such entries are always matched.
struct NameKey {
    std::string_view registry;
    char repo_first = '\0';
};

NameKey name_key(std::string_view name_glob) {
    size_t slash = name_glob.find('/');
    if (slash == std::string_view::npos || slash + 1 >= name_glob.size()) {
        return {};
    }
    std::string_view registry = name_glob.substr(0, slash);
    char repo_first = name_glob[slash + 1];
    if (registry.find_first_of("*?[\\") != std::string_view::npos || repo_first == '*' || repo_first == '?' ||
        repo_first == '[' || repo_first == '\\') {
        return {};
    }
    return {registry, repo_first};
}

/// Splits a tag on '-' into tokens ("3.12-slim-bookworm" -> 3.12, slim, bookworm).
std::vector<std::string_view> tag_tokens(std::string_view tag) {
    std::vector<std::string_view> out;
    for (std::string_view t : util::split(tag, '-')) {
        if (!t.empty()) {
            out.push_back(t);
        }
    }
    return out;
}

bool has_token(const std::vector<std::string_view>& tokens, std::string_view prefix) {
    for (std::string_view t : tokens) {
        if (util::starts_with(t, prefix)) {
            return true;
        }
    }
    return false;
}

bool starts_with_digit(std::string_view s) {
    return !s.empty() && s[0] >= '0' && s[0] <= '9';
}

std::string join(const std::vector<std::string_view>& tokens) {
    std::string out;
    for (std::string_view t : tokens) {
        if (!out.empty()) {
            out += '-';
        }
        out += t;
    }
    return out;
}

/// Tags that already name a small or special variant, or a Windows one.
bool is_small_or_special(const std::vector<std::string_view>& tokens) {
    static constexpr std::string_view k_markers[] = {
        "slim",       "alpine",   "jre",        "distroless",
        "minimal",    "chiseled", "nanoserver", "windowsservercore",
        "servercore", "ltsc",     "musl",       "busybox"};
    for (std::string_view m : k_markers) {
        if (has_token(tokens, m)) {
            return true;
        }
    }
    return false;
}

enum class SlimStyle {
    slim_after_version,  // python:3.12-bookworm -> python:3.12-slim-bookworm
    slim_at_end,         // node:20-bookworm -> node:20-bookworm-slim; debian:bookworm -> bookworm-slim
    alpine_at_end,       // golang:1.22 -> golang:1.22-alpine
    php_alpine,          // php:8.3-fpm -> php:8.3-fpm-alpine (no alpine for apache)
    jre,                 // eclipse-temurin:21-jdk -> eclipse-temurin:21-jre
    openjdk_to_temurin,  // openjdk:17 -> eclipse-temurin:17-jre
};

// Official images with smaller variants (Docker Hub "Supported tags" lists, checked 2026-11-23).
struct SlimEntry {
    std::string_view repository;  // Docker Hub official image name
    SlimStyle style;
};

constexpr SlimEntry k_slim_images[] = {
    {"python", SlimStyle::slim_after_version}, {"ruby", SlimStyle::slim_after_version},
    {"rust", SlimStyle::slim_after_version},   {"perl", SlimStyle::slim_after_version},
    {"node", SlimStyle::slim_at_end},          {"debian", SlimStyle::slim_at_end},
    {"golang", SlimStyle::alpine_at_end},      {"php", SlimStyle::php_alpine},
    {"eclipse-temurin", SlimStyle::jre},       {"openjdk", SlimStyle::openjdk_to_temurin},
};

/// Inserts "slim" after the version token (or first when the tag has no version).
std::string insert_after_version(std::vector<std::string_view> tokens, std::string_view what) {
    size_t at = (!tokens.empty() && starts_with_digit(tokens.front())) ? 1 : 0;
    tokens.insert(tokens.begin() + static_cast<std::ptrdiff_t>(at), what);
    return join(tokens);
}

std::optional<std::string> slim_tag(SlimStyle style, std::string_view repo,
                                    const std::vector<std::string_view>& tokens) {
    switch (style) {
        case SlimStyle::slim_after_version:
            return tokens.empty() ? std::string("slim") : insert_after_version(tokens, "slim");
        case SlimStyle::slim_at_end:
            if (tokens.empty()) {
                return std::string(repo == "debian" ? "stable-slim" : "slim");
            }
            return join(tokens) + "-slim";
        case SlimStyle::alpine_at_end: {
            if (tokens.empty() || !starts_with_digit(tokens.front())) {
                return std::string("alpine");
            }
            return std::string(tokens.front()) + "-alpine";
        }
        case SlimStyle::php_alpine: {
            // php publishes alpine for the cli, fpm and zts variants only.
            std::vector<std::string_view> kept;
            for (std::string_view t : tokens) {
                if (t == "apache") {
                    return std::nullopt;
                }
                if (starts_with_digit(t) || t == "cli" || t == "fpm" || t == "zts") {
                    kept.push_back(t);
                }
            }
            return kept.empty() ? std::string("alpine") : join(kept) + "-alpine";
        }
        case SlimStyle::jre: {
            std::vector<std::string_view> out = tokens;
            for (std::string_view& t : out) {
                if (t == "jdk") {
                    t = "jre";
                    return join(out);
                }
            }
            return tokens.empty() ? std::string("jre") : insert_after_version(tokens, "jre");
        }
        case SlimStyle::openjdk_to_temurin: {
            if (tokens.empty() || !starts_with_digit(tokens.front())) {
                return std::string("jre");
            }
            // "8u342" -> 8, "17.0.2" -> 17
            std::string_view v = tokens.front();
            size_t end = v.find_first_not_of("0123456789");
            return std::string(v.substr(0, end)) + "-jre";
        }
    }
    return std::nullopt;
}

}  // namespace

std::string full_name(const model::ImageRef& image) {
    return image.registry + "/" + image.repository;
}

std::string effective_tag(const model::ImageRef& image) {
    if (!image.tag.empty()) {
        return image.tag;
    }
    return image.digest.empty() ? "latest" : "";
}

bool is_windows_image(std::string_view text) {
    // Called for every FROM: lower-cased into a stack buffer when it fits (no heap copy).
    std::array<char, 256> buffer{};
    std::string heap;
    std::string_view t;
    if (text.size() <= buffer.size()) {
        for (size_t i = 0; i < text.size(); ++i) {
            auto c = static_cast<unsigned char>(text[i]);
            buffer[i] = static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c);
        }
        t = std::string_view(buffer.data(), text.size());
    } else {
        heap = util::to_lower(text);
        t = heap;
    }
    for (std::string_view prefix : {"mcr.microsoft.com/windows", "mcr.microsoft.com/dotnet/framework/"}) {
        if (util::starts_with(t, prefix)) {
            return true;
        }
    }
    return t.find("nanoserver") != std::string_view::npos || t.find("servercore") != std::string_view::npos;
}

bool sh_is_busybox_ash(const model::ImageRef& image) {
    std::string_view name = image.base_name();
    return util::iequals(name, "alpine") || util::iequals(name, "busybox") ||
           has_token(tag_tokens(util::to_lower(image.tag)), "alpine");
}

// Not remembered here: the Dockerfile analyzer, its caller, remembers the answer per FROM reference.
std::optional<DefaultUser> default_user(const model::ImageRef& ref) {
    // Checked once: star_glob_match serves the table while its globs use '*' alone.
    static const bool k_star_only = [] {
        auto plain = [](std::string_view g) { return g.find_first_of("?[\\") == std::string_view::npos; };
        for (const UserEntry& e : user_table()) {
            if (!plain(e.name_glob) || !plain(e.tag_glob)) {
                return false;
            }
        }
        return true;
    }();
    auto match = [](std::string_view glob, std::string_view text) {
        return k_star_only ? star_glob_match(glob, text) : util::glob_match(glob, text);
    };
    static const std::vector<NameKey> k_keys = [] {
        std::vector<NameKey> keys;
        for (const UserEntry& e : user_table()) {
            keys.push_back(name_key(e.name_glob));
        }
        return keys;
    }();
    std::string name = util::to_lower(full_name(ref));
    std::string tag = effective_tag(ref);
    size_t slash = name.find('/');
    std::string_view registry = std::string_view(name).substr(0, slash);
    char repo_first = slash != std::string::npos && slash + 1 < name.size() ? name[slash + 1] : '\0';
    const std::vector<UserEntry>& table = user_table();
    for (size_t i = 0; i < table.size(); ++i) {
        const NameKey& key = k_keys[i];
        if (!key.registry.empty() && (key.repo_first != repo_first || key.registry != registry)) {
            continue;  // the glob's literal start already differs from the name
        }
        if (match(table[i].name_glob, name) && match(table[i].tag_glob, tag)) {
            return table[i].user;
        }
    }
    return std::nullopt;
}

std::optional<SmallerVariant> smaller_variant(const model::ImageRef& image) {
    if (image.registry != "docker.io" || !util::starts_with(image.repository, "library/")) {
        return std::nullopt;
    }
    std::string_view repo = std::string_view(image.repository).substr(8);
    std::string tag = image.tag;
    if (tag == "latest") {
        tag.clear();
    }
    std::vector<std::string_view> tokens = tag_tokens(tag);
    if (is_small_or_special(tokens)) {
        return std::nullopt;
    }
    for (const SlimEntry& e : k_slim_images) {
        if (e.repository != repo) {
            continue;
        }
        std::optional<std::string> t = slim_tag(e.style, repo, tokens);
        if (!t) {
            return std::nullopt;
        }
        SmallerVariant out;
        switch (e.style) {
            case SlimStyle::alpine_at_end:
            case SlimStyle::php_alpine:
                out.kind = "alpine";
                break;
            case SlimStyle::jre:
            case SlimStyle::openjdk_to_temurin:
                out.kind = "jre";
                break;
            default:
                out.kind = "slim";
                break;
        }
        std::string_view target = e.style == SlimStyle::openjdk_to_temurin ? "eclipse-temurin" : repo;
        out.suggestion = std::string(target) + ":" + *t;
        return out;
    }
    return std::nullopt;
}

}  // namespace bulwark::data
