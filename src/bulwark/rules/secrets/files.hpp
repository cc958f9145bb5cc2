#pragma once
// Credential files recognised by name (id_rsa, .npmrc, .env, *.p12 ...): for COPY/ADD sources and
// destinations, and for files found in image layers.
#include <optional>
#include <string_view>

namespace bulwark::rules::secrets {

/// What a credential file is, for messages, and how a build should get it instead.
struct SecretFileKind {
    std::string_view what;  // "SSH private key", ".npmrc (npm credentials)" ...
    std::string_view id;    // short id for a --mount=type=secret id ("npmrc", "ssh", "env" ...)
};

/// The kind of credential file `path` names (a file, a directory with or without a trailing slash,
/// or a glob such as `*.pem`), or nullopt. Public material is not a secret: id_rsa.pub, known_hosts,
/// CA bundles (ca.pem, fullchain.pem), repository signing keys (Release.key), .env.example.
std::optional<SecretFileKind> secret_file_kind(std::string_view path);

}  // namespace bulwark::rules::secrets
