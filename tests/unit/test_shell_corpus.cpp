// Shell parser on real RUN bodies from the docker-library Dockerfiles in the shared corpus.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bulwark/model/shell_query.hpp"
#include "test_shell_helpers.hpp"

using bulwark::input::shell::parse;
using ::testing::ElementsAre;
namespace sh = bulwark::model::shell;

namespace {

const std::filesystem::path k_corpus = std::filesystem::path(BULWARK_SHARED_DIR) / "corpus" / "dockerfiles";

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Shell-form RUN bodies joined the way Docker does: a trailing backslash continues the line and
// comment lines inside a continuation are dropped. Good enough for these files (no heredocs).
std::vector<std::string> run_bodies(const std::string& dockerfile) {
    std::vector<std::string> out;
    std::istringstream in(dockerfile);
    std::string line;
    bool in_run = false;
    std::string body;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        size_t first = line.find_first_not_of(" \t");
        if (in_run && first != std::string::npos && line[first] == '#') {
            continue;
        }
        if (!in_run) {
            if (first == std::string::npos || line.compare(first, 4, "RUN ") != 0) {
                continue;
            }
            line = line.substr(first + 4);
            if (line.find_first_not_of(" \t") != std::string::npos &&
                line[line.find_first_not_of(" \t")] == '[') {
                continue;  // exec form
            }
            in_run = true;
            body.clear();
        }
        size_t last = line.find_last_not_of(" \t");
        if (last != std::string::npos && line[last] == '\\') {
            body += line.substr(0, last);
            continue;
        }
        body += line;
        out.push_back(body);
        in_run = false;
    }
    return out;
}

const sh::Command* find_command(const sh::Script& s, std::string_view name, std::string_view sub) {
    for (const sh::Command& c : s.commands) {
        if (sh::is_command(c, name) && sh::subcommand(sh::effective_argv(c), {"-o", "-t"}) == sub) {
            return &c;
        }
    }
    return nullptr;
}

std::vector<std::string> values(const std::vector<const sh::Word*>& words) {
    std::vector<std::string> out;
    for (const sh::Word* w : words) {
        out.push_back(w->value);
    }
    return out;
}

}  // namespace

TEST(ShellCorpus, PostgresAptInstallPackagesAndCleanup) {
    auto bodies = run_bodies(read_text(k_corpus / "docker-library__postgres" / "17__bookworm__Dockerfile"));
    ASSERT_GE(bodies.size(), 3U);
    sh::Script s = parse(bodies[1]);
    EXPECT_TRUE(s.errors.empty());
    EXPECT_THAT(shell_test::commands(s), ElementsAre("set -ex", "apt-get update",
                                                     "apt-get install -y --no-install-recommends gnupg less",
                                                     "rm -rf /var/lib/apt/lists/*"));
    const sh::Command* install = find_command(s, "apt-get", "install");
    ASSERT_NE(install, nullptr);
    EXPECT_TRUE(sh::has_option(*install, "y", {"yes", "assume-yes"}));
    EXPECT_TRUE(sh::has_option(*install, "", {"no-install-recommends"}));
    EXPECT_THAT(values(sh::subcommand_operands(sh::effective_argv(*install), {"-o", "-t"})),
                ElementsAre("gnupg", "less"));
    EXPECT_EQ(s.commands[3].argv[2].value, "/var/lib/apt/lists/*");
    EXPECT_TRUE(s.commands[3].argv[2].dynamic);
}

TEST(ShellCorpus, PostgresGosuSubstitutionsAndConditions) {
    auto bodies = run_bodies(read_text(k_corpus / "docker-library__postgres" / "17__bookworm__Dockerfile"));
    ASSERT_GE(bodies.size(), 3U);
    sh::Script s = parse(bodies[2]);
    EXPECT_TRUE(s.errors.empty());
    std::vector<std::string> cmds = shell_test::commands(s);
    // dpkgArch="$(dpkg --print-architecture | awk -F- '{ print $NF }')"
    auto dpkg = std::find(cmds.begin(), cmds.end(), "dpkg --print-architecture");
    ASSERT_NE(dpkg, cmds.end());
    const sh::Command& d = s.commands[static_cast<size_t>(dpkg - cmds.begin())];
    EXPECT_TRUE(d.in_substitution);
    EXPECT_EQ(d.next, sh::Connector::pipe);
    EXPECT_EQ(d.pipeline, s.commands[static_cast<size_t>(dpkg - cmds.begin()) + 1].pipeline);
    // [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark > /dev/null
    auto test = std::find(cmds.begin(), cmds.end(), "[ -z $savedAptMark ]");
    ASSERT_NE(test, cmds.end());
    const sh::Command& t = s.commands[static_cast<size_t>(test - cmds.begin())];
    EXPECT_TRUE(t.in_condition);
    EXPECT_EQ(t.next, sh::Connector::or_if);
    const sh::Command& mark = s.commands[static_cast<size_t>(test - cmds.begin()) + 1];
    EXPECT_EQ(shell_test::joined(mark), "apt-mark manual $savedAptMark");
    ASSERT_EQ(mark.redirects.size(), 1U);
    EXPECT_EQ(mark.redirects[0].target.value, "/dev/null");
    const sh::Command* purge = find_command(s, "apt-get", "purge");
    ASSERT_NE(purge, nullptr);
    EXPECT_EQ(sh::option_value(*purge, "o", {"option"}), "APT::AutoRemove::RecommendsImportant=false");
    EXPECT_EQ(sh::commands_named(s, "wget").size(), 2U);
}

TEST(ShellCorpus, PostgresCaseStatementBranches) {
    auto bodies = run_bodies(read_text(k_corpus / "docker-library__postgres" / "17__bookworm__Dockerfile"));
    const sh::Script* found = nullptr;
    sh::Script s;
    for (const std::string& b : bodies) {
        if (b.find("case \"$dpkgArch\" in") != std::string::npos) {
            s = parse(b);
            found = &s;
            break;
        }
    }
    ASSERT_NE(found, nullptr);
    EXPECT_TRUE(s.errors.empty()) << s.errors.at(0).message;
    const sh::Command* dev = nullptr;
    for (const sh::Command& c : s.commands) {
        if (sh::is_command(c, "apt-get") && sh::subcommand(sh::effective_argv(c)) == "install" &&
            c.depth > 0) {
            dev = &c;
            break;
        }
    }
    ASSERT_NE(dev, nullptr);
    EXPECT_GE(dev->depth, 1);
}

TEST(ShellCorpus, PythonConfigureWithSubstitutionArgument) {
    auto bodies =
        run_bodies(read_text(k_corpus / "docker-library__python" / "3.10__slim-bookworm__Dockerfile"));
    ASSERT_GE(bodies.size(), 2U);
    sh::Script s = parse(bodies[1]);
    EXPECT_TRUE(s.errors.empty());
    const sh::Command* install = find_command(s, "apt-get", "install");
    ASSERT_NE(install, nullptr);
    auto pkgs = values(sh::subcommand_operands(sh::effective_argv(*install)));
    EXPECT_EQ(pkgs.size(), 20U);
    EXPECT_EQ(pkgs.front(), "dpkg-dev");
    EXPECT_EQ(pkgs.back(), "zlib1g-dev");
    // $(test "${gnuArch%%-*}" != 'riscv64' && echo '--with-lto') inside ./configure's arguments
    const sh::Command* configure = nullptr;
    for (const sh::Command& c : s.commands) {
        if (!c.argv.empty() && c.argv[0].value == "./configure") {
            configure = &c;
        }
    }
    ASSERT_NE(configure, nullptr);
    size_t index = sh::index_of(s, *configure);
    ASSERT_LT(index + 2, s.commands.size());
    EXPECT_EQ(shell_test::joined(s.commands[index + 1]), "test ${gnuArch%%-*} != riscv64");
    EXPECT_EQ(s.commands[index + 1].parent, static_cast<int>(index));
    EXPECT_TRUE(s.commands[index + 1].in_condition);
    EXPECT_EQ(shell_test::joined(s.commands[index + 2]), "echo --with-lto");
}

TEST(ShellCorpus, EveryDockerLibraryRunBodyParsesWithoutErrors) {
    size_t bodies_seen = 0;
    size_t commands_seen = 0;
    for (const auto& dir : std::filesystem::directory_iterator(k_corpus)) {
        if (dir.path().filename().string().rfind("docker-library__", 0) != 0) {
            continue;
        }
        for (const auto& f : std::filesystem::directory_iterator(dir.path())) {
            if (f.path().filename().string().find("windows") != std::string::npos) {
                continue;  // PowerShell bodies
            }
            for (const std::string& body : run_bodies(read_text(f.path()))) {
                sh::Script s = parse(body);
                ++bodies_seen;
                commands_seen += s.commands.size();
                EXPECT_TRUE(s.errors.empty())
                    << f.path() << ": " << s.errors.at(0).message << " at " << s.errors.at(0).offset << "\n"
                    << body;
                for (const sh::Command& c : s.commands) {
                    EXPECT_LE(c.begin, c.end);
                    EXPECT_LE(c.end, body.size());
                }
            }
        }
    }
    EXPECT_GT(bodies_seen, 100U);
    EXPECT_GT(commands_seen, bodies_seen * 3);
}
