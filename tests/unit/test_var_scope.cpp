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

TEST(TextPieces, GrowsPastItsInlineSlotsAndCopiesAndMoves) {
    using bulwark::model::MappedText;
    using bulwark::model::TextPieces;
    // 0, 1, 2 (inline) and 3, 8 (on the heap) pieces: the same answers from every layout.
    for (size_t n : {0U, 1U, 2U, 3U, 8U}) {
        MappedText t;
        for (size_t i = 0; i < n; ++i) {
            t.value += "ab";
            t.pieces.push_back({static_cast<uint32_t>(2 * i), static_cast<uint32_t>(100 * i)});
        }
        ASSERT_EQ(t.pieces.size(), n);
        for (size_t i = 0; i < n; ++i) {
            EXPECT_EQ(t.pieces[i].source_offset, 100 * i);
            EXPECT_EQ(t.to_source(2 * i + 1), 100 * i + 1);
        }
        MappedText copy = t;
        EXPECT_EQ(copy.pieces, t.pieces);
        MappedText moved = std::move(copy);
        EXPECT_EQ(moved.pieces, t.pieces);
        EXPECT_TRUE(copy.pieces.empty());  // NOLINT(bugprone-use-after-move): moved-from is empty
        copy = moved;                      // assignable again after the move
        EXPECT_EQ(copy.pieces, t.pieces);
        TextPieces assigned{{1, 2}};
        assigned = t.pieces;
        EXPECT_EQ(assigned, t.pieces);
        if (n > 0) {
            EXPECT_EQ(t.pieces.back().text_offset, 2 * (n - 1));
            bulwark::model::Range r = t.source_range(0, 2 * n);
            EXPECT_EQ(r.begin, 0U);
            EXPECT_EQ(r.end, 100 * (n - 1) + 2);  // the last byte of the last piece, plus one
        }
        t.pieces.clear();
        EXPECT_TRUE(t.pieces.empty());
    }
}
