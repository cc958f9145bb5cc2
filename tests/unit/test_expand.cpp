// Variable expansion as BuildKit does it in Dockerfile instructions.
#include <gtest/gtest.h>

#include "bulwark/model/expand.hpp"

using bulwark::model::expand;
using bulwark::model::referenced_variables;
using bulwark::model::refers_to_variables;
using bulwark::model::Value;
using bulwark::model::VarScope;

namespace {

Value known(std::string text) {
    return Value{std::move(text), true, {}, {}};
}

Value unknown(const std::string& name) {
    return Value{"", false, {name}, {}};
}

VarScope scope() {
    VarScope s;
    s["V"] = known("val");
    s["EMPTY"] = known("");
    s["PATHV"] = known("/usr/local/bin/app.tar.gz");
    s["U"] = unknown("U");
    return s;
}

std::string text(std::string_view in, char escape = '\\') {
    Value v = expand(in, scope(), escape);
    EXPECT_TRUE(v.error.empty()) << in << ": " << v.error;
    return v.text;
}

}  // namespace

TEST(Expand, PlainAndBracedReferences) {
    EXPECT_EQ(text("$V"), "val");
    EXPECT_EQ(text("${V}"), "val");
    EXPECT_EQ(text("a-${V}-b"), "a-val-b");
    EXPECT_EQ(text("$V/x"), "val/x");
    EXPECT_EQ(text("$V_suffix"), "");  // the name is V_suffix
    EXPECT_EQ(text("${V}_suffix"), "val_suffix");
    EXPECT_EQ(text("no vars"), "no vars");
}

TEST(Expand, NameNotInScopeIsEmptyAndKnown) {
    Value v = expand("x${MISSING}y$ALSO", scope());
    EXPECT_EQ(v.text, "xy");
    EXPECT_TRUE(v.known);
    EXPECT_TRUE(v.unknown_vars.empty());
}

TEST(Expand, DefaultForms) {
    EXPECT_EQ(text("${MISSING:-def}"), "def");
    EXPECT_EQ(text("${EMPTY:-def}"), "def");
    EXPECT_EQ(text("${V:-def}"), "val");
    EXPECT_EQ(text("${MISSING-def}"), "def");
    EXPECT_EQ(text("${EMPTY-def}"), "");
    EXPECT_EQ(text("${V-def}"), "val");
}

TEST(Expand, AlternativeForms) {
    EXPECT_EQ(text("${V:+alt}"), "alt");
    EXPECT_EQ(text("${EMPTY:+alt}"), "");
    EXPECT_EQ(text("${MISSING:+alt}"), "");
    EXPECT_EQ(text("${EMPTY+alt}"), "alt");
    EXPECT_EQ(text("${MISSING+alt}"), "");
}

TEST(Expand, NestedDefaults) {
    EXPECT_EQ(text("${MISSING:-${ALSO:-deep}}"), "deep");
    EXPECT_EQ(text("${MISSING:-pre-${V}-post}"), "pre-val-post");
    EXPECT_EQ(text("${V:-${MISSING:-deep}}"), "val");
}

TEST(Expand, RequiredForm) {
    EXPECT_EQ(text("${V:?must be set}"), "val");
    Value v = expand("${MISSING:?must be set}", scope());
    EXPECT_EQ(v.error, "MISSING: must be set");
    EXPECT_FALSE(v.known);
    EXPECT_EQ(v.text, "${MISSING:?must be set}");
    EXPECT_EQ(expand("${EMPTY:?}", scope()).error, "EMPTY: is not allowed to be empty");
    EXPECT_EQ(expand("${MISSING?}", scope()).error, "MISSING: is not allowed to be unset");
    EXPECT_TRUE(expand("${EMPTY?}", scope()).error.empty());
}

TEST(Expand, EscapedDollarStaysLiteral) {
    EXPECT_EQ(text("\\$V"), "$V");
    EXPECT_EQ(text("\\${V}"), "${V}");
    EXPECT_EQ(text("a\\ b"), "a b");
    // With `escape=\`` the backtick escapes and a backslash is an ordinary character.
    EXPECT_EQ(text("`$V", '`'), "$V");
    EXPECT_EQ(text("C:\\$V", '`'), "C:\\val");
}

TEST(Expand, QuotesAsBuildKitRemovesThem) {
    EXPECT_EQ(text("'$V'"), "$V");
    EXPECT_EQ(text("\"$V\""), "val");
    EXPECT_EQ(text("\"a \\\"q\\\" $V\""), "a \"q\" val");
    EXPECT_EQ(text("\"\\n\""), "\\n");  // a backslash before an ordinary character stays
    EXPECT_EQ(text("it'\"'s"), "it\"s");
    EXPECT_EQ(expand("'open", scope()).error,
              "unexpected end of statement while looking for matching single-quote");
}

TEST(Expand, LoneDollarIsLiteral) {
    EXPECT_EQ(text("5$"), "5$");
    EXPECT_EQ(text("$ x"), "$ x");
    EXPECT_EQ(text("$/"), "$/");
}

TEST(Expand, PatternRemovalAndReplacement) {
    EXPECT_EQ(text("${PATHV#*/}"), "usr/local/bin/app.tar.gz");
    EXPECT_EQ(text("${PATHV##*/}"), "app.tar.gz");
    EXPECT_EQ(text("${PATHV%.*}"), "/usr/local/bin/app.tar");
    EXPECT_EQ(text("${PATHV%%.*}"), "/usr/local/bin/app");
    EXPECT_EQ(text("${V/a/A}"), "vAl");
    EXPECT_EQ(text("${PATHV//\\//:}"), ":usr:local:bin:app.tar.gz");
    EXPECT_EQ(text("${MISSING#x}"), "");
}

TEST(Expand, SyntaxErrors) {
    EXPECT_EQ(expand("${}", scope()).error, "syntax error: bad substitution");
    EXPECT_EQ(expand("${:x}", scope()).error, "syntax error: bad substitution");
    EXPECT_EQ(expand("${V", scope()).error, "syntax error: missing '}'");
    EXPECT_EQ(expand("${V:-x", scope()).error, "syntax error: missing '}'");
    EXPECT_EQ(expand("${V:=x}", scope()).error, "unsupported modifier (:=) in substitution");
}

TEST(Expand, UnknownValueMakesResultUnknown) {
    Value v = expand("python:${U}-slim", scope());
    EXPECT_FALSE(v.known);
    EXPECT_EQ(v.text, "python:-slim");
    ASSERT_EQ(v.unknown_vars.size(), 1U);
    EXPECT_EQ(v.unknown_vars[0], "U");

    EXPECT_FALSE(expand("${U:-x}", scope()).known);  // U may be empty
    EXPECT_FALSE(expand("${U-x}", scope()).known);
    EXPECT_FALSE(expand("${U:+x}", scope()).known);
    Value set = expand("${U+x}", scope());  // U is set, whatever its value
    EXPECT_TRUE(set.known);
    EXPECT_EQ(set.text, "x");
    EXPECT_FALSE(expand("${U#x}", scope()).known);
    EXPECT_TRUE(expand("'$U'", scope()).known);
}

TEST(Expand, UnknownInUnusedDefaultDoesNotMatter) {
    Value v = expand("${V:-$U}", scope());
    EXPECT_TRUE(v.known);
    EXPECT_EQ(v.text, "val");
    EXPECT_FALSE(expand("${MISSING:-$U}", scope()).known);
}

TEST(Expand, UnknownVarsIncludeWhatTheValueDependsOn) {
    VarScope s;
    s["BASE"] = Value{"", false, {"BASE", "TAG"}, {}};
    Value v = expand("$BASE", s);
    ASSERT_EQ(v.unknown_vars.size(), 2U);
    EXPECT_EQ(v.unknown_vars[0], "BASE");
    EXPECT_EQ(v.unknown_vars[1], "TAG");
}

TEST(Expand, RefersToVariables) {
    EXPECT_TRUE(refers_to_variables("$HOME"));
    EXPECT_TRUE(refers_to_variables("a${B}c"));
    EXPECT_TRUE(refers_to_variables("\"$HOME\""));
    EXPECT_FALSE(refers_to_variables("\\$HOME"));
    EXPECT_FALSE(refers_to_variables("'$HOME'"));
    EXPECT_FALSE(refers_to_variables("costs 5$"));
    EXPECT_FALSE(refers_to_variables("plain"));
    EXPECT_TRUE(refers_to_variables("`$HOME", '\\'));
    EXPECT_FALSE(refers_to_variables("`$HOME", '`'));
}

TEST(Expand, ReferencedVariablesInOrder) {
    std::vector<std::string> names = referenced_variables("${A:-$B}/$C/${A}");
    ASSERT_EQ(names.size(), 3U);
    EXPECT_EQ(names[0], "A");
    EXPECT_EQ(names[1], "B");
    EXPECT_EQ(names[2], "C");
    EXPECT_TRUE(referenced_variables("no $").empty());
}

TEST(Expand, EveryPrefixOfAwkwardInputIsHandled) {
    const std::string nasty = "a${B:-${C#'x}\"$D\\\"}${E//*/}${F%%\\}}$'`${:}${G?}${H:+\"${I}\"}\\";
    for (size_t n = 0; n <= nasty.size(); ++n) {
        for (char escape : {'\\', '`'}) {
            Value v = expand(nasty.substr(0, n), scope(), escape);
            if (!v.error.empty()) {
                EXPECT_FALSE(v.known);
                EXPECT_EQ(v.text, nasty.substr(0, n));
            }
            (void)referenced_variables(nasty.substr(0, n), escape);
        }
    }
}

TEST(Expand, PlainRunsEndAtTheFirstSpecialByteAtEveryOffset) {
    // Runs are scanned eight bytes at a time: put each special byte at every offset of a word.
    for (size_t k = 0; k < 20; ++k) {
        std::string a(k, 'a');
        std::string b(k, 'b');
        std::string c(k, 'c');
        EXPECT_EQ(text(a + "${V}" + b + "\"x" + c + "${V}\"" + a + "'$V'" + b),
                  a + "val" + b + "x" + c + "val" + a + "$V" + b)
            << k;
        EXPECT_EQ(text("${MISSING:-" + a + "}" + b + "${V/x" + c + "/r}" + a), a + b + "val" + a) << k;
        EXPECT_EQ(text(a + "\\$V" + b + "\"" + c + "\\\"" + a + "\""), a + "$V" + b + c + "\"" + a) << k;
        EXPECT_EQ(text(a + "`$V" + b + "\"" + c + "`$" + a + "\"", '`'), a + "$V" + b + c + "$" + a) << k;
        Value u = expand(a + "${U:-" + b + "}" + c, scope());
        EXPECT_FALSE(u.known) << k;
        EXPECT_EQ(u.unknown_vars, std::vector<std::string>{"U"}) << k;
    }
}
