#include <bit>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/util/source.hpp"
#include "bulwark/util/strings.hpp"
#include "bulwark/util/swar.hpp"

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

TEST(SourceFile, LineOfAgreesWithPosition) {
    for (std::string text : {"", "a", "a\n", "\n\n", "ab\r\n\r\ncd", "x\n\ny\nz\n"}) {
        util::SourceFile f("x", text);
        for (size_t off = 0; off <= text.size() + 2; ++off) {
            EXPECT_EQ(f.line_of(off), f.position(off).line)
                << "text=" << testing::PrintToString(text) << " offset=" << off;
        }
    }
    util::SourceFile f("x", "a\nb\n\nc");
    EXPECT_EQ(f.line_count(), 4U);
    EXPECT_EQ(f.line_of(0), 1U);
    EXPECT_EQ(f.line_of(2), 2U);
    EXPECT_EQ(f.line_of(4), 3U);
    EXPECT_EQ(f.line_of(5), 4U);
}

TEST(SourceFile, LineStartsMatchAByteByByteCount) {
    // The constructor finds newlines 16 bytes at a time: lines across block edges and at the very end
    // must give the same line offsets as a plain scan.
    std::mt19937 rng(7);
    for (int round = 0; round < 300; ++round) {
        std::string text(rng() % 70, 'a');
        for (char& c : text) {
            c = rng() % 3 == 0 ? '\n' : static_cast<char>('a' + rng() % 3);
        }
        std::vector<size_t> want{0};
        for (size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n' && i + 1 < text.size()) {
                want.push_back(i + 1);
            }
        }
        util::SourceFile f("x", text);
        ASSERT_EQ(f.line_count(), want.size()) << testing::PrintToString(text);
        for (size_t line = 1; line <= want.size(); ++line) {
            EXPECT_EQ(f.line_offset(static_cast<uint32_t>(line)), want[line - 1])
                << testing::PrintToString(text);
        }
    }
}

TEST(SourceFile, LineTextAgreesWithASearchForTheNewline) {
    // line_text() ends a line where the next one starts; the last line may or may not end in '\n'.
    for (std::string text : {"", "a", "a\n", "\n\n", "ab\r\n\r\ncd", "x\n\ny\nz\n", "p\r\n", "q\r"}) {
        util::SourceFile f("x", text);
        for (uint32_t line = 0; line <= f.line_count() + 1; ++line) {
            std::string_view want;
            if (line >= 1 && line <= f.line_count()) {
                size_t begin = f.line_offset(line);
                size_t end = text.find('\n', begin);
                end = end == std::string::npos ? text.size() : end;
                if (end > begin && text[end - 1] == '\r') {
                    --end;
                }
                want = std::string_view(text).substr(begin, end - begin);
            }
            EXPECT_EQ(f.line_text(line), want) << testing::PrintToString(text) << " line " << line;
        }
    }
}

TEST(Strings, IequalsIgnoresAsciiCaseOnly) {
    EXPECT_TRUE(util::iequals("RUN", "run"));
    EXPECT_TRUE(util::iequals("HealthCheck", "HEALTHCHECK"));
    EXPECT_TRUE(util::iequals("", ""));
    EXPECT_FALSE(util::iequals("RUN", "RUNS"));
    EXPECT_FALSE(util::iequals("[", "{"));  // 0x5B and 0x7B differ by 32 but are not letters
    EXPECT_FALSE(util::iequals("\xc3\x89", "\xc3\xa9"));
    EXPECT_EQ(util::split("a,,b", ','), (std::vector<std::string_view>{"a", "", "b"}));
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

TEST(Strings, ShellQuoteOnlyWhenNeeded) {
    // Plain words stay as they are, so fixes for ordinary names and URLs read as before.
    EXPECT_EQ(util::shell_quote("https://example.com/a-1_2.tgz"), "https://example.com/a-1_2.tgz");
    EXPECT_EQ(util::shell_quote("user@host:%2F+a=b,c"), "user@host:%2F+a=b,c");
    EXPECT_EQ(util::shell_quote(""), "''");
    EXPECT_EQ(util::shell_quote("https://x/a?b=1&c=2"), "'https://x/a?b=1&c=2'");
    EXPECT_EQ(util::shell_quote("it's"), "'it'\\''s'");
    EXPECT_EQ(util::shell_quote("'"), "''\\'''");
    EXPECT_EQ(util::shell_quote("a b"), "'a b'");
    EXPECT_EQ(util::shell_quote("$HOME"), "'$HOME'");
    EXPECT_EQ(util::shell_quote("~/x"), "'~/x'");
    EXPECT_EQ(util::shell_quote("*.sh"), "'*.sh'");
    EXPECT_EQ(util::shell_quote("requests[security]"), "'requests[security]'");
    EXPECT_EQ(util::shell_quote("caf\xc3\xa9"), "'caf\xc3\xa9'");  // non-ASCII: quoted, bytes kept
    EXPECT_EQ(util::shell_quote("a\nb"), "'a\nb'");
}

TEST(Strings, ShellQuoteExpandingKeepsVariables) {
    EXPECT_EQ(util::shell_quote_expanding("https://x/${V}/a.tgz"), "https://x/${V}/a.tgz");
    EXPECT_EQ(util::shell_quote_expanding("$HOME/bin"), "$HOME/bin");
    EXPECT_EQ(util::shell_quote_expanding("https://x/dl?v=${V}&os=linux"),
              "\"https://x/dl?v=${V}&os=linux\"");
    EXPECT_EQ(util::shell_quote_expanding("$DIR/my \"file\" \\x"), "\"$DIR/my \\\"file\\\" \\\\x\"");
    EXPECT_EQ(util::shell_quote_expanding("$(uname -m).tgz"), "\"$(uname -m).tgz\"");
    EXPECT_EQ(util::double_quote("a \"b\" \\c $d"), "\"a \\\"b\\\" \\\\c $d\"");
    // Without an expansion it is shell_quote().
    EXPECT_EQ(util::shell_quote_expanding("a?b"), "'a?b'");
    EXPECT_EQ(util::shell_quote_expanding(""), "''");
    EXPECT_EQ(util::shell_quote_expanding("plain"), "plain");
}

TEST(Swar, BytesEqualExactFlagsEveryMatchingByteAndNoOther) {
    // The plain definition, byte by byte, against the word-at-a-time forms, over bytes that differ
    // from the searched one in one bit (the borrow's neighbours) and at random.
    if constexpr (std::endian::native != std::endian::little) {
        GTEST_SKIP() << "the expected words below are laid out little-endian";
    }
    std::mt19937_64 rng(20261202);
    for (int round = 0; round < 20000; ++round) {
        const auto b = static_cast<uint8_t>(rng());
        char bytes[8];
        for (char& c : bytes) {
            uint64_t r = rng();
            c = static_cast<char>(r % 3 == 0 ? b : r % 3 == 1 ? (b ^ (1U << ((r >> 8) % 8))) : (r >> 16));
        }
        uint64_t w = util::swar::load(bytes);
        uint64_t plain = 0;
        for (size_t i = 0; i < 8; ++i) {
            if (static_cast<uint8_t>(bytes[i]) == b) {
                plain |= uint64_t{0x80} << (8 * i);  // little-endian: byte i of memory is bits 8i..8i+7
            }
        }
        ASSERT_EQ(util::swar::bytes_equal_exact(w, b), plain);
        // bytes_equal: every match, and the lowest flag is always a real match.
        uint64_t loose = util::swar::bytes_equal(w, b);
        ASSERT_EQ(loose & plain, plain);
        ASSERT_EQ(loose & (~loose + 1), plain & (~plain + 1));
    }
    // The borrow's false positive bytes_equal documents: a byte after a match that differs from the
    // searched byte in its lowest bit only.
    const char borrowed[8] = {'a', static_cast<char>('a' ^ 1), 'x', 'x', 'x', 'x', 'x', 'x'};
    EXPECT_EQ(util::swar::bytes_equal(util::swar::load(borrowed), 'a'), 0x8080U);
    EXPECT_EQ(util::swar::bytes_equal_exact(util::swar::load(borrowed), 'a'), 0x80U);
}
