#pragma once
// What bulwark knows about package managers' command lines: one row per manager, read by the
// package rules (BD050-BD057) and the SSH-server rule (BD044). Word lists are space-separated,
// except those handed to shell queries, which are initializer lists.
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/rules/dockerfile/packages_commands.hpp"

namespace bulwark::rules::dockerfile {

/// How a package operand names a version.
enum class PinStyle {
    none,    // not checked
    equals,  // apt/apk/zypper: name=version (apk also ~ < >; zypper also < >)
    rpm,     // yum/dnf: name-version
    pip,     // name==version and other PEP 440 specifiers, name @ url
    npm,     // name@version (scoped: @scope/name@version)
    gem,     // name:version or -v version
    go,      // path@version
};

/// How a manager's download cache gets into the layer.
enum class CacheKind {
    none,
    apt_lists,  // `update` fills /var/lib/apt/lists
    apk,        // `update`, or add/upgrade without --no-cache, fill /var/cache/apk
    rpm,        // install/upgrade/makecache fill /var/cache/{yum,dnf} until `clean all`
    zypper,     // install/upgrade/refresh fill /var/cache/zypp until `clean`
    pip,        // install fills ~/.cache/pip unless --no-cache-dir or PIP_NO_CACHE_DIR
    yarn,       // install/add fill the yarn cache until `yarn cache clean`
};

struct PackageManager {
    std::string_view name = {};                   // as shown in messages
    std::string_view programs = {};               // basenames that run it
    std::string_view family = {};                 // managers sharing one index and cache ("apt", "rpm" ...)
    model::shell::OptionList value_options = {};  // options taking a value, so values are not subcommands
    std::string_view install = {};                // subcommands that install packages
    std::string_view prompting = {};  // subcommands that ask for confirmation without a yes option
    std::string_view yes_short = {};  // short option letters answering yes
    std::initializer_list<std::string_view> yes_long = {};  // long options (no dashes) answering yes
    std::string_view refresh = {};                          // subcommands that only refresh the package index
    std::string_view upgrade = {};         // subcommands upgrading every installed package (without operands)
    std::string_view system_upgrade = {};  // subcommands upgrading the whole system even with operands
    CacheKind cache = CacheKind::none;
    std::string_view cache_dirs =
        {};                       // where its cache lives (removing or cache-mounting one keeps layers clean)
    std::string_view clean = {};  // commands that empty the cache: phrases separated by ',' ("clean all")
    PinStyle pin = PinStyle::none;
    std::string_view ssh_servers = {};  // packages that install an SSH server
    std::string_view fix_yes = {};      // the yes option to suggest
};

/// False when `operand` cannot name a package of any manager's ssh_servers list: it contains neither
/// "ssh" nor "dropbear", as every name of those lists does.
inline bool may_name_ssh_server(std::string_view operand) {
    return operand.find("ssh") != std::string_view::npos ||
           operand.find("dropbear") != std::string_view::npos;
}

/// Every known package manager.
std::span<const PackageManager> package_managers();

/// program_bit() of every program name of every manager: a RUN whose RunView::programs() has none
/// of them runs no package manager.
uint64_t manager_program_bits();

/// The manager `c` runs, or nullptr.
const PackageManager* manager_of(const RunCommand& c);

/// A package manager invocation: the manager, its subcommand and operands.
struct PackageCommand {
    const RunCommand* run = nullptr;
    const PackageManager* manager = nullptr;
    std::string_view subcommand;                          // "install"; for `yarn global add`: "add"
    const model::shell::Word* subcommand_word = nullptr;  // nullptr when there is none
    std::vector<const model::shell::Word*> operands;      // after the subcommand
    std::span<const model::shell::Word> argv;             // the whole command line (from the program)
    bool install = false;  // installs(), set by package_command(): several rules ask of every command

    /// True for an install-like subcommand (install, add, groupinstall ...).
    bool installs() const { return install; }
    /// True when the command line has one of these options (see shell::has_option).
    bool has_option(std::string_view short_letters, std::initializer_list<std::string_view> long_names) const;
};

/// `c` as a package manager invocation, or nullopt.
std::optional<PackageCommand> package_command(const RunCommand& c);

/// Every package manager invocation of a RUN, in order (computed once per view).
const std::vector<PackageCommand>& package_commands(const RunView& run);

/// package_command(run.commands()[i]) from the view's cache, or nullptr when it runs no manager.
const PackageCommand* package_command_at(const RunView& run, size_t i);

inline const PackageCommand* RunView::package_at(size_t i) const {
    if (!m_packages_done) {
        package_commands(*this);
    }
    int at = i < m_package_at.size() ? m_package_at[i] : -1;
    return at < 0 ? nullptr : m_packages.data() + at;
}

/// The command line of `cmd` as text, with `insert` added after the subcommand (or the program
/// when there is none): the concrete corrected command for a fix.
std::string command_line(const PackageCommand& cmd, std::string_view insert = {});

/// True when `cmd` empties `m`'s cache (its `clean` phrases, by any manager of the same family).
bool cleans_cache(const PackageCommand& cmd, const PackageManager& m);

/// True when `c` deletes one of `m`'s cache directories (`rm -rf /var/lib/apt/lists/*`).
bool removes_cache(const RunCommand& c, const PackageManager& m);

/// `operand` without its version ("curl=7.88" -> "curl", "openssh-server-8.7p1" -> "openssh-server").
std::string_view package_name(const PackageManager& m, std::string_view operand);

/// True when `operand` names a version (or is a local file, URL or group that needs none).
bool is_pinned(const PackageManager& m, std::string_view operand);

}  // namespace bulwark::rules::dockerfile
