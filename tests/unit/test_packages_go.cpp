// Go binaries: build info found while streaming, decoded (Go >= 1.18 layout), decoys skipped.
#include <gtest/gtest.h>

#include "bulwark/input/image/packages/parsers.hpp"
#include "test_packages_helpers.hpp"

namespace bulwark {
namespace {

using input::image::packages::GoBuildInfoScanner;
using input::image::packages::parse_go_buildinfo;

std::string varint_string(std::string_view s) {
    std::string out;
    size_t n = s.size();
    while (n >= 0x80) {
        out += static_cast<char>((n & 0x7f) | 0x80);
        n >>= 7;
    }
    out += static_cast<char>(n);
    return out + std::string(s);
}

/// The bytes `go build` writes in .go.buildinfo (debug/buildinfo's layout since Go 1.18): the magic,
/// pointer size, flags (2 = strings inline), padding to 32 bytes, then the Go version and the module
/// info framed by 16-byte sentinels.
std::string buildinfo(std::string_view go_version, std::string_view modinfo) {
    std::string out = std::string("\xff Go buildinf:", 14) + '\x08' + '\x02';
    out.resize(32, '\0');
    std::string framed = "0123456789abcdef" + std::string(modinfo);
    framed += "fedcba9876543210";  // modinfo ends with '\n': the byte before the closing sentinel
    return out + varint_string(go_version) + varint_string(framed);
}

constexpr std::string_view k_modinfo =
    "path\texample.com/app/cmd/server\n"
    "mod\texample.com/app\tv1.4.2\th1:abc=\n"
    "dep\tgithub.com/google/uuid\tv1.3.0\th1:xyz=\n"
    "dep\tgolang.org/x/net\tv0.7.0\n"
    "=>\tgolang.org/x/net\tv0.17.0\th1:fix=\n"
    "build\tGOOS=linux\n";

std::string elf_with(std::string_view payload, size_t pad) {
    std::string bin =
        "\x7f"
        "ELF";
    bin += std::string(pad, 'x');
    bin += std::string("\xff Go buildinf:", 14) + "\x03\x00 decoy: a string constant, not a header";
    bin += std::string(pad, 'y');
    bin += payload;
    bin += std::string(pad, 'z');
    return bin;
}

TEST(PackagesGo, DecodesMainModuleStdlibAndReplacedDeps) {
    std::string note;
    auto pkgs = parse_go_buildinfo(buildinfo("go1.21.5", k_modinfo), note);
    EXPECT_TRUE(note.empty());
    ASSERT_EQ(pkgs.size(), 4U);
    EXPECT_EQ(pkgs[0].name, "example.com/app");
    EXPECT_EQ(pkgs[0].version, "v1.4.2");
    EXPECT_TRUE(pkgs[0].application);
    EXPECT_EQ(pkgs[1].name, "stdlib");
    EXPECT_EQ(pkgs[1].version, "v1.21.5");
    EXPECT_EQ(pkgs[2].name, "github.com/google/uuid");
    EXPECT_FALSE(pkgs[2].application);
    EXPECT_EQ(pkgs[3].version, "v0.17.0");  // the replacement is what was built
}

TEST(PackagesGo, OldLayoutIsANoteAndGarbageIsNothing) {
    std::string old = std::string("\xff Go buildinf:", 14) + '\x08' + '\x00';
    old.resize(64, '\x01');
    std::string note;
    EXPECT_TRUE(parse_go_buildinfo(old, note).empty());
    EXPECT_NE(note.find("before Go 1.18"), std::string::npos);
    note.clear();
    std::string truncated = buildinfo("go1.22.0", k_modinfo);
    truncated.resize(60);
    EXPECT_TRUE(parse_go_buildinfo(truncated, note).empty());
    EXPECT_FALSE(note.empty());
    note.clear();
    EXPECT_TRUE(parse_go_buildinfo(std::string("\xff Go buildinf:", 14) + "\x08\x02" +
                                       std::string(16, '\xff') + "\xff\xff\xff",
                                   note)
                    .empty());
}

TEST(PackagesGo, StreamScanFindsTheHeaderAcrossChunkBoundariesPastADecoy) {
    std::string bin = elf_with(buildinfo("go1.21.5", k_modinfo), 5000);
    for (size_t chunk : {1UL, 7UL, 13UL, 4096UL, 1UL << 20}) {
        GoBuildInfoScanner scanner;
        for (size_t i = 0; i < bin.size(); i += chunk) {
            scanner.feed(std::string_view(bin).substr(i, chunk));
        }
        ASSERT_EQ(scanner.candidates().size(), 2U) << chunk;
        std::string note;
        EXPECT_TRUE(parse_go_buildinfo(scanner.candidates()[0], note).empty());
        auto pkgs = parse_go_buildinfo(scanner.candidates()[1], note);
        ASSERT_EQ(pkgs.size(), 4U) << chunk;
    }
    GoBuildInfoScanner not_elf;
    not_elf.feed("#!/bin/sh\n" + buildinfo("go1.21.5", k_modinfo));
    EXPECT_TRUE(not_elf.candidates().empty());
}

TEST(PackagesGo, CollectorListsModulesOfALargeExecutableWithPurls) {
    std::string bin = elf_with(buildinfo("go1.21.5", k_modinfo), 200 * 1024);
    auto image = test::collect({{"/usr/local/bin/server", bin, 3, 0755}, {"/data/blob", bin, 3, 0644}});
    ASSERT_EQ(image.packages.size(), 4U);  // the non-executable copy is not read
    EXPECT_EQ(image.packages[0].purl, "pkg:golang/example.com/app@v1.4.2");
    EXPECT_EQ(image.packages[0].source_path, "/usr/local/bin/server");
    EXPECT_EQ(image.packages[0].layer, 3);
    EXPECT_EQ(image.packages[1].purl, "pkg:golang/github.com/google/uuid@v1.3.0");
    EXPECT_EQ(image.packages[3].purl, "pkg:golang/stdlib@v1.21.5");
}

TEST(PackagesGo, ThisMachinesRuncBinary) {
    std::string runc = test::read_bytes("/usr/bin/runc");
    if (runc.empty()) {
        GTEST_SKIP() << "no /usr/bin/runc (Debian docker.io) on this machine";
    }
    auto image = test::collect({{"/usr/bin/runc", runc, 0, 0755}}, {}, nullptr, 65536);
    ASSERT_GE(image.packages.size(), 2U);
    bool main = false;
    bool stdlib = false;
    for (const auto& p : image.packages) {
        main = main || (p.name == "github.com/opencontainers/runc" && p.application);
        stdlib = stdlib || (p.name == "stdlib" && p.version.rfind("v1.", 0) == 0);
    }
    EXPECT_TRUE(main);
    EXPECT_TRUE(stdlib);
}

}  // namespace
}  // namespace bulwark
