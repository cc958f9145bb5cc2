#pragma once
// The commands a RUN instruction executes, as the package and privilege rule families see them:
// shell bodies and exec-form argument lists alike, wrappers (sudo, env, xargs, `python -m pip`)
// skipped. Shared by rules/dockerfile/packages*.cpp and privilege*.cpp.
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "bulwark/model/dockerfile.hpp"
#include "bulwark/model/shell_query.hpp"
#include "bulwark/rules/rule.hpp"

namespace bulwark::rules::dockerfile {

/// One simple command of a RUN, with the program that really runs.
struct RunCommand {
    const model::ShellBody* body = nullptr;          // the program text it belongs to
    size_t index = 0;                                // in body->script.commands
    const model::shell::Command* command = nullptr;  // body->script.commands[index]
    std::span<const model::shell::Word> argv;        // from the real program on (wrappers skipped)
    std::string_view program;                        // basename of argv[0]; "pip" for `python -m pip`
    bool via_xargs = false;                          // `xargs prog ...`: more operands come from stdin
};

/// A bit standing for program name `name` (a hash of it, one of 64): the bits of the programs an
/// instruction runs tell rules at once which instructions cannot hold the commands they look for.
constexpr uint64_t program_bit(std::string_view name) {
    // Size, first, second and last bytes: a few instructions per command, and the names rules look
    // for (curl, wget, apt-get, echo ...) mostly fall on different bits.
    if (name.empty()) {
        return 1;
    }
    auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(name[i])); };
    uint32_t h = byte(0) * 7U + byte(name.size() - 1) * 13U + byte(name.size() > 1 ? 1 : 0) * 3U +
                 static_cast<uint32_t>(name.size()) * 29U;
    return uint64_t{1} << ((h ^ (h >> 6U)) & 63U);
}

struct PackageCommand;

/// Every command one RUN executes, in order over all its shell bodies. Exec-form RUNs that are
/// not `sh -c` become one command. Empty for Windows images (their shells are not POSIX).
/// Rules get the one shared view of each RUN with run_view().
class RunView {
  public:
    RunView(const model::Dockerfile& df, const model::Instruction& run);
    RunView(const RunView&) = delete;
    RunView& operator=(const RunView&) = delete;
    RunView(RunView&&) noexcept;  // the commands stay where they are
    ~RunView();

    /// The commands, in execution order.
    std::span<const RunCommand> commands() const { return m_commands; }
    /// The RUN instruction.
    const model::Instruction& instruction() const { return *m_run; }
    /// Targets of the RUN's `--mount=type=cache` and `--mount=type=tmpfs` mounts.
    const std::vector<std::string>& scratch_mounts() const { return m_scratch_mounts; }
    /// True when `path` (or a directory holding it) is a cache or tmpfs mount of this RUN: what is
    /// written there does not end up in the layer.
    bool mounted_away(std::string_view path) const;
    /// package_command_at(*this, i) without a call (defined in packages_managers.hpp).
    inline const PackageCommand* package_at(size_t i) const;
    /// Holds program_bit() of every command's `program` (and may hold more: the facts' programs, all
    /// bits for ONBUILD triggers): `(programs() & wanted) == 0` proves that no command of the view
    /// runs a wanted program.
    uint64_t programs() const { return m_programs; }

  private:
    struct Shared {};  // tag of the constructor below, for run_view() only

  public:
    /// The view of `run` whose commands (and their `programs`) live in the file's rule cache.
    RunView(Shared, const model::Instruction& run, std::span<const RunCommand> commands, uint64_t programs);

  private:
    void read_mounts();

    const model::Instruction* m_run;
    std::vector<model::ShellBody> m_exec;    // the synthetic body of an exec-form RUN
    std::vector<RunCommand> m_own_commands;  // the commands, unless the rule cache holds them
    std::span<const RunCommand> m_commands;  // m_own_commands or the rule cache's
    std::vector<std::string> m_scratch_mounts;
    uint64_t m_programs = 0;
    friend const std::vector<PackageCommand>& package_commands(const RunView& run);
    friend const PackageCommand* package_command_at(const RunView& run, size_t i);
    friend struct RunViewBuilder;  // builds the views of a whole file at once (packages_commands.cpp)
    // Computed on first use: the package commands, and per command its index in them or -1
    // (empty when there are none).
    mutable bool m_packages_done = false;
    mutable std::vector<PackageCommand> m_packages;
    mutable std::vector<int> m_package_at;
};

/// The view of `run` (an instruction of `df`, or an ONBUILD trigger in it), built once per analyzed
/// Dockerfile and shared by every rule: valid as long as `df` is neither changed nor destroyed.
const RunView& run_view(const model::Dockerfile& df, const model::Instruction& run);

/// What every rule family asks of a shell command first: its effective argv (shell::effective_argv)
/// and the basename of the program (shell::program), computed once per analyzed Dockerfile.
struct CommandFacts {
    std::span<const model::shell::Word> argv;  // shell::effective_argv(c)
    std::string_view program;                  // shell::program(c): basename of argv[0], "" when none
};

/// Facts of the commands of `body` (a shell body of `inst`, an instruction of `df` or an ONBUILD
/// trigger in it), index-aligned with body.script.commands; valid as long as run_view()'s views.
std::span<const CommandFacts> command_facts(const model::Dockerfile& df, const model::Instruction& inst,
                                            const model::ShellBody& body);

/// program_bit() of every command_facts().program of every shell body of `inst` (an instruction of
/// `df`) ORed together, computed with the facts; all bits set for instructions not of `df` (ONBUILD
/// triggers), so that `(program_bits(df, inst) & wanted) == 0` proves no command runs a wanted program.
uint64_t program_bits(const model::Dockerfile& df, const model::Instruction& inst);
/// The same over every instruction of `df`: rules that look for a program return at once without it.
uint64_t program_bits(const model::Dockerfile& df);
/// program_bits(df, inst) of every instruction of `df`, by position: for loops over all of them.
std::span<const uint64_t> instruction_program_bits(const model::Dockerfile& df);

/// A slot of `df`'s rule cache (Dockerfile::rule_cache, next to the RUN views) for other data that
/// rules derive once per analyzed Dockerfile; empty until a rule file fills it with its own type.
std::shared_ptr<void>& rule_cache_slot(const model::Dockerfile& df, size_t slot);

/// Slots of rule_cache_slot(), one per rule file using it.
namespace cache_slot {
inline constexpr size_t downloads = 0;   // supply_chain_common.cpp: download_of()
inline constexpr size_t mode_sites = 1;  // privilege_modes.cpp: modes set by chmod, install -m, COPY --chmod
inline constexpr size_t count = 2;
}  // namespace cache_slot

/// Reports over words [first, last] of `c` (both in c.body's text).
void report_words(Reporter& out, const RunCommand& c, const model::shell::Word& first,
                  const model::shell::Word& last, std::string message, std::string fix = {});

/// The same with a severity other than the rule's default.
void report_words(Reporter& out, const RunCommand& c, const model::shell::Word& first,
                  const model::shell::Word& last, core::Severity severity, std::string message,
                  std::string fix = {});

/// Reports at the program name of `c`, through word `through` when it is not null (e.g. the subcommand).
void report_command(Reporter& out, const RunCommand& c, const model::shell::Word* through,
                    std::string message, std::string fix = {});

/// The stage owning `ins`, or nullptr (global ARGs).
const model::Stage* stage_of(const model::Dockerfile& df, const model::Instruction& ins);

/// True when `ins` belongs to a stage whose layers end up in the shipped image.
bool in_shipped_image(const model::Dockerfile& df, const model::Instruction& ins);

/// True when `ins` belongs to a stage that ships or whose files are copied into the shipped image.
bool reaches_shipped_image(const model::Dockerfile& df, const model::Instruction& ins);

/// A shell word or Dockerfile word expanded with the variables visible at `at`; nullopt when it
/// depends on a variable with no known value or one the Dockerfile never declares.
std::optional<std::string> resolve_value(const model::Dockerfile& df, const model::Instruction& at,
                                         std::string_view text);

/// True when `path` (a removed path or a mount target) is `dir` or a directory holding it, once
/// trailing "/", "/*" and "/." are dropped and home directories (`$HOME`, `/root`, `/home/<user>`)
/// are spelled `~`:
/// `/var/lib/apt/lists/*` and `/var/lib/apt` cover `/var/lib/apt/lists`.
bool path_covers(std::string_view path, std::string_view dir);

/// True when `word` is one of the words of a space-separated list ("install in reinstall").
bool in_word_list(std::string_view list, std::string_view word);

}  // namespace bulwark::rules::dockerfile
