// The built-in secret patterns' Hyperscan database is serialized at build time
// (tools/serialize_secrets.cpp) and loaded at start-up instead of being compiled.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "bulwark/rules/secrets/database.hpp"
#include "bulwark/rules/secrets/scanner.hpp"

using namespace bulwark;
using rules::secrets::SecretMatch;
using rules::secrets::SecretPattern;
using rules::secrets::SecretScanner;

namespace {

using rules::secrets::DatabaseKind;

TEST(SecretDatabase, EmbeddedDatabaseIsBuiltFromTheBuiltinPatterns) {
    EXPECT_FALSE(rules::secrets::embedded_database(DatabaseKind::prefilter).empty());
    EXPECT_FALSE(rules::secrets::embedded_database(DatabaseKind::located).empty());
    EXPECT_EQ(rules::secrets::embedded_patterns_hash(),
              rules::secrets::patterns_hash(rules::secrets::builtin_patterns()));
}

TEST(SecretDatabase, EmbeddedDatabasesLoadOnTheBuildMachine) {
    for (DatabaseKind kind : {DatabaseKind::prefilter, DatabaseKind::located}) {
        std::string_view bytes = rules::secrets::embedded_database(kind);
        hs_database_t* db = nullptr;
        ASSERT_EQ(hs_deserialize_database(bytes.data(), bytes.size(), &db), HS_SUCCESS);
        hs_free_database(db);
    }
    // They differ: the prefilter does not track where matches start.
    EXPECT_NE(rules::secrets::embedded_database(DatabaseKind::prefilter),
              rules::secrets::embedded_database(DatabaseKind::located));
}

TEST(SecretDatabase, PatternHashFollowsExpressionsFlagsAndOrder) {
    std::vector<SecretPattern> patterns(rules::secrets::builtin_patterns().begin(),
                                        rules::secrets::builtin_patterns().end());
    uint64_t original = rules::secrets::patterns_hash(patterns);
    std::vector<SecretPattern> caseless = patterns;
    caseless[0].caseless = !caseless[0].caseless;
    EXPECT_NE(rules::secrets::patterns_hash(caseless), original);
    std::vector<SecretPattern> regex = patterns;
    regex[1].regex = "changed";
    EXPECT_NE(rules::secrets::patterns_hash(regex), original);
    std::vector<SecretPattern> swapped = patterns;
    std::swap(swapped[0], swapped[1]);
    EXPECT_NE(rules::secrets::patterns_hash(swapped), original);
}

TEST(SecretDatabase, LoadedScannerFindsWhatACompiledScannerFinds) {
    std::string text =
        "ENV AWS_ACCESS_KEY_ID=AKIAHBRPOIG8F1CBFNO6\n"
        "aws_secret_access_key = dz1C5Jau2RJtBRnlWmTSHf6pWkLUyifDLkDmWJ6U\n"
        "RUN git clone https://ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ@github.com/o/r.git\n"
        "ENV DB_PASSWORD=hunter22x PASSWORD=${PASSWORD}\n"
        "RUN curl https://admin:s3cr3tP4ss@db.internal.net/ --token abcd1234efgh\n"
        "-----BEGIN RSA PRIVATE "
        "KEY-----\nMIIEowIBAAKCAQEA7V2GmMWv2pLl5h1R0w0Z8dJ3kq9fX1bYk2nZ4cE6rT8uV0wXyZ\n";
    SecretScanner compiled(rules::secrets::builtin_patterns());
    auto key = [](const std::vector<SecretMatch>& ms) {
        std::vector<std::tuple<std::string, uint64_t, uint64_t, uint64_t, uint64_t>> out;
        for (const SecretMatch& m : ms) {
            out.emplace_back(std::string(m.id), m.begin, m.end, m.value_begin, m.value_end);
        }
        return out;
    };
    std::vector<SecretMatch> expected = compiled.scan(text);
    EXPECT_GE(expected.size(), 6U);
    EXPECT_EQ(key(SecretScanner::builtin().scan(text)), key(expected));
}

}  // namespace
