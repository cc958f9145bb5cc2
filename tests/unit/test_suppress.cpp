// Inline suppressions: comment syntax, next-instruction and file scope, hadolint ids, expiry, unknown ids.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "bulwark/engine/ignore_comment.hpp"
#include "bulwark/engine/suppress.hpp"
#include "bulwark/rules/rule.hpp"
#include "support/scan_helpers.hpp"

using namespace bulwark;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

namespace {

constexpr const char* k_today = "2026-11-23";

/// A Dockerfile model built by hand: comments on the lines given, instructions over [line, end_line].
struct Model {
    model::Dockerfile df;

    explicit Model(std::string text) {
        df.source = std::make_shared<const util::SourceFile>("Dockerfile", text);
    }
    Model& comment(uint32_t line) {
        const util::SourceFile& src = *df.source;
        std::string_view raw = src.line_text(line);
        size_t hash = raw.find('#');
        model::Comment c;
        c.line = line;
        c.text = raw.substr(raw.find_first_not_of(" \t", hash + 1));  // a view of df.source
        c.range = {static_cast<uint32_t>(src.line_offset(line) + hash),
                   static_cast<uint32_t>(src.line_offset(line) + raw.size())};
        df.comments.push_back(c);
        return *this;
    }
    Model& instruction(uint32_t line, uint32_t end_line) {
        model::Instruction ins;
        ins.line = line;
        ins.end_line = end_line;
        df.instructions.push_back(ins);
        return *this;
    }
};

core::Finding finding(const std::string& id, uint32_t line) {
    core::Finding f;
    f.rule_id = id;
    f.location = core::Location{"Dockerfile", line, 1, 0, 0, {}};
    return f;
}

std::vector<std::string> diag_lines(const std::vector<core::Diagnostic>& ds) {
    std::vector<std::string> out;
    for (const core::Diagnostic& d : ds) {
        std::string s = core::format_diagnostic(d, nullptr);
        out.push_back(s.substr(0, s.find('\n')));
    }
    return out;
}

/// "id@line:label" for suppressed findings, "id@line" for the others.
std::vector<std::string> states(const std::vector<core::Finding>& fs) {
    std::vector<std::string> out;
    for (const core::Finding& f : fs) {
        std::string s = f.rule_id + "@" + std::to_string(f.location.line);
        out.push_back(f.suppressed ? s + ":" + f.suppression : s);
    }
    return out;
}

std::string rule_id(size_t n) {
    return std::string(rules::all_rules()[n]->id);
}

}  // namespace

TEST(IgnoreComment, Syntax) {
    auto ic = engine::parse_ignore_comment(
        "bulwark ignore=BD001, BD002 reason=\"pinned by vendor\" until=2026-12-31");
    ASSERT_TRUE(ic);
    EXPECT_EQ(ic->tool, engine::IgnoreComment::Tool::bulwark);
    EXPECT_FALSE(ic->whole_file);
    ASSERT_EQ(ic->ids.size(), 2U);
    EXPECT_EQ(ic->ids[0].text, "BD001");
    EXPECT_EQ(ic->ids[0].offset, 15U);
    EXPECT_EQ(ic->ids[1].text, "BD002");
    EXPECT_EQ(ic->ids[1].offset, 22U);
    EXPECT_EQ(ic->reason, "pinned by vendor");
    EXPECT_EQ(ic->until.text, "2026-12-31");
    EXPECT_THAT(ic->problems, IsEmpty());

    ic = engine::parse_ignore_comment("bulwark ignore-file=BD003 reason='x y'");
    ASSERT_TRUE(ic);
    EXPECT_TRUE(ic->whole_file);
    EXPECT_EQ(ic->reason, "x y");
    ic = engine::parse_ignore_comment("BULWARK global ignore=BD003");
    ASSERT_TRUE(ic);
    EXPECT_TRUE(ic->whole_file);
    ic = engine::parse_ignore_comment("hadolint global ignore=DL3008,DL3015 because apt");
    ASSERT_TRUE(ic);
    EXPECT_EQ(ic->tool, engine::IgnoreComment::Tool::hadolint);
    EXPECT_TRUE(ic->whole_file);
    EXPECT_EQ(ic->ids.size(), 2U);
    EXPECT_THAT(ic->problems, IsEmpty());  // hadolint allows free text after the ids
}

TEST(IgnoreComment, NotDirectives) {
    for (const char* text :
         {"install the packages", "bulwark is run in CI", "hadolint shell=powershell",
          "hadolint ignore-file=DL3008", "bulwarkignore=BD001", "syntax=docker/dockerfile:1"}) {
        EXPECT_FALSE(engine::parse_ignore_comment(text)) << text;
    }
}

TEST(IgnoreComment, QuickTestNeverRejectsADirective) {
    // may_be_ignore_comment lets callers skip comments: it must accept everything the parser reads.
    for (const char* text :
         {"bulwark ignore=BD001", "  BULWARK ignore=BD001", "\thadolint ignore=DL3008",
          "HadoLint global ignore=DL3008", "bulwark ingore=BD001", "bulwark ignore BD001", "bulwark",
          "hadolint shell=powershell", "bulwark is run in CI", "install the packages", "bulwarkignore=BD001",
          "", "   ", "hadolint\tignore=DL3008", "syntax=docker/dockerfile:1", "b", "bulwar ignore=BD001",
          // The first word is compared, not scanned: longer words and URLs starting with b/h.
          "hadolint", "bulwarks ignore=BD001", "https://example.com/bulwark"}) {
        bool parsed = engine::parse_ignore_comment(text).has_value();
        bool quick = engine::may_be_ignore_comment(text);
        EXPECT_TRUE(quick || !parsed) << text;
        std::string_view t(text);
        bool named = t.find("ulwark ") != std::string_view::npos ||
                     t.find("ULWARK ") != std::string_view::npos ||
                     t.find("adolint") != std::string_view::npos ||
                     t.find("adoLint") != std::string_view::npos || t == "bulwark";
        EXPECT_EQ(quick, named) << text;
    }
}

TEST(IgnoreComment, TyposAreProblemsNotSilence) {
    auto problems = [](const char* text) {
        std::vector<std::string> out;
        std::optional<engine::IgnoreComment> ic = engine::parse_ignore_comment(text);
        if (!ic) {
            return std::vector<std::string>{"not a directive"};
        }
        for (const auto& p : ic->problems) {
            out.push_back(std::to_string(p.offset) + " " + p.text);
        }
        return out;
    };
    EXPECT_THAT(problems("bulwark ingore=BD001"),
                ElementsAre("8 unknown bulwark directive 'ingore' (did you mean 'ignore'?)"));
    EXPECT_THAT(problems("bulwark ignore BD001"),
                ElementsAre("8 expected '=' after 'ignore' (write ignore=ID[,ID...])"));
    EXPECT_THAT(problems("bulwark ignore="), ElementsAre("15 expected a rule id after 'ignore='"));
    EXPECT_THAT(problems("bulwark ignore=BD001 reson=x"),
                ElementsAre("21 unknown ignore attribute 'reson' (did you mean 'reason'?)"));
    EXPECT_THAT(
        problems("bulwark ignore=BD001 because"),
        ElementsAre(
            "21 unexpected 'because' in ignore comment (expected reason=\"...\" or until=YYYY-MM-DD)"));
    EXPECT_THAT(problems("bulwark ignore=BD001 reason=\"open"),
                ElementsAre("28 missing closing quote in ignore comment"));
}

TEST(InlineSuppress, NextInstructionCoversAllItsLines) {
    ASSERT_GE(rules::all_rules().size(), 2U);
    std::string a = rule_id(0);
    std::string b = rule_id(1);
    Model m(
        "FROM x\n"  // 1
        "# bulwark ignore=" +
        a +
        " reason=\"legacy\"\n"  // 2
        "\n"                    // 3
        "RUN a && \\\n"         // 4
        "    b && \\\n"         // 5
        "    c\n"               // 6
        "RUN d\n");             // 7
    m.comment(2).instruction(1, 1).instruction(4, 6).instruction(7, 7);
    std::vector<core::Finding> fs = {finding(a, 1), finding(a, 4), finding(a, 6), finding(b, 5),
                                     finding(a, 7)};
    std::vector<core::Diagnostic> ds;
    engine::apply_inline_suppressions(m.df, k_today, fs, ds);
    EXPECT_THAT(ds, IsEmpty());
    EXPECT_THAT(states(fs),
                ElementsAre(a + "@1", a + "@4:inline: legacy", a + "@6:inline: legacy", b + "@5", a + "@7"));
}

TEST(InlineSuppress, CommentInsideAContinuedInstructionCoversIt) {
    std::string a = rule_id(0);
    Model m(
        "RUN a && \\\n"
        "    # bulwark ignore=" +
        a +
        "\n"
        "    b\n"
        "RUN c\n");
    m.instruction(1, 3).comment(2).instruction(4, 4);
    std::vector<core::Finding> fs = {finding(a, 3), finding(a, 4)};
    std::vector<core::Diagnostic> ds;
    engine::apply_inline_suppressions(m.df, k_today, fs, ds);
    EXPECT_THAT(states(fs), ElementsAre(a + "@3:inline", a + "@4"));
}

TEST(InlineSuppress, FileScopeAnywhereInTheFile) {
    ASSERT_GE(rules::all_rules().size(), 3U);
    std::string a = rule_id(0);
    std::string b = rule_id(1);
    std::string c = rule_id(2);
    Model m(
        "FROM x\n"
        "RUN y\n"
        "# bulwark ignore-file=" +
        a +
        " reason=\"base image is fixed\"\n"
        "# bulwark global ignore=" +
        b +
        "\n"
        "# bulwark ignore=" +
        c +
        "\n"
        "USER z\n");
    m.instruction(1, 1).instruction(2, 2).comment(3).comment(4).comment(5).instruction(6, 6);
    std::vector<core::Finding> fs = {finding(a, 0), finding(a, 1), finding(b, 2), finding(c, 2),
                                     finding(c, 6)};
    std::vector<core::Diagnostic> ds;
    engine::apply_inline_suppressions(m.df, k_today, fs, ds);
    EXPECT_THAT(ds, IsEmpty());
    EXPECT_THAT(states(fs),
                ElementsAre(a + "@0:file: base image is fixed", a + "@1:file: base image is fixed",
                            b + "@2:file", c + "@2", c + "@6:inline"));
}

TEST(InlineSuppress, HadolintIdsMapThroughEquivalents) {
    const rules::Rule* mapped = nullptr;
    std::string dl;
    for (const rules::Rule* r : rules::all_rules()) {
        auto ids = rules::split_list(r->hadolint);
        if (!ids.empty() && rules::rules_equivalent_to(ids[0]).size() == 1) {
            mapped = r;
            dl = std::string(ids[0]);
            break;
        }
    }
    ASSERT_NE(mapped, nullptr) << "no rule with a hadolint equivalent";
    std::string id(mapped->id);
    Model m(
        "# hadolint global ignore=DL9999\n"
        "FROM x\n"
        "# hadolint ignore=" +
        dl +
        ",DL9998\n"
        "RUN y\n"
        "RUN z\n"
        "# bulwark ignore=" +
        dl +
        "\n"
        "RUN w\n");
    m.comment(1).instruction(2, 2).comment(3).instruction(4, 4).instruction(5, 5).comment(6).instruction(7,
                                                                                                         7);
    std::vector<core::Finding> fs = {finding(id, 4), finding(id, 5), finding(id, 7)};
    std::vector<core::Diagnostic> ds;
    engine::apply_inline_suppressions(m.df, k_today, fs, ds);
    EXPECT_THAT(ds, IsEmpty());  // hadolint ids without a bulwark equivalent are not ours to judge
    EXPECT_THAT(states(fs), ElementsAre(id + "@4:hadolint: " + dl, id + "@5", id + "@7:inline"));
}

TEST(InlineSuppress, ExpiredIgnoresReportAgainWithAWarning) {
    std::string a = rule_id(0);
    Model m(
        "FROM x\n"
        "# bulwark ignore=" +
        a +
        " until=2026-01-01\n"
        "RUN y\n"
        "# bulwark ignore=" +
        a +
        " until=2026-11-23\n"
        "RUN z\n"
        "# bulwark ignore=" +
        a +
        " until=someday\n"
        "RUN w\n");
    m.instruction(1, 1).comment(2).instruction(3, 3).comment(4).instruction(5, 5).comment(6).instruction(7,
                                                                                                         7);
    std::vector<core::Finding> fs = {finding(a, 3), finding(a, 5), finding(a, 7)};
    std::vector<core::Diagnostic> ds;
    engine::apply_inline_suppressions(m.df, k_today, fs, ds);
    size_t until_col =
        2 + std::string("bulwark ignore=").size() + a.size() + std::string(" until=").size() + 1;
    EXPECT_THAT(
        diag_lines(ds),
        ElementsAre("Dockerfile:2:" + std::to_string(until_col) + ": warning: ignore for " + a +
                        " expired on 2026-01-01; the finding is reported again",
                    "Dockerfile:6:" + std::to_string(until_col) +
                        ": warning: until=someday is not a date (YYYY-MM-DD); the ignore is not applied"));
    // The last day is still covered; a bad date never suppresses.
    EXPECT_THAT(states(fs), ElementsAre(a + "@3", a + "@5:inline", a + "@7"));
}

TEST(InlineSuppress, UnknownIdsAndAllWarnAtTheId) {
    std::string a = rule_id(0);
    Model m(
        "FROM x\n"
        "  # bulwark ignore=BD999," +
        a +
        ",all\n"
        "RUN y\n"
        "# bulwark ignore=" +
        a + "\n");
    m.instruction(1, 1).comment(2).instruction(3, 3).comment(4);
    std::vector<core::Finding> fs = {finding(a, 3)};
    std::vector<core::Diagnostic> ds;
    engine::apply_inline_suppressions(m.df, k_today, fs, ds);
    size_t all_col = 27 + a.size();
    EXPECT_THAT(
        diag_lines(ds),
        ElementsAre("Dockerfile:2:20: warning: unknown rule id 'BD999' in ignore comment",
                    "Dockerfile:2:" + std::to_string(all_col) +
                        ": warning: 'all' is not accepted in an ignore: name the rule ids (an ignore-all "
                        "would also hide rules added later)",
                    "Dockerfile:4:3: warning: ignore comment is not followed by an instruction; it has no "
                    "effect"));
    EXPECT_THAT(states(fs), ElementsAre(a + "@3:inline"));  // the known id still applies
}

TEST(InlineSuppress, SyntaxProblemsAreWarningsAtTheirColumn) {
    Model m("# bulwark ingore=BD001\nFROM x\n");
    m.comment(1).instruction(2, 2);
    std::vector<core::Finding> fs;
    std::vector<core::Diagnostic> ds;
    engine::apply_inline_suppressions(m.df, k_today, fs, ds);
    EXPECT_THAT(
        diag_lines(ds),
        ElementsAre("Dockerfile:1:11: warning: unknown bulwark directive 'ingore' (did you mean 'ignore'?)"));
}

TEST(InlineSuppress, AlreadySuppressedFindingsKeepTheirLabel) {
    std::string a = rule_id(0);
    Model m("# bulwark ignore=" + a + "\nFROM x\n");
    m.comment(1).instruction(2, 2);
    std::vector<core::Finding> fs = {finding(a, 2)};
    fs[0].suppressed = true;
    fs[0].suppression = "earlier";
    std::vector<core::Diagnostic> ds;
    engine::apply_inline_suppressions(m.df, k_today, fs, ds);
    EXPECT_THAT(states(fs), ElementsAre(a + "@2:earlier"));
}

TEST(InlineSuppress, WorksOnTheParsersModel) {
    ASSERT_GE(rules::all_rules().size(), 2U);
    std::string a = rule_id(0);
    std::string b = rule_id(1);
    model::Dockerfile df = bulwark::testing::analyze_text(
        "FROM debian:12\n"            // 1
        "RUN apt-get update && \\\n"  // 2
        "    # bulwark ignore=" +
        a +
        " reason=\"x\"\n"                // 3
        "    apt-get install -y curl\n"  // 4
        "\t# bulwark ignore=" +
        b +
        ",BD999\n"       // 5
        "\n"             // 6
        "USER root\n");  // 7
    std::vector<core::Finding> fs = {finding(a, 2), finding(a, 4), finding(b, 4), finding(b, 7),
                                     finding(a, 7)};
    std::vector<core::Diagnostic> ds;
    engine::apply_inline_suppressions(df, k_today, fs, ds);
    EXPECT_THAT(states(fs),
                ElementsAre(a + "@2:inline: x", a + "@4:inline: x", b + "@4", b + "@7:inline", a + "@7"));
    EXPECT_THAT(diag_lines(ds), ElementsAre("Dockerfile:5:" + std::to_string(18 + b.size() + 2) +
                                            ": warning: unknown rule id 'BD999' in ignore comment"));
}
