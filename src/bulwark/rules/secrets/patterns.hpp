#pragma once
// The built-in secret patterns: one table, compiled into one Hyperscan database by SecretScanner.
#include <span>
#include <string_view>

#include "bulwark/core/severity.hpp"

namespace bulwark::rules::secrets {

/// How a raw pattern match is turned into a secret value (and checked).
enum class PatternKind {
    token,             // the whole match is the secret; must not touch letters/digits on either side
    assignment,        // NAME = value / "name": "value"; value after the separator
    named_assignment,  // the same, and NAME must be secret-like (is_secret_name)
    option,            // --password value / --token=value; NAME must be secret-like
    url,               // scheme://user:password@host; the password is the secret
    private_key,       // a PEM/OpenSSH/PGP private key header followed by key material
};

struct SecretPattern {
    std::string_view id;    // stable, kebab-case ("github-token")
    std::string_view name;  // for messages ("GitHub token")
    core::Severity severity = core::Severity::high;
    PatternKind kind = PatternKind::token;
    std::string_view regex;  // Hyperscan syntax, no anchors; matched with SOM_LEFTMOST
    bool caseless = false;
};

/// Every built-in pattern; ids are unique.
std::span<const SecretPattern> builtin_patterns();

}  // namespace bulwark::rules::secrets
