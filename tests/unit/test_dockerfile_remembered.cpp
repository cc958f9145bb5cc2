// The per-thread memo of parsed instructions: an instruction copied from an earlier parse (of this
// file or another, at another offset) must equal a fresh parse in every field. A new thread starts
// with an empty memo, so a parse on one is the fresh parse.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "bulwark/input/dockerfile/words.hpp"
#include "bulwark/model/expand.hpp"
#include "support/corpus.hpp"
#include "test_dockerfile_parser_helpers.hpp"

namespace bulwark::testing {
namespace {

namespace detail = input::dockerfile::detail;

/// `text` parsed on a thread of its own (an empty memo).
model::Dockerfile parse_fresh(const std::string& text) {
    model::Dockerfile df;
    std::thread t([&] { df = parse_text(text); });
    t.join();
    return df;
}

std::string describe(model::Range r) {
    return std::to_string(r.begin) + "-" + std::to_string(r.end);
}

/// Every field the parser fills, as text (analysis fields are empty after parsing).
std::string describe(const model::Instruction& inst) {
    std::string s = std::to_string(static_cast<int>(inst.kind)) + " " + inst.keyword + " " +
                    describe(inst.range) + " " + describe(inst.keyword_range) + " " +
                    std::to_string(inst.line) + "-" + std::to_string(inst.end_line) +
                    " json=" + std::to_string(inst.json_form) + "\n";
    for (const model::Flag& f : inst.flags) {
        s += " flag " + f.name + "=" + f.value + " " + std::to_string(f.has_value) + " " + describe(f.range) +
             " " + describe(f.value_range) + "\n";
    }
    s += " args [" + inst.args.value + "]";
    for (const model::TextPiece& p : inst.args.pieces) {
        s += " " + std::to_string(p.text_offset) + ":" + std::to_string(p.source_offset);
    }
    s += "\n";
    for (const model::JsonArg& j : inst.json) {
        s += " json [" + j.value + "] " + describe(j.range) + "\n";
    }
    for (const model::Word& w : inst.words) {
        s += " word [" + w.value + "] [" + w.raw + "] " + describe(w.range) + "\n";
    }
    for (const model::KeyValue& kv : inst.pairs) {
        s += " pair [" + kv.key + "] [" + kv.value + "] [" + kv.raw_key + "] [" + kv.raw_value + "] " +
             std::to_string(kv.has_value) + " " + describe(kv.key_range) + " " + describe(kv.value_range) +
             "\n";
    }
    for (const model::Heredoc& h : inst.heredocs) {
        s += " heredoc " + h.delimiter + " [" + h.body.value + "] " + describe(h.range) + "\n";
    }
    if (inst.trigger) {
        s += " trigger " + describe(*inst.trigger);
    }
    return s;
}

std::string describe(const model::Dockerfile& df) {
    std::string s;
    for (const model::Instruction& inst : df.instructions) {
        s += describe(inst);
    }
    for (const model::Comment& c : df.comments) {
        s += "comment [" + std::string(c.text) + "] " + std::to_string(c.line) + " " + describe(c.range) +
             "\n";
    }
    for (const std::string& d : diags(df)) {
        s += d + "\n";
    }
    return s;
}

TEST(DockerfileRemembered, RepeatedInstructionsAtOtherOffsetsEqualAFreshParse) {
    const std::string body =
        "FROM alpine:3.19 AS build\n"
        "ARG VERSION\nARG MODE=release\n"
        "ENV A=1 \\\n    B=\"two words\" C='x y' D=plain\\ escaped\n"
        "LABEL maintainer=\"someone\" \\\n  # a comment inside\n  org.label=x\n"
        "COPY --from=build --chown=1000:1000 [\"a b\", \"/dst/\"]\n"
        "COPY --link src/ /app/\n"
        "EXPOSE 80 443/tcp\n"
        "HEALTHCHECK --interval=30s CMD [\"curl\", \"-f\", \"http://localhost\"]\n"
        "USER app\nWORKDIR /app\nVOLUME [\"/data\"]\n"
        "CMD [\"./run\", \"--flag\"]\nENTRYPOINT exec ./start\n"
        "ONBUILD COPY . /src\nSTOPSIGNAL SIGTERM\n"
        "RUN <<EOF\necho hi\nEOF\n";
    const std::string first = body;
    const std::string second = "# syntax=docker/dockerfile:1\n\n   \n" + body + "\n" + body;
    model::Dockerfile want = parse_fresh(second);
    std::string got;
    std::thread t([&] {
        (void)parse_text(first);  // fills this thread's memo
        got = describe(parse_text(second));
    });
    t.join();
    EXPECT_EQ(got, describe(want));
}

TEST(DockerfileRemembered, EscapeDirectiveAndDiagnosticsAreNotCarriedOver) {
    const std::string plain = "FROM a\nENV X=\"a\\\"b\" Y=`c\nCOPY one\nEXPOSE 80\n";
    const std::string backtick = "# escape=`\n" + plain;
    std::string got_plain;
    std::string got_backtick;
    std::thread t([&] {
        got_plain = describe(parse_text(plain));
        got_backtick = describe(parse_text(backtick));
        got_plain += "/" + describe(parse_text(plain));
    });
    t.join();
    std::string want_plain = describe(parse_fresh(plain));
    EXPECT_EQ(got_plain, want_plain + "/" + want_plain);
    EXPECT_EQ(got_backtick, describe(parse_fresh(backtick)));
    EXPECT_NE(want_plain.find("COPY requires at least two arguments"), std::string::npos);
}

TEST(DockerfileRemembered, EveryCorpusFileEqualsAFreshParse) {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(BULWARK_SHARED_DIR) / "corpus" / "dockerfiles";
    if (!fs::is_directory(dir)) {
        GTEST_SKIP() << "corpus not found at " << dir.string();
    }
    std::vector<std::string> texts;
    for (const fs::path& p : corpus_files(dir)) {
        texts.push_back(read_corpus_file(p));
    }
    // One thread parses the files in order (warm memo); another parses each in a thread of its own.
    std::vector<std::string> warm(texts.size());
    std::thread t([&] {
        for (size_t i = 0; i < texts.size(); ++i) {
            warm[i] = describe(parse_text(texts[i]));
        }
    });
    t.join();
    for (size_t i = 0; i < texts.size(); ++i) {
        ASSERT_EQ(warm[i], describe(parse_fresh(texts[i]))) << i;
    }
}

/// Text of random words long enough for the sixteen-byte scans: letters, quotes, both escapes,
/// blanks, controls and non-ASCII bytes.
std::string random_long_words(std::mt19937& rng) {
    static const std::vector<std::string> k_pieces = {"abcdefgh", "x",    "=",    " ",   "\t",       "\v",
                                                      "'",        "\"",   "\\",   "`",   "\xC2\xA0", "\r",
                                                      "$x",       "\x01", "\x7F", "\xFF"};
    std::string s;
    size_t n = rng() % 64;
    for (size_t i = 0; i < n; ++i) {
        s += k_pieces[rng() % k_pieces.size()];
    }
    return s;
}

TEST(DockerfileRemembered, SplittersAgreeWithTheByteLoopsOnLongWords) {
    std::mt19937 rng(21);
    std::vector<detail::Span> spans;
    for (int round = 0; round < 4000; ++round) {
        std::string text = random_long_words(rng);
        for (char escape : {'\\', '`'}) {
            detail::split_blanks(text, escape, spans);
            std::vector<detail::Span> want;
            size_t pos = 0;
            while (true) {
                while (pos < text.size() && detail::is_blank(text[pos])) {
                    ++pos;
                }
                if (pos >= text.size()) {
                    break;
                }
                size_t begin = pos;
                size_t quote = std::string::npos;
                while (pos < text.size() && !detail::is_blank(text[pos])) {
                    char c = text[pos];
                    if (quote == std::string::npos && (c == '\'' || c == '"' || c == escape)) {
                        quote = pos;
                    }
                    ++pos;
                }
                want.push_back({begin, pos, std::min(quote, pos)});
            }
            ASSERT_EQ(spans.size(), want.size()) << ::testing::PrintToString(text);
            for (size_t i = 0; i < want.size(); ++i) {
                EXPECT_EQ(spans[i].begin, want[i].begin) << ::testing::PrintToString(text);
                EXPECT_EQ(spans[i].end, want[i].end) << ::testing::PrintToString(text);
                EXPECT_EQ(spans[i].first_quote, want[i].first_quote) << ::testing::PrintToString(text);
            }
            // split_words(): spans in order, inside the text, first_quote exact.
            detail::split_words(text, escape, spans);
            size_t last_end = 0;
            for (const detail::Span& w : spans) {
                EXPECT_LE(last_end, w.begin) << ::testing::PrintToString(text);
                EXPECT_LT(w.begin, w.end) << ::testing::PrintToString(text);
                EXPECT_LE(w.end, text.size()) << ::testing::PrintToString(text);
                size_t quote = w.end;
                for (size_t i = w.begin; i < w.end; ++i) {
                    if (text[i] == '\'' || text[i] == '"' || text[i] == escape) {
                        quote = i;
                        break;
                    }
                }
                EXPECT_EQ(w.first_quote, quote) << ::testing::PrintToString(text);
                last_end = w.end;
            }
        }
    }
}

TEST(DockerfileRemembered, PlainReferencesExpandAsTheFullExpanderDoes) {
    model::VarScope scope;
    scope.set("A", model::Value{"alpha", true, {}, {}});
    scope.set("EMPTY", model::Value{"", true, {}, {}});
    scope.set("U", model::Value{"", false, {"U", "X"}, {}});
    scope.set("_u2", model::Value{"v2", true, {}, {}});
    for (std::string text : {"$A",
                             "${A}",
                             "x$A/y",
                             "$A$A",
                             "${A}-${_u2}:$EMPTY",
                             "$U",
                             "pre${U}post$A$U",
                             "$MISSING",
                             "${MISSING}x",
                             "$",
                             "a$",
                             "${A",
                             "${A:-d}",
                             "$1",
                             "$$",
                             "$-",
                             "a/b:c",
                             "${A}}",
                             "$A{B}",
                             "${U}${_u2}${U}"}) {
        // Inside double quotes (with no other quote or escape) the text means the same but goes
        // through the general expander.
        model::Value fast = model::expand(text, scope);
        model::Value full = model::expand("\"" + text + "\"", scope);
        if (!full.error.empty()) {
            continue;  // an error's text is the input as written, quotes included
        }
        EXPECT_EQ(fast.text, full.text) << text;
        EXPECT_EQ(fast.known, full.known) << text;
        EXPECT_EQ(fast.unknown_vars, full.unknown_vars) << text;
        EXPECT_EQ(fast.error, full.error) << text;
    }
}

}  // namespace
}  // namespace bulwark::testing
