// Dockerfile parser and expansion: the word-at-a-time and table-driven fast paths must agree with
// the character-by-character definitions at every position (8-byte boundaries included).
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "bulwark/input/dockerfile/instruction.hpp"
#include "bulwark/input/dockerfile/lex.hpp"
#include "bulwark/input/dockerfile/lines.hpp"
#include "bulwark/input/dockerfile/words.hpp"
#include "bulwark/model/expand.hpp"
#include "test_dockerfile_parser_helpers.hpp"

namespace bulwark::testing {
namespace {

using model::InstructionKind;
namespace detail = input::dockerfile::detail;

bool naive_needs_unquote(std::string_view s, char escape) {
    for (char c : s) {
        if (c == '\'' || c == '"' || c == escape) {
            return true;
        }
    }
    return false;
}

/// Offset of the first quote or `escape` in s[begin, end), or `end`.
size_t naive_first_quote(std::string_view s, size_t begin, size_t end, char escape) {
    for (size_t i = begin; i < end; ++i) {
        if (s[i] == '\'' || s[i] == '"' || s[i] == escape) {
            return i;
        }
    }
    return end;
}

/// Text of random words: letters, quotes, both escapes, blanks and a multi-byte space.
std::string random_words(std::mt19937& rng) {
    static const std::vector<std::string> k_pieces = {"a",  "bc", "=", " ",        "\t", "'",
                                                      "\"", "\\", "`", "\xC2\xA0", "\r", "$x"};
    std::string s;
    size_t n = rng() % 24;
    for (size_t i = 0; i < n; ++i) {
        s += k_pieces[rng() % k_pieces.size()];
    }
    return s;
}

size_t naive_skip_blanks(std::string_view s, size_t pos) {
    while (pos < s.size() && detail::is_blank(s[pos])) {
        ++pos;
    }
    return pos;
}

TEST(DockerfileParserFastPaths, NeedsUnquoteFindsASpecialByteAtEveryPosition) {
    for (char escape : {'\\', '`'}) {
        for (size_t length = 0; length <= 24; ++length) {
            std::string plain(length, 'a');
            EXPECT_FALSE(detail::needs_unquote(plain, escape)) << length;
            for (size_t at = 0; at < length; ++at) {
                for (char special : {'\'', '"', '\\', '`'}) {
                    std::string s = plain;
                    s[at] = special;
                    EXPECT_EQ(detail::needs_unquote(s, escape), naive_needs_unquote(s, escape))
                        << s << " escape " << escape;
                }
            }
        }
    }
}

TEST(DockerfileParserFastPaths, SplitBlanksNotesTheFirstQuoteOfEachWord) {
    std::mt19937 rng(11);
    std::vector<detail::Span> spans;
    for (int round = 0; round < 3000; ++round) {
        std::string text = random_words(rng);
        for (char escape : {'\\', '`'}) {
            detail::split_blanks(text, escape, spans);
            std::vector<detail::Span> want;  // the plain definition: runs of non-blank bytes
            for (size_t pos = naive_skip_blanks(text, 0); pos < text.size();
                 pos = naive_skip_blanks(text, pos)) {
                size_t begin = pos;
                while (pos < text.size() && !detail::is_blank(text[pos])) {
                    ++pos;
                }
                want.push_back({begin, pos, naive_first_quote(text, begin, pos, escape)});
            }
            ASSERT_EQ(spans.size(), want.size()) << ::testing::PrintToString(text);
            for (size_t i = 0; i < want.size(); ++i) {
                EXPECT_EQ(spans[i].begin, want[i].begin) << ::testing::PrintToString(text);
                EXPECT_EQ(spans[i].end, want[i].end) << ::testing::PrintToString(text);
                EXPECT_EQ(spans[i].first_quote, want[i].first_quote) << ::testing::PrintToString(text);
            }
        }
    }
}

TEST(DockerfileParserFastPaths, SplitWordsFirstQuoteIsWhatUnquotingLooksFor) {
    std::mt19937 rng(12);
    std::vector<detail::Span> spans;
    for (int round = 0; round < 3000; ++round) {
        std::string text = random_words(rng);
        for (char escape : {'\\', '`'}) {
            detail::split_words(text, escape, spans);
            for (const detail::Span& w : spans) {
                EXPECT_EQ(w.first_quote, naive_first_quote(text, w.begin, w.end, escape))
                    << ::testing::PrintToString(text) << " escape " << escape;
            }
        }
    }
}

TEST(DockerfileParserFastPaths, PairsWithQuotesInTheKeyTheValueOrBoth) {
    auto df = parse_text(
        "FROM scratch\nENV \"K1\"=plain_value_long_enough K2=\"quoted value\" \"K3\"='v 3' K\\4=v\\ 4 "
        "K5=plain\nLABEL \"a\"=b\nARG \"N\"\n");
    ASSERT_EQ(df.instructions.size(), 4U);
    const auto& env = df.instructions[1].pairs;
    ASSERT_EQ(env.size(), 5U);
    EXPECT_EQ(env[0].key, "K1");
    EXPECT_EQ(env[0].raw_key, "\"K1\"");
    EXPECT_EQ(env[0].value, "plain_value_long_enough");
    EXPECT_EQ(env[0].raw_value, "");  // the quote is in the key only
    EXPECT_EQ(env[1].key, "K2");
    EXPECT_EQ(env[1].raw_key, "");
    EXPECT_EQ(env[1].value, "quoted value");
    EXPECT_EQ(env[1].raw_value, "\"quoted value\"");
    EXPECT_EQ(env[2].raw_key, "\"K3\"");
    EXPECT_EQ(env[2].value, "v 3");
    EXPECT_EQ(env[2].raw_value, "'v 3'");
    EXPECT_EQ(env[3].key, "K4");
    EXPECT_EQ(env[3].raw_key, "K\\4");
    EXPECT_EQ(env[3].value, "v 4");
    EXPECT_EQ(env[3].raw_value, "v\\ 4");
    EXPECT_EQ(env[4].raw_key, "");
    EXPECT_EQ(env[4].raw_value, "");
    const auto& label = df.instructions[2].pairs;
    ASSERT_EQ(label.size(), 1U);
    EXPECT_EQ(label[0].key, "a");
    EXPECT_EQ(label[0].value, "b");
    EXPECT_EQ(label[0].raw_value, "");
    const auto& arg = df.instructions[3].pairs;
    ASSERT_EQ(arg.size(), 1U);
    EXPECT_EQ(arg[0].key, "N");
    EXPECT_EQ(arg[0].raw_key, "\"N\"");
    EXPECT_FALSE(arg[0].has_value);
}

TEST(DockerfileParserFastPaths, LineReaderAgreesWithASearchForNewlines) {
    std::mt19937 rng(13);
    for (int round = 0; round < 500; ++round) {
        std::string text;
        size_t n = rng() % 60;
        for (size_t i = 0; i < n; ++i) {
            int r = static_cast<int>(rng() % 6);
            text += r == 0 ? '\n' : r == 1 ? '\r' : static_cast<char>('a' + r);
        }
        for (uint32_t start : {0U, 1U}) {
            if (start > text.size() || (start == 1 && text.starts_with('\n'))) {
                continue;  // a start offset is always inside the first line
            }
            util::SourceFile src("Dockerfile", text);
            detail::LineReader reader(src, start);
            size_t pos = start;
            uint32_t number = 0;
            while (pos < text.size()) {
                ASSERT_FALSE(reader.at_end());
                size_t eol = text.find('\n', pos);
                size_t next = eol == std::string::npos ? text.size() : eol + 1;
                size_t end = eol == std::string::npos ? text.size() : eol;
                while (end > pos && text[end - 1] == '\r') {
                    --end;
                }
                detail::PhysicalLine line = reader.next();
                EXPECT_EQ(line.begin, pos) << ::testing::PrintToString(text);
                EXPECT_EQ(line.content_end, end) << ::testing::PrintToString(text);
                EXPECT_EQ(line.next, next) << ::testing::PrintToString(text);
                EXPECT_EQ(line.number, ++number) << ::testing::PrintToString(text);
                pos = next;
            }
            EXPECT_TRUE(reader.at_end()) << ::testing::PrintToString(text);
        }
    }
}

TEST(DockerfileParserFastPaths, UnquoteCopiesLongRunsInsideDoubleQuotes) {
    EXPECT_EQ(detail::unquote("\"abcdefghijklmnopqrstuvwxyz\"", '\\'), "abcdefghijklmnopqrstuvwxyz");
    EXPECT_EQ(detail::unquote("\"a long value with \\\"quotes\\\" and \\$HOME and \\\\ \\n\"", '\\'),
              "a long value with \"quotes\" and $HOME and \\ \\n");
    EXPECT_EQ(detail::unquote("\"unterminated run of text", '\\'), "unterminated run of text");
    EXPECT_EQ(detail::unquote("\"ends with escape\\", '\\'), "ends with escape");
    EXPECT_EQ(detail::unquote("\"backtick `\" escape\"", '`'), "backtick \" escape");
}

TEST(DockerfileParserFastPaths, SkipBlanksAgreesWithTheCharacterLoop) {
    for (size_t spaces = 0; spaces <= 20; ++spaces) {
        for (const char* tail : {"", "x", "\tx", " \t y", "\r"}) {
            std::string s = std::string(spaces, ' ') + tail;
            for (size_t from = 0; from <= s.size(); ++from) {
                EXPECT_EQ(detail::skip_blanks(s, from), naive_skip_blanks(s, from))
                    << '[' << s << "] " << from;
            }
        }
    }
}

TEST(DockerfileParserFastPaths, SkipBlanksAgreesWithTheCharacterLoopOnMixedBlanks) {
    // '!' and '\b' are one bit away from ' ' and '\t': a borrow-based byte test would take them
    // for blanks when they follow one.
    const std::string alphabet = std::string(" \t\r\v\f!\bx") + '\xA0' + '\x89' + '\0';
    std::mt19937 rng(14);
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        size_t blanks = rng() % 20;
        for (size_t i = 0; i < blanks; ++i) {
            s += rng() % 4 == 0 ? '\t' : ' ';
        }
        size_t rest = rng() % 12;
        for (size_t i = 0; i < rest; ++i) {
            s += alphabet[rng() % alphabet.size()];
        }
        size_t from = rng() % (s.size() + 1);
        ASSERT_EQ(detail::skip_blanks(s, from), naive_skip_blanks(s, from))
            << ::testing::PrintToString(s) << ' ' << from;
    }
}

TEST(DockerfileParserFastPaths, KindOfEveryKeywordInAnyCaseAndNearMisses) {
    for (int n = 0; n < static_cast<int>(InstructionKind::unknown); ++n) {
        auto k = static_cast<InstructionKind>(n);
        std::string upper(model::keyword_name(k));
        std::string lower = upper;
        std::string mixed = upper;
        for (size_t i = 0; i < upper.size(); ++i) {
            lower[i] = static_cast<char>(upper[i] - 'A' + 'a');
            mixed[i] = i % 2 == 0 ? lower[i] : upper[i];
        }
        EXPECT_EQ(detail::kind_of(upper), k) << upper;
        EXPECT_EQ(detail::kind_of(lower), k) << lower;
        EXPECT_EQ(detail::kind_of(mixed), k) << mixed;
        EXPECT_EQ(detail::kind_of(upper + "X"), InstructionKind::unknown) << upper;
        EXPECT_EQ(detail::kind_of(upper.substr(1)), InstructionKind::unknown) << upper;
        EXPECT_EQ(detail::kind_of(upper.substr(0, upper.size() - 1)), InstructionKind::unknown) << upper;
    }
    for (const char* other : {"", "R", "RU", "ADX", "ARD", "CMP", "COP", "ENTRYPOIN", "EXPOSES", "SHELLS",
                              "STOP", "1RUN", "@RG", "HEALTHCHECKS", "\xC3\x89NV"}) {
        EXPECT_EQ(detail::kind_of(other), InstructionKind::unknown) << other;
    }
}

TEST(DockerfileParserFastPaths, ExpandFindsSpecialBytesAtEveryPosition) {
    model::VarScope scope;
    scope["X"] = model::Value{"1", true, {}, {}};
    for (size_t length = 0; length <= 20; ++length) {
        std::string prefix(length, 'a');
        EXPECT_EQ(model::expand(prefix + "$X", scope).text, prefix + "1") << length;
        EXPECT_EQ(model::expand(prefix + "'$X'", scope).text, prefix + "$X") << length;
        EXPECT_EQ(model::expand(prefix + "\"$X\"", scope).text, prefix + "1") << length;
        EXPECT_EQ(model::expand(prefix + "\\$X", scope).text, prefix + "$X") << length;
        EXPECT_EQ(model::expand(prefix, scope).text, prefix) << length;
    }
}

TEST(DockerfileParserFastPaths, ExpandCopiesQuotedRuns) {
    model::VarScope scope;
    scope["HOME"] = model::Value{"/root", true, {}, {}};
    EXPECT_EQ(
        model::expand("\"a long double-quoted text at $HOME, \\\"quoted\\\" \\\\ \\n end\"", scope).text,
        "a long double-quoted text at /root, \"quoted\" \\ \\n end");
    EXPECT_EQ(model::expand("'a long single-quoted $HOME text'", scope).text,
              "a long single-quoted $HOME text");
    model::Value open = model::expand("'never closed $HOME", scope);
    EXPECT_FALSE(open.error.empty());
    EXPECT_EQ(open.text, "'never closed $HOME");
    EXPECT_EQ(model::referenced_variables("${A:-$B} \"$C\" '$D' $A"),
              (std::vector<std::string>{"A", "B", "C"}));
}

TEST(DockerfileParserFastPaths, PairsOfPlainAndQuotedWords) {
    auto df =
        parse_text("FROM scratch\nENV A=b\\ c D=\"e f\" G=h I='j k' LONG_NAME_OF_A_KEY=a_long_plain_value\n");
    ASSERT_EQ(df.instructions.size(), 2U);
    const auto& pairs = df.instructions[1].pairs;
    ASSERT_EQ(pairs.size(), 5U);
    EXPECT_EQ(pairs[0].value, "b c");
    EXPECT_EQ(pairs[0].raw_value, "b\\ c");
    EXPECT_EQ(pairs[0].value_as_written(), "b\\ c");
    EXPECT_EQ(pairs[0].key_as_written(), "A");
    EXPECT_EQ(pairs[1].value, "e f");
    EXPECT_EQ(pairs[2].value, "h");
    EXPECT_EQ(pairs[2].raw_value, "");  // nothing to unquote: only the value is kept
    EXPECT_EQ(pairs[3].value, "j k");
    EXPECT_EQ(pairs[4].key, "LONG_NAME_OF_A_KEY");
    EXPECT_EQ(pairs[4].raw_key, "");
    EXPECT_EQ(pairs[4].value, "a_long_plain_value");
    EXPECT_EQ(pairs[4].raw_value, "");
    EXPECT_EQ(pairs[4].value_as_written(), "a_long_plain_value");
    EXPECT_EQ(source_of(df, pairs[4].value_range), "a_long_plain_value");
}

TEST(DockerfileParserFastPaths, LinesOfKeywordsOnContinuationLines) {
    auto df = parse_text(
        "FROM scratch\n\\\n  RUN echo a \\\n  b\nRUN echo \\\n# comment\n  c\nONBUILD \\\n RUN x\n");
    ASSERT_EQ(df.instructions.size(), 4U);
    EXPECT_EQ(df.instructions[1].line, 3U);  // the keyword is on the line after a lone escape
    EXPECT_EQ(df.instructions[1].end_line, 4U);
    EXPECT_EQ(df.instructions[2].line, 5U);
    EXPECT_EQ(df.instructions[2].end_line, 7U);
    EXPECT_EQ(df.instructions[3].line, 8U);
    ASSERT_NE(df.instructions[3].trigger, nullptr);
    EXPECT_EQ(df.instructions[3].trigger->line, 9U);
    EXPECT_EQ(df.instructions[3].trigger->end_line, 9U);
}

TEST(DockerfileParserFastPaths, FilesParsedOneAfterAnotherDoNotShareText) {
    std::string long_run = "RUN " + std::string(5000, 'x') + " \\\n  " + std::string(3000, 'y') + "\n";
    auto first = parse_text("FROM scratch\n" + long_run);
    auto second = parse_text("FROM scratch\nRUN z\n");
    ASSERT_EQ(first.instructions.size(), 2U);
    EXPECT_EQ(first.instructions[1].args.value.size(), 5000U + 1 + 2 + 3000U);
    ASSERT_EQ(second.instructions.size(), 2U);
    EXPECT_EQ(second.instructions[1].args.value, "z");
    EXPECT_EQ(source_of(second, second.instructions[1].range), "RUN z");
}

TEST(DockerfileParserFastPaths, RawIsKeptOnlyWhenItDiffersFromTheValue) {
    auto df = parse_text(
        "FROM scratch\nCOPY plain/a_long_source_path \"quoted/dest\"\nEXPOSE 80 '443'\nARG V=1 W\n"
        "COPY [\"a\", \"b\"]\n");
    ASSERT_EQ(df.instructions.size(), 5U);
    const auto& copy = df.instructions[1].words;
    ASSERT_EQ(copy.size(), 2U);
    EXPECT_EQ(copy[0].value, "plain/a_long_source_path");
    EXPECT_EQ(copy[0].raw, "");  // as written = value
    EXPECT_EQ(copy[1].value, "quoted/dest");
    EXPECT_EQ(copy[1].raw, "\"quoted/dest\"");
    EXPECT_EQ(copy[0].as_written(), "plain/a_long_source_path");
    EXPECT_EQ(copy[1].as_written(), "\"quoted/dest\"");
    const auto& expose = df.instructions[2].words;
    ASSERT_EQ(expose.size(), 2U);
    EXPECT_EQ(expose[0].raw, "");
    EXPECT_EQ(expose[1].value, "443");
    EXPECT_EQ(expose[1].raw, "'443'");
    const auto& args = df.instructions[3].pairs;
    ASSERT_EQ(args.size(), 2U);
    EXPECT_EQ(args[0].key, "V");
    EXPECT_EQ(args[0].raw_key, "");
    EXPECT_EQ(args[0].value, "1");
    EXPECT_EQ(args[0].raw_value, "");
    EXPECT_FALSE(args[1].has_value);
    const auto& json = df.instructions[4].words;
    ASSERT_EQ(json.size(), 2U);
    EXPECT_EQ(json[0].value, "a");
    EXPECT_EQ(json[0].raw, "");
}

TEST(DockerfileParserFastPaths, CommentsViewTheSource) {
    auto df = parse_text(
        "# first comment, long enough not to fit in a small string   \nFROM scratch\n"
        "RUN a \\\n  #   inside  \n  b\n");
    ASSERT_EQ(df.comments.size(), 2U);
    EXPECT_EQ(df.comments[0].text, "first comment, long enough not to fit in a small string");
    EXPECT_EQ(df.comments[1].text, "inside");
    const std::string& src = df.source->text();
    for (const auto& c : df.comments) {  // views of the Dockerfile's own source bytes
        EXPECT_GE(c.text.data(), src.data());
        EXPECT_LE(c.text.data() + c.text.size(), src.data() + src.size());
    }
    model::Dockerfile moved = std::move(df);  // the source moves with the model: views stay valid
    EXPECT_EQ(moved.comments[1].text, "inside");
}

}  // namespace
}  // namespace bulwark::testing
