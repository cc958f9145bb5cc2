#pragma once
// A rule: metadata and a pure check over a model. Every rule is one struct in one table.
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/core/finding.hpp"
#include "bulwark/core/policy.hpp"
#include "bulwark/model/container.hpp"
#include "bulwark/model/context.hpp"
#include "bulwark/model/daemon.hpp"
#include "bulwark/model/dockerfile.hpp"
#include "bulwark/model/image.hpp"
#include "bulwark/model/seccomp.hpp"

namespace bulwark::rules {

/// What a Dockerfile rule sees.
struct DockerfileContext {
    const model::Dockerfile& dockerfile;
    const core::Policy& policy;
};

/// What a container rule sees: one container and the project it runs in (its networks, the other
/// services).
struct ContainerContext {
    const model::ContainerSpec& container;
    const model::ContainerProject& project;
    const core::Policy& policy;
};

/// What a daemon rule sees: the daemon's configuration from daemon.json or a dockerd command line.
struct DaemonContext {
    const model::DaemonSpec& daemon;
    const core::Policy& policy;
};

/// What a seccomp rule sees: one seccomp profile.
struct SeccompContext {
    const model::SeccompProfile& profile;
    const core::Policy& policy;
};

/// What an image rule sees: one built image (its config, history, layers, files, secrets found in
/// file contents, packages).
struct ImageContext {
    const model::ImageSpec& image;
    const core::Policy& policy;
};

/// What a build-context rule sees: a Dockerfile read from disk and its build context (the files
/// `docker build` would send, the ignore file, secrets found in the contents of sent files).
struct ContextContext {
    const model::Dockerfile& dockerfile;
    const model::BuildContext& context;
    const core::Policy& policy;
};

struct Rule;

/// Collects one rule's findings, turning model ranges into file:line:col locations with evidence.
class Reporter {
  public:
    Reporter(const Rule& rule, const util::SourceFile& source, std::vector<core::Finding>& out);

    /// A finding over source range `where`.
    void report(model::Range where, std::string message, std::string fix = {});
    /// The same with a severity other than the rule's default (e.g. a more dangerous variant).
    void report(model::Range where, core::Severity severity, std::string message, std::string fix = {});
    /// A finding over bytes [begin, end) of mapped text (a RUN body, a heredoc).
    void report(const model::MappedText& text, size_t begin, size_t end, std::string message,
                std::string fix = {});
    /// A finding at an instruction's keyword, with the whole instruction's first line as evidence.
    void report(const model::Instruction& at, std::string message, std::string fix = {});
    /// A finding over range `where` of another file than the one scanned (a compose file pulled in
    /// by `extends`, an env_file): inputs whose values keep the file they came from.
    void report_in(const util::SourceFile& file, model::Range where, core::Severity severity,
                   std::string message, std::string fix = {});
    /// A finding where `at` was written (the scanned file when `at` has no file).
    void report(const model::Origin& at, core::Severity severity, std::string message, std::string fix = {});
    void report(const model::Origin& at, std::string message, std::string fix = {});
    /// A finding at a location that is not a range of a text file: a path inside an image layer
    /// (`where.pointer`), with `evidence` shown in place of a source line.
    void report_at(core::Location where, core::Severity severity, std::string message, std::string fix = {},
                   std::string evidence = {});

    const Rule& rule() const { return m_rule; }

  private:
    const Rule& m_rule;
    const util::SourceFile& m_source;
    std::vector<core::Finding>& m_out;
};

using DockerfileCheck = void (*)(const DockerfileContext&, Reporter&);
using ContainerCheck = void (*)(const ContainerContext&, Reporter&);
using DaemonCheck = void (*)(const DaemonContext&, Reporter&);
using SeccompCheck = void (*)(const SeccompContext&, Reporter&);
using ImageCheck = void (*)(const ImageContext&, Reporter&);
using ContextCheck = void (*)(const ContextContext&, Reporter&);

/// Categories (stable strings used in config and output).
namespace category {
inline constexpr std::string_view user = "user";
inline constexpr std::string_view base_image = "base-image";
inline constexpr std::string_view secrets = "secrets";
inline constexpr std::string_view supply_chain = "supply-chain";
inline constexpr std::string_view privilege = "privilege";
inline constexpr std::string_view packages = "packages";
inline constexpr std::string_view best_practice = "best-practice";
inline constexpr std::string_view isolation = "isolation";  // host namespaces, mounts, devices
inline constexpr std::string_view runtime = "runtime";      // limits, restart, health, logging
inline constexpr std::string_view network = "network";      // published ports, networks
inline constexpr std::string_view daemon = "daemon";
inline constexpr std::string_view seccomp = "seccomp";
inline constexpr std::string_view filesystem = "filesystem";  // image files: modes, junk, accounts
}  // namespace category

struct Rule {
    std::string_view id;     // stable forever: "BD001"
    std::string_view title;  // short imperative problem statement
    core::Severity severity = core::Severity::medium;
    std::string_view category;      // one of rules::category
    std::string_view tags;          // comma-separated
    std::string_view rationale;     // why it matters (a paragraph)
    std::string_view remediation;   // what to do
    std::string_view bad_example;   // Dockerfile snippet that triggers the rule
    std::string_view good_example;  // the corrected snippet
    std::string_view hadolint;      // comma-separated equivalents, "" when none
    std::string_view trivy;
    std::string_view checkov;
    std::string_view cis;
    DockerfileCheck check_dockerfile = nullptr;
    std::string_view example_kind = "dockerfile";  // input kind (engine/inputs.hpp) of both examples
    // Checks over other inputs' models, each defaulting to nullptr.
    ContainerCheck check_container = nullptr;  // compose services, docker run lines
    DaemonCheck check_daemon = nullptr;        // daemon.json, dockerd command lines
    SeccompCheck check_seccomp = nullptr;      // seccomp profiles
    ImageCheck check_image = nullptr;          // built images (archives, OCI layouts, engine images)
    std::string_view dockle = "";  // dockle checkpoint equivalents (CIS-DI-0008, DKL-LI-0001), "" when none
    ContextCheck check_context = nullptr;  // a Dockerfile's build context and .dockerignore
};

/// Every rule, sorted by id.
std::span<const Rule* const> all_rules();
/// Rule by id (case-insensitive), or nullptr.
const Rule* find_rule(std::string_view id);
/// Rules whose equivalents include `other_id` (e.g. "DL3008", "DS002", "CKV_DOCKER_3").
std::vector<const Rule*> rules_equivalent_to(std::string_view other_id);
/// Splits a comma-separated field.
std::vector<std::string_view> split_list(std::string_view field);

}  // namespace bulwark::rules
