// Credential files recognised by path (rules/secrets/files.hpp) and the comma-separated rule fields
// (rules/rule.hpp): edge cases of their allocation-free implementations.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "bulwark/rules/rule.hpp"
#include "bulwark/rules/secrets/files.hpp"

namespace {

using namespace bulwark;

/// The kind's id, or "-" when the path names no credential file.
std::string id_of(std::string_view path) {
    auto kind = rules::secrets::secret_file_kind(path);
    return kind ? std::string(kind->id) : std::string("-");
}

TEST(SecretFiles, KeysByName) {
    EXPECT_EQ(id_of("./.ssh/id_rsa"), "ssh");
    EXPECT_EQ(id_of("ID_ED25519"), "ssh");
    EXPECT_EQ(id_of("id_rsa.pub"), "-");
    EXPECT_EQ(id_of("certs/server.PEM"), "key");
    EXPECT_EQ(id_of("ca.pem"), "-");
    EXPECT_EQ(id_of("rootCA-chain.pem"), "-");
    EXPECT_EQ(id_of("*.p12"), "keystore");
    EXPECT_EQ(id_of(".env.example"), "-");
    EXPECT_EQ(id_of(".env.production"), "env");
}

TEST(SecretFiles, DirectoriesAndParents) {
    EXPECT_EQ(id_of("home/user/.SSH/"), "ssh");  // the directory itself, any case, trailing slash
    EXPECT_EQ(id_of("/home/u/.ssh/known_hosts"), "-");
    EXPECT_EQ(id_of("/root/.Docker/config.json"), "docker-config");
    EXPECT_EQ(id_of("config.json"), "-");  // no parent directory
    EXPECT_EQ(id_of("a//b/./.kube/config"), "kubeconfig");
    EXPECT_EQ(id_of(".aws/credentials"), "aws");
    EXPECT_EQ(id_of(".AWS"), "aws");
    EXPECT_EQ(id_of(".aws/notes.txt"), "-");
    EXPECT_EQ(id_of("x/.gnupg/pubring.kbx"), "gnupg");
}

TEST(SecretFiles, EmptyPaths) {
    EXPECT_EQ(id_of(""), "-");
    EXPECT_EQ(id_of("/"), "-");
    EXPECT_EQ(id_of("."), "-");
    EXPECT_EQ(id_of("./"), "-");
}

TEST(RuleFields, SplitListTrimsAndDropsEmptyParts) {
    EXPECT_EQ(rules::split_list(" DL3008, ,DS029 ,"), (std::vector<std::string_view>{"DL3008", "DS029"}));
    EXPECT_TRUE(rules::split_list("").empty());
    EXPECT_TRUE(rules::split_list(" , ").empty());
}

TEST(RuleFields, EquivalentsAndIdsIgnoreCase) {
    const rules::Rule* rule = nullptr;
    for (const rules::Rule* r : rules::all_rules()) {
        if (!rules::split_list(r->hadolint).empty()) {
            rule = r;
            break;
        }
    }
    ASSERT_NE(rule, nullptr);
    std::string id(rules::split_list(rule->hadolint).front());
    std::string lower;
    for (char c : id) {
        lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    std::vector<const rules::Rule*> found = rules::rules_equivalent_to(id);
    EXPECT_FALSE(found.empty());
    EXPECT_EQ(rules::rules_equivalent_to(lower), found);
    EXPECT_TRUE(rules::rules_equivalent_to("DL0000").empty());
    EXPECT_EQ(rules::find_rule("bd001"), rules::find_rule("BD001"));
    EXPECT_NE(rules::find_rule("bd001"), nullptr);
}

}  // namespace
