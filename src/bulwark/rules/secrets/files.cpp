#include "bulwark/rules/secrets/files.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "bulwark/rules/ascii.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::secrets {

using namespace std::string_view_literals;

namespace {

/// Alphanumeric words of a lower-case file name ("rootca-chain.pem" -> rootca chain pem).
std::vector<std::string_view> words_of(std::string_view name) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (size_t i = 0; i <= name.size(); ++i) {
        char c = i < name.size() ? name[i] : '\0';
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            continue;
        }
        if (i > start) {
            out.push_back(name.substr(start, i - start));
        }
        start = i + 1;
    }
    return out;
}

bool any_word_in(const std::vector<std::string_view>& words, std::initializer_list<std::string_view> set) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return std::find(set.begin(), set.end(), w) != set.end(); });
}

/// The next path segment of `path` at or after `pos` that is neither empty nor ".", or false.
bool next_part(std::string_view path, size_t& pos, std::string_view& part) {
    while (pos <= path.size()) {
        size_t slash = path.find('/', pos);
        size_t end = slash == std::string_view::npos ? path.size() : slash;
        part = path.substr(pos, end - pos);
        pos = end + 1;
        if (!part.empty() && part != ".") {
            return true;
        }
    }
    return false;
}

/// Certificates, CA bundles and public keys share extensions with private keys.
bool names_public_material(const std::vector<std::string_view>& words) {
    for (std::string_view w : words) {
        if (util::starts_with(w, "cert") || util::starts_with(w, "cacert")) {
            return true;
        }
    }
    return any_word_in(words,
                       {"ca",      "chain", "fullchain",  "bundle",  "pub",     "public",  "root",
                        "rootca",  "trust", "truststore", "gpg",     "pgp",     "asc",     "signing",
                        "release", "repo",  "apt",        "archive", "keyring", "dhparam", "dhparams"});
}

constexpr SecretFileKind k_ssh_key{"SSH private key", "ssh"};
constexpr SecretFileKind k_ssh_dir{"SSH directory (private keys)", "ssh"};

}  // namespace

std::optional<SecretFileKind> secret_file_kind(std::string_view path) {
    while (path.size() > 1 && path.back() == '/') {
        path.remove_suffix(1);
    }
    // Most paths name no secret: find the last two segments without building the list.
    // Every name below has a '.' or '_' in the path (a dot file, an extension, id_*, a dot directory)
    // except a bare kubeconfig: most paths (app, src/, /usr/local/bin) stop here. Without a '.' no
    // segment is ".", so the last one follows the last '/'.
    if (find_first_of(path, "._") == std::string_view::npos) {
        size_t slash = path.rfind('/');
        std::string_view tail = slash == std::string_view::npos ? path : path.substr(slash + 1);
        if (!util::iequals(tail, "kubeconfig")) {
            return std::nullopt;
        }
    }
    std::string_view last_part;
    std::string_view parent_part;
    size_t count = 0;
    bool dot_dir = false;  // some segment starts with '.' (.aws, .gnupg, .ssh below)
    std::string_view part;
    for (size_t pos = 0; next_part(path, pos, part);) {
        parent_part = last_part;
        last_part = part;
        dot_dir = dot_dir || part[0] == '.';
        ++count;
    }
    if (count == 0) {
        return std::nullopt;
    }
    thread_local std::string lowered;  // one buffer per thread: every COPY source asks
    assign_lower(lowered, last_part);
    std::string_view base = lowered;
    auto parent_is = [&](std::string_view dir) { return count >= 2 && util::iequals(parent_part, dir); };
    bool is_pub = base.ends_with(".pub"sv);

    if (!is_pub && (base.starts_with("id_rsa"sv) || base.starts_with("id_dsa"sv) ||
                    base.starts_with("id_ecdsa"sv) || base.starts_with("id_ed25519"sv))) {
        return k_ssh_key;
    }
    if (base == ".env" || base.starts_with(".env."sv)) {
        if (any_word_in(words_of(base),
                        {"example", "sample", "template", "dist", "default", "defaults", "tmpl", "tpl"})) {
            return std::nullopt;
        }
        return SecretFileKind{".env file (environment secrets)", "env"};
    }
    if (base == ".npmrc") {
        return SecretFileKind{".npmrc (npm registry credentials)", "npmrc"};
    }
    if (base == ".pypirc") {
        return SecretFileKind{".pypirc (PyPI credentials)", "pypirc"};
    }
    if (base == ".netrc" || base == "_netrc") {
        return SecretFileKind{".netrc (login credentials)", "netrc"};
    }
    if (base == ".git-credentials") {
        return SecretFileKind{".git-credentials (Git credentials)", "git-credentials"};
    }
    if (base == ".pgpass") {
        return SecretFileKind{".pgpass (PostgreSQL passwords)", "pgpass"};
    }
    if (base == ".dockercfg" || (base == "config.json" && parent_is(".docker"))) {
        return SecretFileKind{"Docker registry credentials", "docker-config"};
    }
    if (base == "credentials.json" || base.starts_with("client_secret"sv)) {
        return SecretFileKind{"credentials.json (service credentials)", "credentials"};
    }
    if (base == "kubeconfig" || base.ends_with(".kubeconfig"sv) || (base == "config" && parent_is(".kube"))) {
        return SecretFileKind{"kubeconfig (cluster credentials)", "kubeconfig"};
    }
    if (base.ends_with(".tfstate"sv) || base.ends_with(".tfstate.backup"sv)) {
        return SecretFileKind{"Terraform state (holds resource secrets)", "tfstate"};
    }
    if (base.ends_with(".p12"sv) || base.ends_with(".pfx"sv)) {
        return SecretFileKind{"PKCS#12 key store", "keystore"};
    }
    if ((base.ends_with(".pem"sv) || base.ends_with(".key"sv)) && !names_public_material(words_of(base))) {
        return SecretFileKind{"private key file", "key"};
    }
    // Directories that hold credentials, and files below them.
    if (!dot_dir) {
        return std::nullopt;
    }
    size_t i = 0;
    for (size_t pos = 0; next_part(path, pos, part); ++i) {
        std::string_view dir = part;
        bool last = i + 1 == count;
        if (util::iequals(dir, ".aws") && (last || base == "credentials" || base == "config")) {
            return SecretFileKind{"AWS credentials", "aws"};
        }
        if (util::iequals(dir, ".gnupg")) {
            return SecretFileKind{"GnuPG keyring (private keys)", "gnupg"};
        }
        if (util::iequals(dir, ".ssh")) {
            if (last) {
                return k_ssh_dir;
            }
            if (is_pub || base == "known_hosts" || base == "config" || base == "authorized_keys" ||
                base == "authorized_keys2" || base == "environment" || base == "rc") {
                return std::nullopt;
            }
            return k_ssh_key;
        }
    }
    return std::nullopt;
}

}  // namespace bulwark::rules::secrets
