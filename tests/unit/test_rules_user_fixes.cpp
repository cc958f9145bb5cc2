// Fixes of the user rules (BD001-BD003) for base images whose non-root user is known.
#include <gtest/gtest.h>

#include "support/scan_helpers.hpp"

using namespace bulwark;
using bulwark::testing::findings_of;

TEST(UserRuleFixes, DotnetImagesRunAsApp1654) {
    // Azure Linux distroless, like chiseled, runs as app (1654): no BD001.
    for (const char* image : {"mcr.microsoft.com/dotnet/aspnet:10.0-azurelinux3.0-distroless",
                              "mcr.microsoft.com/dotnet/runtime-deps:9.0-azurelinux3.0-distroless-extra",
                              "mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled"}) {
        std::string base = std::string("FROM ") + image + "\n";
        EXPECT_TRUE(findings_of("BD001", base + "ENTRYPOINT [\"/app/x\"]\n").empty()) << image;

        // Switching to root: the fix is the image's own user, not distroless' 65532.
        std::vector<core::Finding> root = findings_of("BD002", base + "USER root\nENTRYPOINT [\"/app/x\"]\n");
        ASSERT_EQ(root.size(), 1U) << image;
        EXPECT_EQ(root[0].fix, "USER 1654:1654") << image;

        // `USER app` names a user the image has: its uid is known.
        std::vector<core::Finding> named = findings_of("BD003", base + "USER app\nENTRYPOINT [\"/app/x\"]\n");
        ASSERT_EQ(named.size(), 1U) << image;
        EXPECT_EQ(named[0].fix, "USER 1654") << image;
        EXPECT_NE(named[0].message.find("; app is uid 1654"), std::string::npos) << named[0].message;
    }
    // Other distroless images keep nonroot's 65532; a user the image lacks is still to be created.
    std::vector<core::Finding> gcr =
        findings_of("BD002", "FROM gcr.io/distroless/static-debian12:nonroot\nUSER root\nCMD [\"/x\"]\n");
    ASSERT_EQ(gcr.size(), 1U);
    EXPECT_EQ(gcr[0].fix, "USER 65532:65532");
    std::vector<core::Finding> other = findings_of(
        "BD003", "FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled\nUSER web\nCMD [\"/x\"]\n");
    ASSERT_EQ(other.size(), 1U);
    EXPECT_EQ(other[0].fix, "USER <uid of web> (create it with a fixed uid: useradd --uid 10001 web)");
}
