// Every real-world Dockerfile of the shared corpus goes through the whole pipeline without an
// error diagnostic, except the few files that Docker itself rejects.
#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "bulwark/core/diagnostic.hpp"
#include "support/corpus.hpp"
#include "support/scan_helpers.hpp"

namespace bulwark {
namespace {

namespace fs = std::filesystem;

// Paths relative to the corpus directory -> why BuildKit refuses the file (checked by hand
// against the Dockerfile reference).
const std::map<std::string, std::string> k_really_invalid = {
    // Line 42 ends the ENV without a continuation, so line 43 `MAINPY="main.py" \` starts a new
    // instruction (joined with the next ENV): "unknown instruction: MAINPY=...".
    {"oracle__docker-images/OracleDatabase__GDD__containerfiles__19.3.0__Dockerfile_19c",
     "unknown instruction after a missing line continuation"},
    // `COPY --from build ...`: a string flag needs `--from=build`; BuildKit says "missing a value
    // on flag: from".
    {"vimagick__dockerfiles/obs-web-arm__Dockerfile", "--from without '='"},
    // VS Code dev-container templates: `${templateOption:imageVariant}` is a placeholder for the
    // template tool; in FROM, BuildKit's word expansion rejects it ("unsupported modifier (i) in
    // substitution", only :- :+ :? exist).
    {"microsoft__vscode-dev-containers/containers__azure-bicep__.devcontainer__Dockerfile",
     "template placeholder in FROM"},
    {"microsoft__vscode-dev-containers/containers__azure-functions-node__.devcontainer__Dockerfile",
     "template placeholder in FROM"},
};

TEST(Corpus, EveryDockerfileScansWithoutErrors) {
    fs::path dir = fs::path(BULWARK_SHARED_DIR) / "corpus" / "dockerfiles";
    if (!fs::is_directory(dir)) {
        GTEST_SKIP() << "corpus not found at " << dir.string();
    }
    std::vector<fs::path> files = bulwark::testing::corpus_files(dir);
    ASSERT_FALSE(files.empty());

    core::Policy policy = bulwark::testing::test_policy();
    size_t instructions_seen = 0;
    for (const fs::path& p : files) {
        std::string rel = fs::relative(p, dir).generic_string();
        auto source = std::make_shared<const util::SourceFile>(rel, bulwark::testing::read_corpus_file(p));
        report::FileResult result = engine::scan_dockerfile(source, policy);
        std::string errors;
        for (const core::Diagnostic& d : result.diagnostics) {
            if (d.level == core::DiagLevel::error) {
                errors += core::format_diagnostic(d, source.get());
            }
        }
        if (k_really_invalid.count(rel) != 0) {
            EXPECT_NE(errors, "") << rel << " is listed as invalid (" << k_really_invalid.at(rel)
                                  << ") but scans cleanly";
        } else {
            EXPECT_EQ(errors, "") << rel;
        }
        instructions_seen += input::dockerfile::parse(source).instructions.size();
    }
    EXPECT_GT(instructions_seen, files.size());
}

}  // namespace
}  // namespace bulwark
