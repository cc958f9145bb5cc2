// Dockerfile rules: the per-file shortcuts (program bits of each instruction, table prefilters,
// case-insensitive searches without copies) must give the answers of the full computations.
#include <gtest/gtest.h>

#include <string>

#include "bulwark/rules/ascii.hpp"
#include "bulwark/rules/dockerfile/packages_commands.hpp"
#include "bulwark/rules/dockerfile/packages_managers.hpp"
#include "bulwark/rules/dockerfile/supply_chain_common.hpp"
#include "bulwark/rules/secrets/files.hpp"
#include "bulwark/rules/secrets/names.hpp"
#include "bulwark/util/strings.hpp"
#include "support/scan_helpers.hpp"

namespace bulwark::testing {
namespace {

namespace rd = rules::dockerfile;

constexpr const char* k_dockerfile = R"(FROM debian:12 AS build
RUN apt-get update && xargs apt-get install -y < list && curl -fsSL https://x.example/i.sh | sh
RUN --mount=type=cache,target=/root/.cache pip3 install flask && sudo wget -q https://x.example/a
RUN ["busybox", "wget", "https://x.example/b"]
ONBUILD RUN echo hi
ENV A=1
FROM build
RUN cd /tmp && python3 -m pip install x; env FOO=1 yum -y install openssh-server
)";

TEST(RuleFastPaths, ProgramBitsHoldEveryCommandsProgram) {
    model::Dockerfile df = analyze_text(k_dockerfile);
    uint64_t all = 0;
    for (const model::Instruction& inst : df.instructions) {
        uint64_t want = 0;
        for (const model::ShellBody& body : inst.shell) {
            for (const rd::CommandFacts& f : rd::command_facts(df, inst, body)) {
                want |= rd::program_bit(f.program);
            }
        }
        uint64_t bits = rd::program_bits(df, inst);
        EXPECT_EQ(bits & want, want) << inst.line;
        EXPECT_EQ(bits,
                  rd::instruction_program_bits(df)[static_cast<size_t>(&inst - df.instructions.data())]);
        all |= bits;
    }
    EXPECT_EQ(rd::program_bits(df), all);
    // Instructions without shell commands have no bits; the download programs are all there.
    EXPECT_EQ(rd::program_bits(df, df.instructions.front()), 0U);  // FROM
    EXPECT_NE(all & rd::program_bit("curl"), 0U);
    EXPECT_NE(all & rd::program_bit("wget"), 0U);
    EXPECT_NE(all & rd::program_bit("busybox"), 0U);
    EXPECT_EQ(rd::program_bits(df, df.instructions[1]) & rd::supply::k_download_programs,
              rd::program_bit("curl") & rd::supply::k_download_programs);
}

TEST(RuleFastPaths, ProgramBitsOfAnInstructionOutsideTheFileAreAllSet) {
    model::Dockerfile df = analyze_text(k_dockerfile);
    model::Instruction other;
    EXPECT_EQ(rd::program_bits(df, other), ~uint64_t{0});
    model::Dockerfile empty = analyze_text("");
    EXPECT_EQ(rd::program_bits(empty), 0U);
    EXPECT_TRUE(rd::instruction_program_bits(empty).empty());
}

TEST(RuleFastPaths, DownloadsOnlyInInstructionsWithTheDownloadBits) {
    model::Dockerfile df = analyze_text(k_dockerfile);
    size_t downloads = 0;
    for (const model::Instruction& inst : df.instructions) {
        for (const model::ShellBody& body : inst.shell) {
            std::span<const rd::CommandFacts> facts = rd::command_facts(df, inst, body);
            for (size_t i = 0; i < facts.size(); ++i) {
                if (rd::supply::download_of(df, body.script.commands[i], facts[i]) != nullptr) {
                    ++downloads;
                    EXPECT_NE(rd::program_bits(df, inst) & rd::supply::k_download_programs, 0U) << inst.line;
                }
            }
        }
    }
    EXPECT_EQ(downloads, 3U);  // curl, sudo wget, busybox wget
}

TEST(DownloadNames, NameIsVariableOnlyWhenTheUrlStartsWithExpansionsAndNoSlashFollows) {
    for (const char* url : {"$URL", "${URL}", "${MIRROR}client-${V}.zip", "$A$B", "${U:-https://x/y.tgz}",
                            "${A}${B}", "$1", "${X"}) {
        EXPECT_TRUE(rd::supply::url_name_is_variable(url)) << url;
    }
    for (const char* url : {"https://example.com/$FILE", "${BASE}/tool.tgz", "$HOST/dl/x.zip",
                            "https://$HOST", "example.com/x", "", "x$Y", "${U:-https://x}/y.tgz"}) {
        EXPECT_FALSE(rd::supply::url_name_is_variable(url)) << url;
    }
}

TEST(RuleFastPaths, RunViewProgramsHoldEveryCommandsProgramAndManager) {
    model::Dockerfile df = analyze_text(std::string(k_dockerfile) +
                                        "RUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n"
                                        "RUN find . | xargs chmod 777\nRUN echo no managers here\n");
    size_t with_packages = 0;
    size_t without = 0;
    for (const model::Instruction& ins : df.instructions) {
        if (ins.kind != model::InstructionKind::run) {
            continue;
        }
        const rd::RunView& view = rd::run_view(df, ins);
        for (const rd::RunCommand& c : view.commands()) {
            EXPECT_NE(view.programs() & rd::program_bit(c.program), 0U) << ins.line << " " << c.program;
        }
        const std::vector<rd::PackageCommand>& pcs = rd::package_commands(view);
        for (const rd::PackageCommand& pc : pcs) {
            EXPECT_NE(rd::manager_program_bits() & rd::program_bit(pc.run->program), 0U) << pc.run->program;
        }
        // The shortcut for views without a manager answers as the full computation.
        size_t found = 0;
        for (size_t i = 0; i < view.commands().size(); ++i) {
            const rd::PackageCommand* at = view.package_at(i);
            EXPECT_EQ(at, rd::package_command_at(view, i));
            EXPECT_EQ(at != nullptr, rd::package_command(view.commands()[i]).has_value()) << ins.line;
            found += at != nullptr ? 1 : 0;
        }
        EXPECT_EQ(found, pcs.size());
        (pcs.empty() ? without : with_packages) += 1;
    }
    EXPECT_EQ(with_packages, 4U);  // apt-get, pip3, yum and the exec-form apt-get
    EXPECT_EQ(without, 3U);        // busybox wget (exec form), xargs chmod, echo
}

TEST(RuleFastPaths, SharedRunViewsAnswerAsViewsBuiltAlone) {
    // run_view() builds the views of every RUN of a file at once, their commands in one array.
    model::Dockerfile df = analyze_text(std::string(k_dockerfile) +
                                        "RUN [\"apt-get\", \"install\", \"-y\", \"curl\"]\n"
                                        "RUN find . | xargs sudo chmod 777 && python3 -m pip install y\n");
    size_t views = 0;
    for (const model::Instruction& ins : df.instructions) {
        if (ins.kind != model::InstructionKind::run) {
            continue;
        }
        const rd::RunView& shared = rd::run_view(df, ins);
        EXPECT_EQ(&shared, &rd::run_view(df, ins)) << ins.line;  // built once
        const rd::RunView alone(df, ins);
        EXPECT_EQ(&shared.instruction(), &ins);
        EXPECT_EQ(shared.programs(), alone.programs()) << ins.line;
        EXPECT_EQ(shared.scratch_mounts(), alone.scratch_mounts()) << ins.line;
        ASSERT_EQ(shared.commands().size(), alone.commands().size()) << ins.line;
        for (size_t i = 0; i < shared.commands().size(); ++i) {
            const rd::RunCommand& a = shared.commands()[i];
            const rd::RunCommand& b = alone.commands()[i];
            EXPECT_EQ(a.index, b.index);
            EXPECT_EQ(a.command->begin, b.command->begin);
            EXPECT_EQ(a.program, b.program) << ins.line;
            EXPECT_EQ(a.argv.size(), b.argv.size()) << ins.line << " " << a.program;
            EXPECT_EQ(a.via_xargs, b.via_xargs) << ins.line << " " << a.program;
        }
        for (const rd::PackageCommand& pc : rd::package_commands(shared)) {
            EXPECT_EQ(pc.installs(), rd::in_word_list(pc.manager->install, pc.subcommand)) << pc.subcommand;
        }
        ++views;
    }
    EXPECT_EQ(views, 6U);
}

TEST(RuleFastPaths, OptionFlagPrefilterKeepsTheAnswers) {
    // option_flag() first looks for a word that can be the option at all, then skips the values of
    // options that take one: a prefiltered "no" must be the full answer's.
    namespace sh = model::shell;
    auto words = [](std::initializer_list<const char*> values) {
        std::vector<sh::Word> out;
        for (const char* v : values) {
            sh::Word w;
            w.value = v;
            out.push_back(std::move(w));
        }
        return out;
    };
    static const sh::ValueOptions k_curl = sh::ValueOptions::of(rd::supply::k_curl_values);
    auto insecure = [&](const std::vector<sh::Word>& argv) -> const sh::Word* {
        return rd::supply::option_flag(argv, "k", {"insecure", "proxy-insecure"}, k_curl);
    };
    std::vector<sh::Word> group = words({"curl", "-fsSLk", "https://x"});
    EXPECT_EQ(insecure(group), &group[1]);
    std::vector<sh::Word> long_form = words({"curl", "--insecure=1", "https://x"});
    EXPECT_EQ(insecure(long_form), &long_form[1]);
    EXPECT_EQ(insecure(words({"curl", "-fsSL", "https://k.example"})), nullptr);
    EXPECT_EQ(insecure(words({"curl", "-o", "-k", "https://x"})), nullptr);        // the value of -o
    EXPECT_EQ(insecure(words({"curl", "--output", "--insecure", "x"})), nullptr);  // of --output
    EXPECT_EQ(insecure(words({"curl", "-ok", "https://x"})), nullptr);             // -o's value "k"
    EXPECT_EQ(insecure(words({"curl", "--", "-k"})), nullptr);
    std::vector<sh::Word> apt = words({"apt-get", "-o", "x", "--allow-unauthenticated", "install"});
    EXPECT_EQ(rd::supply::option_flag(apt, "", {"allow-unauthenticated"}, {"-o"}), &apt[3]);
    EXPECT_EQ(rd::supply::option_flag(words({"apt-get", "-o", "--allow-unauthenticated"}), "",
                                      {"allow-unauthenticated"}, {"-o"}),
              nullptr);
}

TEST(RuleFastPaths, EverySshServerNamePassesThePrefilter) {
    size_t names = 0;
    for (const rd::PackageManager& m : rd::package_managers()) {
        for (std::string_view name : util::split(m.ssh_servers, ' ')) {
            if (!name.empty()) {
                EXPECT_TRUE(rd::may_name_ssh_server(name)) << m.name << ": " << name;
                EXPECT_TRUE(rd::may_name_ssh_server(std::string(name) + "=1:8.9"));
                ++names;
            }
        }
    }
    EXPECT_GT(names, 5U);
    EXPECT_FALSE(rd::may_name_ssh_server("curl"));
    EXPECT_FALSE(rd::may_name_ssh_server("openss"));
}

TEST(RuleFastPaths, FindLowerAgreesWithLowerCasingFirst) {
    const std::string haystacks[] = {"",
                                     "APT::Install-Recommends \"false\";",
                                     "apt::install-recommends=0",
                                     "xxAPT::INSTALL-RECOMMENDSxx FALSE",
                                     "apt::install-recommend",
                                     "Aa aA AAa"};
    const std::string_view needles[] = {"apt::install-recommends", "false", "a", "aa", "aaa", ""};
    for (const std::string& h : haystacks) {
        std::string lower = util::to_lower(h);
        for (std::string_view n : needles) {
            for (size_t from = 0; from <= h.size(); ++from) {
                EXPECT_EQ(rules::find_lower(h, n, from), lower.find(n, from))
                    << h << " / " << n << " @" << from;
            }
        }
    }
}

TEST(RuleFastPaths, SecretNamePrefilterIgnoresCase) {
    for (const char* name :
         {"DB_PASSWORD", "db_password", "Db_Password", "API_KEY", "apiKey", "GITHUB_TOKEN", "clientSecret",
          "AWS_SECRET_ACCESS_KEY", "--password", "BASIC_AUTH", "ROOTPASS", "AWS_CREDENTIALS", "MYSQL_PWD"}) {
        EXPECT_TRUE(rules::secrets::is_secret_name(name)) << name;
        EXPECT_TRUE(rules::secrets::is_secret_name(util::to_lower(name))) << name;
    }
    for (const char* name : {"PATH", "HOME", "NODE_VERSION", "PWD", "OLDPWD", "PUBLIC_KEY", "GPG_KEY", ""}) {
        EXPECT_FALSE(rules::secrets::is_secret_name(name)) << name;
    }
}

TEST(RuleFastPaths, SecretNamePrecheckLooksAtLetterPairs) {
    // A name is split into words only when some letter pair starts a piece every secret name has.
    for (std::string_view name : {"DB_PASS", "ROOT_PWD", "API_KEY", "GITHUB_TOKEN", "AUTH", "AWS_CREDENTIALS",
                                  "CLIENT_SECRET", "dbPassword", "npm_auth", "x-api-key"}) {
        EXPECT_TRUE(rules::secrets::is_secret_name(name)) << name;
    }
    for (std::string_view name : {"PATH", "PWX", "P", "", "KE", "PA", "SPACE_KEEPER", "TOKE", "AUT"}) {
        EXPECT_FALSE(rules::secrets::is_secret_name(name)) << name;
    }
}

TEST(RuleFastPaths, SecretFileKindShortcuts) {
    // No '.' or '_': only a kubeconfig can match.
    EXPECT_TRUE(rules::secrets::secret_file_kind("deploy/kubeconfig").has_value());
    EXPECT_TRUE(rules::secrets::secret_file_kind("KubeConfig/").has_value());
    EXPECT_FALSE(rules::secrets::secret_file_kind("usr/local/bin").has_value());
    EXPECT_FALSE(rules::secrets::secret_file_kind("/").has_value());
    EXPECT_FALSE(rules::secrets::secret_file_kind("").has_value());
    // Credential directories are found when some segment starts with '.'.
    EXPECT_TRUE(rules::secrets::secret_file_kind("home/u/.ssh/mykey").has_value());
    EXPECT_TRUE(rules::secrets::secret_file_kind(".AWS/credentials").has_value());
    EXPECT_TRUE(rules::secrets::secret_file_kind("a/./.gnupg/x_y").has_value());
    EXPECT_FALSE(rules::secrets::secret_file_kind("home/u/ssh/my_key").has_value());
    EXPECT_FALSE(rules::secrets::secret_file_kind("./app_data/x").has_value());
    // Names outside dot directories, by name and by extension.
    for (std::string_view name : {"x/ID_RSA", "Credentials.json", "CLIENT_SECRET_1.json", "a/KUBECONFIG",
                                  "prod.KUBECONFIG", "x/terraform.TFSTATE", "s.tfstate.backup", "c.P12",
                                  "c.pfx", "server.PEM", "tls.key", "_netrc", "app/.npmrc", "a/.env.prod"}) {
        EXPECT_TRUE(rules::secrets::secret_file_kind(name).has_value()) << name;
    }
    for (std::string_view name : {"src__aspnet__8.0__Dockerfile", "main.go", "id.txt", "config.json",
                                  "ca.pem", "keys.txt", "tls.key.pub", "my_key"}) {
        EXPECT_FALSE(rules::secrets::secret_file_kind(name).has_value()) << name;
    }
}

}  // namespace
}  // namespace bulwark::testing
