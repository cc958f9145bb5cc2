#include "bulwark/rules/secrets/names.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <vector>

#include "bulwark/rules/ascii.hpp"
#include "bulwark/util/strings.hpp"

namespace bulwark::rules::secrets {

namespace {

bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// Words of an identifier as [begin, end) offsets: "AWS_SECRET_ACCESS_KEY" -> aws secret access key,
/// "clientSecret" -> client secret, "HTTPPassword" -> http password. Replaces the contents of `out`.
void name_tokens(std::string_view name, std::vector<std::pair<size_t, size_t>>& out) {
    out.clear();
    size_t start = 0;
    size_t len = 0;  // of the current word, which is name[start, start + len)
    auto flush = [&] {
        if (len != 0) {
            out.emplace_back(start, start + len);
            len = 0;
        }
    };
    for (size_t i = 0; i < name.size(); ++i) {
        char c = name[i];
        if (!ascii_alnum(c)) {
            flush();
            continue;
        }
        if (len != 0 && is_upper(c)) {
            char prev = name[i - 1];
            bool next_lower = i + 1 < name.size() && is_lower(name[i + 1]);
            // fooBar -> foo|Bar ; HTTPServer -> HTTP|Server
            if (is_lower(prev) || is_digit(prev) || (is_upper(prev) && next_lower)) {
                flush();
            }
        }
        if (len == 0) {
            start = i;
        }
        ++len;
    }
    flush();
}

constexpr std::string_view k_keywords[] = {
    "password",  "passwd",     "passwrd",   "pwd",         "pass",        "passphrase",  "secret",
    "secrets",   "token",      "apikey",    "credential",  "credentials", "creds",       "accesskey",
    "secretkey", "privatekey", "authtoken", "accesstoken", "apitoken",    "clientsecret"};

// Words that may follow a secret word without changing what the variable holds (DB_PASSWORD_B64).
constexpr std::string_view k_neutral_suffixes[] = {"b64",     "base64", "value",    "val",
                                                   "encoded", "plain",  "plaintext"};

// X_KEY is a secret for these X (GPG_KEY, SSH_HOST_KEY are not).
constexpr std::string_view k_key_qualifiers[] = {
    "api",    "access",  "private", "secret", "encryption", "signing", "master", "app", "account",
    "shared", "session", "license", "client", "storage",    "auth",    "sas",    "ssh"};

template <size_t N>
bool contains(const std::string_view (&set)[N], std::string_view word) {
    return std::find(std::begin(set), std::end(set), word) != std::end(set);
}

bool is_keyword(std::string_view word) {
    if (contains(k_keywords, word)) {
        return true;
    }
    // ROOTPASS, DBPASS: `pass` glued to a word that says whose password it is (not bypass, compass).
    static constexpr std::string_view k_owners[] = {
        "root", "admin", "db",     "user",  "sa",      "sql",      "mysql",      "pg",  "smtp",
        "mail", "ftp",   "ldap",   "redis", "store",   "keystore", "truststore", "key", "app",
        "api",  "bind",  "master", "svc",   "service", "web",      "proxy"};
    if (word.size() > 4 && word.ends_with("pass") && contains(k_owners, word.substr(0, word.size() - 4))) {
        return true;
    }
    // PGPASSWORD, BEARERTOKEN, CLIENTSECRET written as one word.
    for (std::string_view suffix : {std::string_view("password"), std::string_view("passwd"),
                                    std::string_view("secret"), std::string_view("token")}) {
        if (word.size() > suffix.size() && word.ends_with(suffix)) {
            return true;
        }
    }
    return false;
}

/// False when `name` (any case) contains none of the pieces every secret name has (each keyword,
/// `auth` and `key` contains one): most names are ruled out before they are lower-cased and split
/// into words. Pieces: pass pwd secret token key cred auth, found by their first letter.
bool may_be_secret_name(std::string_view name) {
    for (size_t i = 0; i + 1 < name.size(); ++i) {
        // The piece starting with these two letters; most pairs start none (every piece is longer,
        // so only a matching pair is worth comparing further).
        std::string_view piece;
        switch (ascii_lower(name[i])) {
            case 'p':
                piece = ascii_lower(name[i + 1]) == 'a' ? "pass" : "pwd";
                break;
            case 's':
                piece = "secret";
                break;
            case 't':
                piece = "token";
                break;
            case 'k':
                piece = "key";
                break;
            case 'c':
                piece = "cred";
                break;
            case 'a':
                piece = "auth";
                break;
            default:
                continue;
        }
        if (ascii_lower(name[i + 1]) == piece[1] && util::istarts_with(name.substr(i), piece)) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool is_secret_name(std::string_view name) {
    while (!name.empty() && name.front() == '-') {
        name.remove_prefix(1);
    }
    // Every ENV/ARG key of every Dockerfile asks: reuse this thread's buffers instead of allocating.
    thread_local std::string lower;
    thread_local std::vector<std::pair<size_t, size_t>> spans;
    if (!may_be_secret_name(name)) {
        return false;
    }
    assign_lower(lower, name);
    if (lower == "pwd" || lower == "oldpwd" || lower == "nopasswd" || lower == "nopassword") {
        return false;
    }
    name_tokens(name, spans);
    if (spans.empty()) {
        return false;
    }
    // Words are lower case: tokens are runs of alphanumerics, at the same offsets in `lower`.
    auto word = [&](size_t i) {
        return std::string_view(lower).substr(spans[i].first, spans[i].second - spans[i].first);
    };
    size_t n = spans.size();
    for (size_t i = 0; i < n; ++i) {
        if (word(i) == "public" || word(i) == "pub") {
            return false;
        }
    }
    while (n > 1 && contains(k_neutral_suffixes, word(n - 1))) {
        --n;
    }
    std::string_view last = word(n - 1);
    if (is_keyword(last)) {
        return true;
    }
    // `auth` alone (docker config.json, .npmrc _auth) or qualified (BASIC_AUTH); not `enable-auth`.
    if (last == "auth") {
        static constexpr std::string_view k_auth_qualifiers[] = {"basic",  "http", "proxy", "npm", "registry",
                                                                 "docker", "git",  "smtp",  "api"};
        return n == 1 || contains(k_auth_qualifiers, word(n - 2));
    }
    if (last == "key" && n >= 2 && contains(k_key_qualifiers, word(n - 2))) {
        // SSH_KEY alone is ambiguous (often a public key); SSH_PRIVATE_KEY is caught above.
        return word(n - 2) != "ssh";
    }
    // AWS_ACCESS_KEY_ID, SECRET_KEY_BASE (Rails).
    if (n >= 3 && word(n - 2) == "key" &&
        ((word(n - 3) == "access" && last == "id") || (word(n - 3) == "secret" && last == "base"))) {
        return true;
    }
    return false;
}

bool has_variable_reference(std::string_view value) {
    for (size_t i = 0; i + 1 < value.size(); ++i) {
        if (value[i] != '$') {
            continue;
        }
        char n = value[i + 1];
        if (n == '{' || n == '(' || n == '_' || is_lower(n) || is_upper(n)) {
            return true;
        }
    }
    return value.find('`') != std::string_view::npos;
}

bool looks_like_path(std::string_view value) {
    if (util::starts_with(value, "/") || util::starts_with(value, "./") || util::starts_with(value, "../") ||
        util::starts_with(value, "~/") || util::starts_with(value, "file:")) {
        return true;
    }
    // resetPassword.sh, secrets.json: a file name.
    static constexpr std::string_view k_extensions[] = {
        ".sh",         ".bash", ".py",   ".rb",   ".pl",       ".js",  ".ps1", ".txt",
        ".json",       ".yml",  ".yaml", ".xml",  ".conf",     ".cfg", ".ini", ".env",
        ".properties", ".toml", ".pem",  ".key",  ".crt",      ".p12", ".pfx", ".jks",
        ".keystore",   ".sql",  ".rsp",  ".tmpl", ".template", ".gpg", ".asc"};
    std::string lower = util::to_lower(value);
    for (std::string_view ext : k_extensions) {
        if (lower.size() > ext.size() && util::ends_with(lower, ext)) {
            return true;
        }
    }
    return false;
}

bool is_secret_reference_spec(std::string_view value) {
    // docker build/buildx --secret id=,src=,source=,env=,type=,required=; docker service/compose
    // --secret source=,target=,uid=,gid=,mode=; podman --secret NAME,type=,target=.
    static constexpr std::string_view k_keys[] = {
        "id=", "src=", "source=", "env=", "type=", "required=", "target=", "uid=", "gid=", "mode="};
    if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
        value.remove_prefix(1);
    }
    return std::any_of(std::begin(k_keys), std::end(k_keys),
                       [&](std::string_view key) { return util::starts_with(value, key); });
}

bool is_placeholder(std::string_view value) {
    value = util::trim(value);
    while (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
           value.back() == value.front()) {
        value = util::trim(value.substr(1, value.size() - 2));
    }
    if (value.empty() || has_variable_reference(value)) {
        return true;
    }
    size_t lt = value.find('<');
    if (lt != std::string_view::npos && value.find('>', lt) != std::string_view::npos) {
        return true;  // <token>, <YOUR_API_KEY>
    }
    if (value.find("{{") != std::string_view::npos) {
        return true;  // templating
    }
    if (size_t pct = value.find('%'); pct != std::string_view::npos) {
        size_t close = value.find('%', pct + 1);
        if (close != std::string_view::npos && close > pct + 1) {
            std::string_view inner = value.substr(pct + 1, close - pct - 1);
            if (std::all_of(inner.begin(), inner.end(), [](char c) { return ascii_alnum(c) || c == '_'; })) {
                return true;  // %VAR% (Windows)
            }
        }
    }
    if (std::all_of(value.begin(), value.end(), [&](char c) { return c == value.front(); })) {
        return true;  // xxxx, ****, 0000
    }
    if (value.size() >= 8) {
        std::string distinct;
        for (char c : value) {
            if (distinct.find(c) == std::string::npos) {
                distinct.push_back(c);
            }
        }
        if (distinct.size() <= 3) {
            return true;  // 00000000-0000-0000-0000-000000000000, abababab
        }
    }
    std::string lower = util::to_lower(value);
    static constexpr std::string_view k_parts[] = {
        "changeme", "change_me",  "change-me",  "changeit",     "example",     "placeholder", "dummy",
        "redacted", "your_",      "your-",      "yourpass",     "yoursecret",  "yourtoken",   "xxxx",
        "****",     "replace_me", "replaceme",  "replace-me",   "insert_",     "put_your",    "fixme",
        "todo",     "sample",     "notasecret", "not-a-secret", "not_a_secret"};
    for (std::string_view p : k_parts) {
        if (lower.find(p) != std::string::npos) {
            return true;
        }
    }
    static constexpr std::string_view k_words[] = {
        "password", "passwd", "pass", "pwd", "secret", "token", "none", "null", "nil", "true", "false", "yes",
        "no", "on", "off", "undefined", "empty", "unset", "default", "required", "string", "value", "key",
        "apikey", "api_key", "foo", "bar", "baz", "foobar", "secret_key", "mysecret", "mypassword", "mytoken",
        "...", "fake", "basic", "bearer", "digest", "oauth", "oauth2", "ldap", "kerberos", "pam", "md5",
        // configuration words for password settings (perl's d_pwpasswd='define', PAM, login.defs)
        "define", "undef", "enabled", "disabled", "enable", "disable", "auto", "optional", "prompt", "random",
        "shadow", "files", "sha256", "sha512", "bcrypt", "yescrypt", "plain", "plaintext"};
    return contains(k_words, lower);
}

std::string redact(std::string_view value) {
    size_t keep = 0;
    while (keep < 4 && keep < value.size() && static_cast<unsigned char>(value[keep]) < 0x80) {
        ++keep;
    }
    if (value.size() <= 4) {
        keep = 0;
    }
    return std::string(value.substr(0, keep)) + "****";
}

bool is_literal_secret_value(std::string_view value) {
    return !is_placeholder(value) && !looks_like_path(value);
}

}  // namespace bulwark::rules::secrets
