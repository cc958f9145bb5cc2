#include "bulwark/rules/secrets/patterns.hpp"

#include <array>

namespace bulwark::rules::secrets {

namespace {

using core::Severity;
using K = PatternKind;

// Value characters of free-form assignments: printable ASCII without white space, quotes, shell
// syntax, variable references ($: "${TOKEN}" is not a literal) and JSON punctuation.
#define BW_VALUE "[!#%*+\\-./0-9:=?@A-Z\\[\\]^_a-z~]"

constexpr std::array k_patterns = {
    SecretPattern{"aws-access-key-id", "AWS access key ID", Severity::high, K::token,
                  "(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}"},
    SecretPattern{
        "aws-secret-access-key", "AWS secret access key", Severity::critical, K::assignment,
        "(?:aws_?secret_?(?:access_?)?key|secret_?access_?key)[\"']?(?:[ \\t]*[:=][ \\t]*|[ \\t]+)[\"']?"
        "[A-Za-z0-9/+]{40}",
        true},
    SecretPattern{"github-token", "GitHub token", Severity::critical, K::token,
                  "(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}"},
    SecretPattern{"github-fine-grained-token", "GitHub fine-grained personal access token",
                  Severity::critical, K::token, "github_pat_[A-Za-z0-9_]{82}"},
    SecretPattern{"gitlab-token", "GitLab personal access token", Severity::critical, K::token,
                  "glpat-[A-Za-z0-9_-]{20,64}"},
    SecretPattern{"slack-token", "Slack token", Severity::critical, K::token,
                  "xox[baprs]-[0-9A-Za-z-]{10,100}"},
    SecretPattern{
        "slack-webhook", "Slack incoming webhook URL", Severity::high, K::token,
        "https://hooks\\.slack\\.com/services/T[A-Za-z0-9_]{6,12}/B[A-Za-z0-9_]{6,12}/[A-Za-z0-9_]{20,32}"},
    SecretPattern{"stripe-live-key", "Stripe live secret key", Severity::critical, K::token,
                  "[rs]k_live_[0-9A-Za-z]{20,120}"},
    SecretPattern{"google-api-key", "Google API key", Severity::high, K::token, "AIza[0-9A-Za-z_-]{35}"},
    SecretPattern{"private-key", "private key", Severity::critical, K::private_key,
                  "-----BEGIN (?:(?:RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY(?: BLOCK)?-----"},
    SecretPattern{"jwt", "JSON Web Token", Severity::high, K::token,
                  "eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}"},
    SecretPattern{"npm-token", "npm access token", Severity::critical, K::token, "npm_[A-Za-z0-9]{36}"},
    SecretPattern{"pypi-token", "PyPI API token", Severity::critical, K::token,
                  "pypi-Ag(?:EIcHlwaS5vcmc|ENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,}"},
    SecretPattern{"dockerhub-token", "Docker Hub access token", Severity::critical, K::token,
                  "dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,}"},
    SecretPattern{"azure-storage-key", "Azure storage account key", Severity::critical, K::assignment,
                  "AccountKey=[A-Za-z0-9+/]{86}=="},
    SecretPattern{"sendgrid-api-key", "SendGrid API key", Severity::critical, K::token,
                  "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}"},
    SecretPattern{"twilio-api-key", "Twilio API key", Severity::high, K::token, "SK[0-9a-fA-F]{32}"},
    SecretPattern{"openai-api-key", "OpenAI API key", Severity::critical, K::token,
                  "sk-[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}"},
    SecretPattern{"anthropic-api-key", "Anthropic API key", Severity::critical, K::token,
                  "sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,}"},
    SecretPattern{"huggingface-token", "Hugging Face access token", Severity::high, K::token,
                  "hf_[A-Za-z]{34}"},
    SecretPattern{"shopify-token", "Shopify access token", Severity::high, K::token,
                  "shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}"},
    SecretPattern{"digitalocean-token", "DigitalOcean token", Severity::high, K::token,
                  "do[opr]_v1_[a-f0-9]{64}"},
    SecretPattern{"authorization-header", "HTTP Authorization credentials", Severity::high, K::assignment,
                  "authorization[\"']?[ \\t]*:[ \\t]*(?:basic|bearer|token)[ \\t]+[A-Za-z0-9+/=._~-]{12,}",
                  true},
    SecretPattern{"secret-assignment", "hard-coded secret", Severity::high, K::named_assignment,
                  "(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|"
                  "credentials?|auth)[A-Za-z0-9_.-]*[\"']?[ \\t]*[:=][ \\t]*[\"']?" BW_VALUE "{4}",
                  true},
    SecretPattern{"secret-option", "hard-coded secret option", Severity::high, K::option,
                  "--(?:password|passwd|token|secret|api-key|apikey|access-token|auth-token)[ \\t]+[\"']?"
                  "[!#%*+./0-9:=?@A-Z\\[\\]^_a-z~]" BW_VALUE "{3}",
                  true},
    // Matched from "://"; the scheme before and the host after are added by the scanner.
    SecretPattern{"url-credentials", "password in URL", Severity::high, K::url,
                  "://[^\\s/:@\"'$<>{}()\\\\]+:[^\\s/@\"'$<>{}()\\\\]+@[A-Za-z0-9]"},
};

#undef BW_VALUE

}  // namespace

std::span<const SecretPattern> builtin_patterns() {
    return k_patterns;
}

}  // namespace bulwark::rules::secrets
