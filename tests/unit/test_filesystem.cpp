// The real-disk FileSystem: reads (regular files, pipes, limits, errors), path kinds, normal paths.
#include <gtest/gtest.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

#include "bulwark/util/filesystem.hpp"
#include "support/memory_fs.hpp"

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

TEST_F(RealFileSystemTest, ReadErrorsSayWhetherThePathNamesNothing) {
    // Callers decide by the kind, never by the words: an optional file is skipped only when missing.
    const util::FileSystem& rfs = util::real_filesystem();
    std::string file = write("f", "abc");
    EXPECT_EQ(rfs.read(file, 10).error_kind, util::ReadError::none);
    util::ReadResult missing = rfs.read((dir_ / "missing").string(), 10);
    EXPECT_EQ(missing.error_kind, util::ReadError::missing);
    EXPECT_EQ(missing.error, "No such file or directory");
    util::ReadResult through_file = rfs.read(file + "/below", 10);  // ENOTDIR: names nothing either
    EXPECT_EQ(through_file.error_kind, util::ReadError::missing);
    EXPECT_EQ(through_file.error, "Not a directory");
    util::ReadResult large = rfs.read(file, 2);
    EXPECT_EQ(large.error_kind, util::ReadError::too_large);
    EXPECT_EQ(large.error, "file too large");
    EXPECT_EQ(rfs.read(dir_.string(), 10).error_kind, util::ReadError::other);  // is a directory
}

TEST_F(RealFileSystemTest, AFileInADirectoryThatCannotBeSearchedIsNotMissing) {
    if (::geteuid() == 0) {
        GTEST_SKIP() << "root searches any directory: no EACCES to see (UnsearchableDirFs stands in for "
                        "it in the compose tests)";
    }
    const util::FileSystem& rfs = util::real_filesystem();
    fs::create_directories(dir_ / "locked");
    std::string inside = write("locked/app.env", "A=1\n");
    fs::permissions(dir_ / "locked", fs::perms::none);
    util::ReadResult r = rfs.read(inside, 10);
    util::PathKind kind = rfs.kind(inside);
    fs::permissions(dir_ / "locked", fs::perms::owner_all);
    EXPECT_EQ(r.error, "Permission denied");
    EXPECT_EQ(r.error_kind, util::ReadError::other);
    EXPECT_EQ(kind, util::PathKind::missing);  // stat() fails: kind() cannot tell, the read can
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
    EXPECT_EQ(limited.error_kind, util::ReadError::too_large);
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

TEST_F(RealFileSystemTest, ReadManyGivesWhatReadGivesOrLeavesItToRead) {
    const util::FileSystem& rfs = util::real_filesystem();
    std::vector<std::string> paths;
    std::vector<size_t> sizes = {0, 1, 100, 4095, 4096, 4097, 20000, 32767};
    for (int round = 0; round < 6; ++round) {  // 48 files: more than one batch of 32
        for (size_t n : sizes) {
            std::string data(n, static_cast<char>('a' + round));
            if (n > 2) {
                data[n / 2] = '\n';
            }
            paths.push_back(write("f" + std::to_string(round) + "-" + std::to_string(n), data));
        }
    }
    const size_t small = paths.size();
    paths.push_back(write("slot", std::string(32768, 's')));  // fills the batch read's slot
    paths.push_back(write("big", std::string(100000, 'b')));
    paths.push_back((dir_ / "missing").string());
    paths.push_back(dir_.string());  // a directory
    std::vector<std::optional<util::ReadResult>> got = rfs.read_many(paths, 1 << 20);
    ASSERT_EQ(got.size(), paths.size());
    if (!got[0]) {
        GTEST_SKIP() << "io_uring is refused here (kernel or seccomp): read_many reads nothing, read() does";
    }
    for (size_t i = 0; i < small; ++i) {
        ASSERT_TRUE(got[i].has_value()) << paths[i];
        util::ReadResult want = rfs.read(paths[i], 1 << 20);
        EXPECT_EQ(got[i]->data, want.data) << paths[i];
        EXPECT_EQ(got[i]->size, want.size) << paths[i];
        EXPECT_EQ(got[i]->error, "") << paths[i];
    }
    for (size_t i = small; i < paths.size(); ++i) {
        EXPECT_FALSE(got[i].has_value()) << paths[i];  // read() answers: whole, or its error
    }
    // Over the limit: left to read(), which names the error and the size.
    std::vector<std::optional<util::ReadResult>> limited = rfs.read_many({paths[6]}, 100);
    ASSERT_EQ(limited.size(), 1U);
    EXPECT_FALSE(limited[0].has_value());
    EXPECT_TRUE(rfs.read_many({}, 10).empty());
}

/// The real disk, counting the reads that reach it.
class CountingDisk final : public util::FileSystem {
  public:
    util::ReadResult read(const std::string& path, uint64_t max_bytes) const override {
        ++reads;
        return util::real_filesystem().read(path, max_bytes);
    }
    std::vector<std::optional<util::ReadResult>> read_many(const std::vector<std::string>& paths,
                                                           uint64_t max_bytes) const override {
        batch_reads += paths.size();
        return util::real_filesystem().read_many(paths, max_bytes);
    }
    bool is_directory(const std::string& path) const override {
        return util::real_filesystem().is_directory(path);
    }
    bool exists(const std::string& path) const override { return util::real_filesystem().exists(path); }
    std::vector<std::string> walk(const std::string& dir,
                                  const std::vector<std::string>& skip) const override {
        return util::real_filesystem().walk(dir, skip);
    }
    mutable size_t reads = 0;
    mutable size_t batch_reads = 0;
};

TEST_F(RealFileSystemTest, PrefetchedAnswersAreTakenOnceThenReadAsksAgain) {
    CountingDisk disk;
    util::PrefetchingFileSystem ahead(disk);
    std::vector<std::string> paths;
    for (int i = 0; i < 40; ++i) {
        paths.push_back(write("p" + std::to_string(i), std::string(static_cast<size_t>(i) * 10, 'x')));
    }
    paths.push_back(dir_.string());  // not a file: nothing kept, read() asks the disk
    ahead.prefetch(paths, 1 << 20);
    EXPECT_EQ(disk.batch_reads, paths.size());
    if (ahead.kept() == 0) {
        GTEST_SKIP() << "io_uring is refused here (kernel or seccomp): nothing is read ahead";
    }
    EXPECT_EQ(ahead.kept(), 40U);
    ahead.prefetch(paths, 1 << 20);  // kept ones are not read again
    EXPECT_EQ(disk.batch_reads, paths.size() + 1);
    for (int i = 0; i < 40; ++i) {
        util::ReadResult r = ahead.read(paths[static_cast<size_t>(i)], 1 << 20);
        EXPECT_EQ(r.data, std::string(static_cast<size_t>(i) * 10, 'x'));
        EXPECT_EQ(r.error, "");
    }
    EXPECT_EQ(disk.reads, 0U);
    EXPECT_EQ(ahead.kept(), 0U);
    EXPECT_EQ(ahead.read(paths[5], 1 << 20).data, std::string(50, 'x'));  // taken: asked again
    EXPECT_EQ(disk.reads, 1U);
    EXPECT_EQ(ahead.read(dir_.string(), 10).error, "is a directory");
    // A kept answer over a later, smaller limit is refused as read() refuses a regular file.
    ahead.prefetch({paths[20]}, 1 << 20);
    util::ReadResult limited = ahead.read(paths[20], 100);
    EXPECT_EQ(limited.error, "file too large");
    EXPECT_EQ(limited.error_kind, util::ReadError::too_large);
    EXPECT_EQ(limited.size, 200U);
    EXPECT_EQ(limited.data, "");
}

TEST_F(RealFileSystemTest, PrefetchKeepsAtMostItsBound) {
    CountingDisk disk;
    util::PrefetchingFileSystem ahead(disk);
    std::vector<std::string> paths;
    for (size_t i = 0; i < util::PrefetchingFileSystem::k_max_entries + 50; ++i) {
        paths.push_back(write("q" + std::to_string(i), "x"));
    }
    ahead.prefetch(paths, 10);
    if (ahead.kept() == 0) {
        GTEST_SKIP() << "io_uring is refused here (kernel or seccomp): nothing is read ahead";
    }
    EXPECT_EQ(ahead.kept(), util::PrefetchingFileSystem::k_max_entries);
    EXPECT_EQ(disk.batch_reads, util::PrefetchingFileSystem::k_max_entries);
    ahead.prefetch({paths.back()}, 10);  // full: nothing more is read
    EXPECT_EQ(disk.batch_reads, util::PrefetchingFileSystem::k_max_entries);
    EXPECT_EQ(ahead.read(paths.back(), 10).data, "x");
    EXPECT_EQ(disk.reads, 1U);
}

TEST(PrefetchingFileSystem, WithoutBatchReadsEveryReadIsTheInnerOnes) {
    // A FileSystem without read_many (as the disk where io_uring is refused) keeps nothing ahead.
    bulwark::testing::MemoryFs mem;
    mem.files["/a/Dockerfile"] = "FROM alpine:3.20\n";
    mem.files["/a/big"] = std::string(50, 'b');
    util::PrefetchingFileSystem ahead(mem);
    ahead.prefetch({"/a/Dockerfile", "/a/big", "/a/missing"}, 1 << 20);
    EXPECT_EQ(ahead.kept(), 0U);
    EXPECT_EQ(ahead.read("/a/Dockerfile", 100).data, "FROM alpine:3.20\n");
    EXPECT_EQ(ahead.read("/a/big", 10).error, "file too large");
    EXPECT_EQ(ahead.read("/a/missing", 10).error, "No such file or directory");
    // The kinds pass through, as the in-memory filesystem gives them.
    EXPECT_EQ(ahead.read("/a/Dockerfile", 100).error_kind, util::ReadError::none);
    EXPECT_EQ(ahead.read("/a/big", 10).error_kind, util::ReadError::too_large);
    EXPECT_EQ(ahead.read("/a/missing", 10).error_kind, util::ReadError::missing);
    EXPECT_EQ(ahead.read("/a", 10).error_kind, util::ReadError::other);  // a directory
    EXPECT_EQ(ahead.read("/a", 10).error, "is a directory");
    EXPECT_TRUE(ahead.is_directory("/a"));
    EXPECT_EQ(ahead.walk("/a", {}), mem.walk("/a", {}));
}

}  // namespace
