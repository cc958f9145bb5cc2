// The real-disk FileSystem: reads (regular files, pipes, limits, errors), path kinds, normal paths.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include "bulwark/util/filesystem.hpp"

using namespace bulwark;

namespace {

namespace fs = std::filesystem;

/// A fresh directory under the test temp dir, removed afterwards.
class RealFileSystemTest : public ::testing::Test {
  protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("bulwark-fs-" + std::to_string(::getpid()));
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string write(const std::string& name, const std::string& data) {
        std::string path = (dir_ / name).string();
        std::ofstream(path, std::ios::binary) << data;
        return path;
    }
    fs::path dir_;
};

TEST_F(RealFileSystemTest, ReadsRegularFilesWhole) {
    const util::FileSystem& rfs = util::real_filesystem();
    std::string big(200000, 'a');
    big[123456] = '\0';
    util::ReadResult r = rfs.read(write("big", big), 1 << 20);
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.data, big);
    EXPECT_EQ(r.size, big.size());

    util::ReadResult empty = rfs.read(write("empty", ""), 10);
    EXPECT_EQ(empty.error, "");
    EXPECT_EQ(empty.data, "");
    EXPECT_EQ(empty.size, 0U);
}

TEST_F(RealFileSystemTest, RefusesTooLargeDirectoriesAndMissingFiles) {
    const util::FileSystem& rfs = util::real_filesystem();
    util::ReadResult large = rfs.read(write("large", std::string(11, 'x')), 10);
    EXPECT_EQ(large.error, "file too large");
    EXPECT_EQ(large.data, "");
    EXPECT_EQ(large.size, 11U);
    EXPECT_EQ(rfs.read(write("exact", std::string(10, 'x')), 10).data, std::string(10, 'x'));

    EXPECT_EQ(rfs.read(dir_.string(), 10).error, "is a directory");
    EXPECT_EQ(rfs.read((dir_ / "missing").string(), 10).error, "No such file or directory");
}

TEST_F(RealFileSystemTest, ReadsPipesToTheirEndWithinTheLimit) {
    const util::FileSystem& rfs = util::real_filesystem();
    std::string fifo = (dir_ / "fifo").string();
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    std::string payload(300000, 'p');  // more than one pipe buffer and than the first 64 KB chunk
    std::thread writer([&] { std::ofstream(fifo, std::ios::binary) << payload; });
    util::ReadResult r = rfs.read(fifo, 1 << 20);
    writer.join();
    EXPECT_EQ(r.error, "");
    EXPECT_EQ(r.data, payload);
    EXPECT_EQ(r.size, payload.size());

    // The reader stops early: the writer then gets EPIPE, not a signal that ends the test.
    auto* previous = std::signal(SIGPIPE, SIG_IGN);
    std::thread writer2([&] { std::ofstream(fifo, std::ios::binary) << payload; });
    util::ReadResult limited = rfs.read(fifo, 1000);
    writer2.join();
    std::signal(SIGPIPE, previous);
    EXPECT_EQ(limited.error, "file too large");
    EXPECT_EQ(limited.data, "");
    EXPECT_GT(limited.size, 1000U);
}

TEST_F(RealFileSystemTest, KindNamesMissingDirectoriesAndFilesInOneLookup) {
    const util::FileSystem& rfs = util::real_filesystem();
    EXPECT_EQ(rfs.kind(write("f", "x")), util::PathKind::other);
    EXPECT_EQ(rfs.kind(dir_.string()), util::PathKind::directory);
    EXPECT_EQ(rfs.kind((dir_ / "nope").string()), util::PathKind::missing);
}

TEST(NormalPath, SameAsStdFilesystemLexicallyNormal) {
    for (const char* p : {"a/b/c",
                          "a//b",
                          "./a",
                          "a/./b",
                          "a/../b",
                          "../a/b",
                          "../../a",
                          "..",
                          ".",
                          "/",
                          "/a/b",
                          "/../a",
                          "a/b/",
                          "a/b/..",
                          "a/b/.",
                          "",
                          "./",
                          ".hidden/x",
                          "a/.dockerignore",
                          "a/..b/c",
                          "a/b../c",
                          "../shared/corpus/x__Dockerfile",
                          "a/../../b",
                          "//a"}) {
        EXPECT_EQ(util::normal_path(p), fs::path(p).lexically_normal().generic_string()) << p;
    }
}

/// The walk as std::filesystem's recursive iterator makes it (what RealFileSystem::walk replaced).
std::vector<std::string> reference_walk(const std::string& dir, const std::vector<std::string>& skip_dirs) {
    std::vector<std::string> out;
    std::error_code ec;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const fs::directory_entry& e = *it;
        std::error_code ec2;
        if (e.is_directory(ec2)) {
            std::string name = e.path().filename().string();
            if (std::find(skip_dirs.begin(), skip_dirs.end(), name) != skip_dirs.end()) {
                it.disable_recursion_pending();
            }
            continue;
        }
        if (e.is_regular_file(ec2)) {
            out.push_back(util::normal_path(e.path().native()));
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

TEST_F(RealFileSystemTest, WalkFindsWhatTheFilesystemIteratorFinds) {
    const util::FileSystem& rfs = util::real_filesystem();
    fs::create_directories(dir_ / "a" / "b" / "c");
    fs::create_directories(dir_ / ".git" / "objects");
    fs::create_directories(dir_ / "node_modules" / "x");
    fs::create_directories(dir_ / "empty");
    write("top", "1");
    write("a/one", "1");
    write("a/b/two", "2");
    write("a/b/c/three", "3");
    write(".git/HEAD", "h");
    write("node_modules/x/index.js", "x");
    fs::create_symlink(dir_ / "a" / "one", dir_ / "link-to-file");
    fs::create_directory_symlink(dir_ / "a", dir_ / "link-to-dir");
    fs::create_symlink(dir_ / "missing", dir_ / "broken-link");
    ASSERT_EQ(::mkfifo((dir_ / "a" / "fifo").c_str(), 0600), 0);
    for (const std::vector<std::string>& skip :
         {std::vector<std::string>{}, std::vector<std::string>{".git"}, {".git", "node_modules"}, {"b"}}) {
        for (const std::string& root : {dir_.string(), dir_.string() + "/", (dir_ / "a").string()}) {
            std::vector<std::string> got = rfs.walk(root, skip);
            EXPECT_EQ(got, reference_walk(root, skip)) << root;
            EXPECT_FALSE(got.empty());
        }
    }
    EXPECT_TRUE(rfs.walk((dir_ / "missing").string(), {}).empty());
    EXPECT_TRUE(rfs.walk((dir_ / "top").string(), {}).empty());
    std::vector<std::string> all = rfs.walk(dir_.string(), {});
    EXPECT_NE(std::find(all.begin(), all.end(), util::normal_path((dir_ / "link-to-file").string())),
              all.end());
    EXPECT_NE(std::find(all.begin(), all.end(), util::normal_path((dir_ / "a/b/c/three").string())),
              all.end());
}

}  // namespace
