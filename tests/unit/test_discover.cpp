// Discovery of explicit arguments: the kinds of many files of one directory come from one listing of
// it, and give what a stat of each gives.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "bulwark/engine/discover.hpp"
#include "bulwark/engine/inputs.hpp"
#include "bulwark/model/dockerfile.hpp"
#include "bulwark/util/filesystem.hpp"
#include "support/forwarding_fs.hpp"

using namespace bulwark;

namespace {

namespace fs = std::filesystem;

/// The real disk, counting kind() lookups and listings; listings can be turned off (then the
/// FileSystem default, nullopt, answers).
class CountingDisk final : public util::FileSystem {
  public:
    explicit CountingDisk(bool with_listings) : listings_(with_listings) {}
    util::ReadResult read(const std::string& path, uint64_t max_bytes) const override {
        return disk().read(path, max_bytes);
    }
    bool is_directory(const std::string& path) const override { return disk().is_directory(path); }
    bool exists(const std::string& path) const override { return disk().exists(path); }
    util::PathKind kind(const std::string& path) const override {
        ++kinds;
        return disk().kind(path);
    }
    std::optional<std::vector<std::pair<std::string, util::PathKind>>> list_kinds(
        const std::string& dir, size_t max_entries) const override {
        ++listings;
        return listings_ ? disk().list_kinds(dir, max_entries) : std::nullopt;
    }
    std::vector<std::string> walk(const std::string& dir,
                                  const std::vector<std::string>& skip) const override {
        return disk().walk(dir, skip);
    }
    mutable int kinds = 0;
    mutable int listings = 0;

  private:
    static const util::FileSystem& disk() { return util::real_filesystem(); }
    bool listings_;
};

class DiscoverTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("bulwark-discover-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_ / "many" / "sub");
        fs::create_directories(dir_ / "few");
        std::ofstream(dir_ / "many" / "sub" / "Dockerfile") << "FROM alpine:3.20\n";
        for (int i = 0; i < 10; ++i) {
            std::ofstream(dir_ / "many" / ("f" + std::to_string(i) + ".Dockerfile")) << "FROM alpine:3.20\n";
        }
        fs::create_symlink("f0.Dockerfile", dir_ / "many" / "link.Dockerfile");
        fs::create_symlink("sub", dir_ / "many" / "sublink");
        ::mkfifo((dir_ / "many" / "fifo").c_str(), 0600);
        for (int i = 0; i < 3; ++i) {
            std::ofstream(dir_ / "few" / ("g" + std::to_string(i))) << "FROM alpine:3.20\n";
        }
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string at(const std::string& rel) const { return (dir_ / rel).string(); }
    fs::path dir_;
};

std::vector<std::string> described(const engine::Discovery& d) {
    std::vector<std::string> out;
    for (const engine::Input& in : d.inputs) {
        out.push_back(in.path + " " + in.root + " " + std::string(in.kind->name));
    }
    for (const core::Diagnostic& diag : d.diagnostics) {
        out.push_back(diag.location.file + ": " + diag.message);
    }
    return out;
}

TEST_F(DiscoverTest, ListKindsTypesRegularFilesAndDirectoriesOnly) {
    const util::FileSystem& disk = util::real_filesystem();
    auto listing = disk.list_kinds(at("many"), 100);
    ASSERT_TRUE(listing.has_value());
    std::vector<std::pair<std::string, util::PathKind>> want;
    for (int i = 0; i < 10; ++i) {
        want.emplace_back("f" + std::to_string(i) + ".Dockerfile", util::PathKind::other);
    }
    want.emplace_back("sub", util::PathKind::directory);  // not ".", "..", the links nor the fifo
    EXPECT_EQ(*listing, want);
    // 14 entries: a listing allowed 13 stops and answers nothing; 14 is enough.
    EXPECT_FALSE(disk.list_kinds(at("many"), 13).has_value());
    EXPECT_TRUE(disk.list_kinds(at("many"), 14).has_value());
    EXPECT_FALSE(disk.list_kinds(at("missing"), 100).has_value());
    EXPECT_FALSE(disk.list_kinds(at("few/g0"), 100).has_value());  // a file
}

TEST_F(DiscoverTest, ArgumentsSharingADirectoryAreTypedByOneListingAsStatTypesThem) {
    std::vector<std::string> args;
    for (int i = 9; i >= 0; --i) {
        args.push_back(at("many/f" + std::to_string(i) + ".Dockerfile"));
    }
    for (const char* rel : {"many/sub", "many/link.Dockerfile", "many/sublink", "many/fifo", "many/missing",
                            "few/g0", "few/g1", "few/g2"}) {
        args.push_back(at(rel));
    }
    args.push_back("-");
    CountingDisk listed(true);
    CountingDisk stat_only(false);
    engine::Discovery a = engine::discover(listed, args, {});
    engine::Discovery b = engine::discover(stat_only, args, {});
    EXPECT_EQ(described(a), described(b));
    // many/: 15 arguments, one listing; stat'ed: the two links, the fifo and the missing name.
    // few/: 3 arguments, under the threshold: each stat'ed, no listing.
    EXPECT_EQ(listed.listings, 1);
    EXPECT_EQ(listed.kinds, 4 + 3);
    EXPECT_EQ(stat_only.kinds, 15 + 3);
    // Order as given; the directory argument is walked, the symlinked one too; the missing path is a
    // diagnostic; stdin is taken as given.
    std::vector<std::string> d = described(a);
    ASSERT_EQ(d.size(), 10U + 2 + 1 + 1 + 3 + 1 + 1);
    EXPECT_EQ(d[0], at("many/f9.Dockerfile") + " " + at("many/f9.Dockerfile") + " dockerfile");
    EXPECT_EQ(d[10], at("many/sub/Dockerfile") + " " + at("many/sub") + " dockerfile");
    EXPECT_EQ(d[11], at("many/link.Dockerfile") + " " + at("many/link.Dockerfile") + " dockerfile");
    EXPECT_EQ(d[12], at("many/sublink/Dockerfile") + " " + at("many/sublink") + " dockerfile");
    EXPECT_EQ(d[13], at("many/fifo") + " " + at("many/fifo") + " dockerfile");
    EXPECT_EQ(d.back(), at("many/missing") + ": no such file or directory");
}

TEST_F(DiscoverTest, AListingCutShortFallsBackToAStatEach) {
    // 9 arguments may read 9 * 64 entries: a directory with more is not listed to the end.
    for (int i = 0; i < 9 * 64; ++i) {
        std::ofstream(dir_ / "few" / ("h" + std::to_string(i)));
    }
    std::vector<std::string> args;
    for (int i = 0; i < 9; ++i) {
        args.push_back(at("few/h" + std::to_string(i)));
    }
    CountingDisk listed(true);
    engine::Discovery d = engine::discover(listed, args, {});
    EXPECT_EQ(d.inputs.size(), 9U);
    EXPECT_EQ(listed.listings, 1);
    EXPECT_EQ(listed.kinds, 9);
}

/// The real disk, except that the walk of one directory says it could not read one below it.
class RefusingWalk final : public bulwark::testing::ForwardingFs {
  public:
    explicit RefusingWalk(std::string refused)
        : ForwardingFs(util::real_filesystem()), refused_(std::move(refused)) {}
    util::WalkResult walk_reporting(const std::string& dir,
                                    const std::vector<std::string>& skip) const override {
        util::WalkResult r = inner().walk_reporting(dir, skip);
        r.errors.push_back(util::WalkError{refused_, "Permission denied"});
        return r;
    }

  private:
    std::string refused_;
};

TEST_F(DiscoverTest, ADirectoryTheWalkCannotReadIsAnErrorUnlessSkipped) {
    RefusingWalk disk(at("few/secret"));
    engine::Discovery d = engine::discover(disk, {at("few")}, {});
    EXPECT_EQ(d.inputs.size(), 0U);  // g0..g2 are not Dockerfile names
    ASSERT_EQ(d.diagnostics.size(), 1U);
    EXPECT_EQ(d.diagnostics[0].level, core::DiagLevel::error);
    EXPECT_EQ(d.diagnostics[0].location.file, at("few/secret"));
    EXPECT_EQ(d.diagnostics[0].message,
              "cannot read directory: Permission denied; the files below it were not scanned");
    // --skip names it: nothing to say.
    EXPECT_TRUE(engine::discover(disk, {at("few")}, {"secret"}).diagnostics.empty());
}

TEST(DockerfileNames, AreBuildKitsNamesButNotTheirIgnoreFiles) {
    const engine::InputKind* dockerfile = engine::find_input_kind("dockerfile");
    for (const char* path : {"Dockerfile", "a/Containerfile", "Dockerfile.dev", "api.Dockerfile",
                             "x/web.dockerfile", "Containerfile.arm64", "DOCKERFILE"}) {
        EXPECT_TRUE(model::is_dockerfile_name(engine::filename_of(path))) << path;
        EXPECT_EQ(engine::kind_for_path(path), dockerfile) << path;
    }
    // BuildKit's per-Dockerfile ignore files are not Dockerfiles: a walk must not parse them as one.
    for (const char* path :
         {"Dockerfile.dockerignore", "a/api.Dockerfile.dockerignore", "Containerfile.dockerignore",
          "Dockerfile.DOCKERIGNORE", ".dockerignore", "notes.txt"}) {
        EXPECT_FALSE(model::is_dockerfile_name(engine::filename_of(path))) << path;
        EXPECT_NE(engine::kind_for_path(path), dockerfile) << path;
    }
}

TEST_F(DiscoverTest, AWalkLeavesPerDockerfileIgnoreFilesOut) {
    std::ofstream(dir_ / "few" / "Dockerfile") << "FROM alpine:3.20\n";
    std::ofstream(dir_ / "few" / "Dockerfile.dockerignore") << ".git\n";
    engine::Discovery d = engine::discover(util::real_filesystem(), {at("few")}, {});
    ASSERT_EQ(d.inputs.size(), 1U);
    EXPECT_EQ(d.inputs[0].path, at("few/Dockerfile"));
}

TEST(RealFileSystem, AWalkOfADirectoryThatCannotBeOpenedSaysSo) {
    util::WalkResult r = util::real_filesystem().walk_reporting("/nonexistent-bulwark-dir", {});
    EXPECT_TRUE(r.files.empty());
    ASSERT_EQ(r.errors.size(), 1U);
    EXPECT_EQ(r.errors[0].path, "/nonexistent-bulwark-dir");
    EXPECT_EQ(r.errors[0].error, "No such file or directory");
}

}  // namespace
