// .dockerignore reading and matching, against the tables of moby/patternmatcher's tests
// (patternmatcher_test.go: TestMatches, the filepath.Match table, TestCleanPatterns*) and the
// ignorefile reader's behaviour.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "bulwark/input/context/copies.hpp"
#include "bulwark/input/context/dockerignore.hpp"

using namespace bulwark;
namespace ci = bulwark::input::context;

namespace {

ci::IgnoreFile read_ignore(const std::string& text) {
    return ci::parse_dockerignore(std::make_shared<const util::SourceFile>(".dockerignore", text));
}

std::string lines(const std::vector<std::string>& patterns) {
    std::string text;
    for (const std::string& p : patterns) {
        text += p + "\n";
    }
    return text;
}

bool excluded(const std::vector<std::string>& patterns, const std::string& path) {
    ci::IgnoreFile f = read_ignore(lines(patterns));
    EXPECT_TRUE(f.valid()) << lines(patterns);
    return ci::match_path(f, path).excluded;
}

struct MatchCase {
    const char* pattern;
    const char* path;
    bool match;  // MatchesOrParentMatches ("exact" and "inexact" in moby's table are both true)
};

// moby/patternmatcher TestMatches (Linux).
const MatchCase k_matches[] = {
    {"**", "file", true},
    {"**", "file/", true},
    {"**/", "file", true},
    {"**/", "file/", true},
    {"**", "/", true},
    {"**/", "/", true},
    {"**", "dir/file", true},
    {"**/", "dir/file", true},
    {"**", "dir/file/", true},
    {"**/", "dir/file/", true},
    {"**/**", "dir/file", true},
    {"**/**", "dir/file/", true},
    {"dir/**", "dir/file", true},
    {"dir/**", "dir/file/", true},
    {"dir/**", "dir/dir2/file", true},
    {"dir/**", "dir/dir2/file/", true},
    {"**/dir", "dir", true},
    {"**/dir", "dir/file", true},
    {"**/dir2/*", "dir/dir2/file", true},
    {"**/dir2/*", "dir/dir2/file/", true},
    {"**/dir2/**", "dir/dir2/dir3/file", true},
    {"**/dir2/**", "dir/dir2/dir3/file/", true},
    {"**file", "file", true},
    {"**file", "dir/file", true},
    {"**/file", "dir/file", true},
    {"**file", "dir/dir/file", true},
    {"**/file", "dir/dir/file", true},
    {"**/file*", "dir/dir/file", true},
    {"**/file*", "dir/dir/file.txt", true},
    {"**/file*txt", "dir/dir/file.txt", true},
    {"**/file*.txt", "dir/dir/file.txt", true},
    {"**/file*.txt*", "dir/dir/file.txt", true},
    {"**/**/*.txt", "dir/dir/file.txt", true},
    {"**/**/*.txt2", "dir/dir/file.txt", false},
    {"**/*.txt", "file.txt", true},
    {"**/**/*.txt", "file.txt", true},
    {"a**/*.txt", "a/file.txt", true},
    {"a**/*.txt", "a/dir/file.txt", true},
    {"a**/*.txt", "a/dir/dir/file.txt", true},
    {"a/*.txt", "a/dir/file.txt", false},
    {"a/*.txt", "a/file.txt", true},
    {"a/*.txt**", "a/file.txt", true},
    {"a[b-d]e", "ae", false},
    {"a[b-d]e", "ace", true},
    {"a[b-d]e", "aae", false},
    {"a[^b-d]e", "aze", true},
    {".*", ".foo", true},
    {".*", "foo", false},
    {"abc.def", "abcdef", false},
    {"abc.def", "abc.def", true},
    {"abc.def", "abcZdef", false},
    {"abc?def", "abcZdef", true},
    {"abc?def", "abcdef", false},
    {"**/foo/bar", "foo/bar", true},
    {"**/foo/bar", "dir/foo/bar", true},
    {"**/foo/bar", "dir/dir2/foo/bar", true},
    {"abc/**", "abc", false},
    {"abc/**", "abc/def", true},
    {"abc/**", "abc/def/ghi", true},
    {"**/.foo", ".foo", true},
    {"**/.foo", "bar.foo", false},
    {"a(b)c/def", "a(b)c/def", true},
    {"a(b)c/def", "a(b)c/xyz", false},
    {"a.|)$(}+{bc", "a.|)$(}+{bc", true},
    {"dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl",
     "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true},
    {"dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true},
    {"a\\\\", "a\\", true},
    {"a\\*b", "a*b", true},
};

TEST(Dockerignore, MobyMatchTable) {
    for (const MatchCase& c : k_matches) {
        // The reader cleans patterns ("**/" -> "**") as Docker's does before matching.
        EXPECT_EQ(excluded({c.pattern}, c.path), c.match) << "pattern " << c.pattern << " path " << c.path;
    }
}

TEST(Dockerignore, MobyMultiPatternTable) {
    EXPECT_FALSE(excluded({"**", "!util/docker/web"}, "util/docker/web/foo"));
    EXPECT_TRUE(excluded({"**", "!util/docker/web", "util/docker/web/foo"}, "util/docker/web/foo"));
    EXPECT_FALSE(excluded({"**", "!dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"},
                          "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"));
    EXPECT_FALSE(excluded({"**", "!dist/*.whl"}, "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl"));
}

TEST(Dockerignore, ExceptionsLaterLinesWin) {
    EXPECT_TRUE(excluded({"*.go"}, "fileutils.go"));
    EXPECT_TRUE(excluded({"!fileutils.go", "*.go"}, "fileutils.go"));
    EXPECT_FALSE(excluded({"*.go", "!fileutils.go"}, "fileutils.go"));
    EXPECT_FALSE(excluded({"docs", "!docs/README.md"}, "docs/README.md"));
    EXPECT_FALSE(excluded({"docs/", "!docs/README.md"}, "docs/README.md"));
    EXPECT_FALSE(excluded({"docs/*", "!docs/README.md"}, "docs/README.md"));
    EXPECT_TRUE(excluded({"docs", "!docs/README.md"}, "docs/other.md"));
    EXPECT_TRUE(excluded({"*", "!keep", "keep/secret"}, "keep/secret"));
    EXPECT_FALSE(excluded({"*", "!keep"}, "keep/public"));
}

TEST(Dockerignore, DirectoryPatternExcludesEverythingBelow) {
    EXPECT_TRUE(excluded({"node_modules"}, "node_modules/a/b/c.js"));
    EXPECT_TRUE(excluded({"build/"}, "build/out/app"));
    EXPECT_FALSE(excluded({"build"}, "src/build/app"));  // relative to the root, not any depth
    EXPECT_TRUE(excluded({"**/build"}, "src/build/app"));
    EXPECT_TRUE(excluded({"*/secrets"}, "app/secrets/key"));
    EXPECT_FALSE(excluded({"*/secrets"}, "a/b/secrets/key"));
}

TEST(Dockerignore, ReaderTrimsCleansAndStripsRoot) {
    EXPECT_TRUE(excluded({"  .env  "}, ".env"));
    EXPECT_TRUE(excluded({"/.env"}, ".env"));
    EXPECT_TRUE(excluded({"./config/../.env"}, ".env"));
    EXPECT_TRUE(excluded({"config//keys/"}, "config/keys/id_rsa"));
    EXPECT_TRUE(excluded({"*", "! /keep  "}, "other"));
    EXPECT_FALSE(excluded({"*", "! /keep  "}, "keep"));
    ci::IgnoreFile f = read_ignore("\xEF\xBB\xBF.env\r\n# comment\n\n   \n#.git\n  # not a comment\n");
    ASSERT_TRUE(f.valid());
    ASSERT_EQ(f.patterns.size(), 2U);
    EXPECT_EQ(f.patterns[0].rule.pattern, ".env");
    EXPECT_EQ(f.patterns[1].rule.pattern, "# not a comment");  // '#' only counts in column 1
    EXPECT_EQ(f.patterns[1].rule.range.begin, 32U);
}

TEST(Dockerignore, BadPatternsAreLocatedErrors) {
    ci::IgnoreFile f = read_ignore(".git\n  src/[a-\n!\nok\n\\\n[]a]\n[z-a]\n");
    ASSERT_EQ(f.diagnostics.size(), 5U);
    EXPECT_EQ(f.diagnostics[0].location.line, 2U);
    EXPECT_EQ(f.diagnostics[0].location.column, 3U);
    EXPECT_NE(f.diagnostics[0].message.find("src/[a-"), std::string::npos);
    EXPECT_EQ(f.diagnostics[1].location.line, 3U);
    EXPECT_NE(f.diagnostics[1].message.find("illegal exclusion pattern"), std::string::npos);
    EXPECT_EQ(f.diagnostics[2].location.line, 5U);
    EXPECT_EQ(f.diagnostics[3].location.line, 6U);
    EXPECT_EQ(f.diagnostics[4].location.line, 7U);
    EXPECT_FALSE(f.valid());
}

TEST(Dockerignore, CleanPathIsGoFilepathClean) {
    EXPECT_EQ(ci::clean_path(""), ".");
    EXPECT_EQ(ci::clean_path("./"), ".");
    EXPECT_EQ(ci::clean_path("a//b/./c/"), "a/b/c");
    EXPECT_EQ(ci::clean_path("a/../../b"), "../b");
    EXPECT_EQ(ci::clean_path("/../a"), "/a");
    EXPECT_EQ(ci::clean_path("/"), "/");
    EXPECT_EQ(ci::clean_path("a/b/.."), "a");
}

struct GlobCase {
    const char* pattern;
    const char* name;
    bool match;
    bool bad;
};

// Go's filepath.Match table, as copied into moby/patternmatcher's TestMatch.
const GlobCase k_globs[] = {
    {"abc", "abc", true, false},
    {"*", "abc", true, false},
    {"*c", "abc", true, false},
    {"a*", "a", true, false},
    {"a*", "abc", true, false},
    {"a*", "ab/c", false, false},
    {"a*/b", "abc/b", true, false},
    {"a*/b", "a/c/b", false, false},
    {"a*b*c*d*e*/f", "axbxcxdxe/f", true, false},
    {"a*b*c*d*e*/f", "axbxcxdxexxx/f", true, false},
    {"a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false, false},
    {"a*b*c*d*e*/f", "axbxcxdxexxx/fff", false, false},
    {"a*b?c*x", "abxbbxdbxebxczzx", true, false},
    {"a*b?c*x", "abxbbxdbxebxczzy", false, false},
    {"ab[c]", "abc", true, false},
    {"ab[b-d]", "abc", true, false},
    {"ab[e-g]", "abc", false, false},
    {"ab[^c]", "abc", false, false},
    {"ab[^b-d]", "abc", false, false},
    {"ab[^e-g]", "abc", true, false},
    {"a\\*b", "a*b", true, false},
    {"a\\*b", "ab", false, false},
    {"a?b",
     "a\xE2\x98\xBA"
     "b",
     true, false},
    {"a[^a]b",
     "a\xE2\x98\xBA"
     "b",
     true, false},
    {"a???b",
     "a\xE2\x98\xBA"
     "b",
     false, false},
    {"a[^a][^a][^a]b",
     "a\xE2\x98\xBA"
     "b",
     false, false},
    {"[a-\xCE\xB6]*", "\xCE\xB1", true, false},
    {"*[a-\xCE\xB6]", "A", false, false},
    {"a?b", "a/b", false, false},
    {"a*b", "a/b", false, false},
    {"[\\]a]", "]", true, false},
    {"[\\-]", "-", true, false},
    {"[x\\-]", "x", true, false},
    {"[x\\-]", "-", true, false},
    {"[x\\-]", "z", false, false},
    {"[\\-x]", "x", true, false},
    {"[\\-x]", "-", true, false},
    {"[\\-x]", "a", false, false},
    {"[]a]", "]", false, true},
    {"[-]", "-", false, true},
    {"[x-]", "x", false, true},
    {"[x-]", "-", false, true},
    {"[x-]", "z", false, true},
    {"[-x]", "x", false, true},
    {"[-x]", "-", false, true},
    {"[-x]", "a", false, true},
    {"\\", "a", false, true},
    {"[a-b-c]", "a", false, true},
    {"[", "a", false, true},
    {"[^", "a", false, true},
    {"[^bc", "a", false, true},
    {"a[", "a", false, true},
    {"a[", "ab", false, true},
    {"*x", "xxx", true, false},
};

TEST(Dockerignore, GoFilepathMatchTable) {
    for (const GlobCase& c : k_globs) {
        EXPECT_EQ(ci::glob_matches(c.pattern, c.name), c.match) << c.pattern << " vs " << c.name;
        EXPECT_EQ(ci::pattern_error(c.pattern) != std::string_view::npos, c.bad) << c.pattern;
    }
}

TEST(Dockerignore, SingleFilePatternsMatchAsDocker) {
    // The same table through the ignore file: bad patterns make the file invalid.
    for (const GlobCase& c : k_globs) {
        ci::IgnoreFile f = read_ignore(std::string(c.pattern) + "\n");
        EXPECT_EQ(f.valid(), !c.bad) << c.pattern;
        if (f.valid() && std::string_view(c.name).find('/') == std::string_view::npos) {
            EXPECT_EQ(ci::match_path(f, c.name).excluded, c.match) << c.pattern << " vs " << c.name;
        }
    }
}

TEST(Dockerignore, VerdictNamesTheDecidingLine) {
    ci::IgnoreFile f = read_ignore("secrets\n*.md\n!secrets/public.pem\n");
    EXPECT_EQ(ci::match_path(f, "secrets/public.pem").pattern, 2);
    EXPECT_FALSE(ci::match_path(f, "secrets/public.pem").excluded);
    EXPECT_EQ(ci::match_path(f, "secrets/key").pattern, 0);
    EXPECT_EQ(ci::match_path(f, "main.go").pattern, -1);
}

TEST(CopySources, SelectWithBuildKitSemantics) {
    EXPECT_TRUE(ci::copy_source_selects(".", "a/b/c"));
    EXPECT_TRUE(ci::copy_source_selects("./", ".env"));
    EXPECT_TRUE(ci::copy_source_selects("/", ".env"));
    EXPECT_TRUE(ci::copy_source_selects("config/", "config/db/.env"));
    EXPECT_TRUE(ci::copy_source_selects("/config", "config/db/.env"));
    EXPECT_FALSE(ci::copy_source_selects("config", "configs/x"));
    EXPECT_TRUE(ci::copy_source_selects("*.pem", "server.pem"));
    EXPECT_FALSE(ci::copy_source_selects("*.pem", "certs/server.pem"));
    EXPECT_TRUE(ci::copy_source_selects("cert?/", "certs/server.pem"));
    EXPECT_TRUE(ci::copy_source_selects("app/../keys", "keys/id_rsa"));
    EXPECT_FALSE(ci::copy_source_selects("package.json", "package-lock.json"));
}

}  // namespace
