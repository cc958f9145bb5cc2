// VarScope chains (a scope extends a shared parent) and SharedArgv: read like the std::map / vector
// they replace.
#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "bulwark/model/dockerfile.hpp"

using bulwark::model::SharedArgv;
using bulwark::model::Value;
using bulwark::model::VarScope;

namespace {

Value known(std::string text) {
    return Value{std::move(text), true, {}, {}};
}

}  // namespace

TEST(VarScope, ChildSeesParentAndShadowsIt) {
    auto parent = std::make_shared<VarScope>();
    parent->set("A", known("1"));
    parent->set("B", known("2"));
    auto child = std::make_shared<VarScope>(std::shared_ptr<const VarScope>(parent));
    child->set("B", known("3"));
    child->set("C", known("4"));
    EXPECT_EQ(child->at("A").text, "1");
    EXPECT_EQ(child->at("B").text, "3");
    EXPECT_EQ(child->find("C")->second.text, "4");
    EXPECT_EQ(child->find("D"), child->end());
    EXPECT_EQ(child->size(), 3U);
    EXPECT_EQ(parent->size(), 2U);
    EXPECT_EQ(parent->at("B").text, "2");  // the parent is not changed
    EXPECT_FALSE(parent->contains("C"));
    EXPECT_THROW((void)child->at("D"), std::out_of_range);
}

TEST(VarScope, LongChainsAreFlattenedWithTheNearestValues) {
    std::shared_ptr<const VarScope> s = std::make_shared<VarScope>();
    for (int i = 0; i < 30; ++i) {
        auto next = std::make_shared<VarScope>(s);
        next->set("N" + std::to_string(i), known(std::to_string(i)));
        next->set("LAST", known(std::to_string(i)));
        s = next;
    }
    EXPECT_EQ(s->size(), 31U);
    EXPECT_EQ(s->at("LAST").text, "29");
    for (int i = 0; i < 30; ++i) {
        EXPECT_EQ(s->at("N" + std::to_string(i)).text, std::to_string(i)) << i;
    }
}

TEST(VarScope, SubscriptStartsFromTheVisibleValue) {
    auto parent = std::make_shared<VarScope>();
    parent->set("A", known("1"));
    VarScope child{std::shared_ptr<const VarScope>(parent)};
    EXPECT_EQ(child["A"].text, "1");
    child["A"].text += "2";
    EXPECT_EQ(child.at("A").text, "12");
    EXPECT_EQ(parent->at("A").text, "1");
    EXPECT_TRUE(child["NEW"].text.empty());
    EXPECT_EQ(child.size(), 2U);
}

TEST(SharedArgv, CopiesShareAndCompareByValue) {
    SharedArgv a(std::vector<std::string>{"/bin/bash", "-c"});
    SharedArgv b = a;
    EXPECT_EQ(&a.get(), &b.get());
    EXPECT_EQ(b, (std::vector<std::string>{"/bin/bash", "-c"}));
    EXPECT_EQ(b.front(), "/bin/bash");
    EXPECT_EQ(b.size(), 2U);
    const std::vector<std::string>& v = b;
    EXPECT_EQ(v[1], "-c");
    SharedArgv none;
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none.begin(), none.end());
}
