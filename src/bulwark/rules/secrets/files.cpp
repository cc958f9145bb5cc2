#include "bulwark/rules/secrets/files.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "bulwark/util/strings.hpp"

namespace bulwark::rules::secrets {

namespace {

/// Lower-case alphanumeric words of a file name ("rootCA-chain.pem" -> rootca chain pem).
std::vector<std::string> words_of(std::string_view name) {
    std::vector<std::string> out;
    std::string cur;
    for (char c : name) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            cur.push_back(c);
        } else if (!cur.empty()) {
            out.push_back(util::to_lower(cur));
            cur.clear();
        }
    }
    if (!cur.empty()) {
        out.push_back(util::to_lower(cur));
    }
    return out;
}

bool any_word_in(const std::vector<std::string>& words, std::initializer_list<std::string_view> set) {
    return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
        return std::find(set.begin(), set.end(), w) != set.end();
    });
}

/// Certificates, CA bundles and public keys share extensions with private keys.
bool names_public_material(const std::vector<std::string>& words) {
    for (const std::string& w : words) {
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
    std::vector<std::string_view> parts;
    for (std::string_view p : util::split(path, '/')) {
        if (!p.empty() && p != ".") {
            parts.push_back(p);
        }
    }
    if (parts.empty()) {
        return std::nullopt;
    }
    std::string base = util::to_lower(parts.back());
    std::string parent = parts.size() >= 2 ? util::to_lower(parts[parts.size() - 2]) : std::string();
    std::vector<std::string> words = words_of(base);
    bool is_pub = util::ends_with(base, ".pub");

    if (!is_pub && (util::starts_with(base, "id_rsa") || util::starts_with(base, "id_dsa") ||
                    util::starts_with(base, "id_ecdsa") || util::starts_with(base, "id_ed25519"))) {
        return k_ssh_key;
    }
    if (base == ".env" || util::starts_with(base, ".env.")) {
        if (any_word_in(words,
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
    if (base == ".dockercfg" || (base == "config.json" && parent == ".docker")) {
        return SecretFileKind{"Docker registry credentials", "docker-config"};
    }
    if (base == "credentials.json" || util::starts_with(base, "client_secret")) {
        return SecretFileKind{"credentials.json (service credentials)", "credentials"};
    }
    if (base == "kubeconfig" || util::ends_with(base, ".kubeconfig") ||
        (base == "config" && parent == ".kube")) {
        return SecretFileKind{"kubeconfig (cluster credentials)", "kubeconfig"};
    }
    if (util::ends_with(base, ".tfstate") || util::ends_with(base, ".tfstate.backup")) {
        return SecretFileKind{"Terraform state (holds resource secrets)", "tfstate"};
    }
    if (util::ends_with(base, ".p12") || util::ends_with(base, ".pfx")) {
        return SecretFileKind{"PKCS#12 key store", "keystore"};
    }
    if ((util::ends_with(base, ".pem") || util::ends_with(base, ".key")) && !names_public_material(words)) {
        return SecretFileKind{"private key file", "key"};
    }
    // Directories that hold credentials, and files below them.
    for (size_t i = 0; i < parts.size(); ++i) {
        std::string dir = util::to_lower(parts[i]);
        bool last = i + 1 == parts.size();
        if (dir == ".aws" && (last || base == "credentials" || base == "config")) {
            return SecretFileKind{"AWS credentials", "aws"};
        }
        if (dir == ".gnupg") {
            return SecretFileKind{"GnuPG keyring (private keys)", "gnupg"};
        }
        if (dir == ".ssh") {
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
