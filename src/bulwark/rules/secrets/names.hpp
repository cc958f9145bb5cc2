#pragma once
// Judging names and values: is this variable name meant to hold a secret, is this value a real
// literal or an obvious placeholder. Shared by the Dockerfile secret rules and the pattern scanner.
#include <string>
#include <string_view>

namespace bulwark::rules::secrets {

/// True when `name` (ENV/ARG name, option or config key; any case, snake/kebab/camel case, leading
/// dashes ignored) names a secret: PASSWORD, DB_PASS, GITHUB_TOKEN, apiKey, AWS_SECRET_ACCESS_KEY ...
/// False for names about a secret rather than holding one: *_FILE, *_PATH, *_URL, *_DIR, *_LENGTH,
/// PUBLIC_KEY, GPG_KEY, PWD ...
bool is_secret_name(std::string_view name);

/// True when `value` cannot be a real secret: empty, a variable reference (${VAR}, $VAR, $(cmd),
/// %VAR%, {{ var }}), a placeholder (<token>, changeme, example, xxxx, your_password ...), a
/// boolean/none word, or a single repeated character.
bool is_placeholder(std::string_view value);

/// True when `value` holds a shell/Dockerfile variable reference or command substitution.
bool has_variable_reference(std::string_view value);

/// True when `value` looks like a file reference rather than a secret (/run/secrets/x, ./key, ~/.x).
bool looks_like_path(std::string_view value);

/// True when `value`, the word after a `--secret` option, is a secret's reference rather than its
/// value: BuildKit's and Podman's `id=npmrc,src=.npmrc`, `type=env,id=x`, `source=x,target=y` (a
/// comma-separated list whose first item is one of their keys).
bool is_secret_reference_spec(std::string_view value);

/// True when `value` (already expanded) can be a real secret: not a placeholder and not a file
/// path. The verdict on ENV/ARG values of a Dockerfile and on Env/Labels of an image config.
bool is_literal_secret_value(std::string_view value);

/// The value with all but its first 4 characters hidden ("ghp_****"); "****" for short values.
std::string redact(std::string_view value);

}  // namespace bulwark::rules::secrets
