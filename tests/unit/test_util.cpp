#include <gtest/gtest.h>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/util/source.hpp"
#include "bulwark/util/strings.hpp"

using namespace bulwark;

TEST(SourceFile, PositionsAreOneBasedAndCountCodePoints) {
    util::SourceFile f("x",
                       "ab\nc\xc3\xa9"
                       "d\n");
    EXPECT_EQ(f.line_count(), 2U);
    EXPECT_EQ(f.position(0), (util::Position{1, 1}));
    EXPECT_EQ(f.position(3), (util::Position{2, 1}));
    EXPECT_EQ(f.position(6), (util::Position{2, 3}));  // after the two-byte e-acute
    EXPECT_EQ(f.line_text(2),
              "c\xc3\xa9"
              "d");
    EXPECT_EQ(f.line_text(3), "");
}

TEST(Diagnostic, CaretUnderColumnAndTabsKept) {
    util::SourceFile f("Dockerfile", "FROM x\n\tRUN [\"a\"\n");
    core::Diagnostic d = core::make_diagnostic(core::DiagLevel::error, f, 12, "unterminated JSON array");
    EXPECT_EQ(core::format_diagnostic(d, &f),
              "Dockerfile:2:6: error: unterminated JSON array\n\tRUN [\"a\"\n\t    ^\n");
}

TEST(Strings, EditDistanceAndGlob) {
    EXPECT_EQ(util::edit_distance("scna", "scan"), 2U);
    EXPECT_TRUE(util::glob_match("*.Dockerfile", "web.Dockerfile"));
    EXPECT_FALSE(util::glob_match("vendor/*", "src/x", true));
}
