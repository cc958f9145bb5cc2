#pragma once
// The command-line front end: one table of subcommands.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::cli {

/// A subcommand: its name, one line for --help, and its handler (args exclude the subcommand name).
struct Command {
    std::string_view name;
    std::string_view summary;
    int (*handler)(std::vector<std::string> args);
};

/// The table of subcommands.
std::span<const Command> commands();

/// Runs bulwark with argv; returns the exit code (0 ok, 1 findings, 2 usage or input error).
int run(int argc, char** argv);

int scan_command(std::vector<std::string> args);
/// `bulwark check-run -- docker run ...`: the container rules on one command line.
int check_run_command(std::vector<std::string> args);
/// `bulwark image IMAGE...`: the image rules on built images, and their SBOM.
int image_command(std::vector<std::string> args);
int rules_command(std::vector<std::string> args);
int explain_command(std::vector<std::string> args);
int version_command(std::vector<std::string> args);

}  // namespace bulwark::cli
