// The build context of a Dockerfile scanned from disk (engine/context_scan over an in-memory
// filesystem): which ignore file applies, which files are sent and copied, secrets by name and
// content, and the rules' verdicts and locations.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "bulwark/engine/context_scan.hpp"
#include "bulwark/engine/inputs.hpp"
#include "bulwark/engine/scan.hpp"
#include "support/forwarding_fs.hpp"
#include "support/memory_fs.hpp"
#include "support/scan_helpers.hpp"

using namespace bulwark;

namespace {

const std::string k_token = "ghp_kxwnQrS7RPeMOkIUpkDyr7OSJoRu1XXdo0cZ";

report::FileResult scan_context(const util::FileSystem& fs, const std::string& path, const std::string& text,
                                core::NameSet rules = {"BD150", "BD151", "BD152", "BD153"},
                                engine::ContextCache* cache = nullptr) {
    core::Policy policy = bulwark::testing::test_policy(std::move(rules));
    const engine::InputKind* kind = engine::find_input_kind("dockerfile");
    return kind->scan(std::make_shared<const util::SourceFile>(path, text),
                      engine::InputContext{fs, policy, cache});
}

report::FileResult scan_context(const bulwark::testing::MemoryFs& fs, const std::string& path,
                                core::NameSet rules = {"BD150", "BD151", "BD152", "BD153"}) {
    return scan_context(fs, path, fs.files.at(path), std::move(rules));
}

/// Counts the walks and reads that reach the files.
class CountingFs final : public util::FileSystem {
  public:
    explicit CountingFs(const bulwark::testing::MemoryFs& inner) : inner_(inner) {}
    util::ReadResult read(const std::string& path, uint64_t max_bytes) const override {
        ++reads[path];
        return inner_.read(path, max_bytes);
    }
    bool is_directory(const std::string& path) const override { return inner_.is_directory(path); }
    bool exists(const std::string& path) const override { return inner_.exists(path); }
    std::vector<std::string> walk(const std::string& dir,
                                  const std::vector<std::string>& skip) const override {
        ++walks;
        return inner_.walk(dir, skip);
    }
    mutable int walks = 0;
    mutable std::map<std::string, int> reads;

  private:
    const bulwark::testing::MemoryFs& inner_;
};

std::vector<const core::Finding*> of_rule(const report::FileResult& r, const std::string& id) {
    std::vector<const core::Finding*> out;
    for (const core::Finding& f : r.findings) {
        if (f.rule_id == id) {
            out.push_back(&f);
        }
    }
    return out;
}

TEST(ContextScan, CopyAllOfSecretFileIsHighAtTheCopy) {
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nRUN true\nCOPY . /app\n";
    fs.files["/ctx/id_rsa"] = "not a real key";
    fs.files["/ctx/src/main.c"] = "int main(){}";
    report::FileResult r = scan_context(fs, "/ctx/Dockerfile");
    auto found = of_rule(r, "BD150");
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0]->location.line, 3U);
    EXPECT_EQ(found[0]->location.column, 6U);  // the `.` source
    EXPECT_EQ(found[0]->severity, core::Severity::high);
    EXPECT_NE(found[0]->message.find("`id_rsa`"), std::string::npos) << found[0]->message;
    EXPECT_NE(found[0]->message.find("into the image"), std::string::npos) << found[0]->message;
    // No .dockerignore and a secret file: BD152 at the top of the Dockerfile.
    auto missing = of_rule(r, "BD152");
    ASSERT_EQ(missing.size(), 1U);
    EXPECT_EQ(missing[0]->location.line, 1U);
    EXPECT_EQ(missing[0]->severity, core::Severity::medium);
}

TEST(ContextScan, IgnoredSecretIsNotReportedAndDockerfileIgnoreWins) {
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/app.Dockerfile"] = "FROM alpine:3.20\nCOPY . /app\n";
    fs.files["/ctx/.env"] = "API_TOKEN=" + k_token + "\n";
    fs.files["/ctx/.dockerignore"] = "*.md\n";                // does not exclude .env
    fs.files["/ctx/app.Dockerfile.dockerignore"] = ".env\n";  // wins: .env is not sent
    report::FileResult r = scan_context(fs, "/ctx/app.Dockerfile");
    EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
    fs.files.erase("/ctx/app.Dockerfile.dockerignore");
    r = scan_context(fs, "/ctx/app.Dockerfile");
    EXPECT_EQ(of_rule(r, "BD150").size(), 1U);
    auto content = of_rule(r, "BD151");
    ASSERT_EQ(content.size(), 1U);
    EXPECT_NE(content[0]->message.find("`.env` line 1"), std::string::npos) << content[0]->message;
    EXPECT_EQ(content[0]->location.line, 2U);
    EXPECT_TRUE(of_rule(r, "BD152").empty());  // there is a .dockerignore
}

TEST(ContextScan, SentButNotCopiedPointsAtTheTop) {
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] = "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nCOPY src/ /app/\n";
    fs.files["/ctx/src/app.py"] = "print(1)\n";
    fs.files["/ctx/deploy/settings.ini"] = "token = " + k_token + "\n";
    fs.files["/ctx/.git/config"] = "[core]\n";
    report::FileResult r = scan_context(fs, "/ctx/Dockerfile");
    auto content = of_rule(r, "BD151");
    ASSERT_EQ(content.size(), 1U);
    EXPECT_EQ(content[0]->location.line, 2U);  // the first instruction, after the parser directive
    EXPECT_EQ(content[0]->severity, core::Severity::medium);
    auto missing = of_rule(r, "BD152");
    ASSERT_EQ(missing.size(), 1U);
    EXPECT_NE(missing[0]->message.find("`.git`, `deploy/settings.ini`"), std::string::npos)
        << missing[0]->message;
}

TEST(ContextScan, BuildOnlyStageAndFromCopiesAndExcludes) {
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] =
        "FROM golang:1.22 AS build\nCOPY s* /src/\nRUN go build\n"
        "FROM alpine:3.20\nCOPY --from=build /src/app /app\nCOPY --exclude=*.pem certs/ /certs/\n";
    fs.files["/ctx/.dockerignore"] = ".git\n";
    fs.files["/ctx/server.key"] = "x";
    fs.files["/ctx/certs/client.pem"] = "x";
    report::FileResult r = scan_context(fs, "/ctx/Dockerfile");
    auto found = of_rule(r, "BD150");
    ASSERT_EQ(found.size(), 2U);
    // certs/client.pem: left out of its COPY by --exclude (relative to the copied directory), so
    // only sent (at the first instruction).
    EXPECT_EQ(found[0]->location.line, 1U);
    EXPECT_NE(found[0]->message.find("certs/client.pem"), std::string::npos) << found[0]->message;
    // server.key: copied by the build stage only.
    EXPECT_EQ(found[1]->location.line, 2U);
    EXPECT_EQ(found[1]->severity, core::Severity::medium);
    EXPECT_NE(found[1]->message.find("not shipped"), std::string::npos) << found[1]->message;
}

TEST(ContextScan, ExceptionReincludingASecretPointsIntoTheIgnoreFile) {
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY config/app.yaml /etc/app.yaml\n";
    fs.files["/ctx/.dockerignore"] = "config\n!config/*\n";
    fs.files["/ctx/config/app.yaml"] = "a: 1\n";
    fs.files["/ctx/config/id_ed25519"] = "x";
    report::FileResult r = scan_context(fs, "/ctx/Dockerfile");
    auto found = of_rule(r, "BD153");
    ASSERT_EQ(found.size(), 1U);
    EXPECT_EQ(found[0]->location.file, "/ctx/.dockerignore");
    EXPECT_EQ(found[0]->location.line, 2U);
    EXPECT_EQ(found[0]->evidence, "!config/*");
}

TEST(ContextScan, BadIgnoreFileIsADiagnosticAndNoVerdict) {
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY . /app\n";
    fs.files["/ctx/.dockerignore"] = "ok\nsrc/[a-\n";
    fs.files["/ctx/id_rsa"] = "x";
    report::FileResult r = scan_context(fs, "/ctx/Dockerfile");
    EXPECT_TRUE(r.findings.empty());
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].location.file, "/ctx/.dockerignore");
    EXPECT_EQ(r.diagnostics[0].location.line, 2U);
    EXPECT_EQ(r.diagnostics[0].level, core::DiagLevel::error);
    // Printed with the .dockerignore line and a caret, not only `path:line:col`.
    std::string text =
        core::format_diagnostic(r.diagnostics[0], r.source_for(r.diagnostics[0].location.file));
    EXPECT_NE(text.find("\nsrc/[a-\n"), std::string::npos) << text;
    EXPECT_NE(text.find('^'), std::string::npos) << text;
}

TEST(ContextScan, AnIgnoreFileOverMaxFileSizeIsNamedWithItsSize) {
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY . /app\n";
    fs.files["/ctx/.dockerignore"] = std::string(99, '#') + "\n";
    fs.files["/ctx/id_rsa"] = "x";
    core::Policy policy = bulwark::testing::test_policy({"BD150", "BD151", "BD152", "BD153"});
    const engine::InputKind* kind = engine::find_input_kind("dockerfile");
    auto src = std::make_shared<const util::SourceFile>("/ctx/Dockerfile", fs.files.at("/ctx/Dockerfile"));
    engine::InputContext ctx{fs, policy};
    ctx.max_file_size = 64;  // --max-file-size 64: the .dockerignore (100 bytes) is over it
    report::FileResult r = kind->scan(src, ctx);
    EXPECT_TRUE(r.findings.empty());
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].location.file, "/ctx/.dockerignore");
    EXPECT_EQ(r.diagnostics[0].message,
              "cannot read ignore file: file too large: 100 bytes (limit 64 bytes, see --max-file-size); "
              "build context not analysed");
    // Under the limit the same ignore file is read and the context judged.
    ctx.max_file_size = 1024;
    EXPECT_TRUE(kind->scan(src, ctx).diagnostics.empty());
    EXPECT_FALSE(kind->scan(src, ctx).findings.empty());
}

TEST(ContextScan, NotOnDiskOrRulesOffMeansNoContext) {
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/id_rsa"] = "x";
    core::Policy policy = bulwark::testing::test_policy({"BD150"});
    const engine::InputKind* kind = engine::find_input_kind("dockerfile");
    auto src = std::make_shared<const util::SourceFile>("<stdin>", "FROM alpine:3.20\nCOPY . /app\n");
    EXPECT_TRUE(kind->scan(src, engine::InputContext{fs, policy}).findings.empty());
    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY . /app\n";
    for (const core::Finding& f : scan_context(fs, "/ctx/Dockerfile", {"BD001"}).findings) {
        EXPECT_EQ(f.rule_id, "BD001");
    }
    EXPECT_EQ(scan_context(fs, "/ctx/Dockerfile", {"BD150"}).findings.size(), 1U);
}

TEST(ContextScan, InlineIgnoreCommentSuppresses) {
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\n# bulwark ignore=BD150\nCOPY . /app\n";
    fs.files["/ctx/id_rsa"] = "x";
    report::FileResult r = scan_context(fs, "/ctx/Dockerfile", {"BD150"});
    ASSERT_EQ(r.findings.size(), 1U);
    EXPECT_TRUE(r.findings[0].suppressed);
}

}  // namespace

TEST(ContextScan, DockerfilesOfOneDirectoryShareOneWalkAndReadButKeepTheirIgnoreFiles) {
    bulwark::testing::MemoryFs files;
    files.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY . /app\n";
    files.files["/ctx/Dockerfile.dev"] = "FROM alpine:3.20\nCOPY . /app\n";
    files.files["/ctx/Dockerfile.dev.dockerignore"] = "settings.ini\n";  // only Dockerfile.dev's
    files.files["/ctx/settings.ini"] = "token = " + k_token + "\n";
    files.files["/ctx/src/app.py"] = "print(1)\n";
    CountingFs fs(files);
    engine::ContextCache cache;
    core::NameSet rules = {"BD150", "BD151", "BD152", "BD153"};
    report::FileResult prod =
        scan_context(fs, "/ctx/Dockerfile", files.files["/ctx/Dockerfile"], rules, &cache);
    report::FileResult dev =
        scan_context(fs, "/ctx/Dockerfile.dev", files.files["/ctx/Dockerfile.dev"], rules, &cache);
    report::FileResult again =
        scan_context(fs, "/ctx/Dockerfile", files.files["/ctx/Dockerfile"], rules, &cache);
    EXPECT_EQ(fs.walks, 1);
    EXPECT_EQ(fs.reads["/ctx/settings.ini"], 1);
    EXPECT_EQ(fs.reads["/ctx/src/app.py"], 1);
    ASSERT_EQ(of_rule(prod, "BD151").size(), 1U);  // sent by Dockerfile (no ignore file): reported
    EXPECT_NE(of_rule(prod, "BD151")[0]->message.find("`settings.ini` line 1"), std::string::npos);
    EXPECT_TRUE(of_rule(dev, "BD151").empty());  // Dockerfile.dev's ignore file keeps it out
    ASSERT_EQ(again.findings.size(), prod.findings.size());
    for (size_t i = 0; i < prod.findings.size(); ++i) {
        EXPECT_EQ(again.findings[i].message, prod.findings[i].message);
    }
    // Without a shared cache each Dockerfile walks its own context.
    scan_context(fs, "/ctx/Dockerfile", files.files["/ctx/Dockerfile"], rules);
    EXPECT_EQ(fs.walks, 2);
}

TEST(ContextScan, EverySentFileIsReadUntilTheBytesReachTheBudget) {
    // Many small files: all are read (the budget counts bytes, not files), so a secret in the
    // 150th is found and no note says anything was left unread.
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY . /app\n";
    fs.files["/ctx/.dockerignore"] = ".git\n";
    for (int i = 0; i < 150; ++i) {
        fs.files[fmt::format("/ctx/src/f{:03}.txt", i)] = "nothing here\n";
    }
    fs.files["/ctx/src/f149.txt"] = "token = " + k_token + "\n";
    report::FileResult r = scan_context(fs, "/ctx/Dockerfile");
    auto content = of_rule(r, "BD151");
    ASSERT_EQ(content.size(), 1U);
    EXPECT_NE(content[0]->message.find("`src/f149.txt` line 1"), std::string::npos) << content[0]->message;
    EXPECT_TRUE(r.diagnostics.empty()) << r.diagnostics.front().message;
}

TEST(ContextScan, FilesPastTheReadBudgetOrOverTheSizeCapAreNamedInANote) {
    // 70 sent files of 1,000,000 bytes: the first 68 reach 64 MiB (67,108,864 bytes), so the last
    // two are not read, and a secret in one of them is not found; one file over 1 MiB is not read
    // either. A note on the Dockerfile counts both.
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY . /app\n";
    fs.files["/ctx/.dockerignore"] = ".git\n";
    const std::string filler(1000000, 'x');
    for (int i = 0; i < 70; ++i) {
        fs.files[fmt::format("/ctx/data/f{:02}.txt", i)] = filler;
    }
    fs.files["/ctx/data/f00.txt"] = "token = " + k_token + "\n" + filler;  // read: found
    fs.files["/ctx/data/f69.txt"] = "token = " + k_token + "\n" + filler;  // past the budget
    fs.files["/ctx/big.bin"] = std::string((1U << 20U) + 1, 'y');
    report::FileResult r = scan_context(fs, "/ctx/Dockerfile");
    auto content = of_rule(r, "BD151");
    ASSERT_EQ(content.size(), 1U);
    EXPECT_NE(content[0]->message.find("`data/f00.txt`"), std::string::npos) << content[0]->message;
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].level, core::DiagLevel::note);
    EXPECT_EQ(r.diagnostics[0].message,
              "build context /ctx: 3 sent files were not scanned for secrets (1 over 1 MiB, 2 past the "
              "first 64 MiB read)");
}

TEST(ContextScan, ASentFileThatCannotBeReadIsNamedInTheNote) {
    bulwark::testing::MemoryFs files;
    files.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY . /app\n";
    files.files["/ctx/.dockerignore"] = ".git\n";
    files.files["/ctx/private.txt"] = "token = " + k_token + "\n";
    bulwark::testing::DenyingReadFs fs(files, "/ctx/private.txt");
    report::FileResult r = scan_context(fs, "/ctx/Dockerfile", files.files.at("/ctx/Dockerfile"));
    EXPECT_TRUE(of_rule(r, "BD151").empty());
    ASSERT_EQ(r.diagnostics.size(), 1U);
    EXPECT_EQ(r.diagnostics[0].level, core::DiagLevel::note);
    EXPECT_EQ(r.diagnostics[0].message,
              "build context /ctx: 1 sent file was not scanned for secrets (1 unreadable)");
}

TEST(ContextScan, ASecretInAnotherDockerfileCountsOnlyWhenACopyTakesIt) {
    // Dockerfile.dev's secret is BD022's finding in Dockerfile.dev; sending it to the builder is what
    // building with Dockerfile.dev does anyway. Copied into the image, it is a context finding.
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY app/ /app/\n";
    fs.files["/ctx/Dockerfile.dev"] = "FROM alpine:3.20\nENV GITHUB_TOKEN=" + k_token + "\n";
    fs.files["/ctx/notes.txt"] = "token = " + k_token + "\n";
    fs.files["/ctx/app/main.py"] = "print(1)\n";
    report::FileResult r = scan_context(fs, "/ctx/Dockerfile");
    auto content = of_rule(r, "BD151");
    ASSERT_EQ(content.size(), 1U);
    EXPECT_NE(content[0]->message.find("`notes.txt`"), std::string::npos) << content[0]->message;
    auto missing = of_rule(r, "BD152");
    ASSERT_EQ(missing.size(), 1U);
    EXPECT_EQ(missing[0]->message.find("Dockerfile.dev"), std::string::npos) << missing[0]->message;

    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY . /app/\n";
    r = scan_context(fs, "/ctx/Dockerfile");
    content = of_rule(r, "BD151");
    ASSERT_EQ(content.size(), 2U);
    EXPECT_NE(content[0]->message.find("`Dockerfile.dev` line 2"), std::string::npos) << content[0]->message;
    EXPECT_EQ(content[0]->severity, core::Severity::critical);  // copied into the image: the secret's own
}

TEST(ContextScan, TheDockerfileItselfIsNotReadAsAContextSecretButOthersAre) {
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\n# " + k_token + "\nCOPY . /app\n";
    fs.files["/ctx/Dockerfile.ci"] = "FROM alpine:3.20\nCOPY . /app\n";
    fs.files["/ctx/.dockerignore"] = "*.md\n";
    engine::ContextCache cache;
    core::NameSet rules = {"BD151"};
    report::FileResult own = scan_context(fs, "/ctx/Dockerfile", fs.files["/ctx/Dockerfile"], rules, &cache);
    report::FileResult other =
        scan_context(fs, "/ctx/Dockerfile.ci", fs.files["/ctx/Dockerfile.ci"], rules, &cache);
    EXPECT_TRUE(of_rule(own, "BD151").empty());     // its own secrets are the Dockerfile rules' findings
    ASSERT_EQ(of_rule(other, "BD151").size(), 1U);  // but Dockerfile is sent with Dockerfile.ci
    EXPECT_NE(of_rule(other, "BD151")[0]->message.find("`Dockerfile` line 2"), std::string::npos);
}

TEST(ContextScan, AScanReadsASiblingInputOnceAndFindsTheSame) {
    // A sibling's context scan reads Dockerfile.a and Dockerfile.b before the scan reaches them; the
    // scan takes those bytes instead of reading the files again, with the same findings.
    bulwark::testing::MemoryFs files;
    files.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY . /app\n";
    files.files["/ctx/Dockerfile.a"] = "FROM alpine:3.20\n# " + k_token + "\nCOPY . /app\n";
    files.files["/ctx/Dockerfile.b"] = "FROM alpine:3.20\nRUN echo b\n";
    CountingFs fs(files);
    engine::ScanOptions opts;
    opts.cli_policy = bulwark::testing::test_policy();
    opts.paths = {"/ctx/Dockerfile", "/ctx/Dockerfile.a", "/ctx/Dockerfile.b"};
    opts.jobs = 1;
    report::Report rep = engine::scan(fs, opts);
    EXPECT_EQ(fs.reads["/ctx/Dockerfile"], 2);  // scanned, then read by its own context scan
    EXPECT_EQ(fs.reads["/ctx/Dockerfile.a"], 1);
    EXPECT_EQ(fs.reads["/ctx/Dockerfile.b"], 1);
    ASSERT_EQ(rep.files.size(), 3U);
    for (const report::FileResult& got : rep.files) {
        engine::ContextCache fresh;  // each file alone: read from the files, nothing shared
        core::Policy policy = bulwark::testing::test_policy();
        report::FileResult want =
            engine::find_input_kind("dockerfile")
                ->scan(std::make_shared<const util::SourceFile>(got.path, files.files[got.path]),
                       engine::InputContext{files, policy, &fresh});
        ASSERT_EQ(got.findings.size(), want.findings.size()) << got.path;
        for (size_t i = 0; i < want.findings.size(); ++i) {
            EXPECT_EQ(got.findings[i].rule_id, want.findings[i].rule_id);
            EXPECT_EQ(got.findings[i].message, want.findings[i].message);
            EXPECT_EQ(got.findings[i].location.line, want.findings[i].location.line);
        }
    }
    EXPECT_FALSE(of_rule(rep.files[0], "BD151").empty());  // Dockerfile.a's token, sent with Dockerfile
    // ... and in Dockerfile.a itself, found by BD022 from the context scan's matches (same findings as
    // a scan of its own, compared above).
    EXPECT_EQ(of_rule(rep.files[1], "BD022").size(), 1U);
    // An input larger than --max-file-size is still refused when a sibling's context scan read it.
    opts.max_file_size = 40;  // Dockerfile and Dockerfile.b are shorter, Dockerfile.a is longer
    report::Report small = engine::scan(fs, opts);
    ASSERT_EQ(small.files.size(), 3U);
    ASSERT_EQ(small.files[1].path, "/ctx/Dockerfile.a");
    ASSERT_EQ(small.files[1].diagnostics.size(), 1U);
    EXPECT_NE(small.files[1].diagnostics[0].message.find("file too large"), std::string::npos);
    EXPECT_EQ(small.files[2].findings.size(), rep.files[2].findings.size());
}

TEST(ContextScan, WithoutKeepSourcesOnlyFilesWithDiagnosticsKeepTheirText) {
    // No text output: a file's text is dropped after its scan, unless its diagnostics are printed
    // with their line and caret; findings and diagnostics are the same either way.
    bulwark::testing::MemoryFs fs;
    fs.files["/ctx/Dockerfile"] = "FROM alpine:3.20\nCOPY . /app\n";
    fs.files["/ctx/Dockerfile.bad"] = "FROM alpine:3.20\nFROBNICATE x\n";
    engine::ScanOptions opts;
    opts.cli_policy = bulwark::testing::test_policy();
    opts.paths = {"/ctx/Dockerfile", "/ctx/Dockerfile.bad"};
    opts.jobs = 1;
    report::Report kept = engine::scan(fs, opts);
    opts.keep_sources = false;
    report::Report dropped = engine::scan(fs, opts);
    ASSERT_EQ(kept.files.size(), 2U);
    ASSERT_EQ(dropped.files.size(), 2U);
    EXPECT_NE(kept.files[0].source, nullptr);
    EXPECT_EQ(dropped.files[0].source, nullptr);
    ASSERT_FALSE(dropped.files[1].diagnostics.empty());
    ASSERT_NE(dropped.files[1].source, nullptr);
    EXPECT_EQ(dropped.files[1].source->text(), fs.files["/ctx/Dockerfile.bad"]);
    for (size_t i = 0; i < 2; ++i) {
        EXPECT_EQ(dropped.files[i].findings.size(), kept.files[i].findings.size());
        EXPECT_EQ(dropped.files[i].diagnostics.size(), kept.files[i].diagnostics.size());
    }
}
