// Shell parser fast paths (SSE2/table scans, reserved-word classification, words read without a
// token, linear && chains): each checked against the plain definition it replaces.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "bulwark/input/shell/parser_impl.hpp"
#include "test_shell_helpers.hpp"

using bulwark::input::shell::parse;
using bulwark::input::shell::parse_remembered;
using shell_test::commands;
using ::testing::ElementsAre;
namespace sh = bulwark::model::shell;
namespace detail = bulwark::input::shell::detail;

namespace {

// The definitions the fast scans must agree with: one byte at a time.
uint32_t slow_plain_run_end(const std::string& s, uint32_t p) {
    while (p < s.size() && !detail::k_word_special[static_cast<unsigned char>(s[p])]) {
        ++p;
    }
    return p;
}

uint32_t slow_dquote_run_end(const std::string& s, uint32_t p, uint32_t end) {
    while (p < end && s[p] != '"' && s[p] != '\\' && s[p] != '$' && s[p] != '`') {
        ++p;
    }
    return p;
}

uint32_t slow_blank_run_end(const std::string& s, uint32_t p) {
    while (p < s.size() && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r')) {
        ++p;
    }
    return p;
}

detail::Kw slow_classify(std::string_view v) {
    static const std::pair<std::string_view, detail::Kw> k_words[] = {{"{", detail::Kw::lbrace},
                                                                      {"}", detail::Kw::rbrace},
                                                                      {"!", detail::Kw::bang},
                                                                      {"[[", detail::Kw::dbracket},
                                                                      {"if", detail::Kw::if_},
                                                                      {"then", detail::Kw::then},
                                                                      {"elif", detail::Kw::elif},
                                                                      {"else", detail::Kw::else_},
                                                                      {"fi", detail::Kw::fi},
                                                                      {"do", detail::Kw::do_},
                                                                      {"done", detail::Kw::done},
                                                                      {"while", detail::Kw::while_},
                                                                      {"until", detail::Kw::until},
                                                                      {"for", detail::Kw::for_},
                                                                      {"select", detail::Kw::select},
                                                                      {"case", detail::Kw::case_},
                                                                      {"esac", detail::Kw::esac},
                                                                      {"in", detail::Kw::in},
                                                                      {"function", detail::Kw::function},
                                                                      {"time", detail::Kw::time}};
    for (const auto& [word, kw] : k_words) {
        if (v == word) {
            return kw;
        }
    }
    return detail::Kw::none;
}

std::string describe(const sh::Word& w) {
    std::string expansions;
    for (const bulwark::util::ByteRange& r : w.expansions.ranges()) {
        expansions += " e" + std::to_string(r.begin) + "-" + std::to_string(r.end);
    }
    return "[" + w.value + "|" + std::to_string(w.begin) + "-" + std::to_string(w.end) +
           (w.quoted ? "q" : "") + (w.dynamic ? "d" : "") + expansions + "]";
}

/// Every field of a parsed script, for comparing two parses.
std::string describe(const sh::Script& s) {
    std::string out;
    for (const sh::Command& c : s.commands) {
        out += "C " + std::to_string(c.begin) + "-" + std::to_string(c.end) + " " +
               std::to_string(static_cast<int>(c.next)) + "/" + std::to_string(c.element_before) + " " +
               std::to_string(c.pipeline) + " " + std::to_string(c.depth) + " " +
               std::to_string(c.in_substitution) + std::to_string(c.in_condition) +
               std::to_string(c.negated) + std::to_string(c.in_function) + std::to_string(c.in_branch) + " " +
               std::to_string(c.parent) + " " + std::to_string(c.scope) + " A:";
        for (const sh::Word& w : c.assignments) {
            out += describe(w);
        }
        out += " V:";
        for (const sh::Word& w : c.argv) {
            out += describe(w);
        }
        out += " R:";
        for (const sh::Redirect& r : c.redirects) {
            out += r.op + std::to_string(r.heredoc) + describe(r.target);
        }
        out += "\n";
    }
    for (const sh::Script::Error& e : s.errors) {
        out += "E " + std::to_string(e.offset) + " " + e.message + (e.stops_parse ? " (stops)" : "") + "\n";
    }
    for (const sh::Heredoc& h : s.heredocs) {
        out += "H " + h.delimiter + "|" + h.body + "|" + std::to_string(h.begin) + "-" +
               std::to_string(h.end) + std::to_string(h.quoted) + std::to_string(h.strip_tabs) + "\n";
    }
    for (const sh::Scope& sc : s.scopes) {
        out += "S " + std::to_string(sc.parent) + std::to_string(sc.inherits) + std::to_string(sc.pipefail) +
               "\n";
    }
    for (const sh::Script::LoopVariable& v : s.loop_variables) {
        out += "L " + v.name + " " + std::to_string(v.begin) + "\n";
    }
    for (const sh::Script::Function& f : s.functions) {
        out += "F " + f.name + " " + std::to_string(f.begin) + " " + std::to_string(f.body_begin) + "-" +
               std::to_string(f.body_end) + " " + std::to_string(f.scope) + "\n";
    }
    return out;
}

/// Scripts of every kind the memo may hold: errors, heredocs, nested scripts, substitutions.
std::vector<std::string> remembered_texts() {
    return {"apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*",
            "set -eux; if [ -f x ]; then a; else b; fi | tee log",
            "cat <<EOF > f\nbody $x\nEOF\necho done",
            "bash -o pipefail -c 'curl -fsSL $(url) | sh' && su -c \"id\" nobody",
            "echo \"unterminated",
            "for p in a b; do (cd $p && make) & done; wait",
            "",
            "x=1 y=$(printf '%s' \"$x\") env | grep -q y 2>&1 >/dev/null",
            "sh -c \"echo \\$X $Y; for v in 1; do :; done\" \"a$(b \"c\")\"'$d'${e:-\"f\"}"};
}

}  // namespace

TEST(ShellFastPaths, RememberedParseEqualsAFreshParse) {
    // Texts not seen yet, then seen again (copied from the memo), then a text over the size the
    // memo keeps (parsed every time).
    std::vector<std::string> texts = remembered_texts();
    std::string big;
    while (big.size() <= 70 * 1024) {
        big += "apt-get install -y pkg" + std::to_string(big.size()) + " && ";
    }
    big += "true";
    texts.push_back(big);
    for (int round = 0; round < 3; ++round) {
        for (const std::string& t : texts) {
            const sh::Script fresh = parse(t);
            const sh::Script remembered = parse_remembered(t);
            ASSERT_EQ(describe(remembered), describe(fresh)) << "round " << round << ": " << t.substr(0, 60);
            ASSERT_FALSE(fresh.scopes.empty());
        }
    }
    // A changed copy is the caller's own: the next lookup still gives the parse of the text.
    sh::Script changed = parse_remembered(texts[0]);
    changed.scopes.front().pipefail = true;
    changed.commands.mutate()[0].argv.clear();
    changed.commands.push_back(sh::Command{});
    EXPECT_EQ(describe(parse_remembered(texts[0])), describe(parse(texts[0])));
}

TEST(ShellFastPaths, RememberedParseKeepsTheLatestTextsPastItsBound) {
    // More text than the memo holds (256 KB): the texts met last are remembered (a hit shares the
    // first answer's commands), the oldest were evicted to make room, and every answer equals a
    // fresh parse.
    std::vector<std::string> texts;
    for (int i = 0; i < 400; ++i) {
        std::string t = "echo bound " + std::to_string(i);
        while (t.size() < 1024) {
            t += " && apt-get install -y pkg" + std::to_string(t.size());
        }
        texts.push_back(std::move(t));
    }
    std::vector<sh::Script> first;
    for (const std::string& t : texts) {
        first.push_back(parse_remembered(t));
    }
    for (size_t i = texts.size() - 8; i < texts.size(); ++i) {
        const sh::Script again = parse_remembered(texts[i]);
        EXPECT_EQ(again.commands.data(), first[i].commands.data()) << "text " << i << " not remembered";
        EXPECT_EQ(describe(again), describe(parse(texts[i])));
    }
    const sh::Script oldest = parse_remembered(texts[0]);
    EXPECT_NE(oldest.commands.data(), first[0].commands.data());  // evicted: parsed again
    EXPECT_EQ(describe(oldest), describe(parse(texts[0])));
}

TEST(ShellFastPaths, ScriptCopiesShareCommandsUntilOneChanges) {
    sh::Script a = parse("a 1 && b 2; c");
    const sh::Script b = a;
    EXPECT_EQ(a.commands.data(), b.commands.data());  // shared, not copied
    a.commands.mutate()[1].argv[0].value = "changed";
    EXPECT_NE(a.commands.data(), b.commands.data());
    EXPECT_THAT(commands(b), ElementsAre("a 1", "b 2", "c"));
    EXPECT_THAT(commands(a), ElementsAre("a 1", "changed 2", "c"));
    // An unshared vector is changed in place; an empty one has no vector until written.
    const std::vector<sh::Command>* own = &a.commands.mutate();
    EXPECT_EQ(&a.commands.mutate(), own);
    EXPECT_EQ(a.commands.size(), 3U);
    sh::Script empty;
    EXPECT_TRUE(empty.commands.empty());
    empty.commands.push_back(sh::Command{});
    EXPECT_EQ(empty.commands.size(), 1U);
}

TEST(ShellFastPaths, RememberedParseFromSeveralThreadsAgrees) {
    // Scan workers share the memo: each thread sees the same scripts whoever parsed them first.
    std::vector<std::string> texts = remembered_texts();
    for (std::string& t : texts) {
        t += " # threads";  // not yet remembered by the other test
    }
    std::vector<std::string> expected;
    for (const std::string& t : texts) {
        expected.push_back(describe(parse(t)));
    }
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> workers;
    for (size_t w = 0; w < mismatches.size(); ++w) {
        workers.emplace_back([&, w] {
            for (int round = 0; round < 20; ++round) {
                for (size_t i = 0; i < texts.size(); ++i) {
                    const size_t k = (i + w) % texts.size();
                    mismatches[w] += describe(parse_remembered(texts[k])) != expected[k] ? 1 : 0;
                }
            }
        });
    }
    for (std::thread& t : workers) {
        t.join();
    }
    EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(ShellFastPaths, PlainRunEndMatchesTheByteLoopAtEveryPositionAndLength) {
    // Every byte value at every offset of texts around the 8- and 16-byte steps, from every start.
    for (size_t len : {1U, 7U, 8U, 9U, 15U, 16U, 17U, 24U, 31U, 33U, 47U}) {
        for (size_t at = 0; at < len; ++at) {
            for (int b = 0; b < 256; ++b) {
                std::string s(len, 'a');
                for (size_t k = 0; k < len; ++k) {
                    s[k] = "az09-./_=+:%#!^A"[k % 16];  // fast-set and other ordinary bytes
                }
                s[at] = static_cast<char>(b);
                for (uint32_t from : {0U, 1U, 3U}) {
                    if (from > len) {
                        continue;
                    }
                    const auto n = static_cast<uint32_t>(len);
                    ASSERT_EQ(detail::plain_run_end(s.data(), from, n), slow_plain_run_end(s, from))
                        << "len " << len << " byte " << b << " at " << at << " from " << from;
                }
            }
        }
    }
}

TEST(ShellFastPaths, DquoteRunEndMatchesTheByteLoopAtEveryPositionAndLength) {
    // Every byte value at every offset of texts around the 16-byte step, from several starts and
    // with the end before the buffer's end (never reads or stops past `end`).
    for (size_t len : {1U, 15U, 16U, 17U, 31U, 32U, 33U, 47U}) {
        for (size_t at = 0; at < len; ++at) {
            for (int b = 0; b < 256; ++b) {
                std::string s;
                for (size_t k = 0; k < len; ++k) {
                    s += "a z/'\t#!%~{}()|;&"[k % 17];  // ordinary bytes inside double quotes
                }
                s[at] = static_cast<char>(b);
                s += "$\"";  // stops past `end` must not be seen
                for (uint32_t from : {0U, 1U, 5U}) {
                    for (size_t end : {len, len / 2}) {
                        if (from > end) {
                            continue;
                        }
                        const auto e = static_cast<uint32_t>(end);
                        ASSERT_EQ(detail::dquote_run_end(s.data(), from, e), slow_dquote_run_end(s, from, e))
                            << "len " << len << " byte " << b << " at " << at << " from " << from << " end "
                            << e;
                    }
                }
            }
        }
    }
}

TEST(ShellFastPaths, BlankRunEndMatchesTheByteLoop) {
    const std::string pieces[] = {" ", "\t", "\r", "x", "\n", "\\"};
    // Runs of blanks of every length up to 40 (mixed spaces, tabs, CRs) ended by each other byte.
    for (size_t len = 0; len <= 40; ++len) {
        for (const std::string& stop : pieces) {
            std::string s;
            for (size_t k = 0; k < len; ++k) {
                s += k % 5 == 3 ? '\t' : (k % 11 == 7 ? '\r' : ' ');
            }
            s += stop;
            s += "tail";
            for (uint32_t from : {0U, 1U, 2U}) {
                if (from > s.size()) {
                    continue;
                }
                ASSERT_EQ(detail::blank_run_end(s.data(), from, static_cast<uint32_t>(s.size())),
                          slow_blank_run_end(s, from))
                    << "len " << len << " stop '" << stop << "' from " << from;
            }
            // Bounded before the end of the buffer: never reads or stops past `end`.
            const auto end = static_cast<uint32_t>(len / 2);
            EXPECT_EQ(detail::blank_run_end(s.data(), 0, end), std::min(end, slow_blank_run_end(s, 0)));
        }
    }
}

TEST(ShellFastPaths, ReservedWordClassificationMatchesTheWordList) {
    const char* words[] = {"{",        "}",         "!",      "[[",      "]]",    "if",       "fi",
                           "do",       "in",        "of",     "If",      "for",   "fore",     "fo",
                           "then",     "else",      "elif",   "done",    "esac",  "case",     "time",
                           "thenx",    "tim",       "whil",   "while",   "whilf", "whilee",   "until",
                           "untie",    "select",    "selecd", "selectt", "elect", "function", "functiom",
                           "Function", "functions", "",       "dO",      "{ ",    "do\n",     "casE",
                           "esa",      "[",         "!!",     "{}"};
    for (const char* w : words) {
        EXPECT_EQ(detail::classify_word(w), slow_classify(w)) << "'" << w << "'";
    }
}

TEST(ShellFastPaths, PlainWordsOfEveryLengthKeepValuesAndOffsets) {
    // Words read without a token (after the command name) against a plain split of the text.
    std::string text = "cmd";
    std::vector<std::pair<uint32_t, std::string>> expected = {{0, "cmd"}};
    for (size_t len = 1; len <= 40; ++len) {
        text += len % 3 == 0 ? "\t \t" : (len % 7 == 0 ? std::string(19, ' ') : " ");
        std::string w;
        for (size_t k = 0; k < len; ++k) {
            w += "abcXYZ019-./_=+:%^"[(k + len) % 18];
        }
        expected.emplace_back(static_cast<uint32_t>(text.size()), w);
        text += w;
    }
    text += " \"q$x\"tail 2>err '' next";
    sh::Script s = parse(text);
    ASSERT_EQ(s.commands.size(), 1U);
    const sh::Command& c = s.commands[0];
    ASSERT_EQ(c.argv.size(), expected.size() + 3);
    for (size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(c.argv[i].value, expected[i].second) << i;
        EXPECT_EQ(c.argv[i].begin, expected[i].first) << i;
        EXPECT_EQ(c.argv[i].end, expected[i].first + expected[i].second.size()) << i;
        EXPECT_FALSE(c.argv[i].quoted);
    }
    EXPECT_EQ(c.argv[expected.size()].value, "q$xtail");
    EXPECT_TRUE(c.argv[expected.size()].quoted);
    EXPECT_TRUE(c.argv[expected.size()].dynamic);
    EXPECT_EQ(c.argv[expected.size() + 1].value, "");
    EXPECT_EQ(c.argv[expected.size() + 2].value, "next");
    ASSERT_EQ(c.redirects.size(), 1U);
    EXPECT_EQ(c.redirects[0].op, "2>");
    EXPECT_EQ(c.end, text.size());
}

TEST(ShellFastPaths, WordsAfterTheNameAreNeverKeywordsButOperatorsStillSplit) {
    EXPECT_THAT(commands("echo if then fi done esac } { time ! [[ function;ls&&pwd|cat"),
                ElementsAre("echo if then fi done esac } { time ! [[ function", "ls", "pwd", "cat"));
    // A comment may only start a word; '#' inside a word is ordinary, a digit word before '>' is an fd.
    sh::Script s = parse("echo a#b #c\necho 12 3>x");
    EXPECT_THAT(commands(s), ElementsAre("echo a#b", "echo 12"));
    ASSERT_EQ(s.commands[1].redirects.size(), 1U);
    EXPECT_EQ(s.commands[1].redirects[0].op, "3>");
}

TEST(ShellFastPaths, LongAndOrChainsMarkEveryConditionOnce) {
    std::string text;
    for (int i = 0; i < 50; ++i) {
        text += "c" + std::to_string(i) + (i % 7 == 6 ? " || " : " && ");
    }
    text += "last $(inner1 && inner2) ; after";
    sh::Script s = parse(text);
    // 50 chained commands, `last`, its two substitution commands, `after`.
    ASSERT_EQ(s.commands.size(), 54U);
    for (size_t i = 0; i < 50; ++i) {
        EXPECT_TRUE(s.commands[i].in_condition) << i;
        EXPECT_EQ(s.commands[i].next, i % 7 == 6 ? sh::Connector::or_if : sh::Connector::and_if) << i;
    }
    EXPECT_EQ(sh::command_name(s.commands[50]), "last");
    EXPECT_FALSE(s.commands[50].in_condition);
    EXPECT_EQ(sh::command_name(s.commands[51]), "inner1");
    EXPECT_TRUE(s.commands[51].in_condition);
    EXPECT_FALSE(s.commands[52].in_condition);
    EXPECT_EQ(sh::command_name(s.commands[53]), "after");
    EXPECT_FALSE(s.commands[53].in_condition);
}

TEST(ShellFastPaths, TimeWordSurvivesANestedTimeInTheNextWord) {
    // The outer `time` waits while its next word is lexed, which parses the inner `time`.
    sh::Script s = parse("time $(time inner arg) outer");
    EXPECT_THAT(commands(s), ElementsAre("time $(time inner arg) outer", "time inner arg"));
    EXPECT_EQ(s.commands[1].parent, 0);
    EXPECT_THAT(commands("time ! a | b"), ElementsAre("a", "b"));
    EXPECT_THAT(commands("time { a; } && time b"), ElementsAre("a", "time b"));
}
