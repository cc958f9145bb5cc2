// Messages, locations and fixes of the Dockerfile rules that read RUN shell programs.
#include <gtest/gtest.h>

#include "support/scan_helpers.hpp"

using namespace bulwark;
using bulwark::testing::findings_of;

namespace {

std::string where(const core::Finding& f) {
    return std::to_string(f.location.line) + ":" + std::to_string(f.location.column);
}

}  // namespace

TEST(PipeWithoutPipefail, NamesTheCommandThatFeedsThePipe) {
    // The compound element feeding the pipe is named by its first command; commands of a `bash -c`
    // script, an `if` or case arms earlier in the list are not.
    std::vector<core::Finding> f =
        findings_of("BD077",
                    "FROM debian:12-slim\n"
                    "RUN a && bash -c \". x && y\" && cat z | tee f\n"
                    "RUN if true; then a; fi; { b; c; } | tee g\n"
                    "RUN case \"$x\" in a) export X=1 ;; esac; go env | grep GOPATH\n"
                    "RUN (cd x && make) | tee h\n");
    ASSERT_EQ(f.size(), 4U);
    EXPECT_EQ(
        f[0].message,
        "pipe without pipefail: if 'cat' fails, the RUN still succeeds when 'tee' exits 0, and the image "
        "is built from partial output");
    EXPECT_EQ(where(f[0]), "2:32");
    EXPECT_NE(f[1].message.find("if 'b' fails"), std::string::npos) << f[1].message;
    EXPECT_EQ(where(f[1]), "3:28");
    EXPECT_NE(f[2].message.find("if 'go' fails"), std::string::npos) << f[2].message;
    EXPECT_EQ(where(f[2]), "4:41");
    EXPECT_NE(f[3].message.find("if 'cd' fails"), std::string::npos) << f[3].message;
    EXPECT_EQ(where(f[3]), "5:6");
}

TEST(PipeWithoutPipefail, PrintingProducersAreSkippedAndSubstitutionsNamed) {
    // echo and printf of words cannot fail but for a closed pipe: the element after them is named.
    // echo of a command substitution exits 0 whatever the substitution did: pipefail does not help,
    // and the message and fix say so.
    std::vector<core::Finding> f = findings_of("BD077",
                                               "FROM debian:12-slim\n"
                                               "RUN echo \"$KEY\" | base64 -d | gpg --dearmor > k.gpg\n"
                                               "RUN echo \"$(curl -fsSL x)  f\" | sha256sum -c -\n"
                                               "RUN echo \"$SUM  f\" | sha256sum -c -\n");
    ASSERT_EQ(f.size(), 2U);
    EXPECT_NE(f[0].message.find("if 'base64' fails, the RUN still succeeds when 'gpg' exits 0"),
              std::string::npos)
        << f[0].message;
    EXPECT_EQ(where(f[0]), "2:19");
    EXPECT_EQ(f[1].message,
              "pipe without pipefail: 'echo' prints the output of 'curl' from a command substitution; if "
              "'curl' fails, the RUN still succeeds when 'sha256sum' exits 0, and pipefail would not see it "
              "either");
    EXPECT_EQ(f[1].fix,
              "run 'curl' where its failure stops the RUN, then pipe its output: out=\"$(curl ...)\" && echo "
              "\"$out\" | sha256sum (an assignment's status is its substitution's)");
    EXPECT_EQ(where(f[1]), "3:5");
}

TEST(PipeWithoutPipefail, FixOffersSetPipefailOnlyWhereTheShellHasIt) {
    std::vector<core::Finding> f = findings_of("BD077",
                                               "FROM debian:12-slim AS a\n"
                                               "RUN curl x | tar x\n"
                                               "FROM python:3.12-alpine3.20 AS b\n"
                                               "RUN curl x | tar x\n"
                                               "FROM b\n"
                                               "RUN curl x | tar x\n"
                                               "FROM ubuntu:24.04\n"
                                               "SHELL [\"/bin/bash\", \"-c\"]\n"
                                               "RUN curl x | tar x\n"
                                               "RUN [\"bash\", \"-c\", \"curl x | tar x\"]\n"
                                               "FROM $BASE\n"
                                               "RUN curl x | tar x\n");
    ASSERT_EQ(f.size(), 6U);
    // dash (/bin/sh of Debian and Ubuntu) and an unknown base: the SHELL form.
    const std::string shell_fix =
        "SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] before this RUN, with bash "
        "installed ('set -o pipefail' fails in dash, /bin/sh of Debian and Ubuntu)";
    EXPECT_EQ(f[0].fix, shell_fix);
    EXPECT_EQ(f[5].fix, shell_fix);
    // busybox ash, also in a stage built on an Alpine stage.
    EXPECT_EQ(f[1].fix,
              "start this RUN with 'set -o pipefail &&' (busybox ash, /bin/sh of this image, has it)");
    EXPECT_EQ(f[2].fix, f[1].fix);
    // bash by SHELL or exec form.
    EXPECT_EQ(
        f[3].fix,
        "start this RUN with 'set -o pipefail &&', or add \"-o\", \"pipefail\" to the SHELL instruction");
    EXPECT_EQ(f[4].fix, "add \"-o\", \"pipefail\" before \"-c\" in this RUN's exec form");
}
