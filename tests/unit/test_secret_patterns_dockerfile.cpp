// The secret rules end to end: what the data-driven cases cannot express (findings inside comments,
// redaction of messages and fixes, documentation hosts).
#include <gtest/gtest.h>

#include <string>

#include "support/scan_helpers.hpp"

using namespace bulwark;

namespace {

report::FileResult scan(const std::string& text, const std::string& rule) {
    return bulwark::testing::scan_text(text, bulwark::testing::test_policy({rule}));
}

TEST(SecretRules, SecretInACommentIsReported) {
    report::FileResult r =
        scan("FROM alpine:3.20\n# registry token: glpat-UqGWlG6g3Ot1OGMmjxWk\nRUN true\n", "BD022");
    ASSERT_EQ(bulwark::testing::lines_of(r, "BD022"), std::vector<uint32_t>{2});
    EXPECT_NE(r.findings[0].message.find("in a comment"), std::string::npos) << r.findings[0].message;
    EXPECT_EQ(r.findings[0].severity, core::Severity::critical);
}

TEST(SecretRules, MessagesAndFixesNeverContainTheSecret) {
    const std::string token = "ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ";
    const std::string password = "Sup3rS3cretValue";
    std::string text = "FROM alpine:3.20\nENV GITHUB_TOKEN=" + token + "\nENV DB_PASSWORD=" + password +
                       "\nARG API_KEY=" + password + "x\nRUN curl https://u:" + password +
                       "@repo.acme.io/x\n";
    for (const std::string rule : {"BD020", "BD022"}) {
        report::FileResult r = scan(text, rule);
        EXPECT_FALSE(r.findings.empty()) << rule;
        for (const core::Finding& f : r.findings) {
            EXPECT_EQ(f.message.find(token.substr(4)), std::string::npos) << f.message;
            EXPECT_EQ(f.message.find(password), std::string::npos) << f.message;
            EXPECT_EQ(f.fix.find(token.substr(4)), std::string::npos) << f.fix;
            EXPECT_EQ(f.fix.find(password), std::string::npos) << f.fix;
        }
    }
}

TEST(SecretRules, Bd020NamesTheVariableAndRedactsTheValue) {
    report::FileResult r = scan("FROM postgres:16\nENV POSTGRES_PASSWORD=Sup3rS3cret\n", "BD020");
    ASSERT_EQ(r.findings.size(), 1U);
    EXPECT_NE(r.findings[0].message.find("POSTGRES_PASSWORD"), std::string::npos);
    EXPECT_NE(r.findings[0].message.find("Sup3****"), std::string::npos);
    EXPECT_EQ(r.findings[0].location.column, 5U);
}

TEST(SecretRules, DocumentationHostsAreExamples) {
    report::FileResult r =
        scan("FROM alpine:3.20\nRUN pip install -i https://deploy:s3cr3tP4ss@pypi.example.com/simple app\n",
             "BD022");
    EXPECT_TRUE(r.findings.empty());
}

}  // namespace
