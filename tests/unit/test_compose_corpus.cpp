// Every real-world compose file of the shared corpus loads without a crash and without an error
// diagnostic, except the few files docker compose itself rejects (listed with the reason).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "bulwark/core/diagnostic.hpp"
#include "bulwark/engine/compose_scan.hpp"
#include "compose_test_helpers.hpp"
#include "support/corpus.hpp"
#include "support/scan_helpers.hpp"

namespace bulwark {
namespace {

namespace fs = std::filesystem;

// Paths relative to the corpus directory -> why docker compose refuses the file as it is stored
// (checked by hand against the Compose Specification).
// Files that refer to files outside the corpus (extends, include, env_file) only get warnings.
const std::map<std::string, std::string> k_really_invalid = {
    // `${WIREGUARD_PRIVATE_KEY:?...}` and two more: required variables the corpus does not define;
    // docker compose refuses to start without them.
    {"Haxxnet__Compose-Examples/examples__arr-suite__docker-compose.yml", "required variables (:?) not set"},
    // `${DATABASE_PASSWORD:?err}`.
    {"Haxxnet__Compose-Examples/examples__firezone__docker-compose.yml", "required variable (:?) not set"},
    // `EMAIL_SERVER_PASSWORD: ******` is an alias to an undefined anchor: not YAML.
    {"vimagick__dockerfiles/calendso__docker-compose.yml", "alias to an undefined anchor"},
    // `restart: unless-stopped` indented as a service name: services.restart must be a map.
    {"vimagick__dockerfiles/openldap__docker-compose.yml", "restart written at the level of services"},
};

TEST(ComposeCorpus, EveryComposeFileLoadsWithoutErrors) {
    fs::path dir = fs::path(BULWARK_SHARED_DIR) / "corpus" / "compose";
    if (!fs::is_directory(dir)) {
        GTEST_SKIP() << "corpus not found at " << dir.string();
    }
    std::vector<fs::path> files = bulwark::testing::corpus_files(dir);
    ASSERT_FALSE(files.empty());

    // Files are scanned from memory: what they refer to (env_file, extends files) is not in the
    // corpus, so reading goes through a filesystem that has nothing.
    testing::MemoryFs nothing;
    core::Policy policy = bulwark::testing::test_policy();
    const engine::InputKind* kind = engine::find_input_kind("compose");
    ASSERT_NE(kind, nullptr);
    size_t services = 0;
    for (const fs::path& p : files) {
        std::string rel = fs::relative(p, dir).generic_string();
        std::string text = bulwark::testing::read_corpus_file(p);
        auto source = std::make_shared<const util::SourceFile>(rel, text);
        report::FileResult result = kind->scan(source, engine::InputContext{nothing, policy});
        std::string errors;
        for (const core::Diagnostic& d : result.diagnostics) {
            if (d.level == core::DiagLevel::error) {
                errors += core::format_diagnostic(d, source.get());
            }
        }
        if (k_really_invalid.count(rel) != 0) {
            EXPECT_NE(errors, "") << rel << " is listed as invalid (" << k_really_invalid.at(rel)
                                  << ") but loads cleanly";
        } else {
            EXPECT_EQ(errors, "") << rel;
        }
        services += testing::load_compose(text, &nothing, {}, rel).project.containers.size();
    }
    EXPECT_GT(services, files.size());
}

}  // namespace
}  // namespace bulwark
