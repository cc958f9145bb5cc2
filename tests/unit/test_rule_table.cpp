#include <gtest/gtest.h>

#include <set>

#include "bulwark/rules/rule.hpp"

using namespace bulwark;

TEST(RuleTable, IdsUniqueAndFieldsFilled) {
    std::set<std::string_view> ids;
    const std::set<std::string_view> categories = {
        rules::category::user,          rules::category::base_image, rules::category::secrets,
        rules::category::supply_chain,  rules::category::privilege,  rules::category::packages,
        rules::category::best_practice, rules::category::isolation,  rules::category::runtime,
        rules::category::network,       rules::category::daemon,     rules::category::seccomp,
        rules::category::filesystem};
    for (const rules::Rule* r : rules::all_rules()) {
        EXPECT_TRUE(ids.insert(r->id).second) << "duplicate id " << r->id;
        EXPECT_EQ(r->id.size(), 5U) << r->id;
        EXPECT_EQ(r->id.substr(0, 2), "BD") << r->id;
        EXPECT_FALSE(r->title.empty()) << r->id;
        EXPECT_TRUE(categories.count(r->category)) << r->id << " category " << r->category;
        EXPECT_FALSE(r->tags.empty()) << r->id;
        EXPECT_GT(r->rationale.size(), 40U) << r->id;
        EXPECT_GT(r->remediation.size(), 20U) << r->id;
        EXPECT_FALSE(r->bad_example.empty()) << r->id;
        EXPECT_FALSE(r->good_example.empty()) << r->id;
        EXPECT_NE(r->bad_example, r->good_example) << r->id;
        EXPECT_TRUE(r->check_dockerfile != nullptr || r->check_container != nullptr ||
                    r->check_daemon != nullptr || r->check_seccomp != nullptr ||
                    r->check_context != nullptr || r->check_image != nullptr)
            << r->id << " has no check";
    }
}
