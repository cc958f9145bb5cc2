// BD055's fix is the command line with each unpinned operand in its manager's pin syntax, keeping
// what the operand needs to stay the same package: apt's architecture qualifier, pip's VCS URL and
// extras. The placeholder is quoted: `<version>` unquoted is a redirection to sh.
#include <gtest/gtest.h>

#include <string>

#include "support/scan_helpers.hpp"

namespace bulwark::testing {
namespace {

std::string pin_fix(const std::string& dockerfile) {
    report::FileResult r = scan_text(dockerfile, test_policy({"BD055"}));
    EXPECT_EQ(r.findings.size(), 1U) << dockerfile;
    return r.findings.empty() ? std::string() : r.findings.front().fix;
}

TEST(PinHints, AptKeepsTheArchitectureQualifier) {
    EXPECT_EQ(pin_fix("FROM debian:12\nRUN dpkg --add-architecture i386 && apt-get install -y libc6:i386 "
                      "libvulkan1 libvulkan1:i386\n"),
              "apt-get install -y 'libc6:i386=<version>' 'libvulkan1=<version>' 'libvulkan1:i386=<version>'");
}

TEST(PinHints, PipPinsAVcsUrlByRevisionAndANameByVersion) {
    EXPECT_EQ(
        pin_fix("FROM python:3.12-slim\nRUN pip install git+https://github.com/scrapy/scrapyd.git flask\n"),
        "pip install 'git+https://github.com/scrapy/scrapyd.git@<revision>' 'flask==<version>'");
}

TEST(PinHints, OtherManagersAreUnchanged) {
    EXPECT_EQ(pin_fix("FROM alpine:3.20\nRUN apk add --no-cache curl\n"),
              "apk add --no-cache 'curl=<version>'");
    EXPECT_EQ(pin_fix("FROM node:20-slim\nRUN npm install -g typescript\n"),
              "npm install -g 'typescript@<version>'");
}

TEST(PinHints, PipKeepsExtrasAndTheCommandItsOptionsAndPins) {
    EXPECT_EQ(
        pin_fix("FROM python:3.12-slim\nRUN pip install --no-cache-dir 'requests[socks]' flask==3.0.3\n"),
        "pip install --no-cache-dir 'requests[socks]==<version>' flask==3.0.3");
}

}  // namespace
}  // namespace bulwark::testing
