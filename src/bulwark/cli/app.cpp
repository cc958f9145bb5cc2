#include "bulwark/cli/app.hpp"

#include <cstdio>
#include <exception>
#include <iostream>

#include <fmt/format.h>

#include "bulwark/util/strings.hpp"

namespace bulwark::cli {

namespace {

int help_command(std::vector<std::string> args);

const Command k_commands[] = {
    {"scan", "Scan Dockerfiles (files, directories, or - for stdin)", scan_command},
    {"check-run", "Check one `docker run` command line: check-run -- docker run ...", check_run_command},
    {"image", "Audit built images (docker save archives, OCI layouts, NAME[:TAG] in an engine)",
     image_command},
    {"rules", "List the rules (text or --format json|markdown)", rules_command},
    {"explain", "Show one rule: rationale, fix, examples and equivalents", explain_command},
    {"version", "Print the version", version_command},
    {"help", "Show help for bulwark or a command", help_command},
};

void print_usage(std::ostream& out) {
    out << "bulwark " << BULWARK_VERSION << " - security scanner and auditor for Docker\n\n"
        << "Usage: bulwark <command> [options]\n\nCommands:\n";
    for (const Command& c : k_commands) {
        out << fmt::format("  {:<10} {}\n", c.name, c.summary);
    }
    out << "\nRun 'bulwark <command> --help' for a command's options.\n"
        << "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error.\n";
}

int help_command(std::vector<std::string> args) {
    if (!args.empty()) {
        for (const Command& c : k_commands) {
            if (c.name == args.front() && c.name != "help") {
                return c.handler({"--help"});
            }
        }
    }
    print_usage(std::cout);
    return 0;
}

}  // namespace

std::span<const Command> commands() {
    return k_commands;
}

int run(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args.front() == "-h" || args.front() == "--help") {
        print_usage(args.empty() ? std::cerr : std::cout);
        return args.empty() ? 2 : 0;
    }
    if (args.front() == "--version" || args.front() == "-V") {
        return version_command({});
    }
    std::string name = args.front();
    args.erase(args.begin());
    for (const Command& c : k_commands) {
        if (c.name == name) {
            try {
                return c.handler(std::move(args));
            } catch (const std::exception& e) {
                std::cerr << "bulwark: fatal: " << e.what() << "\n";
                return 2;
            }
        }
    }
    std::cerr << fmt::format("bulwark: '{}' is not a command.", name);
    std::string_view best;
    size_t best_distance = 3;
    for (const Command& c : k_commands) {
        size_t d = util::edit_distance(name, c.name);
        if (d < best_distance) {
            best_distance = d;
            best = c.name;
        }
    }
    if (!best.empty()) {
        std::cerr << fmt::format(" Did you mean '{}'?", best);
    }
    std::cerr << " See 'bulwark --help'.\n";
    return 2;
}

int version_command(std::vector<std::string> /*args*/) {
    std::cout << "bulwark " << BULWARK_VERSION << "\n";
    return 0;
}

}  // namespace bulwark::cli
