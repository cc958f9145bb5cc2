// The shared secret pattern set: true positives per pattern, placeholders and variable references
// that must not match, offsets, redaction and the streaming variant.
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <string>
#include <thread>

#include "bulwark/rules/secrets/names.hpp"
#include "bulwark/rules/secrets/patterns.hpp"
#include "bulwark/rules/secrets/scanner.hpp"

using namespace bulwark;
using rules::secrets::SecretMatch;
using rules::secrets::SecretScanner;

namespace {

std::vector<SecretMatch> scan(std::string_view text) {
    return SecretScanner::builtin().scan(text);
}

/// Ids of the patterns that matched.
std::vector<std::string> ids(std::string_view text) {
    std::vector<std::string> out;
    for (const SecretMatch& m : scan(text)) {
        out.emplace_back(m.id);
    }
    return out;
}

struct Positive {
    std::string pattern;
    std::string text;    // the line
    std::string secret;  // the part that must be reported as the value
};

// Fake credentials, random but well-formed.
const std::vector<Positive> k_positives = {
    {"aws-access-key-id", "ENV AWS_ACCESS_KEY_ID=AKIAHBRPOIG8F1CBFNO6", "AKIAHBRPOIG8F1CBFNO6"},
    {"aws-secret-access-key", "aws_secret_access_key = dz1C5Jau2RJtBRnlWmTSHf6pWkLUyifDLkDmWJ6U",
     "dz1C5Jau2RJtBRnlWmTSHf6pWkLUyifDLkDmWJ6U"},
    {"aws-secret-access-key",
     "RUN aws configure set aws_secret_access_key dz1C5Jau2RJtBRnlWmTSHf6pWkLUyifDLkDmWJ6U",
     "dz1C5Jau2RJtBRnlWmTSHf6pWkLUyifDLkDmWJ6U"},
    {"github-token", "RUN git clone https://ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ@github.com/o/r.git",
     "ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ"},
    {"github-token", "ENV GH=ghs_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ",
     "ghs_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ"},
    {"github-fine-grained-token",
     "token: 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",
     "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"},
    {"gitlab-token", "ARG CI_TOKEN=glpat-UqGWlG6g3Ot1OGMmjxWk", "glpat-UqGWlG6g3Ot1OGMmjxWk"},
    {"slack-token", "ENV SLACK=xoxb-880957015430-3911718227824-H3MB9n7IWUSmTtzQPxC5HChp",
     "xoxb-880957015430-3911718227824-H3MB9n7IWUSmTtzQPxC5HChp"},
    {"slack-webhook",
     "ENV HOOK=https://hooks.slack.com/services/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",
     "https://hooks.slack.com/services/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"},
    {"stripe-live-key", "ENV STRIPE=sk_live_D3UdRPPgdzUvZ3gpmmICiBlr", "sk_live_D3UdRPPgdzUvZ3gpmmICiBlr"},
    {"google-api-key", "ENV MAPS=AIza7Fj4mgblEv0_9BZhvWaXH6K2_tyLBhhOhg9",
     "AIza7Fj4mgblEv0_9BZhvWaXH6K2_tyLBhhOhg9"},
    {"jwt",
     "ENV JWT=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ."
     "uhkxiiEZpFfk1OHAOEHYqM6Ojb6mjBHqSiFVKu4MbMn",
     "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ."
     "uhkxiiEZpFfk1OHAOEHYqM6Ojb6mjBHqSiFVKu4MbMn"},
    {"npm-token",
     "RUN echo //registry.npmjs.org/:_authToken=npm_84iqh4gVJjrsMnTvnRO2qGFq562dfOB1rcav > .npmrc",
     "npm_84iqh4gVJjrsMnTvnRO2qGFq562dfOB1rcav"},
    {"pypi-token",
     "RUN twine upload -p pypi-AgEIcHlwaS5vcmcqHu42bojteVs3qfNUfTAFnT0tEuw0dwQ0FIunWe8Cz6SNDCdyZQJiJSZQdoH "
     "dist/*",
     "pypi-AgEIcHlwaS5vcmcqHu42bojteVs3qfNUfTAFnT0tEuw0dwQ0FIunWe8Cz6SNDCdyZQJiJSZQdoH"},
    {"dockerhub-token", "RUN docker login -u me -p dckr_pat_wHen3SO3oXyGf3azU3iQOpMN0PZ",
     "dckr_pat_wHen3SO3oXyGf3azU3iQOpMN0PZ"},
    {"azure-storage-key",
     "ENV "
     "AZ=DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=Lqy1WwMZaMKA3P744B8vkKQlENCzsdfF8j61yX/"
     "ZFsan2Cw7gFp6r7O425u85HFJ+EJ4jKEIQOkrtDXtBi10Q7==;EndpointSuffix=core.windows.net",
     "Lqy1WwMZaMKA3P744B8vkKQlENCzsdfF8j61yX/ZFsan2Cw7gFp6r7O425u85HFJ+EJ4jKEIQOkrtDXtBi10Q7=="},
    {"sendgrid-api-key", "ENV SG=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",
     "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"},
    {"twilio-api-key", "ENV TW=SK8b5359309cc6273931bdb2a0df3dbe4d", "SK8b5359309cc6273931bdb2a0df3dbe4d"},
    {"openai-api-key", "ENV OAI=sk-proj-lUH9PrNZ6IXEDB0ULru2T3BlbkFJp17fr4CpWDKNQyvbF2ul",
     "sk-proj-lUH9PrNZ6IXEDB0ULru2T3BlbkFJp17fr4CpWDKNQyvbF2ul"},
    {"anthropic-api-key",
     "ENV A=sk-ant-api03-_BTHRJJbykE0_E8_5clLCZFNV8S2QT6INGDpyOpxyB9JKmyLDUwMbqJfgLq_nbK894RxgG9oiZ_"
     "jgttMkFp1CW54M2Nhm",
     "sk-ant-api03-_BTHRJJbykE0_E8_5clLCZFNV8S2QT6INGDpyOpxyB9JKmyLDUwMbqJfgLq_nbK894RxgG9oiZ_"
     "jgttMkFp1CW54M2Nhm"},
    {"huggingface-token", "RUN huggingface-cli login --token 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",
     "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"},
    {"shopify-token", "ENV S=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",
     "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"},
    {"digitalocean-token", "ENV DO=dop_v1_fe85df2fbdaa35adf9c1e2a8a3c0ed16bfe16849ef307590d273e34f98dff7e4",
     "dop_v1_fe85df2fbdaa35adf9c1e2a8a3c0ed16bfe16849ef307590d273e34f98dff7e4"},
    {"authorization-header",
     "RUN curl -H \"Authorization: Bearer MdfPhLTV3sF0xvwkWE/sD7G6\" https://api.internal",
     "MdfPhLTV3sF0xvwkWE/sD7G6"},
    {"secret-assignment", "ENV DB_PASSWORD=hunter2-Xy", "hunter2-Xy"},
    {"secret-assignment", "RUN echo 'db.password = S3cr3tPassw0rd' >> app.properties", "S3cr3tPassw0rd"},
    {"secret-assignment", "{\"client_secret\": \"q8Zr1Lp0Vw3M\"}", "q8Zr1Lp0Vw3M"},
    {"secret-assignment", "RUN mysqladmin --password=Sup3rS3cret! create db", "Sup3rS3cret!"},
    {"secret-assignment", "password = \"os.environ1\"", "os.environ1"},  // quoted: a literal
    {"secret-assignment", "DB_PASSWORD=Summer.2024x", "Summer.2024x"},   // not an identifier path
    {"secret-option", "RUN mysqladmin --password Sup3rS3cret create db", "Sup3rS3cret"},
    {"url-credentials", "RUN pip install --index-url https://deploy:s3cr3tP4ss@pypi.corp.io/simple app",
     "s3cr3tP4ss"},
};

TEST(SecretPatterns, DatabaseCompilesAndIdsAreUnique) {
    std::set<std::string_view> seen;
    for (const rules::secrets::SecretPattern& p : rules::secrets::builtin_patterns()) {
        EXPECT_TRUE(seen.insert(p.id).second) << p.id;
        EXPECT_FALSE(p.name.empty()) << p.id;
    }
    EXPECT_EQ(SecretScanner::builtin().patterns().size(), rules::secrets::builtin_patterns().size());
}

TEST(SecretPatterns, EveryPatternHasATruePositive) {
    std::set<std::string> covered;
    for (const Positive& p : k_positives) {
        covered.insert(p.pattern);
    }
    for (const rules::secrets::SecretPattern& p : rules::secrets::builtin_patterns()) {
        if (p.id != "private-key") {
            EXPECT_TRUE(covered.count(std::string(p.id))) << "no true positive test for " << p.id;
        }
    }
}

TEST(SecretPatterns, TruePositivesReportTheValueOffsets) {
    for (const Positive& p : k_positives) {
        std::vector<SecretMatch> found = scan(p.text);
        ASSERT_EQ(found.size(), 1U) << p.text << " (expected " << p.pattern << ")";
        const SecretMatch& m = found[0];
        EXPECT_EQ(m.id, p.pattern) << p.text;
        size_t where = p.text.find(p.secret);
        ASSERT_NE(where, std::string::npos);
        EXPECT_EQ(m.value_begin, where) << p.text;
        EXPECT_EQ(m.value_end, where + p.secret.size()) << p.text;
        EXPECT_LE(m.begin, m.value_begin);
        EXPECT_GE(m.end, m.value_end);
        EXPECT_EQ(m.preview, p.secret.substr(0, 4) + "****") << p.text;
        EXPECT_EQ(m.preview.find(p.secret.substr(4)), std::string::npos) << "preview leaks the secret";
    }
}

TEST(SecretPatterns, PrivateKeyNeedsKeyMaterial) {
    std::string key =
        "-----BEGIN RSA PRIVATE "
        "KEY-----\nMIIEpAIBAAKCAQEAXyriJ1RIaKM+t59SQW6PyEXD0fO8WXt/eqQm4m6bs0tj8HRYkQWO+eiEKDl3mm4v\n"
        "-----END RSA PRIVATE KEY-----\n";
    std::vector<SecretMatch> found = scan("RUN echo \"" + key + "\" > /root/.ssh/id_rsa");
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0].id, "private-key");
    EXPECT_EQ(found[0].begin, 10U);
    EXPECT_EQ(found[0].preview, "-----BEGIN RSA PRIVATE KEY-----");
    // The literal "\n" escapes of a one-line key count as well.
    EXPECT_EQ(ids("ENV KEY=\"-----BEGIN OPENSSH PRIVATE "
                  "KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAA\""),
              std::vector<std::string>{"private-key"});
    for (std::string_view t : {"-----BEGIN EC PRIVATE KEY-----", "-----BEGIN PRIVATE KEY-----",
                               "-----BEGIN ENCRYPTED PRIVATE KEY-----",
                               "-----BEGIN PGP PRIVATE KEY BLOCK-----", "-----BEGIN DSA PRIVATE KEY-----"}) {
        EXPECT_EQ(
            ids(std::string(t) + "\nMIIEpAIBAAKCAQEAXyriJ1RIaKM+t59SQW6PyEXD0fO8WXt/eqQm4m6bs0tj8HRYkQWO\n"),
            std::vector<std::string>{"private-key"})
            << t;
    }
    // Legacy encrypted PEM keys have header fields before the key material.
    EXPECT_EQ(ids("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,3F1A2B\n\n"
                  "MIIEpAIBAAKCAQEAXyriJ1RIaKM+t59SQW6PyEXD0fO8WXt/eqQm4m6bs0tj8HRYkQWO\n"),
              std::vector<std::string>{"private-key"});
    // A script that looks for a key is not a key.
    EXPECT_TRUE(scan("RUN grep -q -- '-----BEGIN RSA PRIVATE KEY-----' /etc/key && echo ok").empty());
    EXPECT_TRUE(
        scan("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n")
            .empty());
}

TEST(SecretPatterns, PlaceholdersAndReferencesDoNotMatch) {
    for (std::string_view text : {
             "ENV DB_PASSWORD=changeme",
             "ENV DB_PASSWORD=${DB_PASSWORD}",
             "ENV DB_PASSWORD=$DB_PASSWORD",
             "ARG GITHUB_TOKEN=<token>",
             "ENV API_KEY=xxxxxxxx",
             "ENV API_KEY=your_api_key_here",
             "ENV SECRET=example-secret",
             "ENV PASSWORD=\"\"",
             "ENV PASSWORD_FILE=/run/secrets/db_password",
             "ENV TOKEN_URL=https://auth.example.org/token",
             "ENV PASSWORD_LENGTH=16",
             "ENV AUTH_ENABLED=true",
             "RUN echo \"password: $(cat /run/secrets/pw)\"",
             "RUN --mount=type=secret,id=npm NPM_TOKEN=$(cat /run/secrets/npm) npm ci",
             "# Token: required for the release job",
             "ENV GPG_KEY=0D96DF4D4110E5C43FBFB17F2D347EA6AA65421D",
             "ENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
             "ENV GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
             "RUN curl -u \"$USER:$PASS\" https://$USER:$PASS@repo.internal/x",
             "RUN git clone https://${GIT_USER}:${GIT_TOKEN}@gitlab.com/org/repo.git",
             "ENV DATABASE_URL=postgres://postgres:postgres@db:5432/app",
             "ENV URL=https://user:password@proxy.corp:3128",
             "RUN curl -H \"Authorization: Bearer ${TOKEN}\" https://api",
             "ENV TOKENIZERS_PARALLELISM=false",
             "xghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ",
             "ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZextra",
             "ENV KEEPASSXC_VERSION=2.7.9",
             // Program code reading a secret from elsewhere is not a hard-coded secret.
             "AWS_SECRET_ACCESS_KEY = os.environ[\"AWS_SECRET_ACCESS_KEY\"]",
             "password = os.getenv(\"DB_PASSWORD\")",
             "aws_secret_access_key = config.get(\"aws\", \"secret\")",
             "const TOKEN = process.env.GITHUB_TOKEN;",
             "secret = settings.SECRET_KEY",
             "password = get_password()",
             "api_key = credentials[\"api_key\"]",
         }) {
        EXPECT_TRUE(scan(text).empty())
            << text << " matched " << (scan(text).empty() ? "" : scan(text)[0].id);
    }
}

TEST(SecretPatterns, SpecificTokenWinsOverGenericAssignment) {
    EXPECT_EQ(ids("ENV GITHUB_TOKEN=ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ"),
              std::vector<std::string>{"github-token"});
    EXPECT_EQ(ids("AWS_SECRET_ACCESS_KEY=dz1C5Jau2RJtBRnlWmTSHf6pWkLUyifDLkDmWJ6U"),
              std::vector<std::string>{"aws-secret-access-key"});
}

TEST(SecretPatterns, SeveralMatchesAreSortedWithOffsets) {
    std::string text =
        "FROM alpine\nENV A=AKIAHBRPOIG8F1CBFNO6 B=npm_84iqh4gVJjrsMnTvnRO2qGFq562dfOB1rcav\nENV "
        "DB_PASSWORD=hunter2-Xy\n";
    std::vector<SecretMatch> found = scan(text);
    ASSERT_EQ(found.size(), 3U);
    EXPECT_EQ(found[0].id, "aws-access-key-id");
    EXPECT_EQ(found[0].begin, text.find("AKIA"));
    EXPECT_EQ(found[1].id, "npm-token");
    EXPECT_EQ(found[1].begin, text.find("npm_"));
    EXPECT_EQ(found[2].id, "secret-assignment");
    EXPECT_EQ(found[2].begin, text.find("DB_PASSWORD"));
    EXPECT_EQ(found[2].key, "DB_PASSWORD");
    EXPECT_EQ(found[2].value_begin, text.find("hunter2"));
    EXPECT_EQ(found[2].severity, core::Severity::high);
}

TEST(SecretPatterns, StreamFindsTheSameMatchesAcrossChunkBoundaries) {
    // Secrets placed around window boundaries, fed in odd-sized chunks.
    std::string data;
    std::vector<uint64_t> expected;
    const std::string token = "ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ";
    const std::string assign = "DB_PASSWORD=hunter2-Xy\n";
    for (int i = 0; i < 40; ++i) {
        data.append(static_cast<size_t>(3001 + i * 577), 'a' + static_cast<char>(i % 26));
        data.push_back(' ');
        expected.push_back(data.size());
        data += token;
        data += "\n";
        expected.push_back(data.size());
        data += assign;
    }
    std::vector<SecretMatch> block = scan(data);
    ASSERT_EQ(block.size(), expected.size());
    for (size_t window : {size_t{1}, size_t{5000}, size_t{20000}}) {
        rules::secrets::SecretStream stream(SecretScanner::builtin(), window);
        std::vector<SecretMatch> streamed;
        for (size_t pos = 0; pos < data.size(); pos += 1237) {
            stream.write(std::string_view(data).substr(pos, 1237), streamed);
        }
        stream.finish(streamed);
        ASSERT_EQ(streamed.size(), expected.size()) << "window " << window;
        for (size_t i = 0; i < expected.size(); ++i) {
            EXPECT_EQ(streamed[i].begin, expected[i]) << "window " << window << " match " << i;
            EXPECT_EQ(streamed[i].id, block[i].id);
            EXPECT_EQ(streamed[i].value_end, block[i].value_end);
        }
    }
}

TEST(SecretPatterns, ScannerIsUsableFromSeveralThreads) {
    std::string text = "ENV A=AKIAHBRPOIG8F1CBFNO6\n";
    std::vector<std::thread> threads;
    std::atomic<int> ok{0};
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                if (scan(text).size() == 1) {
                    ++ok;
                }
            }
        });
    }
    for (std::thread& th : threads) {
        th.join();
    }
    EXPECT_EQ(ok.load(), 200);
}

TEST(SecretNames, SecretLikeNames) {
    for (std::string_view n : {"PASSWORD",          "DB_PASSWORD",     "MYSQL_ROOT_PASSWORD",
                               "PGPASSWORD",        "db_pass",         "SMTP_PASSWD",
                               "GITHUB_TOKEN",      "NPM_TOKEN",       "apiKey",
                               "API_KEY",           "X-Api-Key",       "AWS_SECRET_ACCESS_KEY",
                               "AWS_ACCESS_KEY_ID", "clientSecret",    "JWT_SECRET",
                               "SECRET_KEY_BASE",   "SSH_PRIVATE_KEY", "GOOGLE_APPLICATION_CREDENTIALS",
                               "BASIC_AUTH",        "--password",      "NODE_AUTH_TOKEN",
                               "DB_PASSWORD_B64",   "ENCRYPTION_KEY",  "passphrase",
                               "HUBOT_SLACK_TOKEN", "LDAP_ROOTPASS",   "DBPASS"}) {
        EXPECT_TRUE(rules::secrets::is_secret_name(n)) << n;
    }
    for (std::string_view n : {"PASSWORD_FILE",
                               "DB_PASSWORD_PATH",
                               "TOKEN_URL",
                               "SECRETS_DIR",
                               "PASSWORD_LENGTH",
                               "PUBLIC_KEY",
                               "NEXT_PUBLIC_API_KEY",
                               "GPG_KEY",
                               "GPG_KEYS",
                               "PWD",
                               "OLDPWD",
                               "KEY",
                               "TOKENIZERS_PARALLELISM",
                               "AUTH_METHOD",
                               "PASSENGER_VERSION",
                               "INSTALL_SSHPASS",
                               "KEEPASSXC_VERSION",
                               "SSH_KEY",
                               "TOKEN_TTL",
                               "BYPASS",
                               "COMPASS",
                               "NOPASSWD",
                               ""}) {
        EXPECT_FALSE(rules::secrets::is_secret_name(n)) << n;
    }
}

TEST(SecretNames, Placeholders) {
    for (std::string_view v :
         {"", "${TOKEN}", "$TOKEN", "$(cat /run/secrets/x)", "<token>", "changeme", "xxxx", "****", "example",
          "your-token-here", "%API_KEY%", "{{ .Token }}", "true", "none"}) {
        EXPECT_TRUE(rules::secrets::is_placeholder(v)) << v;
    }
    for (std::string_view v :
         {"hunter2", "S3cr3t!", "test", "admin123", "ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ"}) {
        EXPECT_FALSE(rules::secrets::is_placeholder(v)) << v;
    }
}

TEST(SecretNames, RedactKeepsFourCharacters) {
    EXPECT_EQ(rules::secrets::redact("hunter2-Xy"), "hunt****");
    EXPECT_EQ(rules::secrets::redact("abc"), "****");
    EXPECT_EQ(rules::secrets::redact(""), "****");
}

TEST(SecretPatterns, KnownMatchesAnswerOnlyForTheSameBytesAndScanner) {
    const std::string text = "FROM alpine\nRUN echo ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ\n";
    const std::vector<SecretMatch> real = scan(text);
    ASSERT_EQ(real.size(), 1U);
    SecretMatch marked = real[0];
    marked.preview = "from KnownMatches";  // tells a reused answer from a scan
    {
        rules::secrets::KnownMatches known(SecretScanner::builtin(), text, {marked});
        ASSERT_EQ(scan(text).size(), 1U);
        EXPECT_EQ(scan(text)[0].preview, "from KnownMatches");
        // Equal bytes elsewhere, a part of the same bytes: scanned.
        const std::string copy = text;
        EXPECT_EQ(scan(copy)[0].preview, real[0].preview);
        EXPECT_EQ(scan(std::string_view(text).substr(0, text.size() - 1)).size(), 1U);
        EXPECT_NE(scan(std::string_view(text).substr(0, text.size() - 1))[0].preview, "from KnownMatches");
        // Another thread does not see this thread's scope.
        std::string other_thread;
        std::thread([&] { other_thread = scan(text)[0].preview; }).join();
        EXPECT_EQ(other_thread, real[0].preview);
        {
            rules::secrets::KnownMatches inner(SecretScanner::builtin(), text, {});
            EXPECT_TRUE(scan(text).empty());  // the innermost scope answers
        }
        EXPECT_EQ(scan(text)[0].preview, "from KnownMatches");
    }
    EXPECT_EQ(scan(text)[0].preview, real[0].preview);  // out of scope: scanned again
}

}  // namespace
