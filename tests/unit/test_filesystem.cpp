// The real-disk FileSystem: reads (regular files, pipes, limits, errors), path kinds, normal paths.
#include <gtest/gtest.h>

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

}  // namespace
